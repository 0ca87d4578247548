"""The one way a form view makes a change: whole, or not at all.

    outcome = change_from_form(form, lambda: notes.add_note(...), record=plan, shown=_shown)
    if outcome.saved:
        saved("Note saved.")
        return redirect(url, 303)
    return render_page(..., form=form, changed=outcome.changed)

The change runs in a savepoint. When the service refuses (`Refused`, with its reason in plain
words) or someone else saved the same record first (app/locking.py), everything the change
wrote is rolled back to the savepoint, the reason goes on the form, and the request is marked
refused: app/web.py then keeps nothing of it, so the person reads "There is a problem" and
nothing half-done is saved behind their back (an appointment's outcome without its note).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flask import g, has_request_context
from sqlalchemy.orm.exc import StaleDataError

from app import locking
from app.extensions import db


class Refused(Exception):
    """A change we will not make, with the reason in plain words."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass
class Outcome:
    saved: bool = False
    result: Any = None
    changed: locking.Changed | None = None  # someone else saved first: what they changed
    refusal: Refused | None = None


def mark_refused() -> None:
    """This request refused a change: app/web.py keeps nothing of it."""
    if has_request_context():
        g.change_refused = True


def save_now() -> None:
    """Commit the request's change at once, before its answer is drawn. Only for a change
    that is whole when its service returns and that a retry cannot count twice (a front desk
    tap carries its own key). On SQLite a write holds the database's one write lock until the
    commit: a tap that drew its answer first kept every other desk's tap waiting, and each
    wait sleeps a millisecond or more. app/web.py's commit at the end then finds nothing.

    The records in hand are kept as they are (not read again after the commit): the answer
    is drawn from what this request just saved."""
    session = db.session()
    expire = session.expire_on_commit
    session.expire_on_commit = False
    try:
        session.commit()
    finally:
        session.expire_on_commit = expire


def change_from_form(
    form,
    change: Callable[[], Any],
    *,
    record=None,
    shown: locking.Shown | None = None,
    version: int | None = None,
) -> Outcome:
    """Run `change()` whole or not at all; see the module's docstring.

    With `record` and `shown` (and a `version` field on the form), someone else's save is
    found first (locking.check) and in the same moment (locking at flush), and the form
    then carries the newest version so saving again keeps the person's words.
    """
    if record is not None and shown is not None:
        changed = locking.check(form, record, shown, version=version)
        if changed:
            mark_refused()
            return Outcome(changed=changed)
    savepoint = db.session.begin_nested()
    try:
        result = change()
        db.session.flush()
    except Refused as refusal:
        savepoint.rollback()
        mark_refused()
        form.form_errors.append(refusal.message)
        return Outcome(refusal=refusal)
    except StaleDataError:
        savepoint.rollback()
        mark_refused()
        if record is None or shown is None:
            raise  # the plain "Someone else changed this" page (409)
        db.session.refresh(record)
        return Outcome(changed=locking.compare(form, record, shown) or locking.Changed())
    savepoint.commit()
    return Outcome(saved=True, result=result)
