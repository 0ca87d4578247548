from flask import Blueprint

bp = Blueprint("team", __name__, url_prefix="/team")

from app.team import (  # noqa: E402,F401
    audit_routes,
    caseload_routes,
    consultation_routes,
    routes,
)
