"""Volunteer shifts at the desk: start, end, record one for someone, hours per week; and
shadow shifts, a trainee's time beside the volunteer on duty, who confirms it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select

from app import clock
from app.access import FRONTDESK, TRAINEE
from app.core.saving import Refused
from app.extensions import db
from app.models import Shift, User

LONGEST_SHIFT = timedelta(hours=16)
VOLUNTEER, SHADOW = "volunteer", "shadow"
# Hours count for a volunteer's own shifts, and for shadow shifts the volunteer confirmed.
COUNTED = (Shift.kind != SHADOW) | Shift.confirmed_at.is_not(None)


def open_shift(user: User) -> Shift | None:
    return db.session.scalar(
        select(Shift)
        .where(Shift.user_id == user.id, Shift.ended_at.is_(None))
        .order_by(Shift.started_at.desc())
        .limit(1)
    )


def start_shift(user: User, *, desk: int | None) -> tuple[Shift, bool]:
    """Start a shift now. (shift, True), or (the shift already going, False)."""
    current = open_shift(user)
    if current is not None:
        return current, False
    shift = Shift(user_id=user.id, started_at=clock.now(), desk=desk, created_by_id=user.id)
    db.session.add(shift)
    db.session.flush()
    return shift, True


def end_shift(shift: Shift, *, at: datetime | None = None) -> None:
    shift.ended_at = at or clock.now()


def at(day: date, moment: time) -> datetime:
    """A Canberra day and time of day, as an aware datetime."""
    return datetime.combine(day, moment, tzinfo=clock.CANBERRA)


def record_shift(*, user: User, day: date, starts: time, ends: time, by: User) -> Shift:
    """A shift recorded afterwards by a senior worker."""
    shift = Shift(
        user_id=user.id,
        started_at=at(day, starts),
        ended_at=at(day, ends),
        created_by_id=by.id,
    )
    db.session.add(shift)
    db.session.flush()
    return shift


def hours(shift: Shift) -> float:
    if shift.ended_at is None:
        return 0.0
    return max(0.0, (shift.ended_at - shift.started_at).total_seconds() / 3600)


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


@dataclass
class WeekRow:
    person: User
    hours: list[float]  # one figure per week, oldest first

    @property
    def total(self) -> float:
        return sum(self.hours)


def weekly_hours(people: list[User], weeks: int = 8) -> tuple[list[date], list[WeekRow]]:
    """(the Mondays of the last `weeks` weeks, hours per week per person)."""
    this_week = week_start(clock.today())
    mondays = [this_week - timedelta(weeks=n) for n in range(weeks - 1, -1, -1)]
    since = at(mondays[0], time.min)
    ids = [p.id for p in people]
    shifts = (
        db.session.scalars(
            select(Shift).where(Shift.user_id.in_(ids), Shift.started_at >= since, COUNTED)
        ).all()
        if ids
        else []
    )
    table = {p.id: [0.0] * weeks for p in people}
    for shift in shifts:
        monday = week_start(shift.started_at.astimezone(clock.CANBERRA).date())
        if monday in mondays:
            table[shift.user_id][mondays.index(monday)] += hours(shift)
    return mondays, [WeekRow(person=p, hours=[round(h, 1) for h in table[p.id]]) for p in people]


def people_with_shifts(user: User | None = None) -> list[User]:
    """Everyone who does desk shifts (or who has any shift), or just `user`."""
    if user is not None:
        return [user]
    with_shifts = select(Shift.user_id).distinct()
    return list(
        db.session.scalars(
            select(User)
            .where(
                (User.role.in_((FRONTDESK, TRAINEE)) & User.active.is_(True))
                | User.id.in_(with_shifts)
            )
            .order_by(User.display_name)
        )
    )


def open_shifts() -> list[Shift]:
    return list(
        db.session.scalars(select(Shift).where(Shift.ended_at.is_(None)).order_by(Shift.started_at))
    )


def recent_shifts(user: User | None = None, limit: int = 20) -> list[Shift]:
    query = select(Shift).where(COUNTED).order_by(Shift.started_at.desc()).limit(limit)
    if user is not None:
        query = query.where(Shift.user_id == user.id)
    return list(db.session.scalars(query))


def people_who_can_do_shifts() -> list[User]:
    return list(
        db.session.scalars(select(User).where(User.active.is_(True)).order_by(User.display_name))
    )


# --- shadow shifts ---------------------------------------------------------------------------


def people_on_duty(trainee: User) -> list[User]:
    """The volunteers a trainee may have shadowed at the desk."""
    return list(
        db.session.scalars(
            select(User)
            .where(User.role == FRONTDESK, User.active.is_(True), User.id != trainee.id)
            .order_by(User.display_name)
        )
    )


def record_shadow_shift(
    *, trainee: User, with_user: User, day: date, starts: time, ends: time
) -> Shift:
    """The trainee's own record of time beside `with_user`; it counts once they confirm."""
    if with_user.id == trainee.id or with_user not in people_on_duty(trainee):
        raise Refused("Choose the volunteer who was on duty at the desk.")
    shift = Shift(
        user_id=trainee.id,
        kind=SHADOW,
        shadowing_with_id=with_user.id,
        started_at=at(day, starts),
        ended_at=at(day, ends),
        created_by_id=trainee.id,
    )
    db.session.add(shift)
    db.session.flush()
    return shift


def shadow_shifts_to_answer(volunteer: User) -> list[Shift]:
    """Shadow shifts with this volunteer that they have not said yes or no to."""
    return list(
        db.session.scalars(
            select(Shift)
            .where(
                Shift.kind == SHADOW,
                Shift.shadowing_with_id == volunteer.id,
                Shift.confirmed_at.is_(None),
                Shift.declined_at.is_(None),
            )
            .order_by(Shift.started_at, Shift.id)
        )
    )


def answer_shadow_shift(shift: Shift, *, yes: bool) -> bool:
    """The volunteer's yes or no. False when it was answered already (the answer stays)."""
    if shift.confirmed_at is not None or shift.declined_at is not None:
        return False
    if yes:
        shift.confirmed_at = clock.now()
    else:
        shift.declined_at = clock.now()
    return True
