"""How often each worker has one to one supervision, as the manager sets it, and the one rule
for when their next one is due.

"Depending on the situation and personality of the PTSS worker, the frequency and intensity
of supervision may vary" (model of care): so the manager sets it per worker.

The rule (`due_on`): the next one to one supervision (line or clinical) is due one period
after the last one; before their first, one period after the day the schedule was set. It is
overdue from the day after it was due. Group supervision and PTSS Basics do not count: they
are as well as one to one supervision, not instead of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from app import audit, clock
from app.care import public as care
from app.core.saving import Refused
from app.extensions import db
from app.models import Supervision, SupervisionSchedule, User
from app.models.team import supervision_attendee

EVERY = {
    "weekly": "Every week",
    "fortnightly": "Every two weeks",
    "monthly": "Every month",
}
NOT_SET = "none"  # the form's choice for "no schedule"
ONE_TO_ONE = ("line", "clinical")


def due_on(every: str, last_held: date | None, starts_on: date) -> date:
    """The one rule: when the next one to one supervision is due."""
    since = last_held or starts_on
    if every == "weekly":
        return since + timedelta(days=7)
    if every == "fortnightly":
        return since + timedelta(days=14)
    return care.add_months(since, 1)


@dataclass(frozen=True)
class Due:
    worker: User
    schedule: SupervisionSchedule
    last_held: date | None
    due: date

    @property
    def overdue(self) -> bool:
        return self.due < clock.today()

    @property
    def every_words(self) -> str:
        return EVERY.get(self.schedule.every, self.schedule.every)


def last_one_to_one(worker_ids) -> dict[int, date]:
    """{worker id: the day of their last one to one supervision}, in one query."""
    ids = list(worker_ids)
    if not ids:
        return {}
    rows = db.session.execute(
        select(supervision_attendee.c.user_id, func.max(Supervision.held_on))
        .join(Supervision, Supervision.id == supervision_attendee.c.supervision_id)
        .where(supervision_attendee.c.user_id.in_(ids), Supervision.kind.in_(ONE_TO_ONE))
        .group_by(supervision_attendee.c.user_id)
    )
    return dict(rows.all())


def _dues(query) -> list[Due]:
    schedules = list(db.session.scalars(query.options(selectinload(SupervisionSchedule.worker))))
    last = last_one_to_one(s.worker_id for s in schedules)
    found = [
        Due(s.worker, s, last.get(s.worker_id), due_on(s.every, last.get(s.worker_id), s.starts_on))
        for s in schedules
        if s.worker.active
    ]
    return sorted(found, key=lambda d: (d.due, d.worker.display_name))


def every_schedule() -> list[Due]:
    """Every worker with a schedule, soonest due first (the manager's page)."""
    return _dues(select(SupervisionSchedule))


def schedule_of(worker: User) -> SupervisionSchedule | None:
    return db.session.scalar(
        select(SupervisionSchedule).where(SupervisionSchedule.worker_id == worker.id)
    )


def my_due(user: User) -> Due | None:
    """This person's own next supervision, when a schedule is set for them."""
    found = _dues(select(SupervisionSchedule).where(SupervisionSchedule.worker_id == user.id))
    return found[0] if found else None


def overdue_for_supervisor(user: User) -> list[Due]:
    """The workers this person supervises whose supervision is overdue."""
    found = _dues(select(SupervisionSchedule).where(SupervisionSchedule.supervisor_id == user.id))
    return [d for d in found if d.overdue]


def set_schedule(worker: User, *, every: str, supervisor: User | None, by: User):
    """Set, change or (with NOT_SET) take away how often a worker has supervision."""
    current = schedule_of(worker)
    if every == NOT_SET:
        if current is not None:
            db.session.delete(current)
            audit.record("supervision.schedule_removed", detail={"worker_id": worker.id})
        return None
    if every not in EVERY:
        raise Refused("Choose how often they have supervision")
    if supervisor is None:
        raise Refused("Choose who supervises them")
    if supervisor.id == worker.id:
        raise Refused("Choose someone else to supervise them: not the worker themselves")
    if current is None:
        current = SupervisionSchedule(
            worker_id=worker.id, starts_on=clock.today(), created_by_id=by.id
        )
        db.session.add(current)
    current.every = every
    current.supervisor_id = supervisor.id
    db.session.flush()
    audit.record(
        "supervision.schedule_set",
        record=current,
        detail={"worker_id": worker.id, "every": every, "supervisor_id": supervisor.id},
    )
    return current
