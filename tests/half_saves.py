"""A check on every request the tests make: a refused change leaves nothing half-saved.

A request is refused when a form comes back with its problems or a service refused the
change (app/core/saving.py marks it). Such a request must not have written any row of the
record being changed outside a savepoint that was rolled back, nor leave unsaved changes in
the session. app/web.py throws a refused request's changes away anyway; this check finds the
view that did part of a change before refusing, which would be half-saved the day someone
changes that rule. Bookkeeping rows (the audit log, form keys, sessions) do not count.
"""

from __future__ import annotations

from flask import Flask, g, has_request_context, request
from sqlalchemy import event
from sqlalchemy.orm import Session

from app.extensions import db

BOOKKEEPING = frozenset(
    {"audit_event", "form_key", "user_session", "sign_in_attempt", "user", "registration_draft"}
)
problems: list[str] = []


def _tables(objects) -> list[str]:
    names = (getattr(o, "__tablename__", type(o).__name__) for o in objects)
    return [name for name in names if name not in BOOKKEEPING]


def _on_flush(session, flush_context) -> None:
    """Note each row written, with the savepoint it was written in (None: the request's own)."""
    # Only the request's own session: a test's session writing "someone else's" save in
    # the same moment is not part of the request.
    if has_request_context() and session is db.session():
        savepoint = session.get_nested_transaction()
        rows = _tables([*session.new, *session.dirty, *session.deleted])
        g.setdefault("flushed_rows", []).extend((savepoint, row) for row in rows)


def _on_soft_rollback(session, previous_transaction) -> None:
    """A savepoint rolled back: what was written in it is gone."""
    if has_request_context() and previous_transaction.nested:
        g.setdefault("rolled_back", []).append(previous_transaction)


def _kept_rows() -> list[str]:
    gone = g.get("rolled_back", [])
    return [row for savepoint, row in g.get("flushed_rows", []) if savepoint not in gone]


def _shows_a_problem(response) -> bool:
    """A POST answered with the form again and "There is a problem": the person was told
    nothing was done, so nothing may have been done."""
    return (
        request.method == "POST"
        and response.status_code == 200
        and response.mimetype == "text/html"
        and not response.direct_passthrough
        and b"There is a problem" in response.get_data()
    )


def install(app: Flask) -> None:
    event.listen(Session, "after_flush", _on_flush)
    event.listen(Session, "after_soft_rollback", _on_soft_rollback)

    @app.after_request
    def check_nothing_half_saved(response):
        if g.get("change_refused") or _shows_a_problem(response):
            left = _kept_rows() + _tables([*db.session.new, *db.session.dirty, *db.session.deleted])
            if left:
                problems.append(f"{request.method} {request.path} ({response.status_code}): {left}")
        return response


def take_problems() -> list[str]:
    found = list(problems)
    problems.clear()
    return found
