"""Factories: make rows for a test in a few words. Each area adds a module beside this one."""

from __future__ import annotations

import itertools

from sqlalchemy import select

from app.auth.passwords import hash_password
from app.models import User

_numbers = itertools.count(1)
PASSWORD = "a long test password"
_PASSWORD_HASH = hash_password(PASSWORD)  # hashing is slow on purpose: do it once
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def make_user(session, role: str = "worker", **fields) -> User:
    number = next(_numbers)
    # The demo data has names like worker2 too: skip any name already taken.
    while "username" not in fields and session.scalar(
        select(User.id).where(User.username == f"{role}{number}")
    ):
        number = next(_numbers)
    user = User(
        username=fields.pop("username", f"{role}{number}"),
        display_name=fields.pop("display_name", f"Test {role.title()} {number}"),
        role=role,
        password_hash=_PASSWORD_HASH,
        **fields,
    )
    # Learners too: they are asked for the code only while on a care team (issue 15).
    if (
        role in {"worker", "senior", "manager", "trainee", "student"}
        and "totp_secret" not in fields
    ):
        from app import clock

        user.totp_secret = TOTP_SECRET
        user.totp_confirmed_at = clock.now()
    session.add(user)
    session.commit()
    return user
