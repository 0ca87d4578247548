"""A file's care team: who is on it, adding someone with the person's agreement, and taking
someone off it (app/clients/care_team.py holds the rules)."""

from __future__ import annotations

from flask import abort, redirect, request, url_for

from app.access import ROLES, get_or_404, requires
from app.clients import bp, care_team
from app.clients.forms import CareTeamAddForm
from app.clients.page_helpers import get_client_for_current_user, header, open_client
from app.core.messages import refused, saved
from app.core.numbers import record_id
from app.core.people import me, user_by_id
from app.core.saving import change_from_form
from app.forms import Form
from app.models import CareTeamMember
from app.pages import render_page


def _person(form):
    found = record_id(form.person.data or "")
    return user_by_id(found) if found else None


@bp.route("/<int:client_id>/team", methods=["GET", "POST"], endpoint="care_team")
@requires("clients.open")
def care_team_page(client_id: int):
    client = (
        open_client(client_id, "care team")
        if request.method == "GET"
        else get_client_for_current_user(client_id)
    )
    changes = care_team.may_change(me(), client)
    if request.method == "POST" and not changes:
        abort(404)
    form = CareTeamAddForm()
    form.person.choices = [("", "Choose someone")] + [
        (str(u.id), f"{u.display_name} ({ROLES.get(u.role, u.role)})")
        for u in care_team.people_to_add(client)
    ]
    if request.method == "POST" and form.validate():
        outcome = change_from_form(
            form,
            lambda: care_team.add_member(
                client,
                _person(form),
                role_words=form.role_words.data,
                agreed=form.agreed.data,
                agreed_on=form.agreed_on.data,
                by=me(),
            ),
        )
        if outcome.saved:
            saved(f"{outcome.result.user.display_name} is on the care team.")
            return redirect(url_for("clients.care_team", client_id=client.id), 303)
    return render_page(
        "clients/care_team.html",
        form=form,
        members=care_team.members(client),
        past=care_team.past_members(client),
        changes=changes,
        roles=ROLES,
        **header(client),
    )


@bp.route("/<int:client_id>/team/<int:member_id>/end", methods=["POST"], endpoint="care_team_end")
@requires("clients.open")
def care_team_end(client_id: int, member_id: int):
    client = get_client_for_current_user(client_id)
    if not care_team.may_change(me(), client):
        abort(404)
    member = get_or_404(CareTeamMember, member_id, visible=lambda m: m.client_id == client.id)
    outcome = change_from_form(Form(), lambda: care_team.remove_member(member, client, by=me()))
    if outcome.saved:
        saved(f"{member.user.display_name} is off the care team. Their time on it is kept.")
    elif outcome.refusal is not None:
        refused(outcome.refusal.message)
    return redirect(url_for("clients.care_team", client_id=client.id), 303)
