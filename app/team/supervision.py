"""Supervision records: who may read them, the list, and a new record. A record is private to
the worker(s), their supervisor and the manager."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Select, or_, select

from app import audit, clock
from app.access import MANAGER
from app.core.people import users_by_id
from app.extensions import db
from app.models import Supervision, User
from app.models.team import supervision_attendee


def can_read_supervision(user: User, record: Supervision) -> bool:
    return (
        user.role == MANAGER
        or user.id == record.supervisor_id
        or any(person.id == user.id for person in record.attendees)
    )


def supervision_for(user: User) -> Select:
    """The records this person may read, newest first."""
    query = select(Supervision).order_by(Supervision.held_on.desc(), Supervision.id.desc())
    if user.role == MANAGER:
        return query
    attended = select(supervision_attendee.c.supervision_id).where(
        supervision_attendee.c.user_id == user.id
    )
    return query.where(or_(Supervision.supervisor_id == user.id, Supervision.id.in_(attended)))


def create_supervision(
    *,
    supervisor: User,
    kind: str,
    held_on: date,
    worker_ids: list[int],
    topics: list[str],
    other_topics: str,
    notes: str,
    next_on: date | None,
) -> Supervision:
    found = users_by_id(worker_ids)
    attendees = [found[i] for i in dict.fromkeys(worker_ids) if i in found]
    record = Supervision(
        kind=kind,
        held_on=held_on,
        supervisor_id=supervisor.id,
        attendees=attendees,
        topics=topics,
        other_topics=other_topics,
        notes=notes,
        next_on=next_on,
        created_by_id=supervisor.id,
    )
    db.session.add(record)
    db.session.flush()
    audit.record("supervision.recorded", record=record, detail={"kind": kind})
    return record


def next_supervision_for(user: User) -> date | None:
    """The soonest next-supervision date set in this person's records, if one is to come."""
    return db.session.scalar(
        supervision_for(user)
        .where(Supervision.next_on >= clock.today())
        .order_by(None)
        .with_only_columns(Supervision.next_on)
        .order_by(Supervision.next_on)
        .limit(1)
    )
