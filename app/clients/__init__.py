from flask import Blueprint

bp = Blueprint("clients", __name__, url_prefix="/clients")

from app.clients import (  # noqa: E402,F401
    care_routes,
    consent_routes,
    registration_routes,
    request_routes,
    routes,
)
