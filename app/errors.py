"""Error pages in plain words, each with a way home."""

from __future__ import annotations

from flask import Flask, current_app, g, make_response, render_template, session
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.orm.exc import StaleDataError
from werkzeug.exceptions import HTTPException

from app.extensions import db
from app.pages import wants_fragment

MESSAGES = {
    400: ("Something went wrong with that form", "Go back, check what you typed and try again."),
    403: ("You cannot do that here", "Ask a manager if you think you should be able to."),
    404: ("Page not found", "The page is not here, or you do not have access to it."),
    405: ("Page not found", "The page is not here, or you do not have access to it."),
    409: ("Someone else changed this", "Go back, look at the changes and try again."),
    413: ("That was too big to send", "Send something smaller, or send it in parts."),
    429: ("Too many tries", "Wait a minute, then try again."),
    500: ("Sorry, something went wrong", "Nothing was saved. Try again in a minute."),
    503: ("Sorry, the system is not working right now", "Nothing was saved. Try again soon."),
}
CSRF_MESSAGE = (
    "That form was open too long",
    "For safety, forms stop working after a while. Go back, load the page again and try once more.",
)


def error_response(status: int, title: str, advice: str):
    if wants_fragment():
        # A part of a page asked for this: say it in the status region, leave the page alone.
        response = make_response(f"{title}. {advice}", status)
        response.headers["HX-Retarget"] = "#status"
        response.headers["HX-Reswap"] = "innerHTML"
        response.mimetype = "text/plain"
        return response
    page = render_template("errors/error.html", status=status, title=title, advice=advice)
    return make_response(page, status)


def database_gone(error: BaseException) -> bool:
    """The database is down, unreachable, locked for too long or out of connections."""
    if isinstance(error, OperationalError | InterfaceError | PoolTimeout):
        return True
    return isinstance(error, DBAPIError) and error.connection_invalidated


def database_error_response(error: BaseException):
    """The page for a database error that is nobody's mistake, or None for any other error.

    503 when the database went away; 409 when someone else saved the same record in the
    same moment (StaleDataError). Either way the whole request is rolled back: no half-written
    record, and no "Saved." message for the next page.
    """
    if database_gone(error):
        status = 503
    elif isinstance(error, StaleDataError):
        status = 409
    else:
        return None
    try:
        db.session.rollback()
    except DBAPIError:  # the connection is gone; the pool throws it away
        current_app.logger.warning("Rollback failed: the database connection is gone")
    session.pop("_flashes", None)
    if status == 503:
        current_app.logger.error("The database is not working: %s", error)
        # Show the page without asking the database who is signed in.
        g._login_user = current_app.login_manager.anonymous_user()
        g.user_session = None
    return error_response(status, *MESSAGES[status])


def init_app(app: Flask) -> None:
    @app.errorhandler(StaleDataError)
    @app.errorhandler(DBAPIError)
    @app.errorhandler(PoolTimeout)
    def database_error(error):
        return database_error_response(error) or server_error(error)

    @app.errorhandler(CSRFError)
    def csrf_failed(error):
        return error_response(400, *CSRF_MESSAGE)

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        # An error outside a view (saving at the end of a request) arrives as a 500 that
        # carries the original error.
        original = getattr(error, "original_exception", None)
        if original is not None and (page := database_error_response(original)) is not None:
            return page
        code = error.code or 500
        title, advice = MESSAGES.get(code, MESSAGES[400 if code < 500 else 500])
        return error_response(code, title, advice)

    @app.errorhandler(Exception)
    def server_error(error):
        db.session.rollback()
        app.logger.exception("Unhandled error")
        return error_response(500, *MESSAGES[500])
