"""Finding a file, the file page, and its details (seeing them and changing a group)."""

from __future__ import annotations

from flask import abort, redirect, request, url_for

from app import audit, locking
from app.access import requires
from app.clients import access, assessments, bp, drafts, files, registration
from app.clients import search as finding
from app.clients.forms import ClientSearchForm
from app.clients.page_helpers import (
    cover_view,
    get_client_for_current_user,
    header,
    open_client,
    remember_cover_candidates,
)
from app.clients.timeline import timeline_query
from app.core.messages import saved, told
from app.core.people import me, users_by_id
from app.core.saving import change_from_form
from app.extensions import db
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
        results = finding.find_clients(me(), form.q.data)
        remember_cover_candidates(results.found)
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
        mine=db.session.scalars(finding.my_clients_query(me()).limit(100)).all(),
        drafts=drafts.my_drafts(me()),
    )


@bp.route("/<int:client_id>")
@requires("clients.open_part")
def file(client_id: int):
    """The whole file; someone covering, or a learner on its care team, sees only the narrow
    view (no timeline)."""
    client = open_client(client_id, "file", cover_ok=True)
    if access.access_level(me(), client) in access.NARROW:
        return render_page(
            "clients/file.html", cover=cover_view(client), life_areas=LIFE_AREAS, **header(client)
        )
    page = paginate(timeline_query(client), size=20)
    return render_page(
        "clients/file.html",
        page=page,
        people=users_by_id(e.created_by_id for e in page.items),
        assessment=assessments.latest_assessment(client),
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
        history=files.change_history(client),
        label_of=registration.label_of,
        **header(client),
    )


def _details_shown(the_step: registration.Step):
    """The step's form filled from the file as it is now (app/locking.py)."""

    def shown(client):
        answers = registration.answers_of_client(client)
        data = registration.form_data(answers, client.not_said or [])
        return the_step.form(formdata=None, data=data)

    return shown


@bp.route("/<int:client_id>/details/<step_key>", methods=["GET", "POST"])
@requires("clients.open")
def change_details(client_id: int, step_key: str):
    client = get_client_for_current_user(client_id)
    the_step = registration.step(step_key)
    if the_step is None:
        abort(404)
    shown = _details_shown(the_step)
    changed = None
    if request.method == "GET":
        audit.record(
            "client.viewed",
            record=client,
            client_id=client.id,
            detail={"page": f"change {step_key}"},
        )
        form = shown(client)
        locking.stamp(form, client, shown)
    else:
        form = the_step.form()
        if form.validate():
            answers, said, unsaid = registration.answers_from_form(form, the_step)
            outcome = change_from_form(
                form,
                lambda: files.update_client(
                    client,
                    answers=answers,
                    said=said,
                    unsaid=unsaid,
                    reason=form.reason.data or None,
                ),
                record=client,
                shown=shown,
            )
            changed = outcome.changed
            if outcome.saved:
                if outcome.result:
                    saved("Details saved.")
                else:
                    told("Nothing changed.")
                return redirect(url_for("clients.details", client_id=client.id), 303)
    return render_page(
        "clients/change_details.html",
        form=form,
        step=the_step,
        changed=changed,
        **header(client),
    )
