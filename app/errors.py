"""Error pages in plain words, each with a way home."""

from __future__ import annotations

import secrets
import traceback

from flask import (
    Flask,
    current_app,
    g,
    has_request_context,
    make_response,
    render_template,
    request,
    session,
)
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError, StatementError
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


def error_id() -> str:
    """A short random id for this request's error: in the log and on the page, so a manager
    can match what someone saw with the log line."""
    if "error_id" not in g:
        g.error_id = secrets.token_hex(3)
    return g.error_id


def log_error(error: BaseException, what: str) -> None:
    """Log an error without anything a person typed.

    Only the error's kind, the SQL statement's shape (placeholders, never the values) and
    where in the code it happened; never the error's message, which can hold the values
    (a note's text, an address) or the form.
    """
    if g.get("error_logged"):
        return
    g.error_logged = True
    kind = f"{type(error).__module__}.{type(error).__name__}"
    # The driver's code says why without any values: SQLITE_FULL, SQLITE_BUSY, 53100 (disk full).
    orig = getattr(error, "orig", None)
    code = getattr(orig, "sqlite_errorname", None) or getattr(orig, "sqlstate", None)
    lines = [f"{what}: {kind}{f' ({code})' if code else ''} [error {error_id()}]"]
    if isinstance(error, StatementError) and error.statement:
        lines.append(f"Statement: {error.statement}")
    lines.append("".join(traceback.format_list(traceback.extract_tb(error.__traceback__))))
    current_app.logger.error("\n".join(lines).rstrip())


def error_response(status: int, title: str, advice: str):
    number = g.get("error_id") if status >= 500 else None
    if wants_fragment():
        # A part of a page asked for this: say it in the status region, leave the page alone.
        said = f"{title}. {advice}" + (f" Error number: {number}" if number else "")
        response = make_response(said, status)
        response.headers["HX-Retarget"] = "#status"
        response.headers["HX-Reswap"] = "innerHTML"
        response.mimetype = "text/plain"
        return response
    page = render_template(
        "errors/error.html", status=status, title=title, advice=advice, number=number
    )
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
        log_error(error, "The database is not working")
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
        g.refusal = "form check failed"  # written to the audit log (app/refusals.py)
        return error_response(400, *CSRF_MESSAGE)

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        # An error outside a view (saving at the end of a request) arrives as a 500 that
        # carries the original error.
        original = getattr(error, "original_exception", None)
        if original is not None and (page := database_error_response(original)) is not None:
            return page
        code = error.code or 500
        if code == 413:  # the body is too big to read: draw the page as if none was sent
            request.form = request.parameter_storage_class()
        title, advice = MESSAGES.get(code, MESSAGES[400 if code < 500 else 500])
        return error_response(code, title, advice)

    @app.errorhandler(Exception)
    def server_error(error):
        db.session.rollback()
        log_error(error, "Unhandled error")
        return error_response(500, *MESSAGES[500])

    def log_exception(exc_info) -> None:
        """Flask's own log of an error outside a view (saving at the end of a request)."""
        if has_request_context():
            log_error(exc_info[1], "Unhandled error")

    app.log_exception = log_exception  # Flask's version logs the error's message
