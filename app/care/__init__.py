"""Care work: treatment plans, case notes, appointments and transport, referrals, material
aid, advocacy, closing an episode, and the worker's home ("My work")."""

from flask import Blueprint

from app.demo import REAL_DATA_MODELS
from app.models import AdvocacyIssue, AidGiven, Appointment, CaseNote, Plan, Referral

bp = Blueprint("care", __name__)

for _model in (Plan, CaseNote, Appointment, Referral, AidGiven, AdvocacyIssue):
    if _model not in REAL_DATA_MODELS:
        REAL_DATA_MODELS.append(_model)


@bp.app_context_processor
def care_helpers():
    """`care_summary(client)` for the header of a file (plan review, next appointment)."""
    from app.care.service import summary_for

    return {"care_summary": summary_for}


from app.care import (  # noqa: E402,F401
    appointment_routes,
    closing_routes,
    note_routes,
    plan_routes,
    support_routes,
    work_routes,
)
