"""The assessment: a new version each meeting, the earlier ones kept and readable."""

from __future__ import annotations

from flask import redirect, request, url_for

from app import clock, locking
from app.access import get_or_404, requires
from app.clients import assessments, bp, episodes
from app.clients.forms import AssessmentForm
from app.clients.page_helpers import get_client_for_current_user, header, open_client
from app.core.messages import saved
from app.core.people import me, user_by_id
from app.models import Assessment
from app.needs import LIFE_AREAS, URGENCY
from app.pages import render_page


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
        client = get_client_for_current_user(client_id)
    else:
        client = open_client(client_id, "assessment")
    last = assessments.latest_assessment(client)
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
        assessments.save_assessment(client, data, me(), episode=episodes.open_episode_of(client))
        saved("Assessment saved. Earlier versions are kept.")
        # Back to the file: choosing a worker is a senior's separate step, not the next one.
        return redirect(url_for("clients.file", client_id=client.id), 303)
    return render_page(
        "clients/assessment.html",
        form=form,
        changed=changed,
        last=last,
        history=assessments.assessment_history(client),
        life_areas=LIFE_AREAS,
        **header(client),
    )


@bp.route("/<int:client_id>/assessment/<int:assessment_id>")
@requires("clients.open")
def assessment_version(client_id: int, assessment_id: int):
    client = open_client(client_id, "assessment version")
    record = get_or_404(Assessment, assessment_id, visible=lambda a: a.client_id == client.id)
    return render_page(
        "clients/assessment_version.html",
        record=record,
        author=user_by_id(record.created_by_id),
        life_areas=LIFE_AREAS,
        urgency=URGENCY,
        **header(client),
    )
