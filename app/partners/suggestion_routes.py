"""Services suggested for the directory (issue 17): staff suggest one; a senior or the manager
approves it (it joins the directory) or turns it down (it stays off it)."""

from __future__ import annotations

from flask import abort, redirect, url_for

from app import audit
from app.access import get_or_404, requires
from app.core.messages import refused, saved, told
from app.core.people import me, users_by_id
from app.core.saving import change_from_form
from app.forms import Form
from app.models import Partner
from app.pages import render_page
from app.partners import bp, suggestions
from app.partners.forms import SuggestForm


@bp.route("/suggest", methods=["GET", "POST"])
@requires("partners.suggest")
def suggest():
    form = SuggestForm()
    if form.validate_on_submit():
        before = {p.id for p in suggestions.waiting_suggestions()}
        outcome = change_from_form(
            form,
            lambda: suggestions.suggest_partner(
                name=form.name.data,
                contact=form.contact.data,
                what_they_do=form.what_they_do.data,
                user=me(),
            ),
        )
        if outcome.saved:
            partner = outcome.result
            if partner.active:
                told(f"{partner.name} is in the partners list already.")
                return redirect(url_for("partners.partner", partner_id=partner.id), 303)
            if partner.id in before:
                told(f"{partner.name} was suggested already. A senior will look at it.")
            else:
                audit.record("partner.suggested", record=partner, detail={"name": partner.name})
                saved(f"Thank you. A senior or the manager will look at {partner.name}.")
            return redirect(url_for("partners.index"), 303)
    return render_page("partners/suggest.html", form=form)


@bp.route("/suggestions")
@requires("partners.edit")
def suggestions_list():
    waiting = suggestions.waiting_suggestions()
    return render_page(
        "partners/suggestions.html",
        waiting=waiting,
        people=users_by_id(p.suggested_by_id for p in waiting),
        form=Form(),
    )


@bp.route("/suggestions/<int:partner_id>/<any(approve, decline):action>", methods=["POST"])
@requires("partners.edit")
def decide(partner_id: int, action: str):
    partner = get_or_404(Partner, partner_id, visible=lambda p: p.suggested_on is not None)
    form = Form()
    if not form.validate_on_submit():
        abort(400)
    change = suggestions.approve if action == "approve" else suggestions.decline
    outcome = change_from_form(form, lambda: change(partner, by=me()))
    if outcome.refusal is not None:
        refused(outcome.refusal.message)
        return redirect(url_for("partners.suggestions_list"), 303)
    audit.record(f"partner.{action}d", record=partner, detail={"name": partner.name})
    if action == "approve":
        saved(f"{partner.name} is on the partners list now.")
    else:
        saved(f"{partner.name} was turned down. It stays off the list.")
    return redirect(url_for("partners.suggestions_list"), 303)
