"""A form sent twice is saved once: every form carries a one-time key made when it is drawn.

A double click, a retry on a slow connection or the back button sends the same form again.
`csrf_field()` (macros/forms.html) adds a hidden `form_key` to every POST form. When a
signed-in person sends a form with a key:

- the key is written first, in the request's own transaction. A second copy sent in the same
  moment waits for the first to finish (PostgreSQL waits on the unique key; SQLite lets one
  writer in at a time), then finds it;
- a redirect keeps the page it went to with the key, so a second copy is sent to that page
  at once ("This was saved already.") and nothing runs again;
- any other answer (the form shown again with errors, a refusal) keeps no key, so the person
  can fix the form and send it again with the same key.

Keys belong to one person and one address. A POST without a key works as it always did.
Front desk taps carry their own `key` and are counted once by their service.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from flask import Flask, flash, g, has_request_context, redirect, request
from flask_login import current_user
from sqlalchemy import delete, select, update
from sqlalchemy.dialects import postgresql, sqlite

from app import clock
from app.errors import error_response
from app.extensions import db
from app.models import FormKey

FIELD = "form_key"
ALLOWED = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_")
KEEP_FOR = timedelta(days=1)
CLEAN_EVERY = 50  # old keys are removed by one insert in this many
SAVED_ALREADY = "This was saved already."
BEING_SAVED = (
    "This is being saved now",
    "It was sent twice. Wait a moment, then look to see that it was saved.",
)


def init_app(app: Flask) -> None:
    """Register after web.init_app: this after_request must run before the commit."""
    app.jinja_env.globals["form_key"] = form_key
    app.before_request(answer_a_repeat)
    app.after_request(remember_the_answer)


def new_key() -> str:
    return secrets.token_urlsafe(16)


def well_formed(key: str | None) -> bool:
    return bool(key) and 16 <= len(key) <= 64 and set(key) <= ALLOWED


def form_key() -> str:
    """The key for a form being drawn: the one sent, when the form is shown again."""
    if has_request_context() and request.method == "POST":
        sent = request.form.get(FIELD)
        if well_formed(sent):
            return sent
    return new_key()


def _digest(key: str) -> str:
    """One key may sit in several forms of a page drawn again: each address counts alone."""
    return hashlib.sha256(f"{request.path}\n{key}".encode()).hexdigest()


_INSERTS: dict[str, object] = {}


def _claim(user_id: int, key: str) -> int | None:
    """Write the key and return its row id, or None when it is there already."""
    dialect = db.session.get_bind().dialect.name
    statement = _INSERTS.get(dialect)
    if statement is None:
        insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
        statement = insert(FormKey).on_conflict_do_nothing().returning(FormKey.id)
        _INSERTS[dialect] = statement
    row = {
        "user_id": user_id,
        "key": key,
        "path": request.path[:300],
        "created_at": clock.now(),
        "created_by_id": user_id,
        "status": None,
        "location": None,
    }
    return db.session.execute(statement, row).scalar()


def forget_old_keys() -> None:
    """Keys older than a day: a form sent again after that is a new form."""
    db.session.execute(delete(FormKey).where(FormKey.created_at < clock.now() - KEEP_FOR))


def answer_a_repeat():
    """A form sent before with this key: go where the first one went, and run nothing."""
    if request.method != "POST" or not current_user.is_authenticated:
        return None
    sent = request.form.get(FIELD)
    if not well_formed(sent):
        return None
    user_id, key = current_user.id, _digest(sent)
    row_id = _claim(user_id, key)
    if row_id is not None:
        g.form_key_id = row_id
        if row_id % CLEAN_EVERY == 0:
            forget_old_keys()
        return None
    saved = db.session.scalar(select(FormKey).where(FormKey.user_id == user_id, FormKey.key == key))
    if saved is None:  # gone in the moment between (a day old and removed): a new form
        return None
    if saved.location is None:
        return error_response(409, *BEING_SAVED)
    flash(SAVED_ALREADY)
    return redirect(saved.location, 303)


def remember_the_answer(response):
    """A redirect keeps where it went; any other answer lets the key be used again."""
    row_id = g.pop("form_key_id", None)
    if row_id is None or response.status_code >= 400:
        return response  # a refusal rolls back, the key with it
    location = response.headers.get("HX-Redirect") or (
        response.location if 300 <= response.status_code < 400 else None
    )
    if location:
        db.session.execute(
            update(FormKey)
            .where(FormKey.id == row_id)
            .values(status=response.status_code, location=location)
        )
    else:
        db.session.execute(delete(FormKey).where(FormKey.id == row_id))
    return response
