"""Server-side sessions: one row per sign-in, ended when idle, too old, signed out or when
the account changes. The cookie holds a random token; the database only its hash."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from flask import current_app, session
from sqlalchemy import select

from app import audit, clock
from app.access import CLIENT_ROLES
from app.extensions import db
from app.models import User, UserSession

SESSION_KEY = "sid"


def token_hash(token: str) -> str:
    """A token or code kept one way: the database never holds the token itself."""
    return hashlib.sha256(token.encode()).hexdigest()


def start_session(user: User) -> str:
    """A fresh session for a person who has proved who they are. Returns the cookie token."""
    session.clear()  # never carry anything over from before sign-in
    token = secrets.token_urlsafe(32)
    now = clock.now()
    db.session.add(UserSession(token_hash=token_hash(token), user_id=user.id, last_seen_at=now))
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
    row = db.session.scalar(select(UserSession).where(UserSession.token_hash == token_hash(token)))
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
