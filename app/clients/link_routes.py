"""Linking two files (partners, family), and children who are not clients, on the file page.

Choosing the other file searches only files this worker may open, and a link shows only
to someone who may open both files (app/clients/links.py).
"""

from __future__ import annotations

from flask import abort, redirect, request, url_for
from wtforms import StringField, TextAreaField
from wtforms.validators import ValidationError

from app import locking
from app.access import get_or_404, requires
from app.clients import access, bp, links
from app.clients import search as finding
from app.clients.forms import ClientSearchForm
from app.clients.page_helpers import header, open_client
from app.core.messages import saved
from app.core.numbers import whole_number
from app.core.people import me
from app.core.saving import change_from_form
from app.forms import ChoiceField, Form, at_most, required
from app.locking import VersionField
from app.models import Client
from app.pages import render_page


class LinkForm(Form):
    kind = ChoiceField("What are they to this person?", [required("Choose how they are linked")])
    note = TextAreaField("A note (if you want)", [at_most(300, "The note")])


class TakeOffForm(Form):
    reason = TextAreaField(
        "Why take it off?", [required("Say why it is taken off"), at_most(300, "The reason")]
    )


def _year(form, field):
    if field.data and whole_number(field.data, low=1900, high=2100) is None:
        raise ValidationError("Enter the year born as 4 numbers, like 2019")


class ChildForm(Form):
    version = VersionField()
    name = StringField("Their name", [required("Enter the child's name"), at_most(100, "The name")])
    born_year = StringField("Year born", [_year])
    age_text = StringField("Or their age, if you do not know the year", [at_most(40, "The age")])
    lives_with = StringField("Who they live with", [at_most(200, "Who they live with")])
    note = TextAreaField("A note (if you want)", [at_most(300, "The note")])


@bp.app_context_processor
def _people_linked():
    """`people_linked(client)` for the file page's panel (clients/_panel_links.html)."""

    def people_linked(client):
        return {"links": links.links_seen_by(me(), client), "children": links.children_of(client)}

    return {"people_linked": people_linked}


def _may_link_to(client: Client) -> bool:
    return access.access_level(me(), client) is not None


@bp.route("/<int:client_id>/links/new", methods=["GET", "POST"])
@requires("clients.open")
def link_choose(client_id: int):
    """Find the other file: only files this worker may open are offered."""
    client = open_client(client_id, "link choose")
    form = ClientSearchForm()
    found = None
    if form.validate_on_submit():
        found = finding.other_files_found(me(), client, form.q.data)
    return render_page("clients/link_choose.html", form=form, found=found, **header(client))


@bp.route("/<int:client_id>/links/new/<int:other_id>", methods=["GET", "POST"])
@requires("clients.open")
def link_new(client_id: int, other_id: int):
    client = open_client(client_id, "new link")
    other = get_or_404(Client, other_id, visible=_may_link_to)
    form = LinkForm()
    form.kind.choices = list(links.KINDS.items())
    if form.validate_on_submit():
        outcome = change_from_form(
            form,
            lambda: links.add_link(
                client, other, kind=form.kind.data, note=form.note.data, by=me()
            ),
        )
        if outcome.saved:
            saved(f"{client.name} and {other.name} are linked.")
            return redirect(url_for("clients.file", client_id=client.id), 303)
    return render_page("clients/link_new.html", form=form, other=other, **header(client))


@bp.route("/<int:client_id>/links/<int:link_id>/remove", methods=["GET", "POST"])
@requires("clients.open")
def link_remove(client_id: int, link_id: int):
    client = open_client(client_id, "take off link")
    seen = {x.link.id: x for x in links.links_seen_by(me(), client)}
    if link_id not in seen:
        abort(404)
    linked = seen[link_id]
    form = TakeOffForm()
    if form.validate_on_submit():
        outcome = change_from_form(
            form, lambda: links.remove_link(linked.link, reason=form.reason.data, by=me())
        )
        if outcome.saved:
            saved("The link is taken off.")
            return redirect(url_for("clients.file", client_id=client.id), 303)
    return render_page("clients/link_remove.html", form=form, linked=linked, **header(client))


# --- children who are not clients ------------------------------------------------------------


def _child_shown(child):
    return ChildForm(
        formdata=None,
        data={
            "name": child.name,
            "born_year": str(child.born_year or ""),
            "age_text": child.age_text,
            "lives_with": child.lives_with,
            "note": child.note,
        },
    )


def _child_answers(form) -> dict:
    year = whole_number(form.born_year.data) if form.born_year.data else None
    return {
        "name": form.name.data,
        "born_year": year,
        "age_text": None if year else (form.age_text.data or None),
        "lives_with": form.lives_with.data or None,
        "note": form.note.data or None,
    }


@bp.route("/<int:client_id>/children/new", methods=["GET", "POST"])
@requires("clients.open")
def child_new(client_id: int):
    client = open_client(client_id, "new child")
    form = ChildForm()
    if form.validate_on_submit():
        outcome = change_from_form(
            form, lambda: links.add_child(client, _child_answers(form), by=me())
        )
        if outcome.saved:
            saved(f"{form.name.data} is written down on the file.")
            return redirect(url_for("clients.file", client_id=client.id), 303)
    return render_page("clients/child.html", form=form, child=None, changed=None, **header(client))


@bp.route("/<int:client_id>/children/<int:child_id>", methods=["GET", "POST"])
@requires("clients.open")
def child_change(client_id: int, child_id: int):
    client = open_client(client_id, "change child")
    child = links.child_of(client, child_id) or abort(404)
    changed = None
    if request.method == "GET":
        form = _child_shown(child)
        locking.stamp(form, child, _child_shown)
    else:
        form = ChildForm()
        if form.validate():
            outcome = change_from_form(
                form,
                lambda: links.change_child(child, _child_answers(form), by=me()),
                record=child,
                shown=_child_shown,
            )
            changed = outcome.changed
            if outcome.saved:
                saved("Saved.")
                return redirect(url_for("clients.file", client_id=client.id), 303)
    return render_page(
        "clients/child.html", form=form, child=child, changed=changed, **header(client)
    )


@bp.route("/<int:client_id>/children/<int:child_id>/remove", methods=["GET", "POST"])
@requires("clients.open")
def child_remove(client_id: int, child_id: int):
    client = open_client(client_id, "take off child")
    child = links.child_of(client, child_id) or abort(404)
    form = TakeOffForm()
    if form.validate_on_submit():
        outcome = change_from_form(
            form, lambda: links.remove_child(child, reason=form.reason.data, by=me())
        )
        if outcome.saved:
            saved(f"{child.name} is taken off the file.")
            return redirect(url_for("clients.file", client_id=client.id), 303)
    return render_page("clients/child_remove.html", form=form, child=child, **header(client))
