"""Saving a draft as someone types, and throwing one away."""

from __future__ import annotations

from flask import abort, redirect, request, url_for

from app import audit
from app.access import requires
from app.core.messages import told
from app.core.people import me
from app.drafts import bp, store

TOO_BIG = "This draft is too long to keep. Save the form itself to keep your words."


@bp.route("/save", methods=["POST"])
@requires("signed_in")
def save():
    """drafts.js sends the form's fields as someone types (fetch) and as the page is hidden
    (sendBeacon). 204 when kept; 404 for a form the person may not use; 400 when too big."""
    try:
        store.keep(
            me(), request.form.get("key"), request.form.get("path"), request.form.get("fields")
        )
    except store.TooBig:
        return TOO_BIG, 400, {"Content-Type": "text/plain; charset=utf-8"}
    except store.NotAllowed:
        audit.note_refusal("not theirs")
        abort(404)
    return "", 204


@bp.route("/<int:draft_id>/discard", methods=["POST"])
@requires("signed_in")
def discard(draft_id: int):
    """Throw a draft away, then back to its form (drafts.js asks for a quiet 204 instead)."""
    draft = store.own_draft(me(), draft_id)
    if draft is None:
        audit.note_refusal("not theirs", exists=store.exists(draft_id))
        abort(404)
    path = draft.path
    store.throw_away(draft)
    if request.headers.get("X-Draft-Quiet") == "1":
        return "", 204
    told("The draft is thrown away.")
    return redirect(path or url_for("home.index"), 303)
