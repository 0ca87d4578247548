"""Merging two files of the same person (a senior or the manager): choose the other file,
check both side by side, then merge. A merged file's pages go to the file kept."""

from __future__ import annotations

from flask import abort, redirect, request, url_for
from flask_login import current_user
from wtforms import HiddenField

from app import audit
from app.access import requires
from app.clients import access, bp, merging
from app.clients import search as finding
from app.clients.forms import ClientSearchForm
from app.clients.page_helpers import header, open_client
from app.core.messages import saved
from app.core.numbers import whole_number
from app.core.people import me
from app.core.saving import Refused, change_from_form
from app.extensions import db
from app.forms import ChoiceField, Form, required
from app.locking import version_of
from app.models import Client
from app.pages import render_page

CHANGED_SINCE = "One of the files changed while you were checking. Look at them again, then merge."


@bp.before_app_request
def _merged_file_goes_to_the_kept_one():
    """Any page of a merged file (/clients/<id>/...) goes to the file kept, for anyone who
    may open it; for anyone else it is not there (404)."""
    client_id = (request.view_args or {}).get("client_id")
    if client_id is None or not request.path.startswith("/clients/"):
        return None
    if not current_user.is_authenticated:
        return None  # the page's own check sends them to sign in
    kept = merging.kept_file_of(db.session.get(Client, client_id))
    if kept is None:
        return None
    if access.access_level(me(), kept) is None:
        audit.note_refusal("not theirs")
        abort(404)
    return redirect(url_for("clients.file", client_id=kept.id), 303)


class MergeForm(Form):
    keep = ChoiceField("Which file do we keep?", [required("Choose the file to keep")])
    versions = HiddenField()


def _versions(a: Client, b: Client) -> str:
    return f"{a.id}:{version_of(a)},{b.id}:{version_of(b)}"


@bp.route("/<int:client_id>/merge", methods=["GET", "POST"])
@requires("clients.see_all")
def merge_choose(client_id: int):
    """Find the other file of the same person among the files this senior may open."""
    client = open_client(client_id, "merge choose")
    form = ClientSearchForm()
    found = None
    if form.validate_on_submit():
        found = finding.other_files_found(me(), client, form.q.data)
    return render_page("clients/merge_choose.html", form=form, found=found, **header(client))


@bp.route("/<int:client_id>/merge/<int:other_id>", methods=["GET", "POST"])
@requires("clients.see_all")
def merge_check(client_id: int, other_id: int):
    """Both files side by side, which one is kept, then "Merge the files"."""
    client = open_client(client_id, "merge check")
    other = db.session.get(Client, other_id)
    if other is None or access.access_level(me(), other) is None:
        abort(404)
    form = MergeForm()
    form.keep.choices = [(str(c.id), f"Keep file #{c.id}") for c in (client, other)]
    if request.method == "GET":
        form.keep.data = str(min(client.id, other.id))  # the older file, unless they choose
        form.versions.data = _versions(client, other)
    refusal = merging.merge_refusal(client, other)
    if form.validate_on_submit():
        keep_id = whole_number(form.keep.data)
        kept, merged = (other, client) if keep_id == other.id else (client, other)

        def merge():
            if refusal:
                raise Refused(refusal)
            if form.versions.data != _versions(client, other):
                raise Refused(CHANGED_SINCE)
            merging.merge_files(kept, merged, by=me())

        outcome = change_from_form(form, merge)
        if outcome.saved:
            saved(f"The files are merged. File #{merged.id} now opens this file.")
            return redirect(url_for("clients.file", client_id=kept.id), 303)
        form.versions.data = _versions(client, other)
    return render_page(
        "clients/merge_check.html",
        form=form,
        refusal=refusal,
        sides=[merging.side(client), merging.side(other)],
        other=other,
        **header(client),
    )
