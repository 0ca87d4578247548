"""Safety at the front desk and in the service (issue 15): incidents at the desk (any staff
member writes one down; seniors and the manager review and close it, and offer a debrief),
and two registers only the manager reads: complaints about the service, and critical
incidents with the report the funder needs. Other areas use only `public.py`."""

from flask import Blueprint

from app.core.areas import Area, DemoStep, Panel, Tile
from app.models import Complaint, CriticalIncident, Incident

bp = Blueprint("safety", __name__, url_prefix="/safety")

AREA = Area(
    blueprint=bp,
    demo=(DemoStep(93, "safety", "app.safety.demo:make_demo_safety"),),
    tiles=(
        Tile(
            27,
            "Incident",
            "warning",
            "safety.new_incident",
            "safety.record",
            "Write down something that happened",
        ),
        Tile(
            107,
            "Safety",
            "health",
            "safety.index",
            "safety.record",
            "Incidents, complaints, critical incidents",
        ),
    ),
    panels=(Panel(14, "safety/_panel_review.html", "safety.review", "app.safety.incidents:panel"),),
    real_data=(Incident, Complaint, CriticalIncident),
)

from app.safety import complaint_routes, critical_routes, incident_routes  # noqa: E402,F401
