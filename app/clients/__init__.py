from flask import Blueprint

from app.core.areas import Area, DemoStep, Panel, Tile
from app.models import Client

bp = Blueprint("clients", __name__, url_prefix="/clients")

AREA = Area(
    blueprint=bp,
    demo=(DemoStep(40, "clients", "app.clients.demo:make_demo_clients"),),
    tiles=(
        Tile(40, "Find a person", "search", "clients.search", "clients.open", "Search our files"),
    ),
    panels=(
        Panel(
            30, "clients/_panel_requests.html", "clients.open", "app.clients.panels:due_requests"
        ),
        Panel(
            35,
            "clients/_panel_disclosures.html",
            "disclosures.approve",
            "app.clients.panels:disclosures_waiting",
        ),
        Panel(40, "clients/_panel_drafts.html", "clients.open", "app.clients.panels:my_drafts"),
        Panel(
            50,
            "clients/_panel_cover.html",
            "clients.see_all",
            "app.clients.panels:cover_for_seniors",
        ),
        Panel(
            60,
            "clients/_panel_cover_mine.html",
            "clients.open",
            "app.clients.panels:cover_on_my_files",
        ),
        Panel(
            65,
            "clients/_panel_care_teams.html",
            "clients.open_part",
            "app.clients.panels:my_care_teams",
        ),
    ),
    real_data=(Client,),
)

from app.clients import (  # noqa: E402,F401
    allocation_routes,
    assessment_routes,
    care_team_routes,
    confidentiality_routes,
    consent_routes,
    cover_routes,
    episode_routes,
    file_routes,
    link_routes,
    merge_routes,
    preference_routes,
    registration_routes,
    request_routes,
    signature_routes,
)
