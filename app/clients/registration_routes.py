"""A new file: one question group per page, a draft kept on the server, "Check your
answers", possible duplicates, then the file, its first episode and its first assessment."""

from __future__ import annotations

from flask import abort, redirect, request, url_for

from app import audit
from app.access import requires
from app.clients import (
    access,
    allocation,
    assessments,
    bp,
    drafts,
    episodes,
    files,
    known_outside_work,
    registration,
)
from app.clients.page_helpers import get_draft_or_404
from app.clients.search import possible_duplicates
from app.core.messages import refused, saved, told
from app.core.numbers import record_id
from app.core.people import me
from app.core.saving import mark_refused
from app.extensions import db
from app.forms import Form
from app.models import Client, Handover
from app.needs import LIFE_AREAS
from app.pages import render_page


def _handover(handover_id: int | None) -> Handover | None:
    return db.session.get(Handover, handover_id) if handover_id is not None else None


@bp.route("/new", methods=["GET", "POST"])
@requires("clients.open")
def new():
    form = Form()
    if form.validate_on_submit():
        draft = drafts.create_draft(me())
        return redirect(
            url_for("clients.registration_step", draft_id=draft.id, step_key="name"), 303
        )
    return render_page("clients/new.html", form=form, drafts=drafts.my_drafts(me()))


@bp.route("/start-from-handover/<int:handover_id>")
@requires("clients.open")
def start_from_handover(handover_id: int):
    """A handover a worker picked up becomes a registration draft, filled in with what the
    person already told front of house."""
    handover = _handover(handover_id)
    if handover is None or handover.picked_up_by_id != me().id:
        abort(404)
    if handover.client_id and access.can_open(me(), db.session.get(Client, handover.client_id)):
        return redirect(url_for("clients.file", client_id=handover.client_id), 303)
    existing = next((d for d in drafts.my_drafts(me()) if d.handover_id == handover.id), None)
    if existing is None:
        answers = {
            "nickname": handover.name or None,
            "phone": handover.phone or None,
            "_handover": assessments.assessment_from_handover(handover),
        }
        existing = drafts.create_draft(me(), answers=answers, handover_id=handover.id)
        audit.record(
            "client.draft_from_handover", record=existing, detail={"handover_id": handover.id}
        )
    return redirect(
        url_for("clients.registration_step", draft_id=existing.id, step_key="name"), 303
    )


def _open_draft(draft_id: int, *, lock: bool = False):
    draft = get_draft_or_404(draft_id, lock=lock)
    if draft.status == "done" and draft.result_id:
        return draft, redirect(url_for("clients.file", client_id=draft.result_id), 303)
    if draft.status != "open":
        abort(404)
    return draft, None


@bp.route("/new/<int:draft_id>/<step_key>", methods=["GET", "POST"])
@requires("clients.open")
def registration_step(draft_id: int, step_key: str):
    the_step = registration.step(step_key)
    if the_step is None:
        abort(404)
    draft, done = _open_draft(draft_id)
    if done:
        return done
    answers = draft.answers or {}
    if request.method == "POST":
        form = the_step.form()
        stopping = request.form.get("then") == "stop"
        if form.validate():
            values, said, unsaid = registration.answers_from_form(form, the_step)
            drafts.save_draft_answers(draft, values, said, unsaid)
            if stopping:
                saved("Draft kept. You can carry on from Find a person.")
                return redirect(url_for("clients.search"), 303)
            following = registration.next_step(step_key)
            if following is None or request.form.get("then") == "check":
                return redirect(url_for("clients.registration_check", draft_id=draft.id), 303)
            return redirect(
                url_for("clients.registration_step", draft_id=draft.id, step_key=following), 303
            )
    else:
        form = the_step.form(data=registration.starting_data(step_key, answers))
    previous = registration.previous_step(step_key)
    return render_page(
        "clients/registration_step.html",
        form=form,
        draft=draft,
        step=the_step,
        number=registration.step_number(step_key),
        count=len(registration.STEPS),
        back_url=(
            url_for("clients.registration_step", draft_id=draft.id, step_key=previous)
            if previous
            else url_for("clients.new")
        ),
        from_check=request.args.get("from") == "check",
        handover=answers.get("_handover"),
        life_areas=LIFE_AREAS,
    )


@bp.route("/new/<int:draft_id>/check", methods=["GET", "POST"])
@requires("clients.open")
def registration_check(draft_id: int):
    draft, done = _open_draft(draft_id, lock=request.method == "POST")
    if done:
        return done
    answers = draft.answers or {}
    not_said = answers.get("_not_said", [])
    dismissed = answers.get("_not_duplicates", [])
    duplicates = possible_duplicates(me(), answers, ignore=dismissed)
    if duplicates and request.method == "GET":
        _audit_duplicates_shown(draft, duplicates)
    form = Form()
    problem = None
    if form.validate_on_submit():
        action, _, value = request.form.get("action", "").partition(":")
        chosen = record_id(value)
        if action == "someone_else" and chosen is not None:
            draft.answers = {**answers, "_not_duplicates": [*dismissed, chosen]}
            return redirect(url_for("clients.registration_check", draft_id=draft.id), 303)
        if action == "same" and chosen is not None:
            return _same_person(draft, chosen, duplicates)
        if action == "make":
            if not (answers.get("given_name") or answers.get("nickname")):
                problem = "Enter a first name or a nickname before you make the file"
            elif duplicates:
                problem = "Say whether each possible match is the same person first"
            else:
                return _make_file(draft)
    return render_page(
        "clients/registration_check.html",
        form=form,
        draft=draft,
        rows=registration.summary_rows(answers, not_said),
        duplicates=duplicates,
        problem=problem,
        handover=answers.get("_handover"),
        title_name=answers.get("nickname") or answers.get("given_name"),
    )


def _audit_duplicates_shown(draft, duplicates) -> None:
    """Which files the duplicate check pointed to: it shows that a file exists."""
    audit.record(
        "client.duplicates_shown",
        detail={
            "draft_id": draft.id,
            "shown": [f.client.id for f in duplicates],
            "own": sum(1 for f in duplicates if f.own),
            "others": sum(1 for f in duplicates if not f.own),
        },
    )


def _make_file(draft):
    user = me()
    client = files.create_client(draft.answers, user)
    if user.role in ("worker", "senior"):
        allocation.allocate(client, user, reason="Did the intake", by=user)
    episode = episodes.open_episode(client, user=user)
    first = (draft.answers or {}).get("_handover")
    if first and (first.get("needs") or first.get("summary") or first.get("support_level")):
        assessments.save_assessment(client, first, user, episode=episode)
    handover = _handover(draft.handover_id)
    if handover is not None:
        handover.client_id = client.id
        if client.worker_id is None:
            allocation.allocate(client, user, reason="Picked up at the front desk", by=user)
    draft.status = "done"
    draft.result_id = client.id
    saved(f"File made for {client.name}.")
    return redirect(url_for("clients.file", client_id=client.id), 303)


def _same_person(draft, client_id: int, duplicates):
    client = next((f.client for f in duplicates if f.client.id == client_id), None)
    if client is None:
        abort(404)
    if known_outside_work.knows(client.id, me().id):
        # Linking the handover would give them the file: the one rule says no.
        mark_refused()
        refused(known_outside_work.refusal_words(me()) + " Ask a senior to find them a worker.")
        return redirect(url_for("clients.registration_check", draft_id=draft.id), 303)
    draft.status = "done"
    draft.result_id = client.id
    handover = _handover(draft.handover_id)
    if handover is not None:
        handover.client_id = client.id
    audit.record(
        "client.draft_matched", record=client, client_id=client.id, detail={"draft_id": draft.id}
    )
    if access.can_open(me(), client):
        added = files.fill_gaps(client, draft.answers or {})
        told(
            "No new file made. This is their file."
            + (" We added the new answers it did not have." if added else "")
        )
        return redirect(url_for("clients.file", client_id=client.id), 303)
    told("No new file made. This file is not yours: say why you need to open it.")
    return redirect(url_for("clients.cover", client_id=client.id), 303)


@bp.route("/new/<int:draft_id>/drop", methods=["POST"])
@requires("clients.open")
def registration_drop(draft_id: int):
    draft, done = _open_draft(draft_id)
    if done:
        return done
    if Form().validate_on_submit():
        drafts.drop_draft(draft)
        saved("Draft thrown away.")
    return redirect(url_for("clients.search"), 303)
