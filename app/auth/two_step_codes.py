"""Two-step codes: the authenticator app's six-digit codes (each used once) and the ten
recovery codes shown once at set-up."""

from __future__ import annotations

import re
import secrets
from datetime import timedelta

import pyotp
import segno
from flask import current_app
from markupsafe import Markup
from sqlalchemy import or_, update

from app import audit, clock, locking
from app.auth.sessions import token_hash
from app.extensions import db
from app.models import User

NOT_A_DIGIT = re.compile(r"[^0-9]")  # ASCII digits only: "²".isdigit() is true


def digits_of(code: str) -> str:
    """The ASCII digits someone typed ("123 456" -> "123456")."""
    return NOT_A_DIGIT.sub("", code or "")


def new_totp_secret() -> str:
    return pyotp.random_base32()


def totp_qr_svg(user: User, secret: str) -> Markup:
    """The set-up picture, drawn by segno from our own data (no user text goes in it)."""
    uri = pyotp.TOTP(secret).provisioning_uri(
        name=user.username, issuer_name=current_app.config["ORGANISATION_NAME"]
    )
    svg = segno.make(uri, error="m").svg_inline(scale=5, dark="#000", light="#fff")
    return Markup(svg)  # noqa: S704  (drawn by segno from our own data)


def verify_totp(user: User, code: str, *, secret: str | None = None) -> bool:
    """A current six-digit code, not one used before (by this request or any other)."""
    secret = secret or user.totp_secret
    code = digits_of(code)
    if not secret or len(code) != 6:
        return False
    totp = pyotp.TOTP(secret)
    now = clock.now()
    for drift in (0, -1, 1):
        moment = now + timedelta(seconds=30 * drift)
        if totp.verify(code, for_time=moment, valid_window=0):
            return _use_time_step(user, totp.timecode(moment))
    return False


def _use_time_step(user: User, step: int) -> bool:
    """Mark a code's time step as used, in one conditional UPDATE.

    Reading the last step and then writing it would let two requests with the same code at
    the same moment both see it unused. Here the database decides: the second UPDATE waits
    for the first to commit, then finds the step used and changes no row.
    """
    result = db.session.execute(
        update(User)
        .where(
            User.id == user.id,
            or_(User.totp_last_step.is_(None), User.totp_last_step < step),
        )
        .values(totp_last_step=step)
        .execution_options(synchronize_session=False)
    )
    db.session.expire(user, ["totp_last_step"])
    return result.rowcount == 1


def confirm_totp(user: User, secret: str) -> list[str]:
    """Keep the new secret and make ten recovery codes, shown once."""
    user.totp_secret = secret
    user.totp_confirmed_at = clock.now()
    codes = [f"{secrets.randbelow(10**5):05d}-{secrets.randbelow(10**5):05d}" for _ in range(10)]
    user.recovery_code_hashes = [token_hash(code) for code in codes]
    audit.record("account.two_step_set_up", record=user, user=user)
    return codes


def use_recovery_code(user: User, code: str) -> bool:
    digits = digits_of(code)
    wanted = token_hash(f"{digits[:5]}-{digits[5:]}")
    if wanted not in user.recovery_code_hashes:
        return False
    user.recovery_code_hashes = [h for h in user.recovery_code_hashes if h != wanted]
    # A new version: of two requests with the same code at once, the second saves nothing
    # (StaleDataError, the plain 409 page) instead of starting a second session.
    locking.bump(user)
    audit.record("sign_in.recovery_code_used", record=user, user=user)
    return True
