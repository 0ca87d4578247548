"""Who supports a person: matching workers to the needs, giving the file to one (a senior),
or asking for it (a worker); approving and answering those requests."""

from __future__ import annotations

from flask import abort, redirect, request, url_for

from app import audit, locking
from app.access import SENIORS, get_or_404, requires
from app.clients import access, allocation, assessments, bp, preferences
from app.clients.forms import AllocateForm
from app.clients.page_helpers import get_client_for_current_user, header
from app.core.messages import refused, saved, told
from app.core.people import me, user_by_id
from app.core.saving import change_from_form
from app.forms import Form
from app.models import Allocation, AllocationRequest
from app.pages import render_page


@bp.route("/<int:client_id>/workers", methods=["GET", "POST"])
@requires("clients.open")
def workers(client_id: int):
    """Matching: workers whose shared experience fits the needs; then allocate.

    Only a senior or the manager gives a file to a worker. A worker (on their own file or one
    they cover) asks, and nothing changes until a senior says yes.
    """
    client = get_client_for_current_user(client_id, cover_ok=True)
    allocates = me().role in SENIORS
    assessment = assessments.latest_assessment(client)
    suggestions = allocation.suggest_workers(
        assessment.needs if assessment else [], client.worker_preferences, client.id
    )
    if not allocates:  # only seniors see who knows the person outside work
        suggestions = [s for s in suggestions if not s.knows_them]
    form = AllocateForm()
    form.worker_id.choices = [
        (
            s.worker.id,
            f"{s.worker.display_name} ({s.caseload} people now)"
            + ("" if s.fit.meets else ". Not what they asked for")
            + (". Knows this person outside work: cannot have this file" if s.knows_them else ""),
        )
        for s in suggestions
    ]
    changed = None
    if request.method == "GET":
        audit.record(
            "client.viewed", record=client, client_id=client.id, detail={"page": "workers"}
        )
        if suggestions and not form.worker_id.data and not suggestions[0].knows_them:
            form.worker_id.data = suggestions[0].worker.id
        locking.stamp(form, client, allocation.who_supports)
    if form.validate_on_submit():
        worker = user_by_id(form.worker_id.data)
        if worker is None or worker.role not in ("worker", "senior") or not worker.active:
            abort(404)
        already = worker.id == client.worker_id
        if not allocates:
            if already:
                told(f"{worker.display_name} already supports this person.")
                return redirect(url_for("clients.file", client_id=client.id), 303)
            asked = change_from_form(
                form,
                lambda: allocation.ask_for_allocation(
                    client,
                    worker,
                    reason=form.reason.data,
                    by=me(),
                    preference_reason=form.preference_reason.data,
                ),
            )
            if asked.saved:
                saved("Your request is with the seniors. Nothing changes until one says yes.")
                return redirect(url_for("clients.file", client_id=client.id), 303)
            return _page(client, form, None, allocates, suggestions, assessment)
        outcome = change_from_form(
            form,
            lambda: (
                None
                if already
                else allocation.allocate(
                    client,
                    worker,
                    reason=form.reason.data,
                    by=me(),
                    preference_reason=form.preference_reason.data,
                )
            ),
            record=client,
            shown=allocation.who_supports,
        )
        changed = outcome.changed
        if outcome.saved:
            if already:
                told(f"{worker.display_name} already supports this person.")
            else:
                saved(f"{worker.display_name} now supports {client.name}.")
            if access.can_open(me(), client):
                return redirect(url_for("clients.file", client_id=client.id), 303)
            return redirect(url_for("clients.search"), 303)
    return _page(client, form, changed, allocates, suggestions, assessment)


def _page(client, form, changed, allocates, suggestions, assessment):
    return render_page(
        "clients/workers.html",
        form=form,
        changed=changed,
        allocates=allocates,
        suggestions=suggestions,
        assessment=assessment,
        wanted=preferences.in_words(client.worker_preferences),
        history=allocation.allocations(client),
        requests_waiting=allocation.allocation_requests_waiting(client),
        approve_form=Form(),
        **header(client),
    )


@bp.route("/<int:client_id>/allocations/<int:allocation_id>/approve", methods=["POST"])
@requires("clients.see_all")
def approve_allocation(client_id: int, allocation_id: int):
    """A senior approves an allocation already made (by a worker at intake)."""
    client = get_client_for_current_user(client_id)
    made = get_or_404(Allocation, allocation_id, visible=lambda a: a.client_id == client.id)
    if Form().validate_on_submit() and made.approved_by_id is None:
        allocation.approve_allocation(made, me())
        saved("Approved.")
    return redirect(url_for("clients.workers", client_id=client.id), 303)


@bp.route("/<int:client_id>/allocation-requests/<int:asked_id>/answer", methods=["POST"])
@requires("clients.see_all")
def answer_allocation_request(client_id: int, asked_id: int):
    """A senior says yes (the file moves to that worker now) or no to a worker's request."""
    client = get_client_for_current_user(client_id)
    asked = get_or_404(AllocationRequest, asked_id, visible=lambda a: a.client_id == client.id)
    form = Form()
    if form.validate_on_submit() and request.form.get("answer") in ("yes", "no"):
        yes = request.form["answer"] == "yes"
        outcome = change_from_form(
            form, lambda: allocation.answer_allocation_request(asked, client, me(), yes=yes)
        )
        if not outcome.saved:
            refused(outcome.refusal.message)  # the worker knows the person outside work
        elif yes:
            saved(f"{asked.worker.display_name} now supports {client.name}.")
        else:
            saved("Not moved.")
    return redirect(url_for("clients.workers", client_id=client.id), 303)
