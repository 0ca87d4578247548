"""The weekly case consultation: what needs talking about, and what was decided."""

from flask import redirect, request, url_for

from app import audit, clock
from app.access import get_or_404, requires
from app.clients import public as clients
from app.core.messages import saved
from app.core.people import me, users_by_id
from app.models import Handover, User
from app.needs import NEEDS, URGENCY
from app.pages import paginate, render_page
from app.team import bp, consultation
from app.team.forms import OUTCOMES, WAITING_OUTCOMES, DecisionForm, WaitingDecisionForm


@bp.route("/consultation", endpoint="consultation")
@requires("team.oversee")
def consultation_page():
    today = clock.today()
    by_worker = consultation.agenda(today)
    decided = consultation.decisions_this_week(today)
    workers = users_by_id(by_worker)
    rows = []
    for worker_id, items in by_worker.items():
        rows.append(
            {
                "worker": workers[worker_id],
                "people": len(items),
                "counts": consultation.count_by_reason(items),
                "decided": sum(1 for i in items if i.client_id in decided),
            }
        )
    rows.sort(key=lambda r: r["worker"].display_name)
    return render_page(
        "team/consultation.html",
        rows=rows,
        reasons=consultation.REASONS,
        waiting=consultation.waiting_handovers(),
        waiting_decided=consultation.handover_decisions_this_week(today),
        outcomes={**OUTCOMES, **WAITING_OUTCOMES},
        urgency=URGENCY,
        needs=NEEDS,
        week_start=consultation.week_start(today),
    )


@bp.route("/consultation/workers/<int:worker_id>")
@requires("team.oversee")
def consultation_worker(worker_id: int):
    worker = get_or_404(User, worker_id)
    today = clock.today()
    items = consultation.agenda(today, worker_id=worker.id).get(worker.id, [])
    audit.record("team.consultation_viewed", record=worker, detail={"people": len(items)})
    return render_page(
        "team/consultation_worker.html",
        worker=worker,
        items=items,
        clients=consultation.people_of(items),
        reasons=consultation.REASONS,
        decided=consultation.decisions_this_week(today),
        outcomes=OUTCOMES,
    )


@bp.route("/consultation/people/<int:client_id>", methods=["GET", "POST"])
@requires("team.oversee")
def decide(client_id: int):
    client = clients.get_client_for_current_user(client_id)
    item = consultation.item_for(client)
    form = DecisionForm()
    if request.method == "GET":
        audit.record(
            "client.viewed", record=client, client_id=client.id, detail={"page": "consultation"}
        )
    if form.validate_on_submit():
        consultation.create_decision(
            by=me(),
            outcome=form.outcome.data,
            outcome_words=OUTCOMES[form.outcome.data].lower(),
            note=form.note.data,
            look_again_on=form.look_again_on.data,
            reasons=item.reasons,
            client=client,
        )
        saved(f"Decision saved on the timeline of {client.name}.")
        if client.worker_id is not None:
            return redirect(url_for("team.consultation_worker", worker_id=client.worker_id), 303)
        return redirect(url_for("team.consultation"), 303)
    return render_page(
        "team/decide.html",
        form=form,
        client=client,
        item=item,
        reasons=consultation.REASONS,
        earlier=consultation.decisions_for(client),
        outcomes=OUTCOMES,
    )


@bp.route("/consultation/waiting/<int:handover_id>", methods=["GET", "POST"])
@requires("team.oversee")
def decide_waiting(handover_id: int):
    handover = get_or_404(Handover, handover_id)
    form = WaitingDecisionForm()
    if form.validate_on_submit():
        consultation.create_decision(
            by=me(),
            outcome=form.outcome.data,
            outcome_words=WAITING_OUTCOMES[form.outcome.data].lower(),
            note=form.note.data,
            look_again_on=form.look_again_on.data,
            reasons=["waiting"],
            handover=handover,
        )
        saved("Decision saved.")
        return redirect(url_for("team.consultation"), 303)
    return render_page(
        "team/decide_waiting.html",
        form=form,
        handover=handover,
        urgency=URGENCY,
        needs=NEEDS,
    )


@bp.route("/consultation/decisions")
@requires("team.oversee")
def decisions():
    page = paginate(consultation.decisions_query())
    return render_page(
        "team/decisions.html",
        page=page,
        outcomes={**OUTCOMES, **WAITING_OUTCOMES},
        reasons=consultation.REASONS,
    )
