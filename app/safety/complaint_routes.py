"""Complaints about the service: anyone may read how to raise one; any staff member may write
one down; once saved, only the manager reads the register and adds each step."""

from __future__ import annotations

from flask import redirect, request, url_for

from app import audit, locking
from app.access import get_or_404, requires
from app.core.messages import saved
from app.core.people import me, users_by_id
from app.core.saving import change_from_form
from app.models import Complaint
from app.pages import paginate, render_page
from app.safety import bp, complaints, incidents
from app.safety.forms import ComplaintForm, StepForm
from app.safety.words import COMPLAINT_FROM, STEP_NOTES, STEPS

WORDS = {"from": COMPLAINT_FROM, "steps": STEPS, "notes": STEP_NOTES}


@bp.route("/complaints/how")
@requires("signed_in")
def how_to_complain():
    return render_page("safety/how_to_complain.html")


@bp.route("/complaints/new", methods=["GET", "POST"])
@requires("safety.record")
def new_complaint():
    form = ComplaintForm()
    if form.validate_on_submit():
        outcome = change_from_form(
            form,
            lambda: complaints.record_complaint(
                from_kind=form.from_kind.data,
                from_who=form.from_who.data,
                about=form.about.data,
                received_on=form.received_on.data,
                by=me(),
            ),
        )
        if outcome.saved:
            complaint = outcome.result
            audit.record(
                "safety.complaint_recorded", record=complaint, detail={"from": complaint.from_kind}
            )
            saved("Complaint saved. The manager will look after it from here.")
            return redirect(url_for("safety.index"), 303)
    return render_page("safety/new_complaint.html", form=form)


@bp.route("/complaints")
@requires("safety.registers")
def complaints_register():
    page = paginate(complaints.register())
    audit.record("safety.register_viewed", detail={"register": "complaints"})
    return render_page("safety/complaints.html", page=page, words=WORDS)


def _step_form(complaint: Complaint, form: StepForm | None = None) -> StepForm:
    form = form or StepForm(formdata=None)
    form.step.choices = list(complaints.steps_left(complaint).items())
    form.by_id.choices = [("", "Choose someone")] + [
        (str(u.id), u.display_name) for u in incidents.staff()
    ]
    if request.method == "GET":
        form.by_id.data = str(me().id)
    return form


def _complaint_page(complaint: Complaint, form: StepForm | None = None, changed=None):
    if form is None and complaint.status != "closed":
        form = _step_form(complaint)
        locking.stamp(form, complaint, complaints.shown)
    return render_page(
        "safety/complaint.html",
        complaint=complaint,
        form=form,
        changed=changed,
        words=WORDS,
        people=users_by_id([complaint.created_by_id, *(s.by_id for s in complaint.steps)]),
    )


@bp.route("/complaints/<int:complaint_id>")
@requires("safety.registers")
def complaint(complaint_id: int):
    complaint = get_or_404(Complaint, complaint_id)
    audit.record("safety.complaint_viewed", record=complaint)
    return _complaint_page(complaint)


@bp.route("/complaints/<int:complaint_id>/steps", methods=["POST"])
@requires("safety.registers")
def add_step(complaint_id: int):
    complaint = get_or_404(Complaint, complaint_id)
    form = _step_form(complaint, StepForm())
    if form.validate_on_submit():
        by = users_by_id([int(form.by_id.data)]).get(int(form.by_id.data))
        outcome = change_from_form(
            form,
            lambda: complaints.add_step(
                complaint,
                step=form.step.data,
                done_on=form.done_on.data,
                by=by,
                note=form.note.data,
            ),
            record=complaint,
            shown=complaints.shown,
        )
        if outcome.saved:
            audit.record("safety.complaint_step", record=complaint, detail={"step": form.step.data})
            saved(f"Saved: {STEPS[form.step.data].lower()}.")
            return redirect(url_for("safety.complaint", complaint_id=complaint.id), 303)
        return _complaint_page(complaint, form, outcome.changed)
    return _complaint_page(complaint, form)
