"""Settings from the environment. Everything has a safe default for a single desk PC."""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import make_url
from werkzeug.routing import IntegerConverter

PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700
SQLITE_SIDE_FILES = ("", "-wal", "-shm", "-journal")


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
    when the database restarts. hide_parameters keeps what people typed (note text, names)
    out of database errors, so it can never reach a log. SQLite waits up to `busy_seconds`
    for a locked database (another request writing) before giving up with the plain "not
    working" page.
    """
    options: dict = {"pool_pre_ping": True, "hide_parameters": True}
    if url.startswith("sqlite"):
        options["connect_args"] = {"timeout": busy_seconds}
    return options


class DatabaseId(IntegerConverter):
    """The `int` in URLs: a whole number the database can hold (signed 64 bits).

    A bigger one matches no route (404) instead of overflowing in the database (500).
    """

    def __init__(self, map, fixed_digits=0, min=None, max=2**63 - 1, signed=False):  # noqa: A002
        super().__init__(map, fixed_digits, min, max, signed)


def sqlite_files(url: str) -> list[Path]:
    """The SQLite database file and the files SQLite keeps beside it (none for PostgreSQL)."""
    if not url.startswith("sqlite"):
        return []
    database = make_url(url).database
    if not database or database == ":memory:" or database.startswith("file:"):
        return []
    return [Path(database + suffix) for suffix in SQLITE_SIDE_FILES]


def make_private(path: Path) -> None:
    """Readable and writable by the app's own user alone (0700 a folder, 0600 a file)."""
    with contextlib.suppress(FileNotFoundError, PermissionError):
        path.chmod(PRIVATE_FOLDER if path.is_dir() else PRIVATE_FILE)


def keep_files_private(instance_path: str | Path, url: str) -> None:
    """The instance folder, secret key and SQLite files: for the app's user alone.

    Called on start, by `flask backup`, and each time SQLite opens a new connection (which
    may have made the database or its -wal and -shm files just now).
    """
    instance = Path(instance_path)
    if instance.exists():
        make_private(instance)
        make_private(instance / "secret_key")
    for path in sqlite_files(url):
        make_private(path)


def keep_new_sqlite_files_private(engine) -> None:
    """SQLite makes its database, -wal and -shm files with the usual 0644: tighten each time
    a connection opens (pooled, so this is rare)."""
    files = sqlite_files(engine.url.render_as_string(hide_password=False))
    if files:
        event.listen(engine, "connect", lambda *_: [make_private(path) for path in files])


def tune_sqlite(engine) -> None:
    """SQLite in WAL mode with synchronous=NORMAL: a commit appends to the -wal file and
    skips the disk flush the default journal needs on every commit (most of a tap's time).

    Nothing acknowledged is lost if the app is killed (the -wal file is on disk before the
    commit returns; tests/integration/test_sqlite_wal.py kills a process with SIGKILL to
    show it); only a power cut can lose the last commits. Readers no longer wait for a
    writer. Backups go through SQLite's backup API, which reads the -wal file too.
    """
    if engine.dialect.name != "sqlite":
        return

    def set_pragmas(dbapi_connection, _record):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    event.listen(engine, "connect", set_pragmas)
    event.listen(engine, "savepoint", write_lock_before_the_first_savepoint)


def write_lock_before_the_first_savepoint(connection, _name) -> None:
    """A change (change_from_form, begin_nested) opens a SAVEPOINT. When nothing was written
    yet in the request, SQLite makes that savepoint a plain read transaction: the change then
    reads, and its first write must turn the read into a write. If another request saved in
    between, WAL refuses that at once (SQLITE_BUSY_SNAPSHOT, no waiting), and the person got
    the "not working" page under load. Taking the write lock first (BEGIN IMMEDIATE) makes
    the change wait its turn instead (up to DATABASE_BUSY_SECONDS), then read and write as one.
    """
    raw = connection.connection.dbapi_connection
    if not raw.in_transaction:
        raw.execute("BEGIN IMMEDIATE")


class NoRowValues(logging.Filter):
    """SQLAlchemy's engine log, when someone turns it up to DEBUG, prints every row read
    (names, note text). Keep its lines about statements; drop those with values."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (isinstance(record.msg, str) and record.msg.startswith("Row "))


def keep_rows_out_of_logs() -> None:
    engine_log = logging.getLogger("sqlalchemy.engine.Engine")
    if not any(isinstance(f, NoRowValues) for f in engine_log.filters):
        engine_log.addFilter(NoRowValues())


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
        # How many proxies (load balancer, nginx) stand in front and add X-Forwarded-For and
        # -Proto: the app then sees the person's own address (the sign-in count per address)
        # and https. 0 when people reach gunicorn directly: never trust headers nobody checked.
        "PROXY_HOPS": int(os.environ.get("PEERDESK_PROXY_HOPS", 0)),
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
        # Tries at sign-in, counted in the database (shared by every app server): per address
        # (a reception desk shares one, so generous) and per account.
        "SIGN_IN_RATE_LIMIT": os.environ.get("PEERDESK_SIGN_IN_RATE_LIMIT", "60 per minute"),
        "SIGN_IN_ACCOUNT_RATE_LIMIT": os.environ.get(
            "PEERDESK_SIGN_IN_ACCOUNT_RATE_LIMIT", "10 per minute"
        ),
        "RATELIMIT_STORAGE_URI": os.environ.get("RATELIMIT_STORAGE_URI", "memory://"),
        "RATELIMIT_HEADERS_ENABLED": False,
        "WTF_CSRF_TIME_LIMIT": None,  # the session's own limits end a form's life
        # A request body over this size gets the plain 413 page (the app has no uploads).
        "MAX_CONTENT_LENGTH": int(float(os.environ.get("PEERDESK_MAX_REQUEST_MB", 2)) * 1024**2),
        # `flask backup` removes the backups it made that are older than this.
        "BACKUP_KEEP_DAYS": int(os.environ.get("PEERDESK_BACKUP_KEEP_DAYS", 35)),
        "PAGE_SIZE": 25,
        "TIMEZONE": "Australia/Canberra",
    }
