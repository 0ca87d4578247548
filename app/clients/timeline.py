"""The timeline of a client's file: one short line for everything that happens in it.

Every area adds to it with `add_to_timeline(client, kind=..., summary=..., record=...)`:
registration, consents, assessments, case notes, plans, referrals, decisions. The summary
is short and plain ("Consent to share with Housing ACT"), never the words of a note.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Select, select

from app import clock
from app.core import people
from app.extensions import db
from app.models import TimelineEntry

SUMMARY_LIMIT = 300


def add_to_timeline(
    client, *, kind: str, summary: str, record=None, occurred_at: datetime | None = None
) -> TimelineEntry:
    """Add one line to the client's timeline in the current transaction."""
    by = people.acting_user()
    if record is not None and getattr(record, "id", None) is None:
        db.session.flush()
    entry = TimelineEntry(
        client_id=client.id,
        occurred_at=occurred_at or clock.now(),
        kind=kind,
        summary=summary[:SUMMARY_LIMIT],
        record_type=type(record).__name__ if record is not None else None,
        record_id=getattr(record, "id", None),
        created_by_id=by.id if by is not None else None,
    )
    db.session.add(entry)
    return entry


def timeline_query(client) -> Select:
    """The client's timeline, newest first."""
    return (
        select(TimelineEntry)
        .where(TimelineEntry.client_id == client.id)
        .order_by(TimelineEntry.occurred_at.desc(), TimelineEntry.id.desc())
    )


def restate(record, summary: str) -> None:
    """Change the words of the line a record put on the timeline (a note waiting to be signed,
    once it is signed). The line keeps its time and who wrote it."""
    entry = db.session.scalar(
        select(TimelineEntry)
        .where(
            TimelineEntry.record_type == type(record).__name__,
            TimelineEntry.record_id == record.id,
        )
        .order_by(TimelineEntry.id)
        .limit(1)
    )
    if entry is not None:
        entry.summary = summary[:SUMMARY_LIMIT]
