from flask import Blueprint

from app.core.areas import Area, DemoStep, Panel, Tile
from app.models import Partner

bp = Blueprint("partners", __name__, url_prefix="/partners")

AREA = Area(
    blueprint=bp,
    demo=(DemoStep(22, "partners", "app.partners.demo:make_partners"),),
    tiles=(
        Tile(
            100, "Partners", "partners", "partners.index", "partners.read", "Services we work with"
        ),
    ),
    panels=(
        Panel(
            85,
            "partners/_panel_suggestions.html",
            "partners.edit",
            "app.partners.suggestions:panel",
        ),
    ),
    real_data=(Partner,),
)

from app.partners import routes, suggestion_routes  # noqa: E402,F401
