"""What every request and response goes through: deny by default, one commit, safe headers."""

from __future__ import annotations

from flask import Flask, abort, current_app, g, request
from flask_login import current_user
from sqlalchemy.exc import SQLAlchemyError

from app import refusals
from app.errors import database_error_response
from app.extensions import db

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "frame-ancestors 'none'",
        "form-action 'self'",
        "base-uri 'none'",
    ]
)
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"


def init_app(app: Flask) -> None:
    app.before_request(refuse_undeclared_views)
    app.before_request(refuse_nul_characters)
    refusals.init_app(app)  # first registered, so it runs after the commit or rollback
    app.after_request(commit_or_roll_back)
    app.after_request(add_security_headers)


def refuse_nul_characters():
    """Nobody types a NUL character, and PostgreSQL cannot store one in text: refuse it (400)."""
    for values in (request.args, request.form):
        for key, value in values.items(multi=True):
            if "\x00" in key or "\x00" in value:
                abort(400)
    return None


def refuse_undeclared_views():
    """A view that forgot to name its permission is unreachable (and a test fails)."""
    if request.endpoint is None or request.endpoint == "static":
        return None
    view = current_app.view_functions.get(request.endpoint)
    if not hasattr(view, "required_permission"):
        abort(404)
    return None


def commit_or_roll_back(response):
    """One commit policy: a successful response keeps its changes; an error, a refused change or
    a form shown again with its problems throws them all away.

    When the commit itself fails (the database went away, or someone saved the same record
    in the same moment), nothing is kept and the person gets the plain page for that.
    """
    if response.status_code >= 400 or g.get("change_refused"):
        # A refusal, or a form shown again with its problems (app/core/saving.py): nothing
        # of the request is kept, so no change is ever half-saved.
        db.session.rollback()
        return response
    try:
        # Work that must share this commit, added by an area (app/drafts: a saved form's
        # draft goes in the same transaction as the form).
        for before_commit in current_app.extensions.get("before_commit", ()):
            before_commit(response)
        db.session.commit()
    except SQLAlchemyError as error:
        page = database_error_response(error)
        if page is None:
            raise
        return add_security_headers(page)
    return response


def add_security_headers(response):
    headers = response.headers
    headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    headers["X-Content-Type-Options"] = "nosniff"
    headers["Referrer-Policy"] = "same-origin"
    headers["Permissions-Policy"] = PERMISSIONS_POLICY
    headers["X-Frame-Options"] = "DENY"
    if current_app.config["HTTPS"]:
        headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
    if request.endpoint != "static" and (
        current_user.is_authenticated or response.mimetype == "text/html"
    ):
        # Nothing signed-in (or about signing in) is kept by the browser for the next person.
        headers["Cache-Control"] = "no-store"
    return response
