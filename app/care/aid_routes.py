"""Material aid: what a person was given (and from which partner), and the totals per
month for the service or for one worker."""

from __future__ import annotations

from datetime import date

from flask import redirect, request, url_for

from app import audit, clock
from app.access import requires
from app.care import aid as aid_given
from app.care import bp, partner_services
from app.care.episode_rules import EpisodeClosed, open_episode
from app.care.forms import AidForm
from app.care.page_helpers import closed_page, header, load_client, partner_choices
from app.core.messages import saved
from app.core.numbers import record_id, whole_number
from app.core.people import me
from app.core.saving import change_from_form
from app.models.care import AID_KINDS
from app.pages import render_page


@bp.route("/clients/<int:client_id>/aid", methods=["GET", "POST"])
@requires("clients.open")
def aid(client_id: int):
    client = load_client(client_id, "material aid")
    back = url_for("care.aid", client_id=client.id)
    form = AidForm()
    partner_choices(form.partner_id, "Not from a partner")
    if request.method == "POST" and open_episode(client) is None:
        return closed_page(client, form, back)
    if form.validate_on_submit():
        outcome = change_from_form(
            form,
            lambda: aid_given.give_aid(
                client,
                aid_given.AidData(
                    kind=form.kind.data,
                    quantity=whole_number(form.quantity.data),
                    given_on=form.given_on.data,
                    partner_id=record_id(form.partner_id.data),
                    note=form.note.data or None,
                ),
                me(),
            ),
        )
        if isinstance(outcome.refusal, EpisodeClosed):
            return closed_page(client, form, back)
        if outcome.saved:
            saved("Material aid saved.")
            return redirect(back, 303)
    given = aid_given.aid_for(client)
    return render_page(
        "care/aid.html",
        form=form,
        given=given,
        kinds=AID_KINDS,
        partners=partner_services.partner_names(a.partner_id for a in given),
        **header(client),
    )


@bp.route("/material-aid")
@requires("clients.open")
def aid_totals():
    """Totals per month for the last twelve months: everyone's, or only mine."""
    mine = request.args.get("mine") == "1"
    today = clock.today()
    since = date(today.year - 1, today.month, 1)
    months = aid_given.aid_totals_by_month(since, worker_id=me().id if mine else None)
    audit.record("aid.totals_viewed", detail={"mine": mine})
    return render_page(
        "care/aid_totals.html",
        months=months,
        kinds=AID_KINDS,
        mine=mine,
        this_month=next((m for d, m in months if d == today.replace(day=1)), {}),
    )
