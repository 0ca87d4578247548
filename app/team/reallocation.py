"""Re-allocation: moving a person to another worker, carefully and with them.

Losing a trusted worker and telling the story again can be hard, so a senior records why,
whether the person was asked and agrees, the handover note and the date. The client area's
`allocate` keeps the allocation history on the file; the old and the new worker both see the
re-allocation on their home page until each says they have read it.

The file moves to the new worker at once, but the app advises a handover with both workers
there, so the old worker keeps the file in full until the handover day (the one rule is in
the clients area's `access`); on that day it is the new worker's alone.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import and_, or_, select

from app import audit, clock
from app.access import SENIORS
from app.clients import public as clients
from app.core.saving import Refused
from app.extensions import db
from app.models import Client, Reallocation, User
from app.templating import day as day_words

# What the person said, in the words of the form, and short words for the timeline.
PERSON_VIEWS: dict[str, str] = {
    "agrees": "They were asked, and they agree",
    "unsure": "They were asked, and they are not sure yet",
    "disagrees": "They were asked, and they do not agree",
    "not_asked": "They have not been asked yet",
}
PERSON_VIEW_SHORT: dict[str, str] = {
    "agrees": "they agree",
    "unsure": "they are not sure yet",
    "disagrees": "they do not agree",
    "not_asked": "not asked yet",
}
ALLOCATION_REASON_LIMIT = 300
# How far ahead a handover may be set: the old worker keeps the file until then.
HANDOVER_DAYS_AHEAD = 28


def handover_day_problem(handover_on: date | None) -> str | None:
    """What is wrong with this handover day, in plain words, or None when it is fine."""
    if handover_on is None:
        return None
    today = clock.today()
    if handover_on < today:
        return "The handover day has passed. Choose today or a day after today"
    if handover_on > today + timedelta(days=HANDOVER_DAYS_AHEAD):
        return f"Choose a handover day in the next {HANDOVER_DAYS_AHEAD} days"
    return None


def reallocate(
    client: Client,
    to_worker: User,
    *,
    reason: str,
    person_view: str,
    handover_note: str,
    handover_on: date,
    by: User,
    preference_reason: str | None = None,
) -> Reallocation:
    """Give the file to `to_worker`, keeping the history, and tell both workers. Never to a
    worker who knows the person outside work (the clients area's one rule)."""
    clients.refuse_if_known(client, to_worker)
    if client.worker_id == to_worker.id:
        raise Refused(f"{client.name} is with {to_worker.display_name} already.")
    problem = handover_day_problem(handover_on)
    if problem:
        raise Refused(problem + ".")
    from_worker_id = client.worker_id
    from_name = client.worker.display_name if client.worker else "no worker"
    short = reason if len(reason) <= ALLOCATION_REASON_LIMIT else reason[:297] + "..."
    allocation = clients.allocate(
        client, to_worker, reason=short, by=by, preference_reason=preference_reason
    )
    record = Reallocation(
        client_id=client.id,
        allocation_id=allocation.id,
        from_worker_id=from_worker_id,
        to_worker_id=to_worker.id,
        reason=reason,
        person_view=person_view,
        handover_note=handover_note,
        handover_on=handover_on,
        created_by_id=by.id,
    )
    db.session.add(record)
    db.session.flush()
    audit.record(
        "team.reallocated",
        record=record,
        client_id=client.id,
        detail={"from": from_worker_id, "to": to_worker.id, "person": person_view},
    )
    clients.add_to_timeline(
        client,
        kind="reallocated",
        summary=(
            f"Moving from {from_name} to {to_worker.display_name}, agreed with "
            f"{by.display_name}: {PERSON_VIEW_SHORT[person_view]}. "
            f"Handover {day_words(handover_on)}"
        ),
        record=record,
    )
    return record


def can_read(user: User, record: Reallocation) -> bool:
    """The senior team, and the old and the new worker."""
    return user.role in SENIORS or user.id in (record.from_worker_id, record.to_worker_id)


def unseen_condition(user: User):
    return or_(
        and_(Reallocation.from_worker_id == user.id, Reallocation.from_seen_at.is_(None)),
        and_(Reallocation.to_worker_id == user.id, Reallocation.to_seen_at.is_(None)),
    )


def unseen_for(user: User) -> list[Reallocation]:
    """Re-allocations this worker has not read yet (as the old or the new worker)."""
    return list(
        db.session.scalars(
            select(Reallocation)
            .where(unseen_condition(user))
            .order_by(Reallocation.handover_on, Reallocation.id)
            .limit(20)
        )
    )


def is_unseen_by(user: User, record: Reallocation) -> bool:
    return (record.from_worker_id == user.id and record.from_seen_at is None) or (
        record.to_worker_id == user.id and record.to_seen_at is None
    )


def mark_seen(record: Reallocation, user: User) -> None:
    """The old or the new worker has read it."""
    moment = clock.now()
    if record.from_worker_id == user.id and record.from_seen_at is None:
        record.from_seen_at = moment
    if record.to_worker_id == user.id and record.to_seen_at is None:
        record.to_seen_at = moment
    audit.record("team.reallocation_read", record=record, client_id=record.client_id)


def for_client(client: Client) -> list[Reallocation]:
    return list(
        db.session.scalars(
            select(Reallocation)
            .where(Reallocation.client_id == client.id)
            .order_by(Reallocation.id.desc())
        )
    )


def recent(how_many: int) -> list[Reallocation]:
    """The newest re-allocations, for the caseloads page."""
    return list(
        db.session.scalars(select(Reallocation).order_by(Reallocation.id.desc()).limit(how_many))
    )
