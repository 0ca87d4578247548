"""The front desk: the drop-in day screen (tally and daily tasks), warm handovers, volunteer
shifts and the day's numbers. Other areas use only `public.py`."""

from flask import Blueprint

from app.core.areas import Area, DemoStep, Panel, Tile
from app.models import Handover, Shift, TallyEvent

bp = Blueprint("frontdesk", __name__, url_prefix="/frontdesk")

AREA = Area(
    blueprint=bp,
    demo=(DemoStep(25, "front desk", "app.frontdesk.demo:make_front_desk"),),
    tiles=(
        Tile(
            10,
            "Drop-in day",
            "tally",
            "frontdesk.day",
            "frontdesk.count",
            "Count visitors, meals and more",
        ),
        Tile(
            20,
            "Handover",
            "handover",
            "frontdesk.new_handover",
            "handover.create",
            "Someone wants a worker",
        ),
    ),
    panels=(
        Panel(
            10,
            "frontdesk/_waiting_panel.html",
            "handover.pick_up",
            "app.frontdesk.handover_routes:waiting_panel",
        ),
        Panel(
            12,
            "frontdesk/_shadow_panel.html",
            "frontdesk.count",
            "app.frontdesk.shift_routes:shadow_panel",
        ),
    ),
    real_data=(TallyEvent, Handover, Shift),
)

from app.frontdesk import (  # noqa: E402,F401
    handover_routes,
    manage_routes,
    numbers_routes,
    routes,
    shift_routes,
)
