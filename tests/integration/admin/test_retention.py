"""Files past their time: listed for the manager, deleted whole on confirmation, and the
audit log keeps only the fact that it happened."""

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select

from app.admin.retention import keep_until
from app.models import AuditEvent, Base, CaseNote, Client, GoalStep, TimelineEntry
from tests.factories import make_user
from tests.factories.care import (
    make_aid,
    make_appointment,
    make_issue,
    make_note,
    make_person,
    make_plan,
    make_referral,
)
from tests.factories.clients import make_consent, make_timeline_entry
from tests.factories.partners import make_partner
from tests.pagecheck import text_of

LONG_AGO = datetime(2018, 5, 1, 1, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("last_contact", "born_on", "may_go"),
    [
        (date(2019, 3, 1), date(1980, 1, 1), date(2026, 3, 1)),  # adult: 7 years
        (date(2019, 3, 1), None, date(2026, 3, 1)),  # not known: as an adult
        (date(2019, 3, 1), date(2004, 1, 1), date(2029, 1, 1)),  # 15 then: until 25
        (date(2019, 3, 1), date(2001, 1, 1), date(2026, 3, 1)),  # 18 then: an adult
    ],
)
def test_how_long_a_file_is_kept(last_contact, born_on, may_go):
    assert keep_until(last_contact, born_on) == may_go


def old_file(db_session, worker, **fields):
    client, episode = make_person(db_session, worker, opened_on=date(2018, 5, 1), **fields)
    client.created_at = LONG_AGO
    db_session.commit()
    return client, episode


def full_file(db_session, worker):
    """A file with something in every part, all from 2018 and 2019."""
    client, episode = old_file(db_session, worker, born_on=date(1975, 2, 2))
    consent = make_consent(db_session, client, given_on=date(2018, 5, 2))
    partner = make_partner(db_session)
    plan = make_plan(db_session, client, episode, goals=["Get a flat"], agreed_on=date(2018, 6, 1))
    db_session.add(GoalStep(goal_id=plan.goals[0].id, what="Call housing", who="person"))
    note = make_note(db_session, client, episode, contact_at=datetime(2019, 1, 5, tzinfo=UTC))
    db_session.add(
        CaseNote(
            client_id=client.id,
            episode_id=episode.id,
            contact_at=note.contact_at,
            kind="phone",
            text="Corrected words",
            corrects_id=note.id,
        )
    )
    make_appointment(db_session, client, episode, starts_at=datetime(2019, 1, 9, tzinfo=UTC))
    make_referral(db_session, client, episode, partner, consent, referred_on=date(2019, 1, 2))
    make_aid(db_session, client, episode, given_on=date(2019, 1, 2))
    make_timeline_entry(db_session, client)
    db_session.commit()
    return client


def test_manager_reviews_and_deletes_a_file_whole(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    worker = make_user(db_session, "worker")
    doomed = full_file(db_session, worker)
    doomed_id = doomed.id
    # Someone else's issue, linked to a systemic issue raised from this person's file.
    systemic = make_issue(db_session, doomed, kind="systemic", raised_on=date(2019, 1, 1))
    other, _ = make_person(db_session, worker, nickname="Stays")
    linked = make_issue(db_session, other, kind="individual", systemic_id=systemic.id)
    recent, _ = make_person(db_session, worker, nickname="Recent")
    rows_before = {
        t.name: db_session.scalar(select(func.count()).select_from(t))
        for t in Base.metadata.sorted_tables
    }

    manager = sign_in_as("manager")
    listing = text_of(client.get("/admin/old-files").text)
    assert f"(file {doomed_id})" in listing
    assert "Recent" not in listing and "Stays" not in listing

    refused = client.post(f"/admin/old-files/{doomed_id}", data={})
    assert "Tick the box to say you have checked the file" in refused.text
    response = client.post(f"/admin/old-files/{doomed_id}", data={"confirm": "y"})
    assert response.status_code == 303

    assert not fetch(select(Client).where(Client.id == doomed_id))
    for table in Base.metadata.sorted_tables:
        if "client_id" in table.c and table.name != "audit_event":
            left = db_session.scalar(
                select(func.count()).select_from(table).where(table.c.client_id == doomed_id)
            )
            assert left == 0, table.name
    assert fetch(select(Client).where(Client.id.in_([other.id, recent.id])))
    assert fetch(select(GoalStep)) == []
    kept = db_session.get(type(linked), linked.id)
    db_session.refresh(kept)
    assert kept.systemic_id is None
    event = fetch(select(AuditEvent).where(AuditEvent.action == "client.deleted_under_retention"))[
        0
    ]
    assert event.client_id == doomed_id and event.created_by_id == manager.id
    assert set(event.detail) == {"rows_removed"}
    assert rows_before["timeline_entry"] > len(fetch(select(TimelineEntry)))


def test_a_recent_file_cannot_be_deleted(client, sign_in_as, db_session):
    person, _ = make_person(db_session, make_user(db_session, "worker"))
    sign_in_as("manager")
    assert client.get(f"/admin/old-files/{person.id}").status_code == 404
    assert client.post(f"/admin/old-files/{person.id}", data={"confirm": "y"}).status_code == 404


@pytest.mark.parametrize("role", ["frontdesk", "trainee", "worker", "senior"])
def test_only_the_manager_sees_old_files(client, sign_in_as, role):
    sign_in_as(role)
    assert client.get("/admin/old-files").status_code == 404
