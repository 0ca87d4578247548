"""Finding a file, the file page, its details, opening a file while covering."""

from __future__ import annotations

from flask import abort, flash, redirect, request, url_for
from sqlalchemy import select

from app import audit, locking
from app.access import requires
from app.clients import bp, care, registration, service
from app.clients.forms import AllocateForm, ClientSearchForm, CoverReasonForm
from app.clients.timeline import timeline_query
from app.clients.views import header, me, open_client
from app.extensions import db
from app.forms import Form
from app.models import Allocation, User
from app.needs import LIFE_AREAS
from app.pages import paginate, render_page


@bp.route("/search", methods=["GET", "POST"])
@requires("clients.open")
def search():
    """Searches are POSTed, so names and dates of birth never sit in a URL."""
    form = ClientSearchForm()
    found = None
    if form.validate_on_submit():
        found = service.find_clients(me(), form.q.data)
        service.remember_cover_candidates(found)
        audit.record("client.searched", detail={"results": len(found)})
    return render_page(
        "clients/search.html",
        form=form,
        found=found,
        mine=db.session.scalars(service.my_clients_query(me()).limit(100)).all(),
        drafts=service.my_drafts(me()),
    )


@bp.route("/<int:client_id>")
@requires("clients.open")
def file(client_id: int):
    client = open_client(client_id, "file")
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
    """A worker covering for a colleague opens a file that is not theirs, with a reason."""
    if service.can_open(me(), service.db.session.get(service.Client, client_id)):
        return redirect(url_for("clients.file", client_id=client_id), 303)
    client = service.get_client_for_cover(client_id)
    form = CoverReasonForm()
    if form.validate_on_submit():
        service.create_cover(client, me(), form.reason.data)
        flash("You can open this file until the end of today. A manager can see why.")
        return redirect(url_for("clients.file", client_id=client.id), 303)
    return render_page("clients/cover.html", form=form, client_id=client.id)


@bp.route("/cover-log")
@requires("clients.see_all")
def cover_log():
    page = paginate(service.cover_log_query())
    return render_page("clients/cover_log.html", page=page)


@bp.route("/<int:client_id>/workers", methods=["GET", "POST"])
@requires("clients.open")
def workers(client_id: int):
    """Matching: workers whose shared experience fits the needs; then allocate."""
    client = service.get_client_for_current_user(client_id)
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
    else:
        changed = locking.check(form, client, service.who_supports)
    if not changed and form.validate_on_submit():
        worker = db.session.get(User, form.worker_id.data)
        if worker is None or worker.role not in ("worker", "senior") or not worker.active:
            abort(404)
        already = worker.id == client.worker_id
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
        suggestions=suggestions,
        assessment=assessment,
        history=service.allocations(client),
        approve_form=Form(),
        **header(client),
    )


@bp.route("/<int:client_id>/allocations/<int:allocation_id>/approve", methods=["POST"])
@requires("clients.see_all")
def approve_allocation(client_id: int, allocation_id: int):
    client = service.get_client_for_current_user(client_id)
    allocation = db.session.get(Allocation, allocation_id)
    if allocation is None or allocation.client_id != client.id:
        abort(404)
    if Form().validate_on_submit() and allocation.approved_by_id is None:
        service.approve_allocation(allocation, me())
        flash("Approved.")
    return redirect(url_for("clients.workers", client_id=client.id), 303)
