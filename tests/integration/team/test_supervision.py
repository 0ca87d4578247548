"""Supervision is private: only the worker(s), their supervisor and the manager read it."""

from datetime import date

import pytest
from sqlalchemy import select

from app.models import AuditEvent, Supervision
from tests.factories import make_user
from tests.pagecheck import text_of


def make_supervision(db_session, supervisor, workers, kind="line", notes="Talked about rest."):
    record = Supervision(
        kind=kind,
        held_on=date(2026, 3, 2),
        supervisor_id=supervisor.id,
        attendees=list(workers),
        topics=["boundaries", "self_care"],
        notes=notes,
        next_on=date(2026, 3, 16),
    )
    db_session.add(record)
    db_session.commit()
    return record


def test_senior_writes_up_a_supervision(client, sign_in_as, db_session, fetch, frozen_clock):
    worker = make_user(db_session, "worker", display_name="Alex Murray")
    sign_in_as("senior")
    form = client.get("/team/supervision/new").text
    assert "Alex Murray" in form
    response = client.post(
        "/team/supervision/new",
        data={
            "kind": "line",
            "held_on-day": "2",
            "held_on-month": "3",
            "held_on-year": "2026",
            "workers": [str(worker.id)],
            "topics": ["boundaries", "stress"],
            "notes": "Alex is tired. Talked about taking leave.",
            "next_on-day": "16",
            "next_on-month": "3",
            "next_on-year": "2026",
        },
    )
    assert response.status_code == 303
    record = fetch(select(Supervision))[0]
    assert [p.id for p in record.attendees] == [worker.id]
    assert record.topics == ["boundaries", "stress"]
    page = text_of(client.get(response.headers["Location"]).text)
    assert "Alex is tired" in page and "Boundaries, Stress" in page
    assert fetch(select(AuditEvent).where(AuditEvent.action == "supervision.viewed"))


def test_one_to_one_supervision_is_with_one_worker(client, sign_in_as, db_session, frozen_clock):
    a, b = make_user(db_session, "worker"), make_user(db_session, "worker")
    sign_in_as("senior")
    response = client.post(
        "/team/supervision/new",
        data={
            "kind": "clinical",
            "held_on-day": "2",
            "held_on-month": "3",
            "held_on-year": "2026",
            "workers": [str(a.id), str(b.id)],
        },
    )
    assert "One to one supervision is with one worker" in response.text


def test_next_date_must_come_after(client, sign_in_as, db_session, frozen_clock):
    a = make_user(db_session, "worker")
    sign_in_as("senior")
    response = client.post(
        "/team/supervision/new",
        data={
            "kind": "line",
            "held_on-day": "2",
            "held_on-month": "3",
            "held_on-year": "2026",
            "workers": [str(a.id)],
            "next_on-day": "1",
            "next_on-month": "3",
            "next_on-year": "2026",
        },
    )
    assert "must be after this one" in response.text


def test_group_supervision_is_read_by_each_person_in_it(app, db_session):
    from tests.conftest import start_session_for

    senior = make_user(db_session, "senior")
    a, b, outsider = (make_user(db_session, "worker") for _ in range(3))
    record = make_supervision(db_session, senior, [a, b], kind="group")
    for person, status in [(a, 200), (b, 200), (senior, 200), (outsider, 404)]:
        client = app.test_client()
        start_session_for(client, db_session, person)
        assert client.get(f"/team/supervision/{record.id}").status_code == status


def test_other_workers_and_other_seniors_cannot_read_it(app, db_session):
    from tests.conftest import start_session_for

    supervisor = make_user(db_session, "senior")
    worker = make_user(db_session, "worker")
    record = make_supervision(db_session, supervisor, [worker], notes="Private words")
    people = {
        "the worker": (worker, 200),
        "the supervisor": (supervisor, 200),
        "the manager": (make_user(db_session, "manager"), 200),
        "another worker": (make_user(db_session, "worker"), 404),
        "another senior": (make_user(db_session, "senior"), 404),
    }
    for _, (person, status) in people.items():
        client = app.test_client()
        start_session_for(client, db_session, person)
        assert client.get(f"/team/supervision/{record.id}").status_code == status
        listing = client.get("/team/supervision").text
        assert (f"/team/supervision/{record.id}" in listing) is (status == 200)


@pytest.mark.parametrize("role", ["frontdesk", "trainee"])
def test_front_desk_and_trainees_have_no_supervision_pages(client, sign_in_as, role):
    sign_in_as(role)
    assert client.get("/team/supervision").status_code == 404
    assert client.get("/team/supervision/new").status_code == 404


def test_workers_cannot_write_supervision(client, sign_in_as):
    sign_in_as("worker")
    assert client.get("/team/supervision/new").status_code == 404


def test_a_worker_sees_their_next_supervision(client, sign_in_as, db_session, frozen_clock):
    worker = sign_in_as("worker")
    make_supervision(db_session, make_user(db_session, "senior"), [worker])
    page = text_of(client.get("/team/supervision").text)
    assert "Your next one: Monday 16 March" in page
