"""/healthz proves the database can be written (a write of nothing, rolled back) and says
what is wrong in plain words: a load balancer stops sending people to a server whose
database is read-only or whose disk is full."""

from __future__ import annotations

import shutil
from collections import namedtuple

from app.extensions import db
from app.home import health
from tests.integration.test_database_faults import own_app


def test_a_healthy_server_says_ok_and_writes_nothing(client, fetch):
    from sqlalchemy import select

    from app.models import AuditEvent, User

    response = client.get("/healthz")
    assert response.status_code == 200 and response.json == {"status": "ok"}
    assert fetch(select(User)) == [] and fetch(select(AuditEvent)) == []


def test_a_read_only_database_is_reported(tmp_path, monkeypatch):
    monkeypatch.setenv("PEERDESK_INSTANCE", str(tmp_path / "instance"))
    path = tmp_path / "peerdesk.db"
    own_app(f"sqlite:///{path}", tmp_path)  # makes the tables
    app = own_app(f"sqlite:///file:{path}?mode=ro&uri=true", tmp_path)
    response = app.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.json == {"status": "database is read-only"}
    with app.app_context():
        db.engine.dispose()


def test_a_database_that_does_not_answer_is_reported(tmp_path, monkeypatch):
    monkeypatch.setenv("PEERDESK_INSTANCE", str(tmp_path / "instance"))
    app = own_app(f"sqlite:///{tmp_path / 'gone.db'}", tmp_path)
    (tmp_path / "gone.db").unlink()
    (tmp_path / "gone.db").mkdir()  # the file is replaced by a folder: nothing can open it
    with app.app_context():
        db.engine.dispose()
    response = app.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.json == {"status": "database not answering"}


def test_a_full_disk_is_reported(client, app, monkeypatch):
    if not app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        return  # PostgreSQL's disk is the database server's own to watch
    Usage = namedtuple("Usage", "total used free")
    monkeypatch.setattr(shutil, "disk_usage", lambda _path: Usage(10**9, 10**9 - 1024, 1024))
    response = client.get("/healthz")
    assert response.status_code == 503 and response.json == {"status": "disk is full"}
    assert health.MIN_FREE_BYTES > 1024


def test_a_read_only_postgresql_is_reported(database_url, tmp_path, monkeypatch):
    if not database_url.startswith("postgresql"):
        return  # SQLite: see test_a_read_only_database_is_reported
    monkeypatch.setenv("PEERDESK_INSTANCE", str(tmp_path / "instance"))
    read_only = {"connect_args": {"options": "-c default_transaction_read_only=on"}}
    app = own_app(database_url, tmp_path, SQLALCHEMY_ENGINE_OPTIONS=read_only)
    response = app.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.json == {"status": "database is read-only"}
    with app.app_context():
        db.engine.dispose()
