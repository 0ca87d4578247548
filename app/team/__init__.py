from flask import Blueprint

from app.core.areas import Area, DemoStep, Panel, Tile
from app.models import ConsultationDecision, FileAudit, Reallocation

bp = Blueprint("team", __name__, url_prefix="/team")

AREA = Area(
    blueprint=bp,
    demo=(
        DemoStep(90, "supervision", "app.team.demo:make_demo_supervision"),
        DemoStep(95, "team oversight", "app.team.demo:make_demo_team"),
    ),
    tiles=(
        Tile(
            70, "Team", "team", "team.caseloads", "team.oversee", "Caseloads, meetings and checks"
        ),
        Tile(
            80,
            "Supervision",
            "supervision",
            "team.supervision_list",
            "supervision.own",
            "Notes and next dates",
        ),
    ),
    panels=(
        Panel(
            70, "team/_panel_reallocations.html", "clients.open", "app.team.panels:my_reallocations"
        ),
        Panel(80, "team/_panel_feedback.html", "clients.open", "app.team.panels:my_feedback"),
        Panel(
            75, "team/_panel_supervision.html", "supervision.own", "app.team.panels:supervision_due"
        ),
    ),
    real_data=(Reallocation, ConsultationDecision, FileAudit),
)

from app.team import (  # noqa: E402,F401
    audit_routes,
    caseload_routes,
    consultation_routes,
    reallocation_pages,
    supervision_routes,
)
