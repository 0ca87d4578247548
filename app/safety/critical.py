"""The critical incident register: an overdose on site, a death or a serious injury, with the
facts the funder needs (when, where, what happened, the response, who was told and when,
the follow-up). Any staff member may write one down; once saved only the manager reads it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from app import clock
from app.core.saving import Refused
from app.extensions import db
from app.models import CriticalIncident, CriticalNotice, User
from app.safety.incidents import not_in_future
from app.safety.words import CRITICAL_KINDS, NOTIFIED


@dataclass
class CriticalData:
    kind: str
    happened_at: datetime
    place: str
    what_happened: str
    response: str
    told: dict[str, datetime]  # NOTIFIED key -> when


def record_critical(data: CriticalData, *, by: User) -> CriticalIncident:
    if data.kind not in CRITICAL_KINDS:
        raise Refused("Choose what kind of critical incident it was")
    if not (data.what_happened or "").strip():
        raise Refused("Write what happened")
    not_in_future(data.happened_at)
    incident = CriticalIncident(
        kind=data.kind,
        happened_at=data.happened_at,
        place=data.place.strip(),
        what_happened=data.what_happened.strip(),
        response=data.response.strip(),
        status="open",
        created_by_id=by.id,
    )
    db.session.add(incident)
    for who, when in data.told.items():
        _notice(incident, who=who, who_other=None, told_at=when, by=by)
    db.session.flush()
    return incident


def _notice(incident, *, who, who_other, told_at, by) -> CriticalNotice:
    if who not in NOTIFIED:
        raise Refused("Choose who was told")
    if told_at > clock.now():
        raise Refused("The time they were told cannot be later than now")
    notice = CriticalNotice(
        incident=incident,
        who=who,
        who_other=(who_other or None) if who == "other" else None,
        told_at=told_at,
        created_by_id=by.id,
    )
    db.session.add(notice)
    return notice


def add_notice(
    incident: CriticalIncident, *, who: str, who_other: str | None, told_at: datetime, by: User
) -> CriticalNotice:
    if told_at < incident.happened_at.replace(second=0, microsecond=0):
        raise Refused("They cannot be told before it happened")
    notice = _notice(incident, who=who, who_other=who_other, told_at=told_at, by=by)
    db.session.flush()
    return notice


def follow_up(
    incident: CriticalIncident, *, text: str | None, learned: str | None, by: User, close: bool
) -> None:
    if incident.status == "closed":
        raise Refused("This critical incident is closed already.")
    learned = (learned or "").strip() or None
    if close and not learned:
        raise Refused("Write what was learned before you close it")
    incident.follow_up = (text or "").strip() or None
    incident.learned = learned
    if close:
        incident.status = "closed"
        incident.closed_at = clock.now()
        incident.closed_by_id = by.id


def register():
    """A select of every critical incident, open ones first, newest first."""
    return select(CriticalIncident).order_by(
        CriticalIncident.status.desc(),
        CriticalIncident.happened_at.desc(),
        CriticalIncident.id.desc(),
    )


def who_words(notice: CriticalNotice) -> str:
    if notice.who == "other" and notice.who_other:
        return notice.who_other
    return NOTIFIED.get(notice.who, notice.who)
