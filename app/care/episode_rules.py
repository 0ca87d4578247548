"""The rules every part of care work shares about episodes: the open episode a new record
belongs to, refusing a change to a closed episode, and the one way to log a change (the
audit log and the client's timeline, in the same transaction)."""

from __future__ import annotations

from datetime import datetime

from app import audit
from app.clients import public as clients
from app.core.messages import NO_OPEN_EPISODE
from app.core.saving import Refused
from app.extensions import db
from app.models import Episode

CLOSED_MESSAGE = "This episode of care is closed, so it cannot change."


class EpisodeClosed(Refused):
    """The record belongs to a closed episode, which is kept as it was."""

    def __init__(self):
        super().__init__(CLOSED_MESSAGE)


def open_episode(client) -> Episode | None:
    """The person's open episode of care, or None."""
    return clients.open_episode_of(client)


def episode_for_new_record(client) -> Episode:
    """The open episode a new note, appointment or plan belongs to, or Refused."""
    episode = clients.open_episode_of(client)
    if episode is None:
        raise Refused(NO_OPEN_EPISODE)
    return episode


def is_editable(record) -> bool:
    """True while the record's episode is open (a record with no episode stays editable)."""
    episode_id = getattr(record, "episode_id", None)
    if episode_id is None:
        return True
    episode = db.session.get(Episode, episode_id)
    return episode is None or episode.is_open


def must_be_editable(record) -> None:
    """Refuse (EpisodeClosed) a change to a record of a closed episode."""
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
    clients.add_to_timeline(
        client, kind=kind, summary=summary, record=record, occurred_at=occurred_at
    )
