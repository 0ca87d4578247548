"""Staff accounts: making one, its password, role, lock and two-step reset, and checking a
sign-in (wrong tries are counted on the account, the fifth locks it).

Sessions are in sessions.py, two-step codes in two_step.py.
"""

from __future__ import annotations

from datetime import timedelta

from flask import current_app
from sqlalchemy import func, select, update

from app import audit, clock
from app.access import MANAGER, ROLES
from app.auth.file_openers import opens_client_files
from app.auth.passwords import check_password, hash_password
from app.auth.sessions import end_all_sessions
from app.extensions import db
from app.models import User


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
    return opens_client_files(user)


def sign_in_again_with_two_steps(user: User) -> None:
    """A trainee or student just added to their first care team: end their sessions, so they
    sign in again with the phone code before they open the file (a session they started with
    a password alone does not open a file)."""
    end_all_sessions(user, reason="care team")


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
    if role != old:
        # Their screens showed what the old role may do: they sign in again and are told why.
        end_all_sessions(user, reason="role changed")
    audit.record("account.role_changed", record=user, user=by, detail={"from": old, "to": role})


def disable_user(user: User, *, by: User | None) -> None:
    user.active = False
    end_all_sessions(user, reason="account stopped")
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
