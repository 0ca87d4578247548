"""Server-side sessions: one row per sign-in, ended when idle, too old, signed out or when
the account changes. The cookie holds a random token; the database only its hash."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from flask import current_app, g, has_request_context, request, session
from sqlalchemy import select

from app import audit, clock
from app.auth import signed_out
from app.auth.file_openers import opens_client_files
from app.extensions import db
from app.models import User, UserSession

SESSION_KEY = "sid"
# Sent by a page that asks the server on its own, with nobody touching it (hx-headers).
BACKGROUND_HEADER = "X-Peerdesk-Refresh"


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
    key = "IDLE_MINUTES_CLIENT_ROLES" if opens_client_files(user) else "IDLE_MINUTES_OTHER_ROLES"
    return timedelta(minutes=config[key])


def absolute_limit() -> timedelta:
    return timedelta(minutes=current_app.config["ABSOLUTE_SESSION_MINUTES"])


def _minutes(span: timedelta) -> int:
    return max(1, round(span.total_seconds() / 60))


def _ended_here(row: UserSession) -> None:
    """The browser's session is over: forget its token and keep why for the sign-in page."""
    session.pop(SESSION_KEY, None)
    signed_out.remember(
        row.ended_reason or "",
        idle=_minutes(idle_limit(row.user)),
        limit=_minutes(absolute_limit()),
    )


def current_session() -> UserSession | None:
    """The live session named by the cookie, ended here when it is idle or too old."""
    token = session.get(SESSION_KEY)
    if not token:
        return None
    row = db.session.scalar(select(UserSession).where(UserSession.token_hash == token_hash(token)))
    if row is None:
        session.pop(SESSION_KEY, None)
        return None
    if row.ended_at is not None:  # ended elsewhere: a manager changed the role, another screen
        _ended_here(row)
        return None
    user = row.user
    now = clock.now()
    if not user.active:
        reason = "account stopped"
    elif now - row.created_at > absolute_limit():
        reason = "time limit"
    elif now - row.last_seen_at > idle_limit(user):
        reason = "idle"
    else:
        reason = None
    if reason:
        end_session(row, reason=reason)
        db.session.commit()
        _ended_here(row)
        return None
    # Write the time seen at most every 20 seconds, not on every request.
    # A page refreshing itself (the day screen's totals every 5 seconds) is not a person
    # doing something: it must not keep an unattended screen signed in.
    background = request.headers.get(BACKGROUND_HEADER) == "1"
    if now - row.last_seen_at > timedelta(seconds=20) and not background:
        row.last_seen_at = now
    _note_end(row)
    return row


def _note_end(row: UserSession) -> None:
    """When this session ends if nothing more happens, kept for the response's header (read
    after the commit, when the row itself would have to be loaded again)."""
    g.session_ends_at = min(
        row.last_seen_at + idle_limit(row.user), row.created_at + absolute_limit()
    )


def seconds_left_now() -> int | None:
    """Seconds left for the session behind this request, or None when there is none."""
    ends = g.get("session_ends_at")
    return None if ends is None else max(0, int((ends - clock.now()).total_seconds()))


def seconds_left(row: UserSession) -> int:
    """Seconds until this session times out if the person does nothing."""
    ends = min(row.last_seen_at + idle_limit(row.user), row.created_at + absolute_limit())
    return max(0, int((ends - clock.now()).total_seconds()))


def seconds_to_limit(row: UserSession) -> int:
    """Seconds until the absolute limit, however busy the person is."""
    return max(0, int((row.created_at + absolute_limit() - clock.now()).total_seconds()))


def time_out(row: UserSession) -> str:
    """The page saw its time run out and kept the person's words: end the session now, with
    the reason the page's clock had (the absolute limit when it is this close, else idle)."""
    reason = "time limit" if seconds_to_limit(row) <= 60 else "idle"
    end_session(row, reason=reason)
    _ended_here(row)
    return reason


def touch(row: UserSession) -> None:
    row.last_seen_at = clock.now()
    _note_end(row)


def end_session(row: UserSession, *, reason: str) -> None:
    if row.ended_at is None:
        row.ended_at = clock.now()
        row.ended_reason = reason
        audit.record("sign_out", record=row.user, user=row.user, detail={"reason": reason})
        if has_request_context() and g.get("user_session") is row:
            g.session_ends_at = None  # no time left to tell the page about


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
