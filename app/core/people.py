"""The person signed in, and staff looked up by id: one way for every area."""

from __future__ import annotations

from collections.abc import Iterable

from flask import has_request_context
from flask_login import current_user
from sqlalchemy import ColumnElement, and_, select

from app.extensions import db
from app.models import User

# The account `flask first-run` makes ("First manager"): it sets the service up and makes the
# real accounts. It holds no caseload and goes to no appointment, so no list of workers offers it.
SET_UP_USERNAME = "admin"


def is_set_up_account(user: User | None) -> bool:
    return user is not None and user.username == SET_UP_USERNAME


def works_with_people(*roles: str) -> ColumnElement[bool]:
    """The one filter for "staff a person can be given to, or who can go with them": active,
    in one of `roles`, and never the set-up account."""
    return and_(User.active.is_(True), User.role.in_(roles), User.username != SET_UP_USERNAME)


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
