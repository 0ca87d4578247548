"""The complaints register: complaints about the service itself, from a person, a partner or
staff. The model of care has every trainee learn the "feedback and complaints" policy first;
this register keeps each complaint's steps, each with its day and who did it.

Any staff member may write one down; once saved only the manager reads and changes it.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from app import clock
from app.core.saving import Refused
from app.extensions import db
from app.models import Complaint, ComplaintStep, User
from app.safety.words import COMPLAINT_FROM, STEPS


def record_complaint(
    *, from_kind: str, from_who: str | None, about: str, received_on: date, by: User
) -> Complaint:
    if from_kind not in COMPLAINT_FROM:
        raise Refused("Choose who the complaint is from")
    if not (about or "").strip():
        raise Refused("Write what the complaint is about")
    if received_on > clock.today():
        raise Refused("The day we got it cannot be later than today")
    complaint = Complaint(
        from_kind=from_kind,
        from_who=from_who or None,
        about=about.strip(),
        received_on=received_on,
        status="received",
        created_by_id=by.id,
    )
    db.session.add(complaint)
    db.session.flush()
    return complaint


def last_step(complaint: Complaint) -> str:
    return complaint.steps[-1].step if complaint.steps else "received"


def steps_left(complaint: Complaint) -> dict[str, str]:
    """The steps still to come, in order (a step may be passed over, never gone back to)."""
    order = list(STEPS)
    return {key: STEPS[key] for key in order[order.index(last_step(complaint)) + 1 :]}


def last_date(complaint: Complaint) -> date:
    return max([complaint.received_on, *(s.done_on for s in complaint.steps)])


def add_step(
    complaint: Complaint, *, step: str, done_on: date, by: User, note: str | None
) -> ComplaintStep:
    if complaint.status == "closed":
        raise Refused("This complaint is closed already.")
    if step not in steps_left(complaint):
        raise Refused("Choose one of the steps still to do")
    if done_on < complaint.received_on:
        raise Refused("The step cannot be dated before the day we got the complaint")
    if done_on < last_date(complaint):
        raise Refused("The step cannot be dated before the step before it")
    if done_on > clock.today():
        raise Refused("The day of the step cannot be later than today")
    note = (note or "").strip() or None
    if step == "closed" and not note:
        raise Refused("Write what we learned before you close the complaint")
    row = ComplaintStep(complaint=complaint, step=step, done_on=done_on, by_id=by.id, note=note)
    db.session.add(row)
    complaint.status = step  # a new version of the complaint: two saves at once clash
    db.session.flush()
    return row


def register():
    """A select of every complaint, open ones first, newest first."""
    return select(Complaint).order_by(
        (Complaint.status == "closed"), Complaint.received_on.desc(), Complaint.id.desc()
    )


def shown(complaint: Complaint) -> dict:
    """What the step form was filled from, for app/locking.py: the steps done so far."""
    return {"Steps done": ", ".join(STEPS[s.step] for s in complaint.steps) or "None yet"}
