"""What other areas may use of sign-in and accounts: making and changing staff accounts,
passwords, the live session and its timeout.

Everything else in app/auth is private to it (import-linter checks this, `make lint`).
"""

from __future__ import annotations

from app.auth.accounts import (
    create_user,
    disable_user,
    enable_user,
    get_user_by_username,
    is_last_manager,
    is_locked,
    reset_two_step,
    set_password,
    set_role,
    sign_in_again_with_two_steps,
    unlock_user,
)
from app.auth.demo import demo_totp_secret
from app.auth.experience import CorrectTagsForm, correct_tags, tag_words
from app.auth.file_openers import opens_client_files
from app.auth.passwords import hash_password, one_time_password, password_problem
from app.auth.sessions import current_session, idle_limit, seconds_left

__all__ = [
    "CorrectTagsForm",  # admin (experience): the manager corrects a worker's tags
    "correct_tags",  # admin (experience): put a worker's list of tags right (audited)
    "tag_words",  # admin (experience): the words of the tags a worker shares
    "create_user",  # admin (routes), cli (first-run, add-user): a new staff account
    "current_session",  # app/__init__.py: the live session behind the request, or None
    "demo_totp_secret",  # cli (demo-code): the demo accounts' authenticator secret
    "disable_user",  # admin (routes), cli: may no longer sign in (ends sessions: "account stopped")
    "enable_user",  # admin (routes): an account that may sign in again
    "get_user_by_username",  # admin (forms), cli: an account by its username, any case
    "hash_password",  # scale (staff.py): one hash for many made-up staff
    "idle_limit",  # templating (session_clock): how long a person may do nothing
    "is_last_manager",  # admin (routes), cli: the one manager left may not be disabled
    "is_locked",  # admin (routes): locked after too many wrong tries
    "sign_in_again_with_two_steps",  # clients (care team): a learner's first team: two steps
    "opens_client_files",  # clients (care team): is this person asked for two steps already
    "one_time_password",  # admin (routes), cli: a password to give someone, changed at sign-in
    "password_problem",  # cli: why a chosen password will not do, or None
    "reset_two_step",  # admin (routes): the person sets up their authenticator again
    "seconds_left",  # templating (session_clock): before the session times out
    "set_password",  # admin (routes), cli: a new password (ends the person's sessions)
    "set_role",  # admin, training (front desk role): a new role (ends sessions: "role changed")
    "unlock_user",  # admin (routes), cli: let a locked account try again
]
