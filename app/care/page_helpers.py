"""Helpers the care views share: load a file for a page, the file's header, a record of
this person's or 404, partner services as a form's choices, and refusing a change to a
closed episode (or with no open episode) without losing what was typed."""

from __future__ import annotations

from flask import abort, redirect, request, url_for

from app.access import can, get_or_404
from app.care import partner_services
from app.care.episode_rules import CLOSED_MESSAGE
from app.clients import public as clients
from app.core.messages import NO_OPEN_EPISODE, refused
from app.core.numbers import record_id
from app.core.people import me
from app.pages import render_page

SKIP_FIELDS = {"csrf_token", "form_key", "version", "word_check", "then"}


def header(client) -> dict:
    """The file's name, photo and links, for the top of every care page."""
    return clients.header(client)


def load_client(client_id: int, page: str, *, cover_ok: bool = False):
    """The client for this request: a page view is logged; a change is logged by the service.

    `cover_ok=True` only on the pages a worker covering may use (see the clients area).
    """
    if request.method == "GET":
        return clients.open_client(client_id, page, cover_ok=cover_ok)
    return clients.get_client_for_current_user(client_id, cover_ok=cover_ok)


def covering(client) -> bool:
    """This person sees only the narrow view: covering, or a learner on the care team (read
    the plan, add a note or a visit)."""
    return clients.access_level(me(), client) in clients.NARROW


def supervised(client) -> bool:
    """A trainee or a student on the care team: their notes wait for the worker to sign."""
    return clients.access_level(me(), client) == clients.SUPERVISED


def record_of(model, record_id: int, client):
    """A record of this client's, or 404."""
    return get_or_404(
        model, record_id, visible=lambda r: getattr(r, "client_id", None) == client.id
    )


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


def to_episodes(client):
    """No open episode: say so and send the worker to the person's episodes, the one place
    an episode is opened. Every care page that needs an open episode sends them there."""
    refused(NO_OPEN_EPISODE)
    return redirect(url_for("clients.episodes", client_id=client.id), 303)


def no_episode(client, form, back: str):
    """A new record for a person with no open episode: refused, with what was typed shown
    back (a form sent), or sent to their episodes to open one."""
    if request.method == "POST":
        return closed_page(client, form, back)
    return to_episodes(client)


def partner_choices(field, blank: str | None) -> None:
    """The active partner services as a form's choices, after `blank` when given."""
    field.choices = ([("", blank)] if blank else []) + [
        (str(p.id), p.name) for p in partner_services.active_partners()
    ]


def chosen_partner(value):
    """The partner service chosen in a form (None when none was), or 404."""
    if not value:
        return None
    partner = partner_services.partner(record_id(value))
    if partner is None:
        abort(404)
    return partner


def can_see_all() -> bool:
    """Seniors and managers see every worker's people and weeks."""
    return can("clients.see_all", me())
