"""Critical incidents: any staff member writes one down; once saved, only the manager reads
the register, adds who was told and the follow-up, closes it, and prints the funder's report."""

from __future__ import annotations

from flask import redirect, request, url_for

from app import audit, locking
from app.access import get_or_404, requires
from app.core.messages import saved
from app.core.people import me, users_by_id
from app.core.saving import change_from_form
from app.models import CriticalIncident
from app.pages import paginate, render_page
from app.safety import bp, critical, incidents
from app.safety.forms import CriticalForm, FollowUpForm, NoticeForm
from app.safety.words import CRITICAL_KINDS, NOTIFIED, STATUS

WORDS = {"kinds": CRITICAL_KINDS, "notified": NOTIFIED, "status": STATUS}


@bp.route("/critical/new", methods=["GET", "POST"])
@requires("safety.record")
def new_critical():
    form = CriticalForm()
    if form.validate_on_submit():
        day = form.happened_on.data
        told = {
            who: incidents.moment(day, getattr(form, name).data)
            for who, name in CriticalForm.TOLD_FIELDS.items()
            if getattr(form, name).data is not None
        }
        outcome = change_from_form(
            form,
            lambda: critical.record_critical(
                critical.CriticalData(
                    kind=form.kind.data,
                    happened_at=incidents.moment(day, form.happened_time.data),
                    place=form.place.data,
                    what_happened=form.what_happened.data,
                    response=form.response.data,
                    told=told,
                ),
                by=me(),
            ),
        )
        if outcome.saved:
            incident = outcome.result
            audit.record(
                "safety.critical_recorded", record=incident, detail={"kind": incident.kind}
            )
            saved("Critical incident saved. The manager has it now.")
            return redirect(url_for("safety.index"), 303)
    return render_page("safety/new_critical.html", form=form)


@bp.route("/critical")
@requires("safety.registers")
def critical_register():
    page = paginate(critical.register())
    audit.record("safety.register_viewed", detail={"register": "critical incidents"})
    return render_page("safety/critical_list.html", page=page, words=WORDS)


def _shown(incident: CriticalIncident) -> FollowUpForm:
    return FollowUpForm(
        formdata=None,
        data={"follow_up": incident.follow_up or "", "learned": incident.learned or ""},
    )


def _page(incident, followup=None, notice_form=None, changed=None):
    """The incident's page; `form` is the form that was sent, for the "There is a problem"
    summary."""
    sent = notice_form if notice_form is not None else followup
    if followup is None and incident.status == "open":
        followup = _shown(incident)
        locking.stamp(followup, incident, _shown)
    return render_page(
        "safety/critical.html",
        incident=incident,
        form=sent,
        followup=followup,
        notice_form=notice_form or NoticeForm(formdata=None),
        changed=changed,
        words=WORDS,
        who_words=critical.who_words,
        happened_on=incidents.local_day(incident.happened_at),
        people=users_by_id([incident.created_by_id, incident.closed_by_id]),
    )


def _load(incident_id: int) -> CriticalIncident:
    return get_or_404(CriticalIncident, incident_id)


@bp.route("/critical/<int:incident_id>", methods=["GET", "POST"])
@requires("safety.registers")
def critical_incident(incident_id: int):
    incident = _load(incident_id)
    if request.method == "GET":
        audit.record("safety.critical_viewed", record=incident)
        return _page(incident)
    form = FollowUpForm()
    close = request.form.get("action") == "close"
    if form.validate_on_submit():
        outcome = change_from_form(
            form,
            lambda: critical.follow_up(
                incident,
                text=form.follow_up.data,
                learned=form.learned.data,
                by=me(),
                close=close,
            ),
            record=incident,
            shown=_shown,
        )
        if outcome.saved:
            audit.record(
                "safety.critical_closed" if close else "safety.critical_changed",
                record=incident,
            )
            saved("Critical incident closed." if close else "Follow-up saved.")
            return redirect(url_for("safety.critical_incident", incident_id=incident.id), 303)
        return _page(incident, form, changed=outcome.changed)
    return _page(incident, form)


@bp.route("/critical/<int:incident_id>/told", methods=["POST"])
@requires("safety.registers")
def add_notice(incident_id: int):
    incident = _load(incident_id)
    form = NoticeForm()
    if form.validate_on_submit():
        outcome = change_from_form(
            form,
            lambda: critical.add_notice(
                incident,
                who=form.who.data,
                who_other=form.who_other.data,
                told_at=incidents.moment(form.told_on.data, form.told_time.data),
                by=me(),
            ),
        )
        if outcome.saved:
            audit.record("safety.critical_told", record=incident, detail={"who": form.who.data})
            saved(f"Saved: {critical.who_words(outcome.result)} told.")
            return redirect(url_for("safety.critical_incident", incident_id=incident.id), 303)
    return _page(incident, notice_form=form)


@bp.route("/critical/<int:incident_id>/report")
@requires("safety.registers")
def critical_report(incident_id: int):
    incident = _load(incident_id)
    audit.record("safety.critical_report_viewed", record=incident)
    return render_page(
        "safety/critical_report.html",
        incident=incident,
        words=WORDS,
        who_words=critical.who_words,
        happened_on=incidents.local_day(incident.happened_at),
        people=users_by_id([incident.created_by_id]),
    )
