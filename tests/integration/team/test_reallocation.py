"""Moving a person to a new worker: carefully, with the person, and both workers told."""

from datetime import date

import pytest
from sqlalchemy import select

from app.models import Allocation, AuditEvent, Client, Reallocation, TimelineEntry
from tests.conftest import start_session_for
from tests.factories import make_user
from tests.factories.clients import make_client
from tests.pagecheck import text_of
from tests.versions import version_at

ANSWERS = {
    "reason": "Needs a worker who has been through CYF.",
    "person_view": "agrees",
    "handover_note": "Likes to meet at the drop-in. Has a court date on the 20th.",
    "handover_on-day": "5",
    "handover_on-month": "3",
    "handover_on-year": "2026",
}


def move(client, person, data: dict):
    """Open the page, then save it, as a senior would."""
    url = f"/team/people/{person.id}/reallocate"
    return client.post(url, data={**data, "version": version_at(client, url)})


@pytest.fixture
def people(db_session):
    alex = make_user(db_session, "worker", display_name="Alex Murray")
    priya = make_user(db_session, "worker", display_name="Priya Sharma", shared_experience=["cyf"])
    jaz = make_client(db_session, alex, nickname="Jaz")
    return alex, priya, jaz


def test_a_senior_moves_a_person_with_care(client, sign_in_as, people, fetch, frozen_clock):
    alex, priya, jaz = people
    senior = sign_in_as("senior", display_name="Rosa Tuilagi")
    form = text_of(client.get(f"/team/people/{jaz.id}/reallocate").text)
    assert "Losing a worker they trust can be hard" in form
    assert "Supported now by: Alex Murray" in form
    assert "Priya Sharma: 0 people now" in form

    response = move(client, jaz, {"worker_id": str(priya.id), **ANSWERS})
    assert response.status_code == 303
    record = fetch(select(Reallocation))[0]
    assert (record.from_worker_id, record.to_worker_id) == (alex.id, priya.id)
    assert record.person_view == "agrees" and record.handover_on == date(2026, 3, 5)
    assert record.created_by_id == senior.id
    assert fetch(select(Client))[0].worker_id == priya.id

    history = fetch(select(Allocation).order_by(Allocation.id))
    assert [(a.worker_id, a.ended_on) for a in history] == [
        (alex.id, date(2026, 3, 3)),
        (priya.id, None),
    ]
    assert history[1].approved_by_id == senior.id
    summaries = [e.summary for e in fetch(select(TimelineEntry))]
    assert "Now supported by Priya Sharma" in summaries
    assert (
        "Moving from Alex Murray to Priya Sharma, agreed with Rosa Tuilagi: they agree. "
        "Handover Thursday 5 March" in summaries
    )
    assert fetch(select(AuditEvent).where(AuditEvent.action == "team.reallocated"))

    page = text_of(client.get(response.headers["Location"]).text)
    assert "Jaz moves to Priya Sharma" in page
    assert "They were asked, and they agree" in page
    assert "Has a court date on the 20th" in page


def test_both_workers_see_it_and_mark_it_read(
    app, client, sign_in_as, people, db_session, fetch, frozen_clock
):
    alex, priya, jaz = people
    sign_in_as("senior")
    move(client, jaz, {"worker_id": str(priya.id), **ANSWERS})
    record = fetch(select(Reallocation))[0]

    for worker, words in [(alex, "Jaz is moving to Priya Sharma"), (priya, "Jaz is coming to you")]:
        browser = app.test_client()
        start_session_for(browser, db_session, worker)
        home = text_of(browser.get("/").text)
        assert "People moving between workers" in home and words in home
        page = browser.get(f"/team/reallocations/{record.id}")
        assert page.status_code == 200 and "Likes to meet at the drop-in" in page.text
        assert browser.post(f"/team/reallocations/{record.id}/read").status_code == 303
        assert "People moving between workers" not in text_of(browser.get("/").text)

    record = fetch(select(Reallocation))[0]
    assert record.from_seen_at is not None and record.to_seen_at is not None


def test_other_workers_cannot_read_it(
    app, client, sign_in_as, people, db_session, fetch, frozen_clock
):
    alex, priya, jaz = people
    sign_in_as("senior")
    move(client, jaz, {"worker_id": str(priya.id), **ANSWERS})
    record = fetch(select(Reallocation))[0]
    outsider = app.test_client()
    start_session_for(outsider, db_session, make_user(db_session, "worker"))
    assert outsider.get(f"/team/reallocations/{record.id}").status_code == 404
    assert outsider.post(f"/team/reallocations/{record.id}/read").status_code == 404
    assert outsider.get(f"/team/people/{jaz.id}/reallocate").status_code == 404


def test_every_answer_is_needed(client, sign_in_as, people, fetch, frozen_clock):
    _alex, _priya, jaz = people
    sign_in_as("senior")
    response = move(client, jaz, {})
    assert response.status_code == 200
    page = text_of(response.text)
    for message in (
        "Choose who will support them now",
        "Write why they are moving to a new worker",
        "Choose what they said",
        "Write a handover note for the new worker",
        "Enter the date of the handover",
    ):
        assert message in page
    assert not fetch(select(Reallocation))


def test_the_handover_date_must_be_near(client, sign_in_as, people, frozen_clock):
    _alex, priya, jaz = people
    sign_in_as("senior")
    answers = {**ANSWERS, "handover_on-month": "12"}
    response = move(client, jaz, {"worker_id": str(priya.id), **answers})
    assert "Choose a handover day in the next 28 days" in response.text


def test_the_current_worker_is_not_a_choice(client, sign_in_as, people, fetch):
    alex, _priya, jaz = people
    sign_in_as("senior")
    response = move(client, jaz, {"worker_id": str(alex.id), **ANSWERS})
    assert response.status_code == 200
    assert "Choose one of the answers" in response.text
    assert not fetch(select(Reallocation))


@pytest.mark.parametrize("role", ["frontdesk", "trainee", "worker"])
def test_only_seniors_move_people(client, sign_in_as, people, role):
    _alex, priya, jaz = people
    sign_in_as(role)
    assert client.get(f"/team/people/{jaz.id}/reallocate").status_code == 404
    response = client.post(
        f"/team/people/{jaz.id}/reallocate", data={"worker_id": str(priya.id), **ANSWERS}
    )
    assert response.status_code == 404
