"""Incidents at the front desk: any staff member writes one down and reads their own; seniors
and the manager read them all, review them, close them with what was learned, and offer the
person who wrote it a debrief."""

from __future__ import annotations

from datetime import date

from flask import redirect, request, url_for

from app import audit, locking
from app.access import can, get_or_404, requires
from app.core.messages import saved
from app.core.numbers import record_id
from app.core.people import me
from app.core.saving import change_from_form
from app.models import Incident
from app.pages import paginate, render_page
from app.safety import bp, incidents
from app.safety.forms import IncidentForm, ReviewForm
from app.safety.words import PLACES, STATUS, TAKEN_UP, TOLD

WORDS = {"places": PLACES, "told": TOLD, "status": STATUS, "taken_up": TAKEN_UP}


def _visible(incident_id: int) -> Incident:
    person = me()
    return get_or_404(Incident, incident_id, visible=lambda i: incidents.may_see(i, person))


@bp.route("")
@requires("safety.record")
def index():
    page = paginate(incidents.visible_incidents(me()))
    return render_page(
        "safety/index.html",
        page=page,
        words=WORDS,
        all_incidents=can("safety.review"),
    )


@bp.route("/incidents/new", methods=["GET", "POST"])
@requires("safety.record")
def new_incident():
    form = IncidentForm()
    if form.validate_on_submit():
        outcome = change_from_form(
            form,
            lambda: incidents.record_incident(
                incidents.IncidentData(
                    happened_at=incidents.moment(form.happened_on.data, form.happened_time.data),
                    place=form.place.data,
                    place_other=form.place_other.data,
                    what_happened=form.what_happened.data,
                    who_involved=form.who_involved.data,
                    de_escalation=form.de_escalation.data,
                    anyone_hurt=form.anyone_hurt.data == "yes",
                    first_aid=form.first_aid.data,
                    told=form.told.data or [],
                    told_other=form.told_other.data,
                ),
                by=me(),
            ),
        )
        if outcome.saved:
            incident = outcome.result
            audit.record(
                "safety.incident_recorded",
                record=incident,
                detail={"place": incident.place, "hurt": incident.anyone_hurt},
            )
            saved("Incident saved. A senior will look at it and talk with you about it.")
            return redirect(url_for("safety.incident", incident_id=incident.id), 303)
    return render_page("safety/new_incident.html", form=form)


def _review_shown(incident: Incident) -> ReviewForm:
    form = ReviewForm(
        formdata=None,
        data={
            "learned": incident.learned or "",
            "debrief_offered_on": incident.debrief_offered_on,
            "debrief_taken_up": {True: "yes", False: "no"}.get(incident.debrief_taken_up, ""),
            "debrief_by_id": str(incident.debrief_by_id or ""),
        },
    )
    return _review_choices(form)


def _review_choices(form: ReviewForm) -> ReviewForm:
    form.debrief_by_id.choices = [("", "Nobody yet")] + [
        (str(u.id), u.display_name) for u in incidents.reviewers()
    ]
    return form


def _page(incident: Incident, form: ReviewForm | None = None, changed=None):
    if form is None and can("safety.review") and incident.status == "open":
        form = _review_shown(incident)
        locking.stamp(form, incident, _review_shown)
    return render_page(
        "safety/incident.html",
        incident=incident,
        form=form,
        changed=changed,
        words=WORDS,
        mine=incident.created_by_id == me().id,
    )


@bp.route("/incidents/<int:incident_id>")
@requires("safety.record")
def incident(incident_id: int):
    incident = _visible(incident_id)
    audit.record("safety.incident_viewed", record=incident)
    return _page(incident)


@bp.route("/incidents/<int:incident_id>/review", methods=["POST"])
@requires("safety.review")
def review_incident(incident_id: int):
    incident = _visible(incident_id)
    form = _review_choices(ReviewForm())
    close = request.form.get("action") == "close"
    changed = None
    if form.validate_on_submit():
        taken = form.debrief_taken_up.data
        offered = form.debrief_offered_on.data
        outcome = change_from_form(
            form,
            lambda: incidents.review(
                incident,
                incidents.Review(
                    learned=form.learned.data,
                    debrief_offered_on=offered if isinstance(offered, date) else None,
                    debrief_taken_up={"yes": True, "no": False}.get(taken),
                    debrief_by_id=record_id(form.debrief_by_id.data),
                ),
                by=me(),
                close=close,
            ),
            record=incident,
            shown=_review_shown,
        )
        if outcome.saved:
            audit.record(
                "safety.incident_closed" if close else "safety.incident_reviewed",
                record=incident,
                detail={"debrief": incident.debrief_offered_on is not None},
            )
            saved("Incident closed." if close else "Review saved.")
            return redirect(url_for("safety.incident", incident_id=incident.id), 303)
        changed = outcome.changed
    return _page(incident, form, changed)
