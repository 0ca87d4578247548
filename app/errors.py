"""Error pages in plain words, each with a way home."""

from __future__ import annotations

from flask import Flask, make_response, render_template
from flask_wtf.csrf import CSRFError
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


def init_app(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def csrf_failed(error):
        return error_response(400, *CSRF_MESSAGE)

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        code = error.code or 500
        title, advice = MESSAGES.get(code, MESSAGES[400 if code < 500 else 500])
        return error_response(code, title, advice)

    @app.errorhandler(Exception)
    def server_error(error):
        db.session.rollback()
        app.logger.exception("Unhandled error")
        return error_response(500, *MESSAGES[500])
