"""What every template can use: dates as people say them, sector words, who may do what."""

from __future__ import annotations

from datetime import date, datetime

from flask import Flask, current_app, g, has_request_context, request, url_for
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


def short_day(value: date | datetime | None, weekday: bool = False, year: bool = True) -> str:
    """'3 Mar 2026', for tables; 'Mon 3 Mar' with weekday=True, year=False (a month's rows)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.astimezone(clock.CANBERRA).date()
    text = f"{value.day} {value:%b}"
    if weekday:
        text = f"{value:%a} {text}"
    return f"{text} {value.year}" if year else text


def month(value: date | datetime | None) -> str:
    """'March 2027'."""
    return f"{value:%B} {value.year}" if value else ""


def time_of_day(value: datetime | None) -> str:
    """'2:05pm', Canberra time."""
    if value is None:
        return ""
    return clock.clock_time(value.astimezone(clock.CANBERRA).time(), minutes_always=True)


def when(value: datetime | None) -> str:
    """'Tuesday 3 March, 2:05pm'."""
    return f"{day(value)}, {time_of_day(value)}" if value else ""


def term(word: str, shown: str | None = None) -> Markup:
    """A sector word with its plain meaning from the glossary, reachable by a tap and a key.

    The first time a word is on a page it gets a small "What it means" button beside it
    (app.js: aria-expanded shows the meaning inline). Without JavaScript the meaning is
    simply written after the word, in brackets. Later uses on the same page are the word
    alone, so every button on the page has its own name.
    """
    found = glossary.find(word)
    text = escape(shown or word)
    # Every part is escaped here, so the markup is safe.
    if found is None:
        return Markup(text)  # noqa: S704
    done = g.setdefault("terms_explained", set()) if has_request_context() else set()
    key = found.word.lower()
    if key in done:
        return Markup(f'<span class="term" data-term="{escape(found.word)}">{text}</span>')  # noqa: S704
    done.add(key)
    number = len(done)
    meaning_id = f"term-{number}-{glossary.slug(found.word)}"
    info = static_url("icons/info.svg")
    return Markup(  # noqa: S704
        f'<span class="term" data-term="{escape(found.word)}">{text}'
        f'<button class="term-toggle" type="button" aria-expanded="false"'
        f' aria-controls="{meaning_id}" hidden>'
        f'<img class="icon" src="{info}" alt="" width="24" height="24">'
        f'<span class="visually-hidden">What {escape(found.word)} means</span></button>'
        f'<span class="term-meaning" id="{meaning_id}"> ({escape(found.meaning)})</span></span>'
    )


def explained(text: str | None, in_link: bool = False) -> Markup:
    """Any text (a title, a typed note) with its sector words explained by term(). Inside a
    link (`|explained(in_link=True)`) the words stay plain: a link cannot hold a button."""
    plain = str(escape(text or ""))
    if in_link:
        return Markup(plain)  # noqa: S704  (escaped above)
    # The pattern matches whole words, which escaping leaves alone.
    return Markup(glossary.sector_word_pattern().sub(lambda m: str(term(m.group(1))), plain))  # noqa: S704


def static_url(filename: str) -> str:
    """url_for("static", filename=...) worked out once per app, mount point and file: a tap's
    answer draws a dozen icons, and url_for with the file's hash is the dearest part of each.
    Under `make run` (debug) a file can change while the server runs, so it is not kept."""
    if current_app.debug:
        return url_for("static", filename=filename)
    known = current_app.extensions.setdefault("static_urls", {})
    key = (request.script_root, filename)
    if key not in known:
        known[key] = url_for("static", filename=filename)
    return known[key]


def explain_words_in(texts) -> Markup:
    """ "What the words mean" for sector words inside buttons (a tally button cannot hold a
    term() button): each word once, with its own "What it means" button."""
    words = glossary.words_to_explain(" ".join(str(t) for t in texts))
    if not words:
        return Markup("")
    parts = ", ".join(str(term(w.word)) for w in words)
    return Markup(f'<p class="term-list">Words here: {parts}</p>')  # noqa: S704  (term() escapes)


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
    app.jinja_env.filters.update(
        day=day, short_day=short_day, month=month, time=time_of_day, when=when, explained=explained
    )
    app.jinja_env.globals.update(
        term=term,
        explain_words_in=explain_words_in,
        static_url=static_url,
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
