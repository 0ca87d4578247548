"""Sign in (password, then a new password or a two-step code when needed), sign out, own account.

Between the password and the last step the person is "pending": the Flask session holds
their id for ten minutes, and nothing else is open to them until a real session starts.
"""

from __future__ import annotations

import time

from flask import (
    flash,
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
from app.auth import attempts, bp, service
from app.auth.forms import (
    ChangePasswordForm,
    CodeForm,
    NewPasswordForm,
    RecoveryCodeForm,
    SignInForm,
)
from app.auth.passwords import check_password, suggest_password
from app.extensions import db
from app.local_paths import safe_local_path
from app.models import User

PENDING_SECONDS = 600
SIGN_IN_FAILED = "The username or password is not right. Check them and try again."
LOCKED = "Too many wrong tries. The account is locked for now."
NOT_THE_SAME_AGAIN = "Choose a new password, not the one you have now"


def _pending_user() -> User | None:
    user_id, since = session.get("pending_user"), session.get("pending_since", 0)
    if not user_id or time.time() - since > PENDING_SECONDS:
        return None
    user = db.session.get(User, user_id)
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
    if service.needs_two_step(user):
        step = "auth.two_step" if user.two_step_ready else "auth.two_step_setup"
        return redirect(url_for(step), 303)
    return _finish(user)


def _finish(user: User):
    if (first := _password_first(user)) is not None:
        return first
    next_url = safe_local_path(session.get("pending_next"))
    service.start_session(user)
    return redirect(next_url or url_for("home.index"), 303)


def _finish_showing_codes(user: User, codes: list[str]):
    """Start the session and show the recovery codes once, in this response only."""
    service.start_session(user)
    return render_template("auth/recovery_codes.html", codes=codes)


@bp.route("/sign-in", methods=["GET", "POST"])
@public
def sign_in():
    if current_user.is_authenticated:
        return redirect(url_for("home.index"))
    if request.method == "POST":
        attempts.count_try(request.form.get("username", ""))
    form = SignInForm()
    failed = False
    if form.validate_on_submit():
        user = service.check_sign_in(form.username.data, form.password.data)
        if user is not None:
            next_url = safe_local_path(request.args.get("next"))
            session.clear()  # a new session for every sign-in
            session.update(pending_user=user.id, pending_since=time.time(), pending_next=next_url)
            return _next_step(user)
        failed = True
    return render_template("auth/sign_in.html", form=form, failed=failed, message=SIGN_IN_FAILED)


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
            service.set_password(user, form.password.data, must_change=False, by=user)
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
    if user is None or user.two_step_ready or not service.needs_two_step(user):
        return redirect(url_for("auth.sign_in"))
    secret = session.get("pending_secret") or service.new_totp_secret()
    session["pending_secret"] = secret
    form = CodeForm()
    if form.validate_on_submit():
        if service.verify_totp(user, form.code.data, secret=secret):
            return _finish_showing_codes(user, service.confirm_totp(user, secret))
        form.code.errors.append(
            "That code did not work. Check the time on your phone and try again"
        )
    return render_template(
        "auth/two_step_setup.html",
        form=form,
        secret=secret,
        qr_svg=service.totp_qr_svg(user, secret),
    )


@bp.route("/sign-in/two-step", methods=["GET", "POST"])
@public
def two_step():
    user = _pending_user()
    if (first := _password_first(user)) is not None:
        return first
    if user is None or not user.two_step_ready:
        return redirect(url_for("auth.sign_in"))
    if request.method == "POST":
        attempts.count_try(user.username)
    form = CodeForm()
    if form.validate_on_submit():
        if service.is_locked(user):
            return _locked_page()
        if service.verify_totp(user, form.code.data):
            return _finish(user)
        service.count_failure(user, action="sign_in.two_step_failed")
        audit.record_refusal("two-step code wrong", user=user)
        if service.is_locked(user):
            return _locked_page()
        form.code.errors.append("That code did not work. Wait for a new code and try again")
    return render_template("auth/two_step.html", form=form)


@bp.route("/sign-in/recovery-code", methods=["GET", "POST"])
@public
def recovery_code():
    user = _pending_user()
    if (first := _password_first(user)) is not None:
        return first
    if user is None or not user.two_step_ready:
        return redirect(url_for("auth.sign_in"))
    if request.method == "POST":
        attempts.count_try(user.username)
    form = RecoveryCodeForm()
    if form.validate_on_submit():
        if service.is_locked(user):
            return _locked_page()
        if service.use_recovery_code(user, form.code.data):
            return _finish(user)
        service.count_failure(user, action="sign_in.two_step_failed")
        audit.record_refusal("two-step code wrong", user=user)
        if service.is_locked(user):
            return _locked_page()
        form.code.errors.append("That recovery code did not work. Check it and try again")
    return render_template("auth/recovery_code.html", form=form)


def _signed_out_response(message: str):
    service.sign_out()
    flash(message)
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
    service.touch(g.user_session)
    return "", 204


@bp.route("/account", methods=["GET", "POST"])
@requires("signed_in")
def account():
    form = ChangePasswordForm(username=current_user.username)
    if form.validate_on_submit():
        if not check_password(current_user.password_hash, form.current.data):
            form.current.errors.append("Your password now is not right")
        elif form.password.data == form.current.data:
            form.password.errors.append(NOT_THE_SAME_AGAIN)
        else:
            user = current_user._get_current_object()
            service.set_password(user, form.password.data, must_change=False, by=user)
            service.start_session(user)  # the change ended every session, this one too
            flash("Your password is changed. You are signed out everywhere else.")
            return redirect(url_for("auth.account"), 303)
    return render_template("auth/account.html", form=form, suggestion=suggest_password())


@bp.route("/account/sign-out-everywhere", methods=["POST"])
@requires("signed_in")
def sign_out_everywhere():
    service.end_all_sessions(current_user._get_current_object(), reason="signed out everywhere")
    return _signed_out_response("You are signed out on every screen.")
