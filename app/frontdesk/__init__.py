from flask import Blueprint

bp = Blueprint("frontdesk", __name__, url_prefix="/frontdesk")

from app.frontdesk import (  # noqa: E402,F401
    handover_routes,
    manage_routes,
    numbers_routes,
    routes,
    shift_routes,
)
