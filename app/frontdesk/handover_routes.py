"""Warm handovers: the front desk records one, workers see who is waiting and pick one up.

Handovers are client information, so every look at one, or at the list, is in the audit log.
"""

from __future__ import annotations

from flask import redirect, url_for

from app import audit
from app.access import can, get_or_404, requires
from app.clients import public as clients
from app.core.messages import refused, saved, told
from app.core.people import me
from app.core.saving import change_from_form
from app.forms import Form
from app.frontdesk import bp, warm_handovers
from app.frontdesk.forms import CloseHandoverForm, HandoverForm
from app.frontdesk.lists import CLOSE_REASONS, NEED_ICONS, REACH, REACH_ICONS, URGENCY_ICONS
from app.models import Handover
from app.needs import NEEDS, URGENCY
from app.pages import render_page

WORDS = {"needs": NEEDS, "urgency": URGENCY, "reach": REACH, "close": CLOSE_REASONS}


def _visible(handover_id: int) -> Handover:
    person = me()
    return get_or_404(Handover, handover_id, visible=lambda h: warm_handovers.may_see(h, person))


def matching_context(waiting: list[Handover]) -> dict:
    """Matches for each waiting handover, how many people each worker supports, who is who."""
    workers = warm_handovers.workers_for_matching()
    return {
        "matches": {h.id: warm_handovers.matches(h, workers) for h in waiting},
        "caseloads": clients.caseload_counts(),  # people each worker supports now
        "waited": {h.id: warm_handovers.waited(h) for h in waiting},
        "words": WORDS,
    }


@bp.route("/handovers/new", methods=["GET", "POST"])
@requires("handover.create")
def new_handover():
    form = HandoverForm()
    if form.validate_on_submit():
        handover = warm_handovers.create_handover(
            name=form.name.data,
            needs=form.needs.data,
            urgency=form.urgency.data,
            reach=form.reach.data,
            phone=form.phone.data,
            note=form.note.data,
            by=me(),
        )
        audit.record(
            "handover.created",
            record=handover,
            detail={"needs": handover.needs, "urgency": handover.urgency},
        )
        saved("Handover saved. Workers can see it on their home page now.")
        return redirect(url_for("frontdesk.handover", handover_id=handover.id), 303)
    return render_page(
        "frontdesk/new_handover.html",
        form=form,
        need_icons=NEED_ICONS,
        urgency_icons=URGENCY_ICONS,
        reach_icons=REACH_ICONS,
    )


@bp.route("/handovers")
@requires("handover.create")
def handovers():
    waiting, others = warm_handovers.visible_list(me())
    audit.record(
        "handover.list_viewed", detail={"waiting": [h.id for h in waiting], "others": len(others)}
    )
    return render_page(
        "frontdesk/handovers.html",
        heading="People waiting for a worker"
        if can("handover.pick_up")
        else "Your handovers today",
        waiting=waiting,
        others=others,
        people=warm_handovers.people(waiting + others),
        **matching_context(waiting),
    )


def _handover_page(handover: Handover, close_form: CloseHandoverForm | None = None):
    audit.record("handover.viewed", record=handover, client_id=handover.client_id)
    waiting = [handover] if handover.status == "waiting" else []
    return render_page(
        "frontdesk/handover.html",
        heading=f"Handover for {handover.name or 'someone'}",
        handover=handover,
        people=warm_handovers.people([handover]),
        form=close_form,
        close_form=close_form or CloseHandoverForm(formdata=None),
        **matching_context(waiting),
    )


@bp.route("/handovers/<int:handover_id>")
@requires("handover.create")
def handover(handover_id: int):
    return _handover_page(_visible(handover_id))


@bp.route("/handovers/<int:handover_id>/pick-up", methods=["POST"])
@requires("handover.pick_up")
def pick_up(handover_id: int):
    handover = _visible(handover_id)
    if not Form().validate_on_submit():
        return redirect(url_for("frontdesk.handover", handover_id=handover.id), 303)
    outcome = change_from_form(Form(), lambda: warm_handovers.pick_up(handover, by=me()))
    if outcome.refusal is not None:
        refused(outcome.refusal.message)  # they know the person outside work
        return redirect(url_for("frontdesk.handover", handover_id=handover.id), 303)
    if not outcome.result:
        who = warm_handovers.people([handover]).get(handover.picked_up_by_id)
        if handover.picked_up_by_id == me().id:
            told("You have this one already.")
        elif who is not None:
            refused(f"{who.display_name} has this one already.")
        else:
            refused("This handover is closed.")
        return redirect(url_for("frontdesk.handover", handover_id=handover.id), 303)
    audit.record("handover.picked_up", record=handover, client_id=handover.client_id)
    saved(f"You have picked up the handover for {handover.name or 'this person'}.")
    return redirect(url_for("clients.start_from_handover", handover_id=handover.id), 303)


@bp.route("/handovers/<int:handover_id>/close", methods=["POST"])
@requires("handover.create")
def close_handover(handover_id: int):
    handover = _visible(handover_id)
    form = CloseHandoverForm()
    if not form.validate_on_submit():
        return _handover_page(handover, form)
    if warm_handovers.close(handover, reason=form.reason.data, by=me()):
        audit.record(
            "handover.closed",
            record=handover,
            client_id=handover.client_id,
            detail={"reason": form.reason.data},
        )
        saved("Handover closed.")
    else:
        refused("A worker has this one already, so it stays open.")
    if can("handover.pick_up"):
        return redirect(url_for("frontdesk.handovers"), 303)
    return redirect(url_for("frontdesk.handover", handover_id=handover.id), 303)


def waiting_panel() -> dict | None:
    """The home page panel "People waiting for a worker": None when nobody is waiting."""
    waiting = warm_handovers.waiting()
    if not waiting:
        return None
    audit.record("handover.list_viewed", detail={"waiting": [h.id for h in waiting], "on": "home"})
    return {
        "waiting": waiting,
        "people": warm_handovers.people(waiting),
        **matching_context(waiting),
    }
