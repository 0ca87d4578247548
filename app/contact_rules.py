"""When a person was last seen, and the national rule for closing an episode.

The AODTS-NMDS closes an episode after three months with no contact and no contact planned.
Case consultation also looks at six weeks with no contact. The rules are pure functions;
the two queries below give them their facts for many people at once (no query per person).
"""

from __future__ import annotations

import calendar
from datetime import date, datetime

from sqlalchemy import func, select

from app import clock
from app.extensions import db
from app.models import Appointment, CaseNote

QUIET_WEEKS = 6
CLOSE_AFTER_MONTHS = 3


def months_before(day: date, months: int) -> date:
    """The same day `months` earlier (the last day of the month when it is shorter)."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    last_day = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last_day))


def quiet_since(last_contact: date | None, opened_on: date) -> date:
    """The day the quiet time started: the last contact, or the start of the episode."""
    return max(last_contact, opened_on) if last_contact else opened_on


def is_quiet(
    last_contact: date | None, opened_on: date, today: date, weeks: int = QUIET_WEEKS
) -> bool:
    """No contact for `weeks` weeks (or more)."""
    return (today - quiet_since(last_contact, opened_on)).days >= weeks * 7


def should_close(
    last_contact: date | None, opened_on: date, next_planned: date | None, today: date
) -> bool:
    """The national rule: no contact for three months and no contact planned."""
    if next_planned is not None and next_planned >= today:
        return False
    return quiet_since(last_contact, opened_on) <= months_before(today, CLOSE_AFTER_MONTHS)


def last_contacts(client_ids: list[int]) -> dict[int, datetime]:
    """The latest contact (a current case note) for each of these people."""
    if not client_ids:
        return {}
    rows = db.session.execute(
        select(CaseNote.client_id, func.max(CaseNote.contact_at))
        .where(CaseNote.client_id.in_(client_ids), CaseNote.superseded.is_(False))
        .group_by(CaseNote.client_id)
    )
    return {client_id: when for client_id, when in rows}


def next_planned(client_ids: list[int]) -> dict[int, datetime]:
    """The next appointment still to come for each of these people."""
    if not client_ids:
        return {}
    rows = db.session.execute(
        select(Appointment.client_id, func.min(Appointment.starts_at))
        .where(
            Appointment.client_id.in_(client_ids),
            Appointment.cancelled.is_(False),
            Appointment.starts_at >= clock.now(),
        )
        .group_by(Appointment.client_id)
    )
    return {client_id: when for client_id, when in rows}


def local_day(moment: datetime | None) -> date | None:
    return moment.astimezone(clock.CANBERRA).date() if moment else None
