"""Finding a file, the file page, its details, opening a file while covering."""

from __future__ import annotations

from flask import abort, flash, redirect, request, url_for
from sqlalchemy import select

from app import audit, locking
from app.access import SENIORS, requires
from app.clients import bp, care, registration, service
from app.clients.forms import AllocateForm, ClientSearchForm, CoverReasonForm
from app.clients.timeline import timeline_query
from app.clients.views import cover_view, header, me, open_client
from app.extensions import db
from app.forms import Form
from app.models import Allocation, AllocationRequest, User
from app.needs import LIFE_AREAS
from app.pages import paginate, render_page


@bp.route("/search", methods=["GET", "POST"])
@requires("clients.open")
def search():
    """Searches are POSTed, so names and dates of birth never sit in a URL. Each one is in
    the audit log with what was typed and which files it showed."""
    form = ClientSearchForm()
    results = None
    if form.validate_on_submit():
        results = service.find_clients(me(), form.q.data)
        service.remember_cover_candidates(results.found)
        audit.record(
            "client.searched",
            detail={
                "searched_for": form.q.data[:60],
                "shown": [f.client.id for f in results.found],
                "own": len(results.own),
                "others": len(results.others),
            },
        )
    return render_page(
        "clients/search.html",
        form=form,
        results=results,
        mine=db.session.scalars(service.my_clients_query(me()).limit(100)).all(),
        drafts=service.my_drafts(me()),
    )


@bp.route("/<int:client_id>")
@requires("clients.open")
def file(client_id: int):
    """The whole file; someone covering sees only the narrow view (no timeline)."""
    client = open_client(client_id, "file", cover_ok=True)
    if service.access_level(me(), client) == service.COVER:
        return render_page(
            "clients/file.html", cover=cover_view(client), life_areas=LIFE_AREAS, **header(client)
        )
    page = paginate(timeline_query(client), size=20)
    ids = {e.created_by_id for e in page.items}
    people = {u.id: u for u in db.session.scalars(select(User).where(User.id.in_(ids)))}
    return render_page(
        "clients/file.html",
        page=page,
        people=people,
        assessment=care.latest_assessment(client),
        life_areas=LIFE_AREAS,
        **header(client),
    )


@bp.route("/<int:client_id>/details")
@requires("clients.open")
def details(client_id: int):
    client = open_client(client_id, "details")
    answers = registration.answers_of_client(client)
    return render_page(
        "clients/details.html",
        rows=registration.summary_rows(answers, client.not_said or []),
        history=service.change_history(client),
        label_of=registration.label_of,
        **header(client),
    )


@bp.route("/<int:client_id>/details/<step_key>", methods=["GET", "POST"])
@requires("clients.open")
def change_details(client_id: int, step_key: str):
    client = service.get_client_for_current_user(client_id)
    the_step = registration.step(step_key)
    if the_step is None:
        abort(404)
    conflict = None
    if request.method == "POST":
        form = the_step.form()
        if form.validate():
            answers, said, unsaid = registration.answers_from_form(form, the_step)
            try:
                version = int(form.version.data)
            except (TypeError, ValueError):
                version = -1
            result = service.update_client(
                client,
                version=version,
                answers=answers,
                said=said,
                unsaid=unsaid,
                reason=form.reason.data or None,
            )
            if isinstance(result, service.Conflict):
                conflict = result
                form.version.data = str(client.version)
            else:
                flash("Details saved." if result else "Nothing changed.")
                return redirect(url_for("clients.details", client_id=client.id), 303)
    else:
        audit.record(
            "client.viewed",
            record=client,
            client_id=client.id,
            detail={"page": f"change {step_key}"},
        )
        form = the_step.form(
            data=registration.form_data(
                registration.answers_of_client(client), client.not_said or []
            )
        )
        form.version.data = str(client.version)
    return render_page(
        "clients/change_details.html",
        form=form,
        step=the_step,
        conflict=conflict,
        label_of=registration.label_of,
        **header(client),
    )


@bp.route("/<int:client_id>/cover", methods=["GET", "POST"])
@requires("clients.open")
def cover(client_id: int):
    """Open a file that is not yours: a reason from the list and a sentence in your own words.

    A new worker, or one with nobody to support, only asks: a senior says yes first.
    """
    if service.can_open(me(), service.db.session.get(service.Client, client_id)):
        return redirect(url_for("clients.file", client_id=client_id), 303)
    client = service.get_client_for_cover(client_id)
    asking = service.must_ask_first(me())
    waiting = service.waiting_cover(me(), client)
    form = CoverReasonForm()
    form.covering_for.choices = [("", "Not covering for anyone")] + [
        (str(u.id), u.display_name) for u in service.workers_to_cover_for(me())
    ]
    if request.method == "GET" and client.worker_id:
        form.covering_for.data = str(client.worker_id)
    if waiting is None and form.validate_on_submit():
        covering_for = None
        if form.kind.data == "away" and form.covering_for.data:
            covering_for = db.session.get(User, int(form.covering_for.data))
        cover = service.create_cover(
            client, me(), kind=form.kind.data, words=form.reason.data, covering_for=covering_for
        )
        if cover.state == "asked":
            flash("Your request is with the seniors. You can open the file once one says yes.")
            return redirect(url_for("home.index"), 303)
        flash("You can see part of this file until the end of today. A senior sees why.")
        return redirect(url_for("clients.file", client_id=client.id), 303)
    return render_page(
        "clients/cover.html", form=form, client_id=client.id, asking=asking, waiting=waiting
    )


@bp.route("/cover-log")
@requires("clients.see_all")
def cover_log():
    """Every opening and request, reviewed or not; ones waiting too long are flagged."""
    page = paginate(service.cover_log_query())
    return render_page(
        "clients/cover_log.html",
        page=page,
        words=service.cover_reason_words,
        overdue=service.review_overdue,
        review_days=service.REVIEW_WITHIN_DAYS,
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
    cover = service.get_cover_or_404(cover_id)
    if Form().validate_on_submit() and request.form.get("answer") in ("yes", "no"):
        yes = request.form["answer"] == "yes"
        service.answer_cover(cover, me(), yes=yes)
        flash(
            f"{cover.user.display_name} can open the file until the end of today."
            if yes
            else f"{cover.user.display_name} cannot open the file."
        )
    return _back_to("home.index")


@bp.route("/cover/<int:cover_id>/reviewed", methods=["POST"])
@requires("clients.see_all")
def cover_reviewed(cover_id: int):
    """A senior or the manager has checked why a file was opened."""
    cover = service.get_cover_or_404(cover_id)
    if Form().validate_on_submit():
        service.mark_cover_reviewed(cover, me())
        flash("Marked as reviewed.")
    return _back_to("home.index")


@bp.route("/<int:client_id>/workers", methods=["GET", "POST"])
@requires("clients.open")
def workers(client_id: int):
    """Matching: workers whose shared experience fits the needs; then allocate.

    Only a senior or the manager gives a file to a worker. A worker (on their own file or one
    they cover) asks, and nothing changes until a senior says yes.
    """
    client = service.get_client_for_current_user(client_id, cover_ok=True)
    allocates = me().role in SENIORS
    assessment = care.latest_assessment(client)
    suggestions = care.suggest_workers(assessment.needs if assessment else [])
    form = AllocateForm()
    form.worker_id.choices = [
        (s.worker.id, f"{s.worker.display_name} ({s.caseload} people now)") for s in suggestions
    ]
    changed = None
    if request.method == "GET":
        audit.record(
            "client.viewed", record=client, client_id=client.id, detail={"page": "workers"}
        )
        if suggestions and not form.worker_id.data:
            form.worker_id.data = suggestions[0].worker.id
        locking.stamp(form, client, service.who_supports)
    elif allocates:
        changed = locking.check(form, client, service.who_supports)
    if not changed and form.validate_on_submit():
        worker = db.session.get(User, form.worker_id.data)
        if worker is None or worker.role not in ("worker", "senior") or not worker.active:
            abort(404)
        already = worker.id == client.worker_id
        if not allocates:
            if already:
                flash(f"{worker.display_name} already supports this person.")
            else:
                service.ask_for_allocation(client, worker, reason=form.reason.data, by=me())
                flash("Your request is with the seniors. Nothing changes until one says yes.")
            return redirect(url_for("clients.file", client_id=client.id), 303)
        if not already:
            service.allocate(client, worker, reason=form.reason.data, by=me())
            changed = locking.flush(form, client, service.who_supports)
        if not changed:
            if already:
                flash(f"{worker.display_name} already supports this person.")
            else:
                flash(f"{worker.display_name} now supports {client.name}.")
            if service.can_open(me(), client):
                return redirect(url_for("clients.file", client_id=client.id), 303)
            return redirect(url_for("clients.search"), 303)
    return render_page(
        "clients/workers.html",
        form=form,
        changed=changed,
        allocates=allocates,
        suggestions=suggestions,
        assessment=assessment,
        history=service.allocations(client),
        requests_waiting=service.allocation_requests_waiting(client),
        approve_form=Form(),
        **header(client),
    )


@bp.route("/<int:client_id>/allocations/<int:allocation_id>/approve", methods=["POST"])
@requires("clients.see_all")
def approve_allocation(client_id: int, allocation_id: int):
    """A senior approves an allocation already made (by a worker at intake)."""
    client = service.get_client_for_current_user(client_id)
    allocation = db.session.get(Allocation, allocation_id)
    if allocation is None or allocation.client_id != client.id:
        abort(404)
    if Form().validate_on_submit() and allocation.approved_by_id is None:
        service.approve_allocation(allocation, me())
        flash("Approved.")
    return redirect(url_for("clients.workers", client_id=client.id), 303)


@bp.route("/<int:client_id>/allocation-requests/<int:asked_id>/answer", methods=["POST"])
@requires("clients.see_all")
def answer_allocation_request(client_id: int, asked_id: int):
    """A senior says yes (the file moves to that worker now) or no to a worker's request."""
    client = service.get_client_for_current_user(client_id)
    asked = db.session.get(AllocationRequest, asked_id)
    if asked is None or asked.client_id != client.id:
        abort(404)
    if Form().validate_on_submit() and request.form.get("answer") in ("yes", "no"):
        yes = request.form["answer"] == "yes"
        service.answer_allocation_request(asked, client, me(), yes=yes)
        flash(f"{asked.worker.display_name} now supports {client.name}." if yes else "Not moved.")
    return redirect(url_for("clients.workers", client_id=client.id), 303)
