"""Care work: treatment plans, case notes, appointments and transport, referrals, material
aid, advocacy, closing an episode, and the worker's home ("My work")."""

from flask import Blueprint

from app.core.areas import Area, DemoStep, Panel, Tile
from app.models import (
    AdvocacyIssue,
    AidGiven,
    Appointment,
    CareMeeting,
    CaseNote,
    Plan,
    Referral,
)

bp = Blueprint("care", __name__)

AREA = Area(
    blueprint=bp,
    demo=(
        DemoStep(50, "care", "app.care.demo:make_demo_care"),
        DemoStep(52, "care meetings", "app.care.demo_meetings:make_demo_meeting"),
        DemoStep(65, "care teams", "app.care.demo_teams:make_demo_care_teams"),
    ),
    tiles=(
        Tile(30, "My work", "worker", "care.my_work", "clients.open", "Today, my people and notes"),
    ),
    panels=(
        Panel(20, "care/_panel_today.html", "clients.open", "app.care.panels:today_at_a_glance"),
        Panel(15, "care/_panel_closings.html", "closing.confirm", "app.care.closing_checks:panel"),
        Panel(25, "care/_panel_systemic.html", "clients.see_all", "app.care.advocacy:home_panel"),
        Panel(
            18, "care/_panel_notes_to_sign.html", "clients.open", "app.care.panels:notes_to_sign"
        ),
    ),
    real_data=(Plan, CaseNote, Appointment, Referral, AidGiven, AdvocacyIssue, CareMeeting),
)


@bp.app_context_processor
def care_helpers():
    """For the client area's pages, which may not import care (care builds on clients):
    `care_summary(client)` for the header of a file (plan review, next appointment), and
    `care_cover(client)` for the narrow view someone covering sees, and `care_to_sign(client)`
    for the notes a learner wrote there that wait for the worker to sign."""
    from app.care.caseload import cover_summary, summary_for
    from app.care.closing_after import file_summary
    from app.care.signing import to_sign_on_file

    return {
        "care_summary": summary_for,
        "care_cover": cover_summary,
        "care_closing": file_summary,
        "care_to_sign": to_sign_on_file,
    }


from app.care import (  # noqa: E402,F401
    advocacy_routes,
    aid_routes,
    appointment_routes,
    closing_after_routes,
    closing_check_routes,
    closing_routes,
    goal_routes,
    meeting_routes,
    note_routes,
    plan_routes,
    referral_routes,
    work_routes,
)
