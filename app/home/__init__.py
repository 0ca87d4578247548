from flask import Blueprint

from app.core.areas import Area, Tile

bp = Blueprint("home", __name__)

AREA = Area(
    blueprint=bp,
    tiles=(Tile(140, "Words we use", "words", "home.words", "signed_in", "What our words mean"),),
)

from app.home import routes  # noqa: E402,F401
