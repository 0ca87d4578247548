"""Signing in and out: accounts, failed attempts, two-step codes and server-side sessions."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

import pyotp
import segno
from flask import current_app, session
from markupsafe import Markup
from sqlalchemy import func, or_, select, update

from app import audit, clock, locking
from app.access import CLIENT_ROLES, MANAGER, ROLES
from app.auth.passwords import check_password, hash_password
from app.extensions import db
from app.models import User, UserSession

SESSION_KEY = "sid"


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


# --- accounts ---------------------------------------------------------------------------


def get_user_by_username(username: str) -> User | None:
    return db.session.scalar(select(User).where(func.lower(User.username) == username.lower()))


def create_user(
    *,
    username: str,
    display_name: str,
    role: str,
    password: str,
    must_change_password: bool = False,
    totp_secret: str | None = None,
    created_by: User | None = None,
) -> User:
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}")
    user = User(
        username=username.strip().lower(),
        display_name=display_name.strip(),
        role=role,
        password_hash=hash_password(password),
        must_change_password=must_change_password,
        password_changed_at=clock.now(),
        created_by_id=getattr(created_by, "id", None),
    )
    if totp_secret:
        user.totp_secret = totp_secret
        user.totp_confirmed_at = clock.now()
    db.session.add(user)
    db.session.flush()
    audit.record("account.created", record=user, user=created_by, detail={"role": role})
    return user


def needs_two_step(user: User) -> bool:
    """People who can open client files prove it is them twice."""
    return user.role in CLIENT_ROLES


def active_managers() -> int:
    return db.session.scalar(
        select(func.count()).where(User.role == MANAGER, User.active.is_(True))
    )


def is_last_manager(user: User) -> bool:
    return user.role == MANAGER and user.active and active_managers() <= 1


def set_password(user: User, password: str, *, must_change: bool, by: User | None) -> None:
    user.password_hash = hash_password(password)
    user.must_change_password = must_change
    user.password_changed_at = clock.now()
    user.failed_sign_ins = 0
    user.locked_until = None
    end_all_sessions(user, reason="password changed")
    audit.record("account.password_changed", record=user, user=by)


def set_role(user: User, role: str, *, by: User) -> None:
    old = user.role
    user.role = role
    if needs_two_step(user) and not user.two_step_ready:
        end_all_sessions(user, reason="role changed")
    audit.record("account.role_changed", record=user, user=by, detail={"from": old, "to": role})


def disable_user(user: User, *, by: User | None) -> None:
    user.active = False
    end_all_sessions(user, reason="account disabled")
    audit.record("account.disabled", record=user, user=by)


def enable_user(user: User, *, by: User | None) -> None:
    user.active = True
    audit.record("account.enabled", record=user, user=by)


def unlock_user(user: User, *, by: User) -> None:
    user.failed_sign_ins = 0
    user.locked_until = None
    audit.record("account.unlocked", record=user, user=by)


def reset_two_step(user: User, *, by: User) -> None:
    user.totp_secret = None
    user.totp_confirmed_at = None
    user.totp_last_step = None
    user.recovery_code_hashes = []
    end_all_sessions(user, reason="two-step reset")
    audit.record("account.two_step_reset", record=user, user=by)


# --- checking a password ----------------------------------------------------------------


def is_locked(user: User) -> bool:
    return user.locked_until is not None and user.locked_until > clock.now()


def check_sign_in(username: str, password: str) -> User | None:
    """The user when the name and password are right and the account may sign in.

    Failures are counted on the account in the database, so every app worker sees them.
    The count goes back to 0 only when the whole sign-in is done (start_session), so a right
    password does not wipe out wrong phone codes.
    """
    user = get_user_by_username(username)
    password_ok = check_password(user.password_hash if user else None, password)
    if user is None:
        audit.record("sign_in.failed", detail={"username": username[:40]})
        return None
    if not user.active or is_locked(user):
        audit.record("sign_in.refused", record=user, user=user)
        return None
    if not password_ok:
        count_failure(user)
        return None
    return user


def count_failure(user: User, *, action: str = "sign_in.failed") -> None:
    """One more wrong password, phone code or recovery code; the fifth locks the account."""
    config = current_app.config
    # One UPDATE, so two failures at the same moment both count.
    db.session.execute(
        update(User).where(User.id == user.id).values(failed_sign_ins=User.failed_sign_ins + 1)
    )
    db.session.refresh(user)
    if user.failed_sign_ins >= config["LOCKOUT_FAILURES"]:
        user.locked_until = clock.now() + timedelta(minutes=config["LOCKOUT_MINUTES"])
        user.failed_sign_ins = 0
        audit.record("account.locked", record=user, user=user)
    audit.record(action, record=user, user=user)


# --- two-step codes ---------------------------------------------------------------------


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
    code = "".join(ch for ch in code if ch.isdigit())
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
    user.recovery_code_hashes = [_hash(code) for code in codes]
    audit.record("account.two_step_set_up", record=user, user=user)
    return codes


def use_recovery_code(user: User, code: str) -> bool:
    digits = "".join(ch for ch in code if ch.isdigit())
    wanted = _hash(f"{digits[:5]}-{digits[5:]}")
    if wanted not in user.recovery_code_hashes:
        return False
    user.recovery_code_hashes = [h for h in user.recovery_code_hashes if h != wanted]
    # A new version: of two requests with the same code at once, the second saves nothing
    # (StaleDataError, the plain 409 page) instead of starting a second session.
    locking.bump(user)
    audit.record("sign_in.recovery_code_used", record=user, user=user)
    return True


# --- sessions -----------------------------------------------------------------------------


def start_session(user: User) -> str:
    """A fresh session for a person who has proved who they are. Returns the cookie token."""
    session.clear()  # never carry anything over from before sign-in
    token = secrets.token_urlsafe(32)
    now = clock.now()
    db.session.add(UserSession(token_hash=_hash(token), user_id=user.id, last_seen_at=now))
    user.last_signed_in_at = now
    user.failed_sign_ins = 0
    user.locked_until = None
    session[SESSION_KEY] = token
    audit.record("sign_in", record=user, user=user)
    return token


def idle_limit(user: User) -> timedelta:
    config = current_app.config
    key = "IDLE_MINUTES_CLIENT_ROLES" if user.role in CLIENT_ROLES else "IDLE_MINUTES_OTHER_ROLES"
    return timedelta(minutes=config[key])


def current_session() -> UserSession | None:
    """The live session named by the cookie, ended here when it is idle or too old."""
    token = session.get(SESSION_KEY)
    if not token:
        return None
    row = db.session.scalar(select(UserSession).where(UserSession.token_hash == _hash(token)))
    if row is None or row.ended_at is not None:
        return None
    user = row.user
    now = clock.now()
    too_old = now - row.created_at > timedelta(
        minutes=current_app.config["ABSOLUTE_SESSION_MINUTES"]
    )
    if not user.active:
        reason = "account disabled"
    elif too_old:
        reason = "time limit"
    elif now - row.last_seen_at > idle_limit(user):
        reason = "idle"
    else:
        reason = None
    if reason:
        end_session(row, reason=reason)
        db.session.commit()
        return None
    # Write the time seen at most every 20 seconds, not on every request.
    if now - row.last_seen_at > timedelta(seconds=20):
        row.last_seen_at = now
    return row


def seconds_left(row: UserSession) -> int:
    """Seconds until this session times out if the person does nothing."""
    ends = min(
        row.last_seen_at + idle_limit(row.user),
        row.created_at + timedelta(minutes=current_app.config["ABSOLUTE_SESSION_MINUTES"]),
    )
    return max(0, int((ends - clock.now()).total_seconds()))


def touch(row: UserSession) -> None:
    row.last_seen_at = clock.now()


def end_session(row: UserSession, *, reason: str) -> None:
    if row.ended_at is None:
        row.ended_at = clock.now()
        row.ended_reason = reason
        audit.record("sign_out", record=row.user, user=row.user, detail={"reason": reason})


def end_all_sessions(user: User, *, reason: str) -> int:
    rows = db.session.scalars(
        select(UserSession).where(UserSession.user_id == user.id, UserSession.ended_at.is_(None))
    ).all()
    for row in rows:
        end_session(row, reason=reason)
    return len(rows)


def sign_out() -> None:
    row = current_session()
    if row is not None:
        end_session(row, reason="signed out")
    session.clear()
