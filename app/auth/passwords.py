"""Passwords: long rather than clever, hashed with Argon2id, never a common one."""

from __future__ import annotations

import secrets
from functools import cache
from importlib import resources

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

MIN_LENGTH = 12
_hasher = PasswordHasher()  # argon2-cffi defaults: Argon2id
# Checked against when the username is unknown, so a wrong name takes as long as a wrong password.
_DUMMY_HASH = _hasher.hash("not a real password at all")


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def check_password(password_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


@cache
def _lines(name: str) -> tuple[str, ...]:
    text = resources.files("app.data").joinpath(name).read_text()
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def is_common(password: str) -> bool:
    return password.lower() in set(_lines("common-passwords.txt"))


def password_problem(password: str, *, username: str = "") -> str | None:
    """What is wrong with a new password, in plain words, or None when it is fine."""
    if len(password) < MIN_LENGTH:
        return f"Use at least {MIN_LENGTH} letters, numbers or spaces"
    if len(password) > 200:
        return "Use 200 letters or fewer"
    if is_common(password) or len(set(password)) < 4:
        return "That password is too easy to guess. Try three words you will remember"
    if username and username.lower() in password.lower():
        return "Do not put your username in your password"
    return None


def suggest_password() -> str:
    """Three random plain words, easy to remember and hard to guess."""
    words = _lines("plain-words.txt")
    return " ".join(secrets.choice(words) for _ in range(3))


def one_time_password() -> str:
    """A password for someone to use once and then change."""
    return "-".join(secrets.choice(_lines("plain-words.txt")) for _ in range(4))
