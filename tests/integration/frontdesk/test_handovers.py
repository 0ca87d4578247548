"""Warm handovers: the front desk records one, workers see who waits, match and pick up."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from app.models import AuditEvent, Handover
from tests.factories import make_user
from tests.factories.frontdesk import make_handover
from tests.pagecheck import text_of

GOOD = {
    "name": "Sam",
    "needs": ["omt", "housing"],
    "urgency": "immediate",
    "reach": "here",
    "phone": "",
    "note": "Missed a dose yesterday.",
}


def audit_actions(fetch) -> list[str]:
    return [e.action for e in fetch(select(AuditEvent).order_by(AuditEvent.id))]


@pytest.mark.parametrize("role", ["frontdesk", "worker", "senior", "manager"])
def test_the_handover_form_shows_for_staff(client, sign_in_as, role):
    sign_in_as(role)
    response = client.get("/frontdesk/handovers/new")
    assert response.status_code == 200
    page = text_of(response.get_data(as_text=True))
    for words in (
        "What do they want help with?",
        "Housing",
        "Children and child protection (CYF)",
        "How soon do they need help, and how much?",
        "Right now, today",
        "Where are they?",
        "They will call back",
    ):
        assert words in page


def test_a_trainee_cannot_make_a_handover(client, sign_in_as):
    sign_in_as("trainee")
    assert client.get("/frontdesk/handovers/new").status_code == 404
    assert client.post("/frontdesk/handovers/new", data=dict(GOOD)).status_code == 404
    assert client.get("/frontdesk/handovers").status_code == 404


def test_front_desk_records_a_handover(client, sign_in_as, fetch):
    me = sign_in_as("frontdesk")
    response = client.post("/frontdesk/handovers/new", data=dict(GOOD))
    assert response.status_code == 303
    [handover] = fetch(select(Handover))
    assert response.headers["Location"].endswith(f"/frontdesk/handovers/{handover.id}")
    assert (handover.name, handover.needs, handover.urgency, handover.reach) == (
        "Sam",
        ["omt", "housing"],
        "immediate",
        "here",
    )
    assert handover.status == "waiting" and handover.created_by_id == me.id
    assert handover.client_id is None and handover.phone is None
    page = text_of(client.get(response.headers["Location"]).get_data(as_text=True))
    assert "Handover saved. Workers can see it on their home page now." in page
    assert "Waiting for a worker" in page
    assert "handover.created" in audit_actions(fetch)


def test_a_name_is_not_needed(client, sign_in_as, fetch):
    sign_in_as("frontdesk")
    response = client.post("/frontdesk/handovers/new", data={**GOOD, "name": ""})
    assert response.status_code == 303
    assert fetch(select(Handover))[0].name is None
    assert "Handover for someone" in text_of(client.get(response.headers["Location"]).data.decode())


def test_missing_answers_get_plain_messages_and_nothing_is_lost(client, sign_in_as, fetch):
    sign_in_as("frontdesk")
    response = client.post(
        "/frontdesk/handovers/new", data={"name": "Jay", "reach": "phone", "note": "Call at 2"}
    )
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    page = text_of(html)
    assert "<title>Error: " in html
    assert "There is a problem" in page
    assert "Choose at least one thing they want help with" in page
    assert "Choose how soon they need help" in page
    assert "Enter their phone number" in page
    assert 'value="Jay"' in html and "Call at 2</textarea>" in html
    assert fetch(select(Handover)) == []


def test_a_wrong_phone_number_or_unknown_need_is_refused(client, sign_in_as, fetch):
    sign_in_as("frontdesk")
    page = text_of(
        client.post(
            "/frontdesk/handovers/new",
            data={**GOOD, "reach": "phone", "phone": "call me maybe", "needs": ["omt", "pizza"]},
        ).get_data(as_text=True)
    )
    assert "Enter a phone number using numbers" in page
    assert "Choose from the list" in page
    assert fetch(select(Handover)) == []


def test_a_very_long_note_gets_a_message_and_is_kept(client, sign_in_as, fetch):
    sign_in_as("frontdesk")
    note = "word " * 2000  # 10,000 characters
    response = client.post("/frontdesk/handovers/new", data={**GOOD, "note": note})
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "The note must be 2,000 characters or fewer" in text_of(html)
    assert note.strip() in html  # what was typed is still there to cut down
    assert fetch(select(Handover)) == []


def test_a_phone_handover_keeps_the_number(client, sign_in_as, fetch):
    sign_in_as("frontdesk")
    client.post(
        "/frontdesk/handovers/new", data={**GOOD, "reach": "phone", "phone": "0412 345 678"}
    )
    assert fetch(select(Handover))[0].phone == "0412 345 678"


def test_front_desk_sees_only_todays_handovers_they_made(
    client, sign_in_as, db_session, frozen_clock
):
    me = sign_in_as("frontdesk", display_name="Kim Nguyen")
    other_desk = make_user(db_session, "frontdesk")
    mine = make_handover(db_session, me, name="Sam")
    theirs = make_handover(db_session, other_desk, name="Jay")
    page = text_of(client.get("/frontdesk/handovers").get_data(as_text=True))
    assert "Your handovers today" in page
    assert "Sam" in page and "Jay" not in page
    assert "I will pick this up" not in page
    assert client.get(f"/frontdesk/handovers/{mine.id}").status_code == 200
    assert client.get(f"/frontdesk/handovers/{theirs.id}").status_code == 404
    frozen_clock.advance(days=1)
    sign_in_as(user=me)  # a new day, a new session
    assert client.get(f"/frontdesk/handovers/{mine.id}").status_code == 404
    assert "Sam" not in text_of(client.get("/frontdesk/handovers").get_data(as_text=True))


def test_workers_see_who_is_waiting_with_matching_workers(client, sign_in_as, db_session, fetch):
    desk = make_user(db_session, "frontdesk")
    make_user(db_session, "worker", display_name="Alex Murray", shared_experience=["omt", "cyf"])
    make_user(db_session, "worker", display_name="Priya Sharma", shared_experience=["housing"])
    make_user(
        db_session, "senior", display_name="Rosa Tuilagi", shared_experience=["omt", "housing"]
    )
    make_user(db_session, "worker", display_name="Dan Kelly", shared_experience=["prison"])
    handover = make_handover(db_session, desk, name="Sam", needs=["omt", "housing"])
    sign_in_as("worker")
    html = client.get("/frontdesk/handovers").get_data(as_text=True)
    page = text_of(html)
    assert "People waiting for a worker" in page
    assert "Sam" in page and "Methadone or buprenorphine" in page and "Housing" in page
    # Best match first: Rosa shares both, then Alex and Priya one each; Dan does not fit.
    assert page.index("Rosa Tuilagi") < page.index("Alex Murray") < page.index("Priya Sharma")
    assert "Dan Kelly" not in page
    assert "I will pick this up" in page
    events = fetch(select(AuditEvent).where(AuditEvent.action == "handover.list_viewed"))
    assert events and handover.id in events[-1].detail["waiting"]


def test_viewing_a_handover_is_in_the_audit_log(client, sign_in_as, db_session, fetch):
    handover = make_handover(db_session, make_user(db_session, "frontdesk"))
    me = sign_in_as("senior")
    assert client.get(f"/frontdesk/handovers/{handover.id}").status_code == 200
    [event] = fetch(select(AuditEvent).where(AuditEvent.action == "handover.viewed"))
    assert (event.record_type, event.record_id, event.created_by_id) == (
        "Handover",
        handover.id,
        me.id,
    )


def test_a_worker_picks_up_a_handover(client, sign_in_as, db_session, fetch):
    handover = make_handover(db_session, make_user(db_session, "frontdesk"), name="Sam")
    me = sign_in_as("worker", display_name="Alex Murray")
    response = client.post(f"/frontdesk/handovers/{handover.id}/pick-up", follow_redirects=True)
    assert "You have picked up the handover for Sam." in text_of(response.get_data(as_text=True))
    page = text_of(client.get(f"/frontdesk/handovers/{handover.id}").get_data(as_text=True))
    assert "Alex Murray has picked this up" in page
    [saved] = fetch(select(Handover))
    assert saved.status == "picked_up" and saved.picked_up_by_id == me.id
    assert saved.picked_up_at is not None
    assert "handover.picked_up" in audit_actions(fetch)


def test_picking_up_leads_to_a_new_client_file_when_files_exist(
    client, sign_in_as, db_session, app
):
    handover = make_handover(db_session, make_user(db_session, "frontdesk"))
    sign_in_as("worker")
    response = client.post(f"/frontdesk/handovers/{handover.id}/pick-up")
    assert response.status_code == 303
    with app.test_request_context():
        from flask import url_for

        expected = url_for("clients.start_from_handover", handover_id=handover.id)
    assert response.headers["Location"].endswith(expected)


def test_only_one_worker_gets_it(client, sign_in_as, db_session, fetch):
    first = make_user(db_session, "worker", display_name="Alex Murray")
    handover = make_handover(
        db_session,
        make_user(db_session, "frontdesk"),
        status="picked_up",
        picked_up_by_id=first.id,
    )
    sign_in_as("worker")
    response = client.post(f"/frontdesk/handovers/{handover.id}/pick-up")
    assert response.status_code == 303
    page = text_of(client.get(response.headers["Location"]).get_data(as_text=True))
    assert "Alex Murray has this one already." in page
    assert fetch(select(Handover))[0].picked_up_by_id == first.id


def test_front_desk_cannot_pick_up(client, sign_in_as, db_session, fetch):
    me = sign_in_as("frontdesk")
    handover = make_handover(db_session, me)
    assert client.post(f"/frontdesk/handovers/{handover.id}/pick-up").status_code == 404
    assert fetch(select(Handover))[0].status == "waiting"


def test_an_unknown_handover_is_not_found(client, sign_in_as):
    sign_in_as("worker")
    assert client.get("/frontdesk/handovers/999").status_code == 404
    assert client.post("/frontdesk/handovers/999/pick-up").status_code == 404


def test_closing_a_handover_nobody_picked_up(client, sign_in_as, db_session, fetch):
    me = sign_in_as("frontdesk")
    handover = make_handover(db_session, me)
    response = client.post(f"/frontdesk/handovers/{handover.id}/close", data={})
    assert response.status_code == 200
    assert "Choose why you are closing it" in text_of(response.get_data(as_text=True))
    response = client.post(f"/frontdesk/handovers/{handover.id}/close", data={"reason": "left"})
    assert response.status_code == 303
    [saved] = fetch(select(Handover))
    assert (saved.status, saved.closed_reason, saved.closed_by_id) == ("closed", "left", me.id)
    assert "handover.closed" in audit_actions(fetch)


def test_worker_home_shows_people_waiting(client, sign_in_as, db_session, fetch):
    desk = make_user(db_session, "frontdesk")
    make_user(db_session, "worker", display_name="Alex Murray", shared_experience=["omt"])
    sign_in_as("worker")
    assert "People waiting for a worker" not in text_of(client.get("/").get_data(as_text=True))
    make_handover(db_session, desk, name="Sam", needs=["omt"])
    page = text_of(client.get("/").get_data(as_text=True))
    assert "People waiting for a worker (1)" in page
    assert "Sam" in page and "Alex Murray" in page
    assert any(
        e.detail.get("on") == "home"
        for e in fetch(select(AuditEvent).where(AuditEvent.action == "handover.list_viewed"))
    )


def test_front_desk_home_has_no_waiting_panel(client, sign_in_as, db_session):
    me = sign_in_as("frontdesk")
    make_handover(db_session, me, name="Sam")
    page = text_of(client.get("/").get_data(as_text=True))
    assert "People waiting for a worker" not in page
    assert "Handover" in page  # the tile


def test_how_long_someone_has_waited(client, sign_in_as, db_session, frozen_clock):
    desk = make_user(db_session, "frontdesk")
    make_handover(
        db_session, desk, name="Sam", created_at=frozen_clock.moment - timedelta(minutes=25)
    )
    sign_in_as("worker")
    assert "Waiting 25 minutes." in text_of(client.get("/frontdesk/handovers").data.decode())
