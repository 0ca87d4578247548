"""The manager's list of closings to check: the worker was not sure, so the episode closes
only on the manager's yes (the model of care sends unsure closings to management)."""

from __future__ import annotations

from flask import redirect, url_for

from app.access import get_or_404, requires
from app.care import bp, closing, closing_checks
from app.care.closing_forms import ClosingDecisionForm
from app.clients import public as clients
from app.core.messages import saved
from app.core.people import me, users_by_id
from app.core.saving import change_from_form
from app.models import Episode
from app.models.care import ClosingCheck
from app.pages import render_page


def _page(form=None, chosen=None):
    rows = closing_checks.waiting()
    return render_page(
        "care/closings_to_check.html",
        form=form,
        chosen=chosen,
        rows=[
            (check, person, closing.check_rows(check.answers or {})) for check, person, _ in rows
        ],
        workers=users_by_id(check.created_by_id for check, _, _ in rows),
    )


@bp.route("/closings-to-check")
@requires("closing.confirm")
def closings_to_check():
    return _page()


@bp.route("/closings-to-check/<int:check_id>", methods=["POST"])
@requires("closing.confirm")
def closing_decide(check_id: int):
    check = get_or_404(ClosingCheck, check_id)
    client = clients.get_client_for_current_user(check.client_id)
    episode = get_or_404(Episode, check.episode_id, visible=lambda e: e.client_id == client.id)
    form = ClosingDecisionForm()
    if form.validate_on_submit():
        yes = form.decision.data == "close"
        outcome = change_from_form(
            form,
            lambda: (
                closing_checks.confirm(check, client, episode, me())
                if yes
                else closing_checks.send_back(check, client, me())
            ),
        )
        if outcome.saved:
            if yes:
                saved(f"Episode of care closed for {client.name}.")
            else:
                saved(f"Kept open for {client.name}. Talk to their worker about it.")
            return redirect(url_for("care.closings_to_check"), 303)
    return _page(form, chosen=check.id)
