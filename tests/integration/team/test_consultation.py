"""The weekly case meeting: who needs talking about and why, and what was decided."""

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from app.models import AuditEvent, ConsultationDecision, TimelineEntry
from app.team import consultation
from tests.factories import make_user
from tests.factories.care import make_appointment, make_note, make_plan, on
from tests.factories.clients import make_client, make_consent, make_episode
from tests.factories.frontdesk import make_handover
from tests.pagecheck import text_of

TODAY = date(2026, 3, 3)


@pytest.fixture
def caseload(db_session, frozen_clock):
    """Alex's people, each with one thing to talk about (and one with nothing)."""
    alex = make_user(db_session, "worker", display_name="Alex Murray")
    made = {}

    def person(name, opened_on=date(2026, 2, 1)):
        client = make_client(db_session, alex, nickname=name)
        episode = make_episode(db_session, client, opened_on=opened_on)
        make_note(db_session, client, by=alex, contact_at=on(date(2026, 3, 2)))
        made[name] = (client, episode)
        return client, episode

    client, episode = person("Overdue")
    make_plan(db_session, client, episode, review_on=date(2026, 3, 1))
    client, episode = person("Due")
    make_plan(db_session, client, episode, review_on=date(2026, 3, 8))
    client, episode = person("Later")
    make_plan(db_session, client, episode, review_on=date(2026, 3, 20))  # not yet

    quiet = make_client(db_session, alex, nickname="Quiet")
    make_episode(db_session, quiet, opened_on=date(2026, 1, 5))
    make_note(db_session, quiet, by=alex, contact_at=on(date(2026, 1, 15)))
    made["Quiet"] = (quiet, None)

    gone = make_client(db_session, alex, nickname="Gone")
    make_episode(db_session, gone, opened_on=date(2025, 11, 1))
    make_note(db_session, gone, by=alex, contact_at=on(date(2025, 11, 20)))
    made["Gone"] = (gone, None)

    booked = make_client(db_session, alex, nickname="Booked")
    make_episode(db_session, booked, opened_on=date(2025, 11, 1))
    make_note(db_session, booked, by=alex, contact_at=on(date(2025, 11, 20)))
    make_appointment(db_session, booked, starts_at=on(date(2026, 3, 10)))
    made["Booked"] = (booked, None)

    client, _ = person("Late")
    make_note(db_session, client, by=alex, contact_at=on(date(2026, 2, 25)), late=True)

    client, _ = person("Consent")
    make_consent(db_session, client, given_on=date(2025, 3, 20), expires_on=date(2026, 3, 20))
    client, _ = person("Renewed")
    make_consent(db_session, client, given_on=date(2025, 3, 20), expires_on=date(2026, 3, 20))
    make_consent(db_session, client, given_on=date(2026, 3, 1), expires_on=date(2027, 3, 1))
    person("Fine")
    return alex, made


def test_the_agenda_says_who_to_talk_about_and_why(app, caseload):
    alex, made = caseload
    with app.app_context():
        items = consultation.agenda(TODAY)[alex.id]
    found = {next(n for n, (c, _) in made.items() if c.id == i.client_id): i for i in items}
    assert {name: item.reasons for name, item in found.items()} == {
        "Gone": ["close"],
        "Quiet": ["quiet"],
        "Booked": ["quiet"],
        "Overdue": ["review_overdue"],
        "Due": ["review_due"],
        "Late": ["late_notes"],
        "Consent": ["consent_expiring"],
    }
    assert [i.client_id for i in items][:1] == [made["Gone"][0].id]  # most pressing first
    assert found["Quiet"].details == ["Last contact Thursday 15 January"]
    assert found["Booked"].details == [
        "Last contact Thursday 20 November 2025. Next planned Tuesday 10 March"
    ]
    assert found["Overdue"].details == ["The review was due Sunday 1 March"]
    assert found["Consent"].details == ["Consent to share with Housing ACT ends Friday 20 March"]
    assert found["Late"].details == ["1 late note in the last four weeks"]


def test_a_senior_sees_each_worker_and_the_people_waiting(client, sign_in_as, db_session, caseload):
    make_handover(db_session, None, name="Kai", needs=["housing"], urgency="immediate")
    sign_in_as("senior")
    page = text_of(client.get("/team/consultation").text)
    assert "Alex Murray 7" in page
    assert "0 of 7" in page
    assert "Waiting for a worker (1)" in page and "Kai" in page

    alex, _ = caseload
    page = text_of(client.get(f"/team/consultation/workers/{alex.id}").text)
    assert "7 people to talk about, most pressing first" in page
    assert "No contact for three months: time to close." in page
    assert "Fine" not in page


def test_the_decision_goes_on_the_timeline_and_in_the_audit_log(
    client, sign_in_as, caseload, fetch
):
    alex, made = caseload
    quiet = made["Quiet"][0]
    sign_in_as("senior", display_name="Rosa Tuilagi")
    form = text_of(client.get(f"/team/consultation/people/{quiet.id}").text)
    assert "No contact for six weeks. Last contact Thursday 15 January." in form
    response = client.post(
        f"/team/consultation/people/{quiet.id}",
        data={
            "outcome": "reach_out",
            "note": "Ring her sister and leave a message.",
            "look_again_on-day": "10",
            "look_again_on-month": "3",
            "look_again_on-year": "2026",
        },
    )
    assert response.status_code == 303
    assert response.headers["Location"].endswith(f"/team/consultation/workers/{alex.id}")
    decision = fetch(select(ConsultationDecision))[0]
    assert decision.reasons == ["quiet"] and decision.outcome == "reach_out"
    assert decision.worker_id == alex.id and decision.look_again_on == date(2026, 3, 10)
    timeline = fetch(select(TimelineEntry).where(TimelineEntry.kind == "consultation"))
    assert [t.summary for t in timeline] == [
        "Case meeting with Rosa Tuilagi: try again to reach them"
    ]
    assert "sister" not in timeline[0].summary  # the note's words stay off the timeline
    logged = fetch(select(AuditEvent).where(AuditEvent.action == "team.consultation_decided"))
    assert logged[0].client_id == quiet.id
    assert logged[0].detail == {"outcome": "reach_out", "reasons": ["quiet"]}

    page = text_of(client.get(f"/team/consultation/workers/{alex.id}").text)
    assert "Decided Try again to reach them" in page
    history = text_of(client.get("/team/consultation/decisions").text)
    assert "Quiet Alex Murray No contact for six weeks Try again to reach them" in history


def test_something_else_needs_words(client, sign_in_as, caseload, fetch):
    _alex, made = caseload
    sign_in_as("senior")
    response = client.post(
        f"/team/consultation/people/{made['Quiet'][0].id}", data={"outcome": "other"}
    )
    assert response.status_code == 200 and "Write what you decided" in response.text
    response = client.post(f"/team/consultation/people/{made['Quiet'][0].id}", data={})
    assert "Choose what you decided" in response.text
    assert not fetch(select(ConsultationDecision))


def test_a_decision_for_someone_waiting(client, sign_in_as, db_session, fetch, frozen_clock):
    handover = make_handover(db_session, None, name="Kai")
    sign_in_as("senior")
    assert "Case meeting: Kai" in client.get(f"/team/consultation/waiting/{handover.id}").text
    response = client.post(
        f"/team/consultation/waiting/{handover.id}", data={"outcome": "pick_up_today"}
    )
    assert response.status_code == 303
    decision = fetch(select(ConsultationDecision))[0]
    assert decision.handover_id == handover.id and decision.client_id is None
    assert "A worker will pick it up today" in client.get("/team/consultation").text


def test_look_again_is_not_in_the_past(client, sign_in_as, caseload):
    _alex, made = caseload
    sign_in_as("senior")
    response = client.post(
        f"/team/consultation/people/{made['Quiet'][0].id}",
        data={
            "outcome": "keep_going",
            "look_again_on-day": "1",
            "look_again_on-month": "3",
            "look_again_on-year": "2026",
        },
    )
    assert "The date to look again must be today or later" in response.text


@pytest.mark.parametrize("role", ["frontdesk", "trainee", "worker"])
def test_only_seniors_run_the_case_meeting(client, sign_in_as, db_session, role):
    worker = make_user(db_session, "worker")
    person = make_client(db_session, worker)
    handover = make_handover(db_session, None)
    sign_in_as(role)
    for url in (
        "/team/consultation",
        f"/team/consultation/workers/{worker.id}",
        f"/team/consultation/people/{person.id}",
        f"/team/consultation/waiting/{handover.id}",
        "/team/consultation/decisions",
    ):
        assert client.get(url).status_code == 404, url
    assert (
        client.post(f"/team/consultation/people/{person.id}", data={"outcome": "keep_going"})
    ).status_code == 404


def test_consents_far_off_and_closed_episodes_do_not_come_up(app, db_session, frozen_clock):
    alex = make_user(db_session, "worker")
    person = make_client(db_session, alex)
    make_episode(db_session, person, opened_on=date(2025, 1, 1), closed_on=date(2025, 6, 1))
    make_consent(db_session, person, given_on=TODAY, expires_on=TODAY + timedelta(days=200))
    with app.app_context():
        assert consultation.agenda(TODAY) == {}
