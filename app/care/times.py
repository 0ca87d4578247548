"""Days and times as care work counts them: a day and a time typed in Canberra, the bounds
of a Canberra day, the Monday of a week, a date some months on. (Words for people come from
app.templating: day, short_day, time_of_day, when.)"""

from __future__ import annotations

import calendar
from datetime import UTC, date, datetime, time, timedelta

from app import clock


def local_moment(day: date, at: time) -> datetime:
    """A day and a time in Canberra, as an aware UTC datetime."""
    return datetime.combine(day, at, tzinfo=clock.CANBERRA).astimezone(UTC)


def local_time(moment: datetime) -> time:
    """The Canberra clock time of a moment, to the minute."""
    return moment.astimezone(clock.CANBERRA).time().replace(second=0, microsecond=0)


def local_day(moment: datetime) -> date:
    """The Canberra day of a moment."""
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
    """The Monday of the week a day is in."""
    return day - timedelta(days=day.weekday())
