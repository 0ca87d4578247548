"""What every part of care work shares: the episode a new record belongs to, refusing a
change to a closed episode, times typed as a day and a time, and the one way to log a change
(the audit log and the client's timeline, in the same transaction)."""

from __future__ import annotations

import calendar
from datetime import UTC, date, datetime, time, timedelta

from app import audit, clock
from app.clients import care as client_care
from app.clients.timeline import add_to_timeline
from app.core.saving import Refused
from app.extensions import db
from app.models import Episode

CLOSED_MESSAGE = "This episode of care is closed, so it cannot change."
NO_EPISODE_MESSAGE = "There is no open episode of care. Open a new episode first."


class EpisodeClosed(Refused):
    """The record belongs to a closed episode, which is kept as it was."""

    def __init__(self):
        super().__init__(CLOSED_MESSAGE)


def open_episode(client) -> Episode | None:
    return client_care.open_episode_of(client)


def episode_for_new_record(client) -> Episode:
    """The open episode a new note, appointment or plan belongs to, or Refused."""
    episode = client_care.open_episode_of(client)
    if episode is None:
        raise Refused(NO_EPISODE_MESSAGE)
    return episode


def is_editable(record) -> bool:
    """True while the record's episode is open (a record with no episode stays editable)."""
    episode_id = getattr(record, "episode_id", None)
    if episode_id is None:
        return True
    episode = db.session.get(Episode, episode_id)
    return episode is None or episode.is_open


def must_be_editable(record) -> None:
    if not is_editable(record):
        raise EpisodeClosed()


def log(
    client,
    *,
    action: str,
    record,
    kind: str,
    summary: str,
    occurred_at: datetime | None = None,
    detail: dict | None = None,
) -> None:
    """One change: a line on the client's timeline and an entry in the audit log."""
    if getattr(record, "id", None) is None:
        db.session.flush()
    audit.record(action, record=record, client_id=client.id, detail=detail or {})
    add_to_timeline(client, kind=kind, summary=summary, record=record, occurred_at=occurred_at)


# --- days and times -------------------------------------------------------------------------


def local_moment(day: date, at: time) -> datetime:
    """A day and a time in Canberra, as an aware UTC datetime."""
    return datetime.combine(day, at, tzinfo=clock.CANBERRA).astimezone(UTC)


def local_time(moment: datetime) -> time:
    return moment.astimezone(clock.CANBERRA).time().replace(second=0, microsecond=0)


def local_day(moment: datetime) -> date:
    return moment.astimezone(clock.CANBERRA).date()


def day_bounds(day: date) -> tuple[datetime, datetime]:
    """The start of a Canberra day and of the next, in UTC."""
    return local_moment(day, time.min), local_moment(day + timedelta(days=1), time.min)


def add_months(day: date, months: int) -> date:
    """The same day `months` later (the last day of the month when it is shorter)."""

    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())
