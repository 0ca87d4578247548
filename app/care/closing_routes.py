"""Closing an episode of care: one question a page, then "Check your answers"."""

from __future__ import annotations

from datetime import date

from flask import abort, redirect, request, url_for

from app import clock
from app.access import get_or_404, requires
from app.care import bp, closing, closing_after, closing_checks
from app.care.closing_forms import CLOSE_FORMS, CloseUnsureForm
from app.care.episode_rules import open_episode
from app.care.page_helpers import header, load_client, to_episodes
from app.clients import public as clients
from app.core.messages import saved, told
from app.core.numbers import record_id
from app.core.people import me
from app.core.saving import change_from_form
from app.forms import Form
from app.models import Episode
from app.pages import render_page

# Form field -> draft answer; the answers keep national codes as numbers (drugs as text).
FIELDS = {
    "reason": ("reason", int),
    "main_treatment_type": ("main_treatment_type", int),
    "delivery_setting": ("delivery_setting", int),
    "principal_drug": ("principal_drug", lambda v: v or None),
    "closed_on": ("closed_on", lambda v: v.isoformat() if v else None),
}


def _episode_url(client, episode_id: int) -> str:
    return url_for("clients.episode", client_id=client.id, episode_id=episode_id)


@bp.route("/clients/<int:client_id>/close", methods=["GET", "POST"])
@requires("clients.open")
def close_start(client_id: int):
    client = load_client(client_id, "close episode")
    episode = open_episode(client)
    if episode is None:
        if closing_after.still_to_come(client):  # closed: their appointments to deal with
            return redirect(url_for("care.close_appointments", client_id=client.id), 303)
        return to_episodes(client)
    waiting = closing_checks.waiting_for(episode)
    if waiting is not None:
        return render_page(
            "care/close_waiting.html",
            check=waiting,
            rows=closing.check_rows(waiting.answers or {}),
            **header(client),
        )
    form = Form()
    if form.validate_on_submit():
        draft = closing.start_draft(client, episode, me())
        return redirect(
            url_for("care.close_step", client_id=client.id, draft_id=draft.id, step_key="reason"),
            303,
        )
    return render_page(
        "care/close_start.html",
        form=form,
        sent_back=closing_checks.last_sent_back(episode),
        **header(client),
    )


def _draft_and_episode(client, draft_id: int, *, lock: bool = False):
    draft = clients.get_draft_or_404(draft_id, kind=closing.DRAFT_KIND, lock=lock)
    if draft.client_id != client.id:
        abort(404)
    episode_id = record_id((draft.answers or {}).get("episode_id")) or 0
    episode = get_or_404(Episode, episode_id, visible=lambda e: e.client_id == client.id)
    return draft, episode


def _form_data(answers: dict) -> dict:
    data = {k: answers.get(k) for k in FIELDS}
    for key in ("reason", "main_treatment_type", "delivery_setting"):
        if data.get(key) is not None:
            data[key] = str(data[key])
    if data.get("closed_on"):
        data["closed_on"] = date.fromisoformat(data["closed_on"])
    return data


@bp.route("/clients/<int:client_id>/close/<int:draft_id>/<step_key>", methods=["GET", "POST"])
@requires("clients.open")
def close_step(client_id: int, draft_id: int, step_key: str):
    client = load_client(client_id, f"close episode {step_key}")
    draft, episode = _draft_and_episode(client, draft_id)
    the_step = closing.step(step_key)
    if the_step is None or step_key == "check":
        abort(404)
    if draft.status != "open" or not episode.is_open:
        told("This episode of care is closed.")
        return redirect(_episode_url(client, episode.id), 303)
    number = closing.STEP_KEYS.index(step_key)
    form_class = CLOSE_FORMS[step_key]
    form = form_class() if request.method == "POST" else form_class(data=_form_data(draft.answers))
    if form.validate_on_submit():
        answers = dict(draft.answers or {})
        for field in form:
            if field.name in FIELDS:
                key, convert = FIELDS[field.name]
                answers[key] = convert(field.data)
        draft.answers = answers
        draft.updated_at = clock.now()
        then = request.form.get("then")
        if then == "stop":
            saved("Draft kept. Tap Start to carry on where you stopped.")
            return redirect(url_for("care.close_start", client_id=client.id), 303)
        if then == "check" or number + 1 == len(closing.STEPS):
            return redirect(
                url_for("care.close_check", client_id=client.id, draft_id=draft.id), 303
            )
        return redirect(
            url_for(
                "care.close_step",
                client_id=client.id,
                draft_id=draft.id,
                step_key=closing.STEP_KEYS[number + 1],
            ),
            303,
        )
    back = (
        url_for(
            "care.close_step",
            client_id=client.id,
            draft_id=draft.id,
            step_key=closing.STEP_KEYS[number - 1],
        )
        if number
        else url_for("care.close_start", client_id=client.id)
    )
    return render_page(
        "care/close_step.html",
        form=form,
        client=client,
        draft=draft,
        step=the_step,
        number=number + 1,
        count=len(closing.STEPS),
        back_url=back,
        episode=episode,
        from_check=request.args.get("from") == "check",
    )


@bp.route("/clients/<int:client_id>/close/<int:draft_id>/check", methods=["GET", "POST"])
@requires("clients.open")
def close_check(client_id: int, draft_id: int):
    client = load_client(client_id, "close episode check")
    draft, episode = _draft_and_episode(client, draft_id, lock=request.method == "POST")
    if draft.status == "done" or not episode.is_open:
        told("This episode of care is closed.")
        return redirect(_episode_url(client, episode.id), 303)
    answers = draft.answers or {}
    missing = closing.missing(answers)
    unsure = request.form.get("then") == "ask"  # "Not sure: ask the manager"
    form = CloseUnsureForm() if unsure else Form()
    if form.validate_on_submit():
        if unsure:
            why = form.unsure_why.data
            outcome = change_from_form(
                form, lambda: closing_checks.ask_manager(client, episode, answers, me(), why=why)
            )
        else:
            outcome = change_from_form(form, lambda: closing.close(client, episode, answers, me()))
        if outcome.saved:
            _done(draft, episode)
            if unsure:
                saved("Sent to the manager. The episode stays open until they say yes.")
                return redirect(url_for("care.close_start", client_id=client.id), 303)
            saved("Episode of care closed. It is kept as it was, and counts in the national data.")
            if closing_after.still_to_come(client):
                return redirect(url_for("care.close_appointments", client_id=client.id), 303)
            return redirect(_episode_url(client, episode.id), 303)
    return render_page(
        "care/close_check.html",
        form=form,
        client=client,
        draft=draft,
        episode=episode,
        rows=closing.check_rows(answers),
        missing=missing,
        unsure_form=form if unsure else CloseUnsureForm(formdata=None),
        to_come=closing_after.still_to_come_in(episode),
    )


def _done(draft, episode) -> None:
    """The journey is finished: the draft is not offered again."""
    draft.status = "done"
    draft.result_id = episode.id
    draft.updated_at = clock.now()
