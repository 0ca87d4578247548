"""Settings from the environment. Everything has a safe default for a single desk PC."""

from __future__ import annotations

import os
import secrets
from pathlib import Path


def _flag(name: str) -> bool:
    return os.environ.get(name, "").lower() in {"1", "true", "yes", "on"}


def _minutes(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


def secret_key(instance_path: Path) -> str:
    """SECRET_KEY from the environment, or one made once and kept in instance/ (never in git)."""
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    key_file = instance_path / "secret_key"
    if not key_file.exists():
        instance_path.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_hex(32))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


def engine_options(url: str, busy_seconds: float) -> dict:
    """How the app talks to its database.

    pool_pre_ping tests a pooled connection before use, so the app comes back by itself
    when the database restarts. SQLite waits up to `busy_seconds` for a locked database
    (another request writing) before giving up with the plain "not working" page.
    """
    options: dict = {"pool_pre_ping": True}
    if url.startswith("sqlite"):
        options["connect_args"] = {"timeout": busy_seconds}
    return options


def load(instance_path: Path) -> dict:
    https = _flag("PEERDESK_HTTPS")
    return {
        "SECRET_KEY": secret_key(instance_path),
        "SQLALCHEMY_DATABASE_URI": os.environ.get(
            "DATABASE_URL", f"sqlite:///{instance_path / 'peerdesk.db'}"
        ),
        # Seconds SQLite waits for a locked database (see engine_options).
        "DATABASE_BUSY_SECONDS": float(os.environ.get("PEERDESK_DATABASE_BUSY_SECONDS", 5)),
        "ORGANISATION_NAME": os.environ.get("PEERDESK_ORGANISATION", "Peerdesk"),
        "HTTPS": https,
        # Cookies: HttpOnly always, SameSite=Lax, __Host- prefix and Secure behind HTTPS.
        "SESSION_COOKIE_NAME": "__Host-peerdesk" if https else "peerdesk",
        "SESSION_COOKIE_SECURE": https,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "REMEMBER_COOKIE_DURATION": 0,
        # Idle and absolute limits, in minutes.
        "IDLE_MINUTES_CLIENT_ROLES": _minutes("PEERDESK_IDLE_MINUTES_CLIENT_ROLES", 15),
        "IDLE_MINUTES_OTHER_ROLES": _minutes("PEERDESK_IDLE_MINUTES_OTHER_ROLES", 60),
        "ABSOLUTE_SESSION_MINUTES": _minutes("PEERDESK_ABSOLUTE_SESSION_MINUTES", 600),
        "LOCKOUT_FAILURES": 5,
        "LOCKOUT_MINUTES": 15,
        # A reception desk shares one address, so the per-address limit is generous.
        "SIGN_IN_RATE_LIMIT": os.environ.get("PEERDESK_SIGN_IN_RATE_LIMIT", "60 per minute"),
        "RATELIMIT_STORAGE_URI": os.environ.get("RATELIMIT_STORAGE_URI", "memory://"),
        "RATELIMIT_HEADERS_ENABLED": False,
        "WTF_CSRF_TIME_LIMIT": None,  # the session's own limits end a form's life
        "PAGE_SIZE": 25,
        "TIMEZONE": "Australia/Canberra",
    }
