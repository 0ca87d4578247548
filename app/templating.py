"""What every template can use: dates as people say them, sector words, who may do what."""

from __future__ import annotations

from datetime import date, datetime

from flask import Flask, current_app, g
from flask_login import current_user
from markupsafe import Markup, escape

from app import access, clock, glossary
from app.auth import public as auth
from app.compression import masked_csrf_token


def day(value: date | datetime | None) -> str:
    """'Tuesday 3 March', with the year when it is not this year."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.astimezone(clock.CANBERRA).date()
    text = f"{value:%A} {value.day} {value:%B}"
    return text if value.year == clock.today().year else f"{text} {value.year}"


def short_day(value: date | datetime | None) -> str:
    """'3 Mar 2026', for tables."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.astimezone(clock.CANBERRA).date()
    return f"{value.day} {value:%b %Y}"


def time_of_day(value: datetime | None) -> str:
    """'2:05pm', Canberra time."""
    if value is None:
        return ""
    return clock.clock_time(value.astimezone(clock.CANBERRA).time(), minutes_always=True)


def when(value: datetime | None) -> str:
    """'Tuesday 3 March, 2:05pm'."""
    return f"{day(value)}, {time_of_day(value)}" if value else ""


def term(word: str, shown: str | None = None) -> Markup:
    """A sector word with its plain meaning, from the glossary."""
    meaning = glossary.meaning(word)
    text = escape(shown or word)
    # Both parts are escaped above, so the markup is safe.
    if meaning is None:
        return Markup(text)  # noqa: S704
    return Markup(f'<abbr title="{escape(meaning)}">{text}</abbr>')  # noqa: S704


def session_clock() -> dict:
    """Seconds left before the idle timeout, and the full idle time, for the page's warning."""
    row = g.get("user_session")
    if row is None:
        return {"session_seconds_left": None, "session_idle_seconds": None}
    return {
        "session_seconds_left": auth.seconds_left(row),
        "session_idle_seconds": int(auth.idle_limit(row.user).total_seconds()),
    }


def init_app(app: Flask) -> None:
    app.jinja_env.filters.update(day=day, short_day=short_day, time=time_of_day, when=when)
    app.jinja_env.globals.update(
        term=term,
        can=access.can,
        ROLES=access.ROLES,
        csrf_token=masked_csrf_token,
        today=clock.today,
    )
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True

    @app.context_processor
    def layout_context():
        current_user.is_authenticated  # noqa: B018  (loads the session, which sets g.user_session)
        return {
            "organisation": current_app.config["ORGANISATION_NAME"],
            # Flask-WTF puts its plain token in every template's context; ours is masked.
            "csrf_token": masked_csrf_token,
            **session_clock(),
        }
