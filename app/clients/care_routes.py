"""The assessment (kept as a new version each meeting) and episodes of care."""

from __future__ import annotations

from flask import abort, flash, redirect, request, url_for

from app import clock, locking
from app.access import requires
from app.clients import bp, care, service
from app.clients.forms import AssessmentForm, EpisodeForm, NewEpisodeForm
from app.clients.views import header, me, open_client
from app.extensions import db
from app.models import Assessment, Episode, User
from app.needs import LIFE_AREAS, URGENCY
from app.pages import render_page
from app.standards import codes


def _assessment_data(last: Assessment | None) -> dict:
    data = {"met_on": clock.today()}
    if last is not None:
        data.update(
            support_level=last.support_level,
            needs=list(last.needs or []),
            summary=last.summary,
            strengths=last.strengths,
            supports=last.supports,
            risks=last.risks,
        )
        for key, words in (last.need_notes or {}).items():
            data[f"need_{key}"] = words
    return data


def _assessment_shown(last: Assessment | None) -> AssessmentForm:
    return AssessmentForm(formdata=None, data=_assessment_data(last))


def _assessment_version(last: Assessment | None) -> int:
    """Each save is a new row, so the newest row's id is the assessment's version."""
    return last.id if last is not None else 0


@bp.route("/<int:client_id>/assessment", methods=["GET", "POST"])
@requires("clients.open")
def assessment(client_id: int):
    if request.method == "POST":
        client = service.get_client_for_current_user(client_id)
    else:
        client = open_client(client_id, "assessment")
    last = care.latest_assessment(client)
    changed = None
    if request.method == "GET":
        form = _assessment_shown(last)
        locking.stamp(form, last, _assessment_shown, version=_assessment_version(last))
    else:
        form = AssessmentForm()
        changed = locking.check(form, last, _assessment_shown, version=_assessment_version(last))
    if form.validate_on_submit() and not changed:
        data = {
            "met_on": form.met_on.data,
            "support_level": form.support_level.data,
            "needs": form.needs.data,
            "summary": form.summary.data,
            "strengths": form.strengths.data,
            "supports": form.supports.data,
            "risks": form.risks.data,
            "need_notes": {k: getattr(form, f"need_{k}").data for k in LIFE_AREAS},
        }
        care.save_assessment(client, data, me())
        flash("Assessment saved. Earlier versions are kept.")
        return redirect(url_for("clients.workers", client_id=client.id), 303)
    return render_page(
        "clients/assessment.html",
        form=form,
        changed=changed,
        last=last,
        history=care.assessment_history(client),
        life_areas=LIFE_AREAS,
        **header(client),
    )


@bp.route("/<int:client_id>/assessment/<int:assessment_id>")
@requires("clients.open")
def assessment_version(client_id: int, assessment_id: int):
    client = open_client(client_id, "assessment version")
    record = db.session.get(Assessment, assessment_id)
    if record is None or record.client_id != client.id:
        abort(404)
    return render_page(
        "clients/assessment_version.html",
        record=record,
        author=db.session.get(User, record.created_by_id) if record.created_by_id else None,
        life_areas=LIFE_AREAS,
        urgency=URGENCY,
        **header(client),
    )


@bp.route("/<int:client_id>/episodes")
@requires("clients.open")
def episodes(client_id: int):
    client = open_client(client_id, "episodes")
    return render_page(
        "clients/episodes.html",
        episodes=care.episodes(client),
        codes=codes,
        form=NewEpisodeForm(),
        has_assessment=care.latest_assessment(client) is not None,
        **header(client),
    )


@bp.route("/<int:client_id>/episodes/new", methods=["POST"])
@requires("clients.open")
def episode_new(client_id: int):
    client = service.get_client_for_current_user(client_id)
    form = NewEpisodeForm()
    if not form.validate_on_submit():
        abort(400)
    if care.open_episode_of(client) is not None:
        flash("There is an open episode already.")
        return redirect(url_for("clients.episodes", client_id=client.id), 303)
    episode = care.start_new_episode(client, from_last=form.from_last.data, user=me())
    flash("New episode of care opened.")
    return redirect(url_for("clients.episode", client_id=client.id, episode_id=episode.id), 303)


def _episode_shown(record: Episode) -> EpisodeForm:
    return EpisodeForm(formdata=None, obj=record)


@bp.route("/<int:client_id>/episodes/<int:episode_id>", methods=["GET", "POST"])
@requires("clients.open")
def episode(client_id: int, episode_id: int):
    if request.method == "POST":
        client = service.get_client_for_current_user(client_id)
    else:
        client = open_client(client_id, "episode")
    record = db.session.get(Episode, episode_id)
    if record is None or record.client_id != client.id:
        abort(404)
    form = EpisodeForm(obj=record) if record.is_open else None
    conflict = None
    if request.method == "GET" and form is not None:
        locking.stamp(form, record, _episode_shown)
    if request.method == "POST":
        if form is None:
            flash("This episode is closed, so it cannot change.")
            return redirect(
                url_for("clients.episode", client_id=client.id, episode_id=record.id), 303
            )
        if form.validate_on_submit():
            conflict = locking.check(form, record, _episode_shown)
            if not conflict:
                changed = care.update_episode(
                    record,
                    source_of_referral=form.source_of_referral.data,
                    client_type=form.client_type.data,
                    main_treatment_type=form.main_treatment_type.data,
                    delivery_setting=form.delivery_setting.data,
                    principal_drug=form.principal_drug.data,
                )
                conflict = locking.flush(form, record, _episode_shown)
            if not conflict:
                flash("Episode saved." if changed else "Nothing changed.")
                return redirect(
                    url_for("clients.episode", client_id=client.id, episode_id=record.id), 303
                )
    return render_page(
        "clients/episode.html",
        form=form,
        changed=conflict,
        record=record,
        codes=codes,
        **header(client),
    )
