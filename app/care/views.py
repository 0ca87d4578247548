"""Helpers the care views share: load a file for a page, the header, refusing a change to a
closed episode without losing what was typed."""

from __future__ import annotations

from flask import abort, request
from flask_login import current_user

from app.care.common import CLOSED_MESSAGE
from app.clients import service as client_service
from app.clients.views import header, me, open_client  # noqa: F401
from app.extensions import db
from app.pages import render_page

SKIP_FIELDS = {"csrf_token", "form_key", "version", "word_check", "then"}


def load_client(client_id: int, page: str, *, cover_ok: bool = False):
    """The client for this request: a page view is logged; a change is logged by the service.

    `cover_ok=True` only on the pages a worker covering may use (see clients.service).
    """
    if request.method == "GET":
        return open_client(client_id, page, cover_ok=cover_ok)
    return client_service.get_client_for_current_user(client_id, cover_ok=cover_ok)


def covering(client) -> bool:
    """This person sees the file only while covering (read the plan, add a note or a visit)."""
    return client_service.access_level(me(), client) == client_service.COVER


def record_of(model, record_id: int, client):
    """A record of this client's, or 404."""
    record = db.session.get(model, record_id)
    if record is None or getattr(record, "client_id", None) != client.id:
        abort(404)
    return record


MAX_ID = 2**31 - 1


def an_id(value) -> int | None:
    """A record id typed into a URL or a form: a whole number a database column can hold."""
    text = str(value or "").strip()
    if not text.isdigit() or not 0 < int(text) <= MAX_ID:
        return None
    return int(text)


def version_of(form) -> int | None:
    """The plan version the worker started from (None when the form lost it)."""
    return an_id(getattr(getattr(form, "version", None), "data", None))


def typed_words(form=None) -> list[tuple[str, str]]:
    """What was typed into the form, so a refused change loses nothing."""
    labels = {f.name: f.label.text for f in form} if form is not None else {}
    typed = []
    for name, value in request.form.items(multi=True):
        if name in SKIP_FIELDS or not value.strip():
            continue
        typed.append((labels.get(name, name.replace("_", " ").capitalize()), value))
    return typed


def closed_page(client, form=None, back_url: str | None = None):
    """A change to a closed episode is refused (409), with what was typed shown back."""
    return render_page(
        "care/closed.html",
        status=409,
        message=CLOSED_MESSAGE,
        typed=typed_words(form),
        back_url=back_url,
        **header(client),
    )


def can_see_all() -> bool:
    from app.access import can

    return can("clients.see_all", current_user)
