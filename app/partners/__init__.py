from flask import Blueprint

from app.core.areas import Area, DemoStep, Tile
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
    real_data=(Partner,),
)

from app.partners import routes  # noqa: E402,F401
