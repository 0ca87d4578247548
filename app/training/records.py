"""Hours (training sessions and front desk shifts) and certificates, for a person or for
everyone in training."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select

from app import audit, clock
from app.extensions import db
from app.models import Certificate, Progress, Reflection, Shift, TrainingSession, User

REMIND_DAYS = 30
# A shadow shift (a trainee beside the volunteer on duty) counts once the volunteer says yes.
COUNTED_SHIFTS = (Shift.kind != "shadow") | Shift.confirmed_at.is_not(None)
WEEKS_SHOWN = 8


# --- hours ---------------------------------------------------------------------------------


def create_session(person: User, *, day: date, minutes: int, what: str, by: User):
    row = TrainingSession(
        user_id=person.id, day=day, minutes=minutes, what=what, created_by_id=by.id
    )
    db.session.add(row)
    db.session.flush()
    if person.id != by.id:
        audit.record("training.session_added", record=row, user=by, detail={"person": person.id})
    return row


def find_sessions(person: User, limit: int = 10) -> list[TrainingSession]:
    return list(
        db.session.scalars(
            select(TrainingSession)
            .where(TrainingSession.user_id == person.id)
            .order_by(TrainingSession.day.desc(), TrainingSession.id.desc())
            .limit(limit)
        )
    )


def _local_day(moment: datetime) -> date:
    return moment.astimezone(clock.CANBERRA).date()


def _minutes_by_day(user_ids: list[int], since: date) -> dict[int, dict[date, int]]:
    """{user id: {day: minutes}} from training sessions and finished shifts since a day."""
    found: dict[int, dict[date, int]] = {uid: {} for uid in user_ids}
    if not user_ids:
        return found
    sessions = db.session.execute(
        select(TrainingSession.user_id, TrainingSession.day, TrainingSession.minutes).where(
            TrainingSession.user_id.in_(user_ids), TrainingSession.day >= since
        )
    )
    for uid, day, minutes in sessions:
        found[uid][day] = found[uid].get(day, 0) + minutes
    start = datetime.combine(since, datetime.min.time(), clock.CANBERRA) - timedelta(days=1)
    shifts = db.session.execute(
        select(Shift.user_id, Shift.started_at, Shift.ended_at).where(
            Shift.user_id.in_(user_ids),
            Shift.started_at >= start,
            Shift.ended_at.is_not(None),
            COUNTED_SHIFTS,
        )
    )
    for uid, started, ended in shifts:
        day = _local_day(started)
        if day >= since and ended > started:
            minutes = int((ended - started).total_seconds() // 60)
            found[uid][day] = found[uid].get(day, 0) + minutes
    return found


def shadow_shifts(person: User, limit: int = 10) -> list[Shift]:
    """A trainee's shadow shifts at the front desk, newest first, with or without an answer."""
    return list(
        db.session.scalars(
            select(Shift)
            .where(Shift.user_id == person.id, Shift.kind == "shadow")
            .order_by(Shift.started_at.desc(), Shift.id.desc())
            .limit(limit)
        )
    )


def confirmed_shadow_minutes(person: User) -> int:
    """All the time a trainee shadowed at the desk that the volunteer confirmed."""
    rows = db.session.execute(
        select(Shift.started_at, Shift.ended_at).where(
            Shift.user_id == person.id, Shift.kind == "shadow", Shift.confirmed_at.is_not(None)
        )
    )
    return sum(int((ended - started).total_seconds() // 60) for started, ended in rows)


def hours(minutes: int) -> float | int:
    """Minutes as hours, to the nearest half hour: 90 -> 1.5, 120 -> 2."""
    value = round(minutes / 30) / 2
    return int(value) if value == int(value) else value


@dataclass
class Week:
    starts: date
    minutes: int

    @property
    def hours(self):
        return hours(self.minutes)


def hours_by_week(person: User, weeks: int = WEEKS_SHOWN) -> list[Week]:
    """The last few weeks (Monday to Sunday), oldest first, with training and shift time."""
    today = clock.today()
    this_monday = today - timedelta(days=today.weekday())
    first = this_monday - timedelta(weeks=weeks - 1)
    by_day = _minutes_by_day([person.id], first)[person.id]
    result = [Week(first + timedelta(weeks=n), 0) for n in range(weeks)]
    for day, minutes in by_day.items():
        index = (day - first).days // 7
        if 0 <= index < weeks:
            result[index].minutes += minutes
    return result


def minutes_this_month(user_ids: list[int]) -> dict[int, int]:
    first = clock.today().replace(day=1)
    return {uid: sum(days.values()) for uid, days in _minutes_by_day(user_ids, first).items()}


def last_activity(user_ids: list[int]) -> dict[int, datetime | date]:
    """The last thing each person did: an item done, a reflection, a session or a shift."""
    found: dict[int, datetime | date] = {}

    def keep(uid, value):
        if value is None:
            return
        moment = (
            value
            if isinstance(value, datetime)
            else datetime.combine(value, datetime.min.time(), clock.CANBERRA)
        )
        if uid not in found or moment > found[uid]:
            found[uid] = moment

    if not user_ids:
        return found
    for query in (
        select(Progress.user_id, func.max(Progress.done_at)).group_by(Progress.user_id),
        select(Reflection.user_id, func.max(Reflection.created_at)).group_by(Reflection.user_id),
        select(TrainingSession.user_id, func.max(TrainingSession.day)).group_by(
            TrainingSession.user_id
        ),
        select(Shift.user_id, func.max(Shift.started_at)).group_by(Shift.user_id),
    ):
        model_user = query.selected_columns[0]
        for uid, value in db.session.execute(query.where(model_user.in_(user_ids))):
            if isinstance(value, datetime) and value.tzinfo is None:
                value = value.replace(tzinfo=clock.now().tzinfo)  # SQLite forgets the zone
            keep(uid, value)
    return found


# --- certificates --------------------------------------------------------------------------


def create_certificate(
    person: User, *, kind: str, issued_on: date, expires_on: date | None, note: str, by: User
) -> Certificate:
    if expires_on is not None and expires_on < issued_on:
        raise ValueError("expiry before issue")
    row = Certificate(
        user_id=person.id,
        kind=kind,
        issued_on=issued_on,
        expires_on=expires_on,
        note=note,
        created_by_id=by.id,
    )
    db.session.add(row)
    db.session.flush()
    audit.record(
        "training.certificate_added",
        record=row,
        user=by,
        detail={"person": person.id, "kind": kind},
    )
    return row


def find_certificates(person: User) -> list[Certificate]:
    return list(
        db.session.scalars(
            select(Certificate)
            .where(Certificate.user_id == person.id)
            .order_by(Certificate.issued_on.desc(), Certificate.id.desc())
        )
    )


def latest_certificates(user_ids: list[int] | None = None) -> list[Certificate]:
    """The newest certificate of each kind for each person (an older one is replaced)."""
    query = select(Certificate).order_by(Certificate.issued_on, Certificate.id)
    if user_ids is not None:
        query = query.where(Certificate.user_id.in_(user_ids))
    newest: dict[tuple[int, str], Certificate] = {}
    for row in db.session.scalars(query):
        newest[(row.user_id, row.kind)] = row
    return list(newest.values())


def is_replaced(cert: Certificate, all_certs: list[Certificate]) -> bool:
    return any(
        c.kind == cert.kind and c.id != cert.id and (c.issued_on, c.id) > (cert.issued_on, cert.id)
        for c in all_certs
    )


def certificates_due(user_ids: list[int] | None = None, days: int = REMIND_DAYS):
    """Newest certificates that run out within `days` (or ran out already), soonest first."""
    until = clock.today() + timedelta(days=days)
    due = [
        c
        for c in latest_certificates(user_ids)
        if c.expires_on is not None and c.expires_on <= until
    ]
    return sorted(due, key=lambda c: (c.expires_on, c.id))


def others_certificates_due(person: User) -> list[Certificate]:
    """Everyone else's (open accounts only) certificates due, for a trainer's home page."""
    ids = db.session.scalars(select(User.id).where(User.active.is_(True), User.id != person.id))
    return certificates_due(list(ids))


def status(cert: Certificate) -> str:
    """ "ok", "soon" (within 30 days) or "expired"."""
    if cert.expires_on is None:
        return "ok"
    today = clock.today()
    if cert.expires_on < today:
        return "expired"
    if cert.expires_on <= today + timedelta(days=REMIND_DAYS):
        return "soon"
    return "ok"
