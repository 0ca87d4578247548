"""Supervision records: who may read them, the list, and a new record. A record is private to
the worker(s), their supervisor(s) and the manager.

Group supervision "is facilitated by two supervisors" and clinical supervision may be "by an
external supervisor" (model of care): a record has a second supervisor (an account) and an
external supervisor (a name). PTSS Basics is "a monthly group for workers who are still
learning": its record is who came."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Select, or_, select

from app import audit, clock
from app.access import MANAGER
from app.core.people import users_by_id
from app.core.saving import Refused
from app.extensions import db
from app.models import Supervision, User
from app.models.team import supervision_attendee


def can_read_supervision(user: User, record: Supervision) -> bool:
    return (
        user.role == MANAGER
        or user.id == record.supervisor_id
        or user.id == record.second_supervisor_id
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
    return query.where(
        or_(
            Supervision.supervisor_id == user.id,
            Supervision.second_supervisor_id == user.id,
            Supervision.id.in_(attended),
        )
    )


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
    second_supervisor: User | None = None,
    external_supervisor: str | None = None,
) -> Supervision:
    found = users_by_id(worker_ids)
    attendees = [found[i] for i in dict.fromkeys(worker_ids) if i in found]
    if not attendees:
        raise Refused("Choose who was supervised")
    if second_supervisor is not None and second_supervisor.id == supervisor.id:
        raise Refused(
            f"{supervisor.display_name} is already the supervisor. Choose another second "
            "supervisor, or none"
        )
    leading = {supervisor.id} | ({second_supervisor.id} if second_supervisor else set())
    both = [p.display_name for p in attendees if p.id in leading]
    if both:
        raise Refused(f"{both[0]} cannot be both a supervisor and supervised. Untick them")
    external = " ".join((external_supervisor or "").split()) or None
    record = Supervision(
        kind=kind,
        held_on=held_on,
        supervisor_id=supervisor.id,
        second_supervisor_id=second_supervisor.id if second_supervisor else None,
        external_supervisor=external,
        attendees=attendees,
        topics=topics,
        other_topics=other_topics,
        notes=notes,
        next_on=next_on,
        created_by_id=supervisor.id,
    )
    db.session.add(record)
    db.session.flush()
    audit.record(
        "supervision.recorded",
        record=record,
        detail={"kind": kind, "people": [p.id for p in attendees]},
    )
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
