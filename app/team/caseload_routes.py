"""Caseloads and re-allocation: the team's caseloads page, one worker's people, moving a
person to a new worker and reading about the move."""

from flask import abort, redirect, request, url_for

from app import audit, clock, locking
from app.access import get_or_404, requires
from app.clients import public as clients
from app.core.messages import saved
from app.core.numbers import record_id
from app.core.people import me, user_by_id
from app.core.saving import change_from_form
from app.forms import Form
from app.models import Reallocation, User
from app.needs import in_a_sentence
from app.pages import paginate, render_page
from app.team import bp, caseloads, reallocation
from app.team.forms import ReallocationForm


@bp.route("/caseloads", endpoint="caseloads")  # the Team tile on the home page names it
@requires("team.oversee")
def caseloads_page():
    today = clock.today()
    rows = caseloads.caseloads(today)
    known = clients.known_outside_work_everyone()
    return render_page(
        "team/caseloads.html",
        rows=rows,
        total=caseloads.totals(rows),
        levels=caseloads.LEVEL_WORDS,
        month=today,
        recent=reallocation.recent(5),
        person_view=reallocation.PERSON_VIEW_SHORT,
        known=known,
        known_clients=clients.known_clients_of(known),
        known_how=clients.KNOWN_HOW,
    )


@bp.route("/caseloads/<int:worker_id>")
@requires("team.oversee")
def worker_caseload(worker_id: int):
    worker = get_or_404(User, worker_id)
    page = paginate(caseloads.people_of_query(worker))
    audit.record("team.caseload_viewed", record=worker, detail={"page": page.number})
    return render_page(
        "team/worker_caseload.html",
        worker=worker,
        page=page,
        rows=caseloads.people_details(worker, page.items),
        levels=caseloads.LEVEL_WORDS,
        start_form=Form(),
        today=clock.today(),
    )


@bp.route("/people/<int:client_id>/reallocate", methods=["GET", "POST"])
@requires("team.oversee")
def reallocate(client_id: int):
    client = clients.get_client_for_current_user(client_id)
    assessment = clients.latest_assessment(client)
    suggestions = [
        s
        for s in clients.suggest_workers(
            assessment.needs if assessment else [], client.worker_preferences, client.id
        )
        if s.worker.id != client.worker_id
    ]
    form = ReallocationForm()
    form.worker_id.choices = [
        (
            str(s.worker.id),
            f"{s.worker.display_name}: {s.caseload} people now"
            + (f". Shares: {', '.join(in_a_sentence(w) for w in s.shared)}" if s.shared else "")
            + f". {s.fit.words}"
            + ("" if s.fit.meets else f". Not what they asked for: {'; '.join(s.fit.unmet)}")
            + (". Knows this person outside work: cannot have this file" if s.knows_them else ""),
        )
        for s in suggestions
    ]
    changed = None
    if request.method == "GET":
        audit.record(
            "client.viewed", record=client, client_id=client.id, detail={"page": "reallocate"}
        )
        locking.stamp(form, client, clients.who_supports)
    elif form.validate_on_submit():
        worker = user_by_id(record_id(form.worker_id.data))
        if worker is None:
            abort(404)
        outcome = change_from_form(
            form,
            lambda: reallocation.reallocate(
                client,
                worker,
                reason=form.reason.data,
                person_view=form.person_view.data,
                handover_note=form.handover_note.data,
                handover_on=form.handover_on.data,
                by=me(),
                preference_reason=form.preference_reason.data,
            ),
            record=client,
            shown=clients.who_supports,
        )
        if outcome.saved:
            saved(f"{worker.display_name} now supports {client.name}. Both workers will see this.")
            return redirect(url_for("team.reallocation", reallocation_id=outcome.result.id), 303)
        changed = outcome.changed
    else:
        changed = locking.check(form, client, clients.who_supports)
    return render_page(
        "team/reallocate.html",
        form=form,
        changed=changed,
        client=client,
        history=clients.allocations(client),
        earlier=reallocation.for_client(client),
        wanted=clients.worker_preferences_words(client),
    )


def _readable(reallocation_id: int) -> Reallocation:
    return get_or_404(
        Reallocation, reallocation_id, visible=lambda r: reallocation.can_read(me(), r)
    )


@bp.route("/reallocations/<int:reallocation_id>", endpoint="reallocation")
@requires("clients.open")
def reallocation_page(reallocation_id: int):
    record = _readable(reallocation_id)
    audit.record("team.reallocation_viewed", record=record, client_id=record.client_id)
    return render_page(
        "team/reallocation.html",
        record=record,
        person_views=reallocation.PERSON_VIEWS,
        history=clients.allocations(record.client),
        unseen=reallocation.is_unseen_by(me(), record),
        can_open=clients.can_open(me(), record.client),
        seen_form=Form(),
    )


@bp.route("/reallocations/<int:reallocation_id>/read", methods=["POST"])
@requires("clients.open")
def reallocation_read(reallocation_id: int):
    record = _readable(reallocation_id)
    if not Form().validate_on_submit():
        abort(400)
    reallocation.mark_seen(record, me())
    saved("Marked as read.")
    return redirect(url_for("home.index"), 303)
