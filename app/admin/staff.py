"""Staff accounts as the manager lists, picks and changes them: the accounts page, a change of
name or role, and "who did it" in the audit log's filter. (Passwords, sign-in and the rules
for roles are the auth area's job.)"""

from __future__ import annotations

from sqlalchemy import select

from app import audit, locking
from app.auth import public as auth
from app.core.saving import Refused
from app.extensions import db
from app.models import User
from app.pages import Page, paginate


def list_users(page: int) -> Page:
    query = select(User).order_by(User.active.desc(), User.display_name)
    return paginate(query, number=page)


def staff_choices() -> list[tuple[str, str]]:
    """Everyone who has an account, by name (a turned-off account says so)."""
    people = db.session.scalars(select(User).order_by(User.display_name, User.id))
    return [("", "Anyone")] + [
        (str(u.id), u.display_name + ("" if u.active else " (account turned off)")) for u in people
    ]


LAST_MANAGER = "This is the last manager. Make someone else a manager first"


def change_account(person: User, *, display_name: str, role: str, by: User) -> None:
    """A new name or role for an account; the last manager stays a manager."""
    if role != person.role:
        if auth.is_last_manager(person):
            raise Refused(LAST_MANAGER)
        auth.set_role(person, role, by=by)
    person.display_name = display_name
    locking.bump(person)
    audit.record("account.changed", record=person)
