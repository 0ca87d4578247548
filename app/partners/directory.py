"""The partners directory (finding, adding and changing partner services) and in-reach: which
partners are at the centre on a day, and how often, in words."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time, timedelta

from sqlalchemy import or_, select

from app import clock
from app.extensions import db
from app.models import InReachSession, Partner, User

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
ORDINALS = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "last"}
REPEATS = {
    "weekly": "Every week",
    "fortnightly": "Every second week",
    "monthly": "Once a month",
}


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def find_partners(words: str = "", *, include_inactive: bool = False) -> list[Partner]:
    """Partners whose name, work, address or note holds every word typed, by name."""
    query = select(Partner).order_by(Partner.name)
    if not include_inactive:
        query = query.where(Partner.active.is_(True))
    for word in words.split()[:8]:
        pattern = _like(word)
        query = query.where(
            or_(
                Partner.name.ilike(pattern, escape="\\"),
                Partner.what_they_do.ilike(pattern, escape="\\"),
                Partner.address.ilike(pattern, escape="\\"),
                Partner.welcome_note.ilike(pattern, escape="\\"),
            )
        )
    return list(db.session.scalars(query))


PARTNER_FIELDS = (
    "name",
    "what_they_do",
    "address",
    "phone",
    "email",
    "website",
    "opening_hours",
    "welcome_note",
)


def create_partner(*, by: User, **fields) -> Partner:
    partner = Partner(created_by_id=by.id, **{k: fields.get(k) or None for k in PARTNER_FIELDS})
    partner.what_they_do = fields.get("what_they_do") or ""
    db.session.add(partner)
    db.session.flush()
    return partner


def update_partner(partner: Partner, **fields) -> None:
    for name in PARTNER_FIELDS:
        setattr(partner, name, fields.get(name) or None)
    partner.what_they_do = fields.get("what_they_do") or ""


def set_active(partner: Partner, active: bool) -> None:
    partner.active = active


# --- in-reach ------------------------------------------------------------------------------


def add_in_reach(
    partner: Partner,
    *,
    weekday: int,
    repeat: str,
    week_of_month: int | None,
    from_day: date | None,
    starts_at: time,
    ends_at: time,
    what: str | None,
    by: User,
) -> InReachSession:
    session = InReachSession(
        partner_id=partner.id,
        weekday=weekday,
        repeat=repeat,
        week_of_month=week_of_month if repeat == "monthly" else None,
        from_day=from_day if repeat == "fortnightly" else None,
        starts_at=starts_at,
        ends_at=ends_at,
        what=what or None,
        created_by_id=by.id,
    )
    db.session.add(session)
    db.session.flush()
    return session


def stop_in_reach(session: InReachSession) -> None:
    session.active = False


def happens_on(session: InReachSession, day: date) -> bool:
    """True when this in-reach session is at the centre on that day."""
    if not session.active or day.weekday() != session.weekday:
        return False
    if session.repeat == "fortnightly":
        start = session.from_day or day  # in step with this day, before it and after it
        return (day - start).days % 14 == 0
    if session.repeat == "monthly":
        nth = session.week_of_month or 1
        if nth == 5:  # the last one of the month
            return (day + timedelta(days=7)).month != day.month
        return (day.day - 1) // 7 + 1 == nth
    return True


def how_often(session: InReachSession) -> str:
    """'Every Friday', 'Every second Tuesday', 'The first Monday of the month'."""
    weekday = WEEKDAYS[session.weekday]
    if session.repeat == "fortnightly":
        return f"Every second {weekday}"
    if session.repeat == "monthly":
        return f"The {ORDINALS.get(session.week_of_month or 1, 'first')} {weekday} of the month"
    return f"Every {weekday}"


@dataclass
class InToday:
    partner: Partner
    session: InReachSession


def in_reach_on(day: date) -> list[InToday]:
    """The partner services at the centre on this day, by start time."""
    rows = db.session.execute(
        select(InReachSession, Partner)
        .join(Partner, Partner.id == InReachSession.partner_id)
        .where(
            InReachSession.active.is_(True),
            InReachSession.weekday == day.weekday(),
            Partner.active.is_(True),
        )
    ).all()
    found = [InToday(partner=p, session=s) for s, p in rows if happens_on(s, day)]
    return sorted(found, key=lambda f: (f.session.starts_at, f.partner.name))


def next_dates(session: InReachSession, since: date, count: int = 3) -> list[date]:
    """The next few days this session happens, from `since`."""
    found, day = [], since
    for _ in range(400):
        if happens_on(session, day):
            found.append(day)
            if len(found) == count:
                break
        day += timedelta(days=1)
    return found


def time_text(moment: time | None) -> str:
    """'10am', '1:30pm'."""
    return clock.clock_time(moment)


def website_url(website: str | None) -> str | None:
    """A link for a website typed with or without https://."""
    if not website:
        return None
    lower = website.lower()
    return website if lower.startswith(("http://", "https://")) else f"https://{website}"
