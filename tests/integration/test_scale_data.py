"""`flask --app wsgi scale-data`: a large made-up service, here at a tiny size, on the test's
database (SQLite, or PostgreSQL under scripts/with-postgres)."""

import pyotp
from sqlalchemy import func, select

from app.models import (
    Assessment,
    AuditEvent,
    CaseNote,
    Client,
    Episode,
    TallyEvent,
    TimelineEntry,
    User,
)
from app.scale import SCALE_PASSWORD, SCALE_TOTP_SECRET
from tests.factories import make_user

SMALL = ["scale-data", "--clients", "60", "--notes", "1500", "--years", "1", "--staff", "12"]


def run(app, *args):
    return app.test_cli_runner().invoke(args=list(args))


def count(db_session, statement):
    return db_session.scalar(statement)


def test_scale_data_makes_what_was_asked_for(app, db_session):
    result = run(app, *SMALL)
    assert result.exit_code == 0, result.output
    assert "Made in" in result.output and "scale-worker-1 to scale-worker-" in result.output

    def number(model, *where):
        return count(db_session, select(func.count()).select_from(model).where(*where))

    assert number(Client) == 60
    assert number(User) == 12
    current = number(CaseNote, CaseNote.superseded.is_(False))
    assert current == 1500
    # Every note, and every correction, has its line on the timeline and in the audit log.
    every = number(CaseNote)
    assert number(TimelineEntry, TimelineEntry.record_type == "CaseNote") == every
    assert number(AuditEvent, AuditEvent.record_type == "CaseNote") == every
    # People with an open episode have a worker; caseloads stay within 1 to 60 people.
    open_people = set(
        db_session.scalars(select(Episode.client_id).where(Episode.closed_on.is_(None)))
    )
    assert open_people
    workers = dict(db_session.execute(select(Client.id, Client.worker_id)).all())
    assert all(workers[c] is not None for c in open_people)
    sizes = db_session.scalars(
        select(func.count())
        .select_from(Client)
        .where(Client.id.in_(open_people))
        .group_by(Client.worker_id)
    ).all()
    assert max(sizes) <= 60
    # Each person's row carries the level of their newest assessment, as the app keeps it.
    for person in db_session.scalars(select(Client)):
        newest = db_session.scalar(
            select(Assessment.support_level)
            .where(Assessment.client_id == person.id)
            .order_by(Assessment.created_at.desc(), Assessment.id.desc())
        )
        assert person.support_level == newest
    assert number(Client, Client.support_level.is_not(None)) > 30
    # A year of weekday taps at the front desk, none on a weekend.
    days = set(db_session.scalars(select(TallyEvent.day).distinct()))
    assert len(days) > 200 and all(d.weekday() < 5 for d in days)


def test_new_rows_after_scale_data_get_new_ids(app, db_session):
    assert run(app, *SMALL).exit_code == 0
    highest = db_session.scalar(select(func.max(User.id)))
    assert make_user(db_session, "worker").id > highest


def test_a_generated_worker_signs_in_through_the_real_pages(app, client):
    assert run(app, *SMALL).exit_code == 0
    response = client.post(
        "/sign-in", data={"username": "scale-worker-1", "password": SCALE_PASSWORD}
    )
    assert response.headers["Location"] == "/sign-in/two-step"
    code = pyotp.TOTP(SCALE_TOTP_SECRET).now()
    assert client.post("/sign-in/two-step", data={"code": code}).status_code == 303
    assert client.get("/my-work").status_code == 200


def test_scale_data_refuses_a_database_with_real_data(app, db_session):
    make_user(db_session, "manager")
    make_user(db_session, "worker")
    result = run(app, *SMALL)
    assert result.exit_code != 0 and "has data already" in result.output
    assert count(db_session, select(func.count()).select_from(Client)) == 0
