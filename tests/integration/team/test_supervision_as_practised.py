"""Supervision as practised (model of care, "Management and Supervision"): group supervision
"facilitated by two supervisors", clinical supervision "by an external supervisor", "PTSS
Basics—a monthly group for workers who are still learning", and "the frequency and
intensity of supervision may vary": the manager sets how often per worker, and an overdue
supervision shows on the home page of the worker and their supervisor."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from app.models import AuditEvent, Supervision, SupervisionSchedule
from app.team.supervision_schedule import due_on
from tests.conftest import start_session_for
from tests.factories import make_user
from tests.pagecheck import text_of


def write_up(**extra):
    data = {
        "kind": "group",
        "held_on-day": "2",
        "held_on-month": "3",
        "held_on-year": "2026",
        "topics": ["boundaries"],
        "notes": "Debrief after a hard week.",
    }
    data.update(extra)
    return data


def supervision(db_session, supervisor, workers, *, kind="line", held_on=date(2026, 2, 10)):
    record = Supervision(
        kind=kind, held_on=held_on, supervisor_id=supervisor.id, attendees=list(workers)
    )
    db_session.add(record)
    db_session.commit()
    return record


def schedule(db_session, worker, supervisor, every="fortnightly", starts_on=date(2026, 1, 5)):
    row = SupervisionSchedule(
        worker_id=worker.id, supervisor_id=supervisor.id, every=every, starts_on=starts_on
    )
    db_session.add(row)
    db_session.commit()
    return row


def as_user(app, db_session, user):
    other = app.test_client()
    start_session_for(other, db_session, user)
    return other


@pytest.mark.parametrize(
    ("every", "last", "expected"),
    [
        ("weekly", date(2026, 2, 24), date(2026, 3, 3)),
        ("fortnightly", date(2026, 2, 10), date(2026, 2, 24)),
        ("monthly", date(2026, 1, 31), date(2026, 2, 28)),
        ("fortnightly", None, date(2026, 1, 19)),  # never yet: from the day it was set
    ],
)
def test_the_one_rule_for_when_supervision_is_due(every, last, expected):
    assert due_on(every, last, date(2026, 1, 5)) == expected


def test_group_supervision_with_two_supervisors_and_who_came(
    app, client, sign_in_as, db_session, fetch, frozen_clock
):
    me = sign_in_as("senior", display_name="Sam Kerr")
    second = make_user(db_session, "manager", display_name="Jo Park")
    a = make_user(db_session, "worker", display_name="Alex Murray")
    b = make_user(db_session, "worker", display_name="Bo Chen")
    response = client.post(
        "/team/supervision/new",
        data=write_up(workers=[str(a.id), str(b.id)], second_supervisor_id=str(second.id)),
    )
    assert response.status_code == 303
    [record] = fetch(select(Supervision))
    assert (record.supervisor_id, record.second_supervisor_id) == (me.id, second.id)
    page = text_of(client.get(response.headers["Location"]).text)
    assert "Who came Alex Murray, Bo Chen" in page and "Second supervisor Jo Park" in page
    # The second supervisor reads it too; a worker who was not there does not.
    assert as_user(app, db_session, second).get(f"/team/supervision/{record.id}").status_code == 200
    outsider = as_user(app, db_session, make_user(db_session, "worker"))
    assert outsider.get(f"/team/supervision/{record.id}").status_code == 404


def test_the_same_supervisor_twice_is_refused(client, sign_in_as, db_session, fetch, frozen_clock):
    me = sign_in_as("senior", display_name="Sam Kerr")
    worker = make_user(db_session, "worker")
    response = client.post(
        "/team/supervision/new",
        data=write_up(workers=[str(worker.id)], second_supervisor_id=str(me.id)),
    )
    assert response.status_code == 200
    assert "Sam Kerr is already the supervisor. Choose another second supervisor, or none" in (
        text_of(response.text)
    )
    assert fetch(select(Supervision)) == []
    assert fetch(select(AuditEvent).where(AuditEvent.action == "supervision.recorded")) == []


def test_a_supervisor_cannot_also_be_supervised(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    sign_in_as("senior")
    other_senior = make_user(db_session, "senior", display_name="Jo Park")
    worker = make_user(db_session, "worker")
    response = client.post(
        "/team/supervision/new",
        data=write_up(
            workers=[str(worker.id), str(other_senior.id)],
            second_supervisor_id=str(other_senior.id),
        ),
    )
    assert "Jo Park cannot be both a supervisor and supervised" in text_of(response.text)
    assert fetch(select(Supervision)) == []


def test_clinical_supervision_by_an_external_supervisor(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    sign_in_as("manager")
    worker = make_user(db_session, "worker")
    response = client.post(
        "/team/supervision/new",
        data=write_up(
            kind="clinical", workers=[str(worker.id)], external_supervisor="  Dr Mia   Ross "
        ),
    )
    assert response.status_code == 303
    assert fetch(select(Supervision))[0].external_supervisor == "Dr Mia Ross"
    assert "External supervisor Dr Mia Ross" in text_of(
        client.get(response.headers["Location"]).text
    )


def test_ptss_basics_is_a_group_with_attendance(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    sign_in_as("senior")
    learners = [make_user(db_session, "worker") for _ in range(3)]
    response = client.post(
        "/team/supervision/new",
        data=write_up(kind="basics", workers=[str(u.id) for u in learners[:2]]),
    )
    assert response.status_code == 303
    [record] = fetch(select(Supervision))
    assert record.kind == "basics"
    assert {u.id for u in record.attendees} == {learners[0].id, learners[1].id}
    listing = text_of(client.get("/team/supervision").text)
    assert "PTSS Basics" in listing


def test_the_manager_sets_a_fortnightly_schedule(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    manager = sign_in_as("manager")
    senior = make_user(db_session, "senior", display_name="Sam Kerr")
    worker = make_user(db_session, "worker", display_name="Alex Murray")
    url = f"/team/supervision/schedule/{worker.id}"
    assert "Alex Murray" in client.get(url).text
    response = client.post(url, data={"every": "fortnightly", "supervisor_id": str(senior.id)})
    assert response.status_code == 303
    [row] = fetch(select(SupervisionSchedule))
    assert (row.worker_id, row.every, row.supervisor_id, row.starts_on) == (
        worker.id,
        "fortnightly",
        senior.id,
        date(2026, 3, 3),
    )
    page = text_of(client.get("/team/supervision/schedule").text)
    assert "Alex Murray Every two weeks Sam Kerr None yet 17 Mar 2026" in page
    # Changing it keeps one row; "No schedule" takes it away.
    client.post(url, data={"every": "weekly", "supervisor_id": str(manager.id)})
    assert [(r.every, r.supervisor_id) for r in fetch(select(SupervisionSchedule))] == [
        ("weekly", manager.id)
    ]
    client.post(url, data={"every": "none", "supervisor_id": ""})
    assert fetch(select(SupervisionSchedule)) == []


def test_a_schedule_needs_how_often_and_who(client, sign_in_as, db_session, fetch, frozen_clock):
    sign_in_as("manager")
    worker = make_user(db_session, "worker")
    url = f"/team/supervision/schedule/{worker.id}"
    response = client.post(url, data={"every": "fortnightly", "supervisor_id": ""})
    assert "Choose who supervises them" in text_of(response.text)
    response = client.post(url, data={"every": "yearly", "supervisor_id": ""})
    assert "Choose one of the answers" in text_of(response.text)
    assert fetch(select(SupervisionSchedule)) == []


@pytest.mark.parametrize("role", ["worker", "senior", "frontdesk", "trainee"])
def test_only_the_manager_sets_schedules(client, sign_in_as, db_session, role):
    worker = make_user(db_session, "worker")
    sign_in_as(role)
    assert client.get("/team/supervision/schedule").status_code == 404
    assert client.get(f"/team/supervision/schedule/{worker.id}").status_code == 404
    response = client.post(
        f"/team/supervision/schedule/{worker.id}", data={"every": "weekly"}, check=False
    )
    assert response.status_code == 404


def test_a_schedule_is_only_for_workers_and_seniors(client, sign_in_as, db_session):
    sign_in_as("manager")
    volunteer = make_user(db_session, "frontdesk")
    assert client.get(f"/team/supervision/schedule/{volunteer.id}").status_code == 404


def test_overdue_supervision_shows_for_the_worker_and_supervisor_until_it_is_held(
    app, db_session, frozen_clock
):
    """Fortnightly, last one to one on 10 February: due 24 February; today is 3 March."""
    senior = make_user(db_session, "senior", display_name="Sam Kerr")
    worker = make_user(db_session, "worker", display_name="Alex Murray")
    schedule(db_session, worker, senior)
    supervision(db_session, senior, [worker], held_on=date(2026, 2, 10))
    # A group session since does not count: it is as well as one to one supervision.
    supervision(db_session, senior, [worker], kind="group", held_on=date(2026, 2, 26))
    worker_home = as_user(app, db_session, worker)
    senior_home = as_user(app, db_session, senior)
    mine = text_of(worker_home.get("/").text)
    assert "Supervision overdue" in mine
    assert "Your supervision was due on Tuesday 24 February. Talk to Sam Kerr" in mine
    theirs = text_of(senior_home.get("/").text)
    assert "Supervision with Alex Murray was due on Tuesday 24 February" in theirs
    # Another worker and the manager (not the supervisor) see nothing of it.
    other = as_user(app, db_session, make_user(db_session, "worker"))
    assert "Supervision overdue" not in other.get("/").text

    senior_home.post(
        "/team/supervision/new",
        data=write_up(kind="line", workers=[str(worker.id)], **{"held_on-day": "3"}),
    )
    assert "Supervision overdue" not in worker_home.get("/").text
    assert "Supervision overdue" not in senior_home.get("/").text
    assert "Next one due: Tuesday 17 March" in text_of(worker_home.get("/team/supervision").text)


def test_not_overdue_on_the_day_it_is_due(app, db_session, frozen_clock):
    senior = make_user(db_session, "senior")
    worker = make_user(db_session, "worker")
    schedule(db_session, worker, senior, every="weekly")
    supervision(db_session, senior, [worker], held_on=date(2026, 3, 3) - timedelta(days=7))
    home = as_user(app, db_session, worker)
    assert "Supervision overdue" not in home.get("/").text
    frozen_clock.advance(days=1)
    home = as_user(app, db_session, worker)  # a new day, a new sign-in
    assert "Supervision overdue" in home.get("/").text
