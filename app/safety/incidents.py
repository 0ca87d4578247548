"""Incidents at the front desk: written down by whoever was there, reviewed and closed by a
senior or the manager with what was learned, and a debrief offered to the person who wrote it.

The model of care trains front desk volunteers in "risk assessment and de-escalation
strategies", and has workers "debrief" together: an incident keeps what was tried to calm
things down, and the debrief offered afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import func, select

from app import clock
from app.access import SENIORS, STAFF, can
from app.core.people import works_with_people
from app.core.saving import Refused
from app.extensions import db
from app.models import Incident, User
from app.safety.words import PLACES, TOLD


def moment(day: date, at: time) -> datetime:
    """A Canberra day and clock time as an aware moment."""
    return datetime.combine(day, at, tzinfo=clock.CANBERRA)


def local_day(when: datetime) -> date:
    return when.astimezone(clock.CANBERRA).date()


def not_in_future(when: datetime) -> None:
    if when > clock.now():
        raise Refused("The time it happened cannot be later than now.")


@dataclass
class IncidentData:
    happened_at: datetime
    place: str
    place_other: str | None
    what_happened: str
    who_involved: str
    de_escalation: str | None
    anyone_hurt: bool
    first_aid: str | None
    told: list[str]
    told_other: str | None


def record_incident(data: IncidentData, *, by: User) -> Incident:
    if not (data.what_happened or "").strip():
        raise Refused("Write what happened")
    if data.place not in PLACES:
        raise Refused("Choose where it happened")
    not_in_future(data.happened_at)
    incident = Incident(
        happened_at=data.happened_at,
        place=data.place,
        place_other=(data.place_other or None) if data.place == "other" else None,
        what_happened=data.what_happened.strip(),
        who_involved=data.who_involved.strip(),
        de_escalation=data.de_escalation or None,
        anyone_hurt=data.anyone_hurt,
        first_aid=(data.first_aid or None) if data.anyone_hurt else None,
        told=[t for t in TOLD if t in data.told],
        told_other=(data.told_other or None) if "other" in data.told else None,
        created_by_id=by.id,
    )
    db.session.add(incident)
    db.session.flush()
    return incident


def may_see(incident: Incident, user: User) -> bool:
    """The person who wrote it down, seniors and the manager."""
    return incident.created_by_id == user.id or can("safety.review", user)


def visible_incidents(user: User):
    """A select of the incidents this person may see, open ones first, newest first."""
    query = select(Incident)
    if not can("safety.review", user):
        query = query.where(Incident.created_by_id == user.id)
    return query.order_by(Incident.status.desc(), Incident.happened_at.desc(), Incident.id.desc())


def reviewers() -> list[User]:
    """Who may offer a debrief: active seniors and the manager."""
    return list(
        db.session.scalars(
            select(User).where(works_with_people(*SENIORS)).order_by(User.display_name)
        )
    )


def staff() -> list[User]:
    """Active staff (front desk volunteers and up), by name."""
    return list(
        db.session.scalars(
            select(User).where(works_with_people(*STAFF)).order_by(User.display_name)
        )
    )


@dataclass
class Review:
    learned: str | None
    debrief_offered_on: date | None
    debrief_taken_up: bool | None
    debrief_by_id: int | None


def review(incident: Incident, data: Review, *, by: User, close: bool) -> None:
    """Save a review; with `close`, close the incident, which needs what was learned."""
    if incident.status == "closed":
        raise Refused("This incident is closed already.")
    learned = (data.learned or "").strip() or None
    if close and not learned:
        raise Refused("Write what was learned before you close the incident")
    if data.debrief_offered_on is not None and data.debrief_offered_on < local_day(
        incident.happened_at
    ):
        raise Refused("The debrief cannot be offered before the incident happened")
    if data.debrief_taken_up is not None and data.debrief_offered_on is None:
        raise Refused("Enter the day the debrief was offered")
    if data.debrief_by_id is not None and data.debrief_by_id not in {u.id for u in reviewers()}:
        raise Refused("Choose who offered the debrief from the list")
    incident.learned = learned
    incident.debrief_offered_on = data.debrief_offered_on
    incident.debrief_taken_up = data.debrief_taken_up
    by_id = data.debrief_by_id
    if data.debrief_offered_on is not None and by_id is None:
        by_id = by.id  # offered by the person writing the review
    incident.debrief_by_id = by_id if data.debrief_offered_on is not None else None
    incident.reviewed_by_id = by.id
    if close:
        incident.status = "closed"
        incident.closed_at = clock.now()


def waiting_count() -> int:
    return db.session.scalar(select(func.count(Incident.id)).where(Incident.status == "open")) or 0


def panel() -> dict | None:
    """Home page panel for seniors and the manager: incidents waiting for a review."""
    count = waiting_count()
    if not count:
        return None
    oldest = db.session.scalars(
        select(Incident)
        .where(Incident.status == "open")
        .order_by(Incident.happened_at, Incident.id)
        .limit(5)
    ).all()
    return {"count": count, "incidents": oldest}
