"""Sign-in rate limits, counted in the database so every app server and worker shares one count.

A limit kept in each worker's memory lets two workers through twice as many tries. Each try at
a sign-in step (password, phone code, recovery code) is a row in `sign_in_attempt`; the tries
in the last window are counted per address and per account. Rows older than the longest
window are removed as new ones come in, so the table stays small without a job to run.
"""

from __future__ import annotations

from datetime import timedelta

import limits
from flask import current_app
from sqlalchemy import delete, func, select

from app import clock
from app.extensions import db
from app.models import SignInAttempt


def _limit(setting: str) -> tuple[int, timedelta]:
    """A setting like "60 per minute" as (60, one minute)."""
    item = limits.parse(current_app.config[setting])
    return item.amount, timedelta(seconds=item.get_expiry())


def _tries_since(column, value: str, since) -> int:
    return db.session.scalar(select(func.count()).where(column == value, SignInAttempt.at > since))


def count_try(username: str, *, address: str | None) -> bool:
    """Count one try at a sign-in step from `address`; False when there were too many tries
    (the view then shows the plain 429 page).

    A refused try is not counted, so waiting out the window is always enough.
    """
    now = clock.now()
    address = (address or "unknown")[:64]
    username = (username or "").strip().lower()[:40]
    per_address, address_window = _limit("SIGN_IN_RATE_LIMIT")
    per_account, account_window = _limit("SIGN_IN_ACCOUNT_RATE_LIMIT")
    longest = max(address_window, account_window)
    db.session.execute(delete(SignInAttempt).where(SignInAttempt.at < now - longest))
    if _tries_since(SignInAttempt.address, address, now - address_window) >= per_address:
        return False
    if username and _tries_since(SignInAttempt.username, username, now - account_window) >= (
        per_account
    ):
        return False
    db.session.add(SignInAttempt(address=address, username=username, at=now))
    db.session.flush()
    return True
