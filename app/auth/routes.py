"""Sign in (password, then a new password or a two-step code when needed), sign out, own account.

Between the password and the last step the person is "pending": the Flask session holds
their id for ten minutes, and nothing else is open to them until a real session starts.
"""

from __future__ import annotations

import time

from flask import (
    abort,
    g,
    make_response,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_login import current_user

from app import audit
from app.access import public, requires
from app.auth import accounts, attempts, bp, sessions, signed_out, two_step_codes
from app.auth.forms import (
    ChangePasswordForm,
    CodeForm,
    NewPasswordForm,
    RecoveryCodeForm,
    SignInForm,
)
from app.auth.passwords import check_password, suggest_password
from app.core.messages import saved
from app.core.people import me, user_by_id
from app.local_paths import safe_local_path
from app.models import User

PENDING_SECONDS = 600
SIGN_IN_FAILED = "The username or password is not right. Check them and try again."
LOCKED = "Too many wrong tries. The account is locked for now."
NOT_THE_SAME_AGAIN = "Choose a new password, not the one you have now"


def _count_try(username: str) -> None:
    """Count one try at a sign-in step, or the plain 429 page when there were too many."""
    if not attempts.count_try(username, address=request.remote_addr):
        abort(429)


def _pending_user() -> User | None:
    user_id, since = session.get("pending_user"), session.get("pending_since", 0)
    if not user_id or time.time() - since > PENDING_SECONDS:
        return None
    user = user_by_id(user_id)
    return user if user is not None and user.active else None


def _password_first(user: User | None):
    """A one-time password is changed before anything else, two-step set-up too."""
    if user is not None and user.must_change_password:
        return redirect(url_for("auth.first_password"), 303)
    return None


def _locked_page():
    """The plain locked message, the same one wrong passwords lead to."""
    return render_template("auth/sign_in.html", form=SignInForm(), failed=True, message=LOCKED)


def _next_step(user: User):
    """Send a person who has given the right password to whatever step is left."""
    if user.must_change_password:
        return redirect(url_for("auth.first_password"), 303)
    if accounts.needs_two_step(user):
        step = "auth.two_step" if user.two_step_ready else "auth.two_step_setup"
        return redirect(url_for(step), 303)
    return _finish(user)


def _finish(user: User):
    if (first := _password_first(user)) is not None:
        return first
    next_url = safe_local_path(session.get("pending_next"))
    sessions.start_session(user)
    return redirect(next_url or url_for("home.index"), 303)


def _finish_showing_codes(user: User, codes: list[str]):
    """Start the session and show the recovery codes once, in this response only."""
    sessions.start_session(user)
    return render_template("auth/recovery_codes.html", codes=codes)


@bp.route("/sign-in", methods=["GET", "POST"])
@public
def sign_in():
    if current_user.is_authenticated:
        # Still signed in (another tab kept the session alive): go where they were going.
        return redirect(safe_local_path(request.args.get("next")) or url_for("home.index"))
    why = signed_out.take() if request.method == "GET" else None
    if request.method == "POST":
        _count_try(request.form.get("username", ""))
    form = SignInForm()
    failed = False
    if form.validate_on_submit():
        user = accounts.check_sign_in(form.username.data, form.password.data)
        if user is not None:
            next_url = safe_local_path(request.args.get("next"))
            session.clear()  # a new session for every sign-in
            session.update(pending_user=user.id, pending_since=time.time(), pending_next=next_url)
            return _next_step(user)
        failed = True
    return render_template(
        "auth/sign_in.html", form=form, failed=failed, message=SIGN_IN_FAILED, why=why
    )


@bp.route("/sign-in/new-password", methods=["GET", "POST"])
@public
def first_password():
    user = _pending_user()
    if user is None or not user.must_change_password:
        return redirect(url_for("auth.sign_in"))
    form = NewPasswordForm(username=user.username)
    if form.validate_on_submit():
        if check_password(user.password_hash, form.password.data):
            form.password.errors.append(NOT_THE_SAME_AGAIN)
        else:
            accounts.set_password(user, form.password.data, must_change=False, by=user)
            return _next_step(user)
    return render_template(
        "auth/first_password.html", form=form, suggestion=suggest_password(), user=user
    )


@bp.route("/sign-in/set-up-two-step", methods=["GET", "POST"])
@public
def two_step_setup():
    user = _pending_user()
    if (first := _password_first(user)) is not None:
        return first
    if user is None or user.two_step_ready or not accounts.needs_two_step(user):
        return redirect(url_for("auth.sign_in"))
    secret = session.get("pending_secret") or two_step_codes.new_totp_secret()
    session["pending_secret"] = secret
    form = CodeForm()
    if form.validate_on_submit():
        if two_step_codes.verify_totp(user, form.code.data, secret=secret):
            return _finish_showing_codes(user, two_step_codes.confirm_totp(user, secret))
        form.code.errors.append(
            "That code did not work. Check the time on your phone and try again"
        )
    return render_template(
        "auth/two_step_setup.html",
        form=form,
        secret=secret,
        qr_svg=two_step_codes.totp_qr_svg(user, secret),
    )


def _code_step(form, code_is_right, template: str, wrong: str):
    """The last step of signing in with a phone code or a recovery code: the same counting,
    locking and refusal log for both."""
    user = _pending_user()
    if (first := _password_first(user)) is not None:
        return first
    if user is None or not user.two_step_ready:
        return redirect(url_for("auth.sign_in"))
    if request.method == "POST":
        _count_try(user.username)
    if form.validate_on_submit():
        if accounts.is_locked(user):
            return _locked_page()
        if code_is_right(user, form.code.data):
            return _finish(user)
        accounts.count_failure(user, action="sign_in.two_step_failed")
        audit.record_refusal("two-step code wrong", user=user)
        if accounts.is_locked(user):
            return _locked_page()
        form.code.errors.append(wrong)
    return render_template(template, form=form)


@bp.route("/sign-in/two-step", methods=["GET", "POST"])
@public
def two_step():
    return _code_step(
        CodeForm(),
        two_step_codes.verify_totp,
        "auth/two_step.html",
        "That code did not work. Wait for a new code and try again",
    )


@bp.route("/sign-in/recovery-code", methods=["GET", "POST"])
@public
def recovery_code():
    return _code_step(
        RecoveryCodeForm(),
        two_step_codes.use_recovery_code,
        "auth/recovery_code.html",
        "That recovery code did not work. Check it and try again",
    )


def _signed_out_response(message: str):
    sessions.sign_out()
    saved(message)
    response = make_response(redirect(url_for("auth.sign_in"), 303))
    # The next person at a shared desk must not find this person's pages in the browser.
    response.headers["Clear-Site-Data"] = '"cache", "storage"'
    return response


@bp.route("/sign-out", methods=["POST"])
@public
def sign_out():
    """POST only, with the CSRF token: a link or an image on another page cannot sign anyone out."""
    return _signed_out_response("You are signed out.")


@bp.route("/switch-user", methods=["POST"])
@public
def switch_user():
    return _signed_out_response("Signed out. The next person can sign in now.")


@bp.route("/account/still-here", methods=["POST"])
@requires("signed_in")
def still_here():
    """The warning's button, and the page's ping while someone types, taps or scrolls."""
    sessions.touch(g.user_session)
    return "", 204


@bp.route("/account/timed-out", methods=["POST"])
@requires("signed_in")
def timed_out():
    """The page's clock ran out and it kept what the person typed: end the session now.
    No Clear-Site-Data here: the page's copy of their words waits for the same person."""
    sessions.time_out(g.user_session)
    return "", 204


@bp.after_app_request
def tell_the_page_its_time(response):
    """Every answer to a signed-in request says how long is left, so the page's clock
    starts again from the server's (app.js reads it after htmx requests and pings)."""
    left = sessions.seconds_left_now()
    if left is not None:
        response.headers["X-Session-Seconds-Left"] = str(left)
    return response


@bp.app_context_processor
def session_band():
    """Words and times for the session part of base.html (the warning band)."""
    row = g.get("user_session") if current_user.is_authenticated else None
    if row is None:
        return {"session_band": None}
    idle = sessions.idle_limit(row.user)
    idle_seconds = int(idle.total_seconds())
    idle_minutes = max(1, round(idle_seconds / 60))
    limit_minutes = max(1, round(sessions.absolute_limit().total_seconds() / 60))
    # Two minutes before the end; half the time when the idle time is that short.
    warn_seconds = 120 if idle_seconds > 120 else idle_seconds // 2
    return {
        "session_band": {
            "limit_seconds_left": sessions.seconds_to_limit(row),
            "warn_seconds": warn_seconds,
            "warn_words": _in_words(warn_seconds),
            "back_idle": signed_out.back_in_form_words("idle", idle_minutes, limit_minutes),
            "back_limit": signed_out.back_in_form_words("time limit", idle_minutes, limit_minutes),
        }
    }


def _in_words(seconds: int) -> str:
    if seconds >= 60 and seconds % 60 == 0:
        return signed_out.duration_words(seconds // 60)
    return f"{seconds} seconds"


@bp.route("/account", methods=["GET", "POST"])
@requires("signed_in")
def account():
    user = me()
    form = ChangePasswordForm(username=user.username)
    if form.validate_on_submit():
        if not check_password(user.password_hash, form.current.data):
            form.current.errors.append("Your password now is not right")
        elif form.password.data == form.current.data:
            form.password.errors.append(NOT_THE_SAME_AGAIN)
        else:
            accounts.set_password(user, form.password.data, must_change=False, by=user)
            sessions.start_session(user)  # the change ended every session, this one too
            saved("Your password is changed. You are signed out everywhere else.")
            return redirect(url_for("auth.account"), 303)
    return render_template("auth/account.html", form=form, suggestion=suggest_password())


@bp.route("/account/sign-out-everywhere", methods=["POST"])
@requires("signed_in")
def sign_out_everywhere():
    sessions.end_all_sessions(me(), reason="signed out everywhere")
    return _signed_out_response("You are signed out on every screen.")
