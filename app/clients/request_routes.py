"""Requests to see or correct a file (with the legal deadlines), and a copy for the person."""

from __future__ import annotations

from flask import abort, redirect, request, url_for

from app import audit, clock
from app.access import get_or_404, requires
from app.clients import (
    assessments,
    bp,
    confidentiality,
    consents,
    episodes,
    files,
    registration,
    requests,
)
from app.clients.forms import REQUEST_KINDS, AccessRequestForm, AccessRequestUpdateForm
from app.clients.page_helpers import get_client_for_current_user, header, open_client
from app.clients.timeline import timeline_query
from app.core.messages import refused, saved, told
from app.core.people import me
from app.extensions import db
from app.forms import Form
from app.models import AccessRequest
from app.needs import LIFE_AREAS, URGENCY
from app.pages import render_page
from app.standards import codes


@bp.route("/<int:client_id>/requests", methods=["GET", "POST"])
@requires("clients.open")
def access_requests(client_id: int):
    if request.method == "POST":
        client = get_client_for_current_user(client_id)
    else:
        client = open_client(client_id, "requests")
    form = AccessRequestForm()
    if form.validate_on_submit():
        requests.create_request(
            client,
            kind=form.kind.data,
            received_on=form.received_on.data,
            asked_for=form.asked_for.data or None,
            user=me(),
        )
        saved("Request saved. The deadlines show on the file until it is done.")
        return redirect(url_for("clients.access_requests", client_id=client.id), 303)
    rows = []
    for r in requests.requests_for(client):
        update = AccessRequestUpdateForm(formdata=None, prefix=f"r{r.id}", meta={"csrf": False})
        update.on.process(None, clock.today())
        rows.append((r, requests.deadlines(r), update))
    return render_page(
        "clients/requests.html",
        form=form,
        rows=rows,
        kinds=REQUEST_KINDS,
        answer_by=requests.answer_by,
        access_by=requests.access_by,
        **header(client),
    )


@bp.route("/<int:client_id>/requests/<int:request_id>", methods=["POST"])
@requires("clients.open")
def access_request_update(client_id: int, request_id: int):
    client = get_client_for_current_user(client_id)
    record = get_or_404(AccessRequest, request_id, visible=lambda r: r.client_id == client.id)
    # The page has one of these forms per request, so its fields carry a prefix; the CSRF
    # token (not prefixed) is checked by a plain Form.
    form = AccessRequestUpdateForm(prefix=f"r{record.id}", meta={"csrf": False})
    if not Form().validate_on_submit():
        abort(400)
    if form.validate() and form.step.data in requests.STEP_WORDS:
        already = requests.update_request(
            record, step=form.step.data, on=form.on.data, outcome=form.outcome.data or None
        )
        words = requests.STEP_WORDS[form.step.data]
        if already is None:
            saved(f"{words}: saved.")
        else:
            added = " What you wrote is added to what happened." if form.outcome.data else ""
            told(f"{words}: this was saved already, for {already.day} {already:%B %Y}.{added}")
    else:
        refused("Enter a real date that is today or before, then try again.")
    return redirect(url_for("clients.access_requests", client_id=client.id), 303)


@bp.route("/<int:client_id>/copy", methods=["GET", "POST"])
@requires("clients.open")
def copy(client_id: int):
    """A printable copy of everything the person may see, including who opened the file."""
    client = get_client_for_current_user(client_id)
    form = Form()
    if form.validate_on_submit():
        requests.record_copy_given(client, me())
        saved(f"Saved: {client.name} was given a copy of their file.")
        return redirect(url_for("clients.file", client_id=client.id), 303)
    audit.record("client.copy_viewed", record=client, client_id=client.id)
    answers = registration.answers_of_client(client)
    return render_page(
        "clients/copy.html",
        form=form,
        client=client,
        rows=registration.summary_rows(answers, client.not_said or []),
        consents=consents.consents_for(client),
        consent_status=consents.status,
        status_words=consents.STATUS_WORDS,
        episodes=episodes.episodes(client),
        assessments=assessments.assessment_history(client),
        timeline=db.session.scalars(timeline_query(client)).all(),
        openings=requests.openings(client),
        history=files.change_history(client),
        requests_made=requests.requests_for(client),
        disclosures=confidentiality.disclosures_for(client),
        disclosure_kinds=confidentiality.KINDS,
        disclosure_states=confidentiality.STATE_WORDS,
        kinds=REQUEST_KINDS,
        label_of=registration.label_of,
        life_areas=LIFE_AREAS,
        urgency=URGENCY,
        codes=codes,
    )
