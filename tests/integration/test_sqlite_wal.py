"""SQLite runs in WAL mode with synchronous=NORMAL, and a commit the app has finished is on
disk even if the process is killed (SIGKILL) straight after."""

import os
import sqlite3
import subprocess
import sys
import textwrap

import pytest
from sqlalchemy import text

from app import create_app
from app.extensions import db


@pytest.fixture
def sqlite_file_app(tmp_path):
    url = f"sqlite:///{tmp_path / 'wal.db'}"
    made = create_app({"SQLALCHEMY_DATABASE_URI": url, "TESTING": True})
    with made.app_context():
        db.create_all()
        db.engine.dispose()
    return made, url


def test_the_database_is_in_wal_mode_with_normal_sync(sqlite_file_app):
    made, _url = sqlite_file_app
    with made.app_context(), db.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA synchronous")).scalar() == 1  # NORMAL


def test_a_commit_survives_the_process_being_killed(sqlite_file_app, tmp_path):
    _made, url = sqlite_file_app
    child = textwrap.dedent(
        f"""
        import os, signal
        from sqlalchemy import text
        from app import create_app
        from app.extensions import db
        app = create_app({{"SQLALCHEMY_DATABASE_URI": {url!r}}})
        with app.app_context():
            db.session.execute(text("CREATE TABLE kept (word TEXT)"))
            db.session.execute(text("INSERT INTO kept VALUES ('acknowledged')"))
            db.session.commit()
            print("committed", flush=True)
            os.kill(os.getpid(), signal.SIGKILL)  # no close, no checkpoint
        """
    )
    env = {**os.environ, "PEERDESK_INSTANCE": str(tmp_path / "instance")}
    done = subprocess.run(
        [sys.executable, "-c", child], capture_output=True, text=True, env=env, timeout=60
    )
    assert done.stdout.strip() == "committed"
    assert done.returncode == -9
    assert (tmp_path / "wal.db-wal").exists()  # the commit is in the -wal file, not yet merged

    again = create_app({"SQLALCHEMY_DATABASE_URI": url})
    with again.app_context():
        assert db.session.execute(text("SELECT word FROM kept")).scalar() == "acknowledged"
        db.engine.dispose()


def test_a_change_that_reads_first_is_not_refused_when_another_save_lands_before_it_writes(
    sqlite_file_app, tmp_path
):
    """Two desks save at once: one change has read (inside its savepoint) and is about to
    write when the other desk's save arrives. The first change keeps the write lock, so it is
    saved, and the other desk's save goes in straight after: both are kept, none refused."""
    made, _url = sqlite_file_app
    with made.app_context():
        db.session.execute(text("CREATE TABLE kept (word TEXT)"))
        db.session.commit()
        with db.session.begin_nested():
            db.session.execute(text("SELECT count(*) FROM kept")).scalar()
            other_desk = sqlite3.connect(tmp_path / "wal.db", isolation_level=None, timeout=0)
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other_desk.execute("INSERT INTO kept VALUES ('other desk')")  # waits its turn
            db.session.execute(text("INSERT INTO kept VALUES ('first desk')"))
        db.session.commit()
        other_desk.execute("INSERT INTO kept VALUES ('other desk')")
        other_desk.close()
        words = db.session.execute(text("SELECT word FROM kept ORDER BY word")).scalars().all()
    assert words == ["first desk", "other desk"]
