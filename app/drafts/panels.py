"""What the drafts area shows outside its own routes: "Things you started" on the home page,
and the draft a form page offers back (macros/drafts.html)."""

from __future__ import annotations

from flask import request
from flask_login import current_user

from app import clock
from app.drafts import store


def started() -> dict:
    """Always shown, with an empty state: people look here for words they lost."""
    return {"started": store.started_by(current_user), "keep_days": store.KEEP_DAYS}


def draft_for_form(key: str) -> dict | None:
    """The person's draft for this form, to offer back. Only on a plain page load: a form
    shown again after sending holds the words just sent, which are newer than the draft."""
    if request.method != "GET":
        return None
    draft = store.restorable(current_user, key)
    if draft is None:
        return None
    return {
        "id": draft.id,
        "saved_at": draft.saved_at,
        "today": draft.saved_at.astimezone(clock.CANBERRA).date() == clock.today(),
        "fields": store.fields_of(draft),
    }
