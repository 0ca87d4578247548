"""The one place the app asks the time, so tests can freeze it."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

CANBERRA = ZoneInfo("Australia/Canberra")


def now() -> datetime:
    """The current moment, in UTC."""
    return datetime.now(UTC)


def local_now() -> datetime:
    """The current moment in Canberra time, for anything a person reads or counts by day."""
    return now().astimezone(CANBERRA)


def today() -> date:
    """Today's date in Canberra."""
    return local_now().date()


def start_of(day: date) -> datetime:
    """The first moment of a Canberra day (compare it with stored times: they are aware)."""
    return datetime.combine(day, time.min, tzinfo=CANBERRA)


def clock_time(moment: time | None, *, minutes_always: bool = False) -> str:
    """A time of day as people say it: '10am', '1:30pm' ('10:00am' with `minutes_always`).
    The one way every page and message writes a clock time."""
    if moment is None:
        return ""
    minutes = f":{moment.minute:02d}" if moment.minute or minutes_always else ""
    return f"{moment.hour % 12 or 12}{minutes}{'am' if moment.hour < 12 else 'pm'}"


def day_words(value: date) -> str:
    """'Friday 5 March 2027': a day with its year, for words kept in a record (a plan's
    history), which are read in later years. Pages use the |day filter (app/templating.py)."""
    return f"{value:%A} {value.day} {value:%B} {value.year}"
