"""Shared fixtures: an app on a throwaway database, a checked test client, signing in as a role.

Run on SQLite by default. `make test` runs the suite again with PEERDESK_TEST_DATABASE_URL
pointing at a throwaway PostgreSQL server; each pytest-xdist worker gets its own database.
"""

from __future__ import annotations

import os
import secrets
from datetime import UTC, datetime

import pytest
from flask.testing import FlaskClient
from hypothesis import settings
from itsdangerous import URLSafeTimedSerializer
from sqlalchemy import create_engine, make_url, text
from sqlalchemy.orm import Session

from app import clock, create_app
from app.auth.sessions import SESSION_KEY
from app.auth.sessions import token_hash as _hash
from app.extensions import db, limiter
from app.models import Base, UserSession
from tests import half_saves
from tests.factories import make_user
from tests.pagecheck import check_page

PG_URL = os.environ.get("PEERDESK_TEST_DATABASE_URL")


# --- hypothesis: the same examples on every run -----------------------------------------------

# "ci" (the default, and what `make test` and CI run): a fixed seed, so the suite passes or
# fails on the code and not on luck; no example database is written; a failure prints the
# blob to reproduce it (pin it with @example). "deep" (`make test-deep`, by hand): twenty
# times more random examples, to find new ones.
settings.register_profile(
    "ci", derandomize=True, max_examples=100, database=None, print_blob=True, deadline=None
)
settings.register_profile("deep", max_examples=2000, print_blob=True, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or "ci")


def examples(usual: int) -> int:
    """How many random examples a slow hypothesis test tries: `usual` under "ci", twenty
    times that under "deep" (for tests that set their own max_examples)."""
    return max(usual, usual * settings.default.max_examples // 100)


# --- the database -------------------------------------------------------------------------


@pytest.fixture(scope="session")
def database_url(tmp_path_factory, worker_id):
    if not PG_URL:
        yield f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.db'}"
        return
    name = f"peerdesk_test_{worker_id}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    yield make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    admin.dispose()


@pytest.fixture(scope="session")
def app(database_url, tmp_path_factory):
    os.environ["PEERDESK_INSTANCE"] = str(tmp_path_factory.mktemp("instance"))
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "test secret key",
            "SQLALCHEMY_DATABASE_URI": database_url,
            "SERVER_NAME": None,
        }
    )
    app.test_client_class = CheckedClient
    half_saves.install(app)
    with app.app_context():
        db.create_all()
    yield app
    with app.app_context():
        db.engine.dispose()


@pytest.fixture(autouse=True)
def _nothing_half_saved():
    """Fails any test whose requests refused a change but wrote part of it
    (tests/half_saves.py)."""
    half_saves.take_problems()
    yield
    problems = half_saves.take_problems()
    assert not problems, f"A refused change wrote rows outside its savepoint: {problems}"


@pytest.fixture(autouse=True)
def _empty_tables(request):
    """Every test starts with empty tables (fast: one TRUNCATE, or DELETEs on SQLite)."""
    yield
    if "app" not in request.fixturenames:
        return
    app = request.getfixturevalue("app")
    limiter.reset()
    with app.app_context():
        tables = list(reversed(Base.metadata.sorted_tables))
        with db.engine.begin() as connection:
            if connection.dialect.name == "postgresql":
                names = ", ".join(f'"{t.name}"' for t in tables)
                connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
            else:
                for table in tables:
                    connection.execute(table.delete())


@pytest.fixture
def db_session(app):
    """A session of the test's own, outside any request: make rows, then read what was saved."""
    with app.app_context():
        session = Session(db.engine, expire_on_commit=False)
    yield session
    session.close()


@pytest.fixture
def fetch(db_session):
    """Read rows as they are in the database now (not as this test last saw them)."""

    def _fetch(statement):
        db_session.expire_all()
        return db_session.scalars(statement).all()

    return _fetch


# --- a frozen clock ------------------------------------------------------------------------


class FrozenClock:
    def __init__(self, moment: datetime):
        self.moment = moment

    def __call__(self) -> datetime:
        return self.moment

    def advance(self, **delta) -> None:
        from datetime import timedelta

        self.moment += timedelta(**delta)


@pytest.fixture
def frozen_clock(monkeypatch):
    frozen = FrozenClock(datetime(2026, 3, 3, 1, 0, tzinfo=UTC))  # Tue 3 March, 12pm Canberra
    monkeypatch.setattr(clock, "now", frozen)
    return frozen


# --- the test client -----------------------------------------------------------------------


class CheckedClient(FlaskClient):
    """A test client that checks every HTML page it gets, and adds a CSRF token to POSTs.

    `csrf=False` sends a POST without the token (to test that it is refused).
    `check=False` skips the page check (for a test about a broken page).
    """

    csrf_raw = "test-csrf-raw-token"

    def open(self, *args, csrf: bool = True, check: bool = True, **kwargs):
        method = kwargs.get("method", "GET").upper()
        if method == "POST" and csrf:
            data = kwargs.setdefault("data", {})
            if isinstance(data, dict) and "csrf_token" not in data:
                data["csrf_token"] = self.csrf_token()
        response = super().open(*args, **kwargs)
        is_html = response.mimetype == "text/html"
        if check and is_html and response.status_code < 300 and response.data:
            headers = kwargs.get("headers") or {}
            fragment = headers.get("HX-Request") == "true" and headers.get("HX-Boosted") != "true"
            check_page(response.get_data(as_text=True), fragment=fragment)
        return response

    def csrf_token(self) -> str:
        with self.session_transaction() as session:
            session.setdefault("csrf_token", self.csrf_raw)
            raw = session["csrf_token"]
        serializer = URLSafeTimedSerializer(self.application.secret_key, salt="wtf-csrf-token")
        return serializer.dumps(raw)


@pytest.fixture
def client(app):
    return app.test_client()


def start_session_for(client: FlaskClient, session: Session, user) -> str:
    """Sign a test client in as `user` without the sign-in pages (they have their own tests)."""
    token = secrets.token_urlsafe(16)
    session.add(UserSession(token_hash=_hash(token), user_id=user.id, last_seen_at=clock.now()))
    session.commit()
    with client.session_transaction() as flask_session:
        flask_session[SESSION_KEY] = token
    return token


@pytest.fixture
def sign_in_as(client, db_session):
    """sign_in_as("worker") signs the test client in as a new person with that role."""

    def _sign_in(role: str = "worker", user=None, **fields):
        user = user or make_user(db_session, role, **fields)
        start_session_for(client, db_session, user)
        return user

    return _sign_in
