"""The person signed in, and staff looked up by id: one way for every area."""

from __future__ import annotations

from collections.abc import Iterable

from flask import has_request_context
from flask_login import current_user
from sqlalchemy import select

from app.extensions import db
from app.models import User


def me() -> User:
    """The signed-in person as the real User row (not Flask-Login's proxy), to store or compare."""
    return current_user._get_current_object()


def acting_user() -> User | None:
    """Who is doing this, for "who did it" columns (the audit log, the timeline): the person
    signed in, or None outside a request (a command) or before sign-in."""
    if has_request_context() and current_user.is_authenticated:
        return current_user._get_current_object()
    return None


def user_by_id(user_id: int | None) -> User | None:
    return db.session.get(User, user_id) if user_id else None


def users_by_id(ids: Iterable[int | None]) -> dict[int, User]:
    """{id: User} for every id given, in one query (for a page that names many people)."""
    wanted = {i for i in ids if i}
    if not wanted:
        return {}
    return {u.id: u for u in db.session.scalars(select(User).where(User.id.in_(wanted)))}
