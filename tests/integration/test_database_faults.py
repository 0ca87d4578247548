"""The database going away in the middle of a request: a plain page, nothing half-written,
and the next request works.

Each test builds its own app on its own database, so the shared test database (and the
other test workers using it) are never locked or stopped.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import sqlite3
import subprocess
import tempfile
from glob import glob
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import create_app
from app.extensions import db
from app.models import AuditEvent, Partner, TallyEvent
from tests.conftest import CheckedClient, start_session_for
from tests.factories import make_user
from tests.factories.frontdesk import make_item
from tests.pagecheck import text_of

NOT_WORKING = "Sorry, the system is not working right now"
NOTHING_SAVED = "Nothing was saved. Try again soon."
PARTNER = {"name": "Capital Community Legal", "what_they_do": "Free legal advice."}
HTMX = {"HX-Request": "true"}


def own_app(url: str, instance: Path, **settings):
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "test secret key",
            "SQLALCHEMY_DATABASE_URI": url,
            "SERVER_NAME": None,
            **settings,
        }
    )
    app.test_client_class = CheckedClient
    with app.app_context():
        db.create_all()
    return app


def signed_in(app, role: str):
    with app.app_context():
        session = Session(db.engine, expire_on_commit=False)
    client = app.test_client()
    start_session_for(client, session, make_user(session, role))
    return client, session


def count(session: Session, model) -> int:
    session.expire_all()
    return session.scalar(select(func.count()).select_from(model))


def assert_plain_page(response) -> None:
    assert response.status_code == 503
    page = text_of(response.get_data(as_text=True))
    assert NOT_WORKING in page and NOTHING_SAVED in page
    assert "Traceback" not in page and "OperationalError" not in page


# --- SQLite: another connection holds the database ------------------------------------------


@pytest.fixture
def sqlite_app(tmp_path, monkeypatch):
    monkeypatch.setenv("PEERDESK_INSTANCE", str(tmp_path / "instance"))
    path = tmp_path / "locked.db"
    app = own_app(f"sqlite:///{path}", tmp_path, DATABASE_BUSY_SECONDS=0.2)
    yield app, path
    with app.app_context():
        db.engine.dispose()


@contextlib.contextmanager
def held(path: Path, how: str):
    """Another program holds the database: BEGIN EXCLUSIVE (no one else writes), a long write
    (BEGIN IMMEDIATE: others may read but not write until it ends), or a long read. In WAL
    mode (config.tune_sqlite) a long read no longer stops anyone writing."""
    other = sqlite3.connect(path, isolation_level=None, timeout=0)
    if how == "exclusive":
        other.execute("BEGIN EXCLUSIVE")
    elif how == "writing":
        other.execute("BEGIN IMMEDIATE")
    else:
        other.execute("BEGIN")
        other.execute("SELECT count(*) FROM partner").fetchall()
    try:
        yield
    finally:
        other.execute("ROLLBACK")
        other.close()


@pytest.mark.parametrize("how", ["exclusive", "writing"])
def test_a_locked_sqlite_database_gives_the_plain_page_and_keeps_nothing(sqlite_app, how):
    app, path = sqlite_app
    client, session = signed_in(app, "senior")
    with held(path, how):
        response = client.post("/partners/new", data=dict(PARTNER))
        assert_plain_page(response)
    # Nothing half-written: no partner, no audit line saying it was added.
    assert count(session, Partner) == 0
    assert session.scalar(select(func.count()).where(AuditEvent.action == "partner.added")) == 0
    # No "saved" message waiting for the next page either.
    assert "added to the partners list" not in text_of(client.get("/partners").text)
    # The next request works.
    response = client.post("/partners/new", data=dict(PARTNER))
    assert response.status_code == 303
    assert count(session, Partner) == 1
    session.close()


def test_a_long_read_elsewhere_no_longer_stops_a_save(sqlite_app):
    """WAL mode: a report reading for a long time does not hold up the desk's taps."""
    app, path = sqlite_app
    client, session = signed_in(app, "senior")
    with held(path, "reading"):
        response = client.post("/partners/new", data=dict(PARTNER))
        assert response.status_code == 303
    assert count(session, Partner) == 1
    session.close()


def test_a_tap_while_the_database_is_busy_counts_once_when_tried_again(sqlite_app):
    """The desk's htmx tap gets the message in its status region; the retry counts once."""
    app, path = sqlite_app
    client, session = signed_in(app, "frontdesk")
    item = make_item(session, "Meals")
    tap = {"item": str(item.id), "change": "add", "key": "desk-1-tap-0001-while-locked"}
    with held(path, "writing"):  # another program is writing: the tap cannot be saved
        response = client.post("/frontdesk/taps", data=dict(tap), headers=HTMX)
        assert response.status_code == 503
        assert response.headers["HX-Retarget"] == "#status"
        assert response.get_data(as_text=True).startswith(f"{NOT_WORKING}. {NOTHING_SAVED}")
    assert count(session, TallyEvent) == 0
    again = client.post("/frontdesk/taps", data=dict(tap), headers=HTMX)
    assert again.status_code == 200 and "Added one to Meals. 1 today." in again.text
    assert count(session, TallyEvent) == 1
    session.close()


# --- PostgreSQL: the server stops, then starts again ----------------------------------------


def postgres_bin() -> Path | None:
    found = sorted(glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ThrowawayPostgres:
    """A PostgreSQL server of this test's own, in a temporary folder, on a loopback port
    (as scripts/with-postgres makes one). As root it runs as the postgres user."""

    def __init__(self, bin_dir: Path):
        self.bin = bin_dir
        self.dir = Path(tempfile.mkdtemp(prefix="peerdesk-faults."))
        self.port = free_port()
        self.as_owner: list[str] = []
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres")
            self.as_owner = ["runuser", "-u", "postgres", "--"]

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://peerdesk@127.0.0.1:{self.port}/postgres"

    def _run(self, *args: str) -> None:
        subprocess.run(
            [*self.as_owner, *args], check=True, capture_output=True, text=True, timeout=60
        )

    def init(self) -> None:
        self._run(
            str(self.bin / "initdb"), "-D", str(self.dir / "data"), "-A", "trust", "-U",
            "peerdesk", "--no-sync",
        )  # fmt: skip

    def start(self) -> None:
        options = (
            f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off"
        )
        self._run(
            str(self.bin / "pg_ctl"), "-D", str(self.dir / "data"), "-l",
            str(self.dir / "log"), "-w", "-o", options, "start",
        )  # fmt: skip

    def stop(self) -> None:
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.dir / "data"), "-m", "fast", "stop")

    def remove(self) -> None:
        with contextlib.suppress(subprocess.SubprocessError, OSError):
            self._run(
                str(self.bin / "pg_ctl"), "-D", str(self.dir / "data"), "-m", "immediate", "stop"
            )
        shutil.rmtree(self.dir, ignore_errors=True)


@pytest.fixture
def postgres():
    bin_dir = postgres_bin()
    if bin_dir is None:
        pytest.skip("PostgreSQL is not installed (Debian's postgresql package)")
    server = ThrowawayPostgres(bin_dir)
    try:
        server.init()
        server.start()
        yield server
    finally:
        server.remove()


def test_postgresql_stopped_then_started_again(postgres, tmp_path, monkeypatch):
    monkeypatch.setenv("PEERDESK_INSTANCE", str(tmp_path / "instance"))
    app = own_app(postgres.url, tmp_path)
    client, session = signed_in(app, "senior")
    assert client.get("/partners").status_code == 200  # a pooled connection is in use
    session.close()

    postgres.stop()
    response = client.post("/partners/new", data={**PARTNER, "name": "While it was down"})
    assert_plain_page(response)

    postgres.start()
    # The pool throws away its dead connections (pool_pre_ping): the next request works.
    response = client.post("/partners/new", data=dict(PARTNER))
    assert response.status_code == 303
    with app.app_context():
        names = list(db.session.scalars(select(Partner.name)))
        added = db.session.scalar(select(func.count()).where(AuditEvent.action == "partner.added"))
        db.session.remove()
        db.engine.dispose()
    assert names == [PARTNER["name"]]  # nothing half-written from the request that failed
    assert added == 1
