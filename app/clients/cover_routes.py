"""Opening a file that is not yours, with a reason; a senior's yes or no, the review, and
the cover log."""

from __future__ import annotations

from flask import redirect, request, url_for

from app.access import get_or_404, requires
from app.clients import access, bp
from app.clients import cover as cover_rules
from app.clients.forms import CoverReasonForm
from app.clients.page_helpers import get_client_for_cover
from app.core.messages import refused, saved
from app.core.numbers import record_id
from app.core.people import me, user_by_id
from app.core.saving import change_from_form
from app.extensions import db
from app.forms import Form
from app.models import Client, CoverAccess
from app.pages import paginate, render_page


@bp.route("/<int:client_id>/cover", methods=["GET", "POST"])
@requires("clients.open")
def cover(client_id: int):
    """Open a file that is not yours: a reason from the list and a sentence in your own words.

    A new worker, or one with nobody to support, only asks: a senior says yes first.
    """
    if access.can_open(me(), db.session.get(Client, client_id)):
        return redirect(url_for("clients.file", client_id=client_id), 303)
    client = get_client_for_cover(client_id)
    asking = cover_rules.must_ask_first(me())
    waiting = cover_rules.waiting_cover(me(), client)
    form = CoverReasonForm()
    form.covering_for.choices = [("", "Not covering for anyone")] + [
        (str(u.id), u.display_name) for u in cover_rules.workers_to_cover_for(me())
    ]
    if request.method == "GET" and client.worker_id:
        form.covering_for.data = str(client.worker_id)
    if waiting is None and form.validate_on_submit():
        covering_for = None
        if form.kind.data == "away":
            covering_for = user_by_id(record_id(form.covering_for.data))
        outcome = change_from_form(
            form,
            lambda: cover_rules.create_cover(
                client, me(), kind=form.kind.data, words=form.reason.data, covering_for=covering_for
            ),
        )
        if not outcome.saved:
            return render_page(
                "clients/cover.html", form=form, client_id=client.id, asking=asking, waiting=waiting
            )
        opened = outcome.result
        if opened.state == "asked":
            saved("Your request is with the seniors. You can open the file once one says yes.")
            return redirect(url_for("home.index"), 303)
        saved("You can see part of this file until the end of today. A senior sees why.")
        return redirect(url_for("clients.file", client_id=client.id), 303)
    return render_page(
        "clients/cover.html", form=form, client_id=client.id, asking=asking, waiting=waiting
    )


@bp.route("/cover-log")
@requires("clients.see_all")
def cover_log():
    """Every opening and request, reviewed or not; ones waiting too long are flagged."""
    page = paginate(cover_rules.cover_log_query())
    return render_page(
        "clients/cover_log.html",
        page=page,
        words=cover_rules.cover_reason_words,
        overdue=cover_rules.review_overdue,
        review_days=cover_rules.REVIEW_WITHIN_DAYS,
        button_form=Form(),
    )


def _back_to(default: str):
    """Back to the page the button was on: the home page or the cover log."""
    return redirect(
        url_for("clients.cover_log" if request.form.get("from") == "log" else default), 303
    )


@bp.route("/cover/<int:cover_id>/answer", methods=["POST"])
@requires("clients.see_all")
def cover_answer(cover_id: int):
    """A senior says yes or no to a worker who asked to open a file."""
    asked = get_or_404(CoverAccess, cover_id)
    form = Form()
    if form.validate_on_submit() and request.form.get("answer") in ("yes", "no"):
        yes = request.form["answer"] == "yes"
        outcome = change_from_form(form, lambda: cover_rules.answer_cover(asked, me(), yes=yes))
        if not outcome.saved:
            refused(outcome.refusal.message)  # they know the person outside work
            return _back_to("home.index")
        saved(
            f"{asked.user.display_name} can open the file until the end of today."
            if yes
            else f"{asked.user.display_name} cannot open the file."
        )
    return _back_to("home.index")


@bp.route("/cover/<int:cover_id>/reviewed", methods=["POST"])
@requires("clients.see_all")
def cover_reviewed(cover_id: int):
    """A senior or the manager has checked why a file was opened."""
    opened = get_or_404(CoverAccess, cover_id)
    if Form().validate_on_submit():
        cover_rules.mark_cover_reviewed(opened, me())
        saved("Marked as reviewed.")
    return _back_to("home.index")
