"""A backup made while the app runs comes back whole: every table, every row."""

import os
import sqlite3
import stat
from pathlib import Path

from sqlalchemy import select, text

from app import clock
from app.extensions import db
from app.models import Base
from tests.factories import make_user


def snapshot(app) -> dict[str, list[tuple]]:
    with app.app_context(), db.engine.connect() as connection:
        return {
            table.name: sorted(
                (tuple(str(v) for v in row) for row in connection.execute(select(table))),
            )
            for table in Base.metadata.sorted_tables
        }


def empty_every_table(app) -> None:
    with app.app_context(), db.engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            names = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
            connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        else:
            for table in reversed(Base.metadata.sorted_tables):
                connection.execute(table.delete())


def test_backup_and_restore_round_trip_every_table(app, db_session, tmp_path):
    runner = app.test_cli_runner()
    assert runner.invoke(args=["demo-data"]).exit_code == 0
    make_user(db_session, "worker", display_name="O'Brien <script>")
    db_session.close()
    before = snapshot(app)
    assert sum(len(rows) for rows in before.values()) > 20

    result = runner.invoke(args=["backup", "--to", str(tmp_path)])
    assert result.exit_code == 0, result.output
    backup_file = Path(result.output.strip().splitlines()[-1].removeprefix("Backup made: "))
    assert backup_file.exists() and backup_file.stat().st_size > 0

    empty_every_table(app)
    assert not any(snapshot(app).values())

    with app.app_context():
        db.engine.dispose()
    result = runner.invoke(args=["restore", str(backup_file), "--yes"])
    assert result.exit_code == 0, result.output

    after = snapshot(app)
    after["audit_event"] = [row for row in after["audit_event"] if "database.restored" not in row]
    assert after == before


def test_restore_asks_first_and_refuses_a_missing_file(app, tmp_path):
    runner = app.test_cli_runner()
    assert runner.invoke(args=["restore", str(tmp_path / "nothing.sqlite")]).exit_code != 0
    (tmp_path / "b.sqlite").write_bytes(b"")
    result = runner.invoke(args=["restore", str(tmp_path / "b.sqlite")], input="n\n")
    assert result.exit_code != 0 and "Go on?" in result.output


# --- private files, old backups removed, encrypted backups -----------------------------------


def backup_file_from(result) -> Path:
    assert result.exit_code == 0, result.output
    line = next(x for x in result.output.splitlines() if x.startswith("Backup made: "))
    return Path(line.removeprefix("Backup made: "))


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_backups_are_readable_by_the_app_user_alone(app, tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir(mode=0o755)
    older = folder / "peerdesk-2026-01-01-010000.sqlite"  # made before this was fixed
    older.write_bytes(b"old")
    older.chmod(0o644)
    file = backup_file_from(app.test_cli_runner().invoke(args=["backup", "--to", str(folder)]))
    assert mode(file) == 0o600
    assert mode(folder) == 0o700
    assert mode(older) == 0o600


def test_the_database_and_instance_folder_are_private_on_start_and_after_backup(
    tmp_path, monkeypatch
):
    from app import create_app

    instance = tmp_path / "instance"
    instance.mkdir(mode=0o755)
    database = instance / "peerdesk.db"
    sqlite3.connect(database).close()
    for path in (database, Path(f"{database}-wal")):
        path.touch()
        path.chmod(0o644)
    monkeypatch.setenv("PEERDESK_INSTANCE", str(instance))
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    app = create_app({"TESTING": True})
    assert mode(instance) == 0o700
    assert mode(database) == 0o600 and mode(Path(f"{database}-wal")) == 0o600
    assert mode(instance / "secret_key") == 0o600

    database.chmod(0o644)
    with app.app_context():
        db.create_all()
    result = app.test_cli_runner().invoke(args=["backup"])
    file = backup_file_from(result)
    assert mode(database) == 0o600
    assert mode(file) == 0o600 and mode(instance / "backups") == 0o700
    with app.app_context():
        db.engine.dispose()


def test_a_database_sqlite_makes_new_is_private(tmp_path, monkeypatch):
    from app import create_app

    monkeypatch.setenv("PEERDESK_INSTANCE", str(tmp_path / "instance"))
    database = tmp_path / "new.db"
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{database}"})
    with app.app_context():
        db.create_all()
        db.engine.dispose()
    assert mode(database) == 0o600


def test_backups_older_than_the_setting_are_removed_and_nothing_else(app, tmp_path, monkeypatch):
    folder = tmp_path / "backups"
    folder.mkdir()
    day = 24 * 60 * 60
    now = clock.now().timestamp()
    files = {
        "peerdesk-2026-01-01-010000.sqlite": 36,  # older than 35 days: removed
        "peerdesk-2026-01-02-010000.pgdump.enc": 40,  # removed
        "peerdesk-2026-02-01-010000.sqlite": 34,  # kept
        "my-own-copy.sqlite": 400,  # not made by `backup`: kept
        "peerdesk-notes.txt": 400,  # kept
    }
    for name, age in files.items():
        (folder / name).write_bytes(b"x")
        os.utime(folder / name, (now - age * day, now - age * day))

    result = app.test_cli_runner().invoke(args=["backup", "--to", str(folder)])
    made = backup_file_from(result)
    assert "Removed 2 backups older than 35 days." in result.output
    left = {path.name for path in folder.iterdir()}
    assert left == {
        made.name,
        "peerdesk-2026-02-01-010000.sqlite",
        "my-own-copy.sqlite",
        "peerdesk-notes.txt",
    }

    app.config["BACKUP_KEEP_DAYS"] = 10
    try:
        result = app.test_cli_runner().invoke(args=["backup", "--to", str(folder)])
    finally:
        app.config["BACKUP_KEEP_DAYS"] = 35
    assert "Removed 1 backups older than 10 days." in result.output
    assert not (folder / "peerdesk-2026-02-01-010000.sqlite").exists()


def test_an_encrypted_backup_comes_back_only_with_its_key(app, db_session, tmp_path, monkeypatch):
    runner = app.test_cli_runner()
    key_file, wrong_key = tmp_path / "backup.key", tmp_path / "other.key"
    assert runner.invoke(args=["backup-key", str(key_file)]).exit_code == 0
    assert runner.invoke(args=["backup-key", str(wrong_key)]).exit_code == 0
    assert mode(key_file) == 0o600
    make_user(db_session, "worker", display_name="Kept Secret")
    db_session.close()
    before = snapshot(app)

    result = runner.invoke(args=["backup", "--to", str(tmp_path), "--encrypt-key-file", key_file])
    file = backup_file_from(result)
    assert file.name.endswith(".enc") and mode(file) == 0o600
    assert not list(tmp_path.glob("peerdesk-*.sqlite")) + list(tmp_path.glob("peerdesk-*.pgdump"))
    assert b"Kept Secret" not in file.read_bytes()  # unreadable without the key
    empty_every_table(app)

    with app.app_context():
        db.engine.dispose()
    for args in (["--key-file", str(wrong_key)], []):
        result = runner.invoke(args=["restore", str(file), "--yes", *args])
        assert result.exit_code == 1
        assert "Traceback" not in result.output and "Nothing was changed." in result.output
    assert (
        "That key does not open this backup."
        in runner.invoke(args=["restore", str(file), "--yes", "--key-file", str(wrong_key)]).output
    )
    assert not any(snapshot(app).values())

    monkeypatch.setenv("PEERDESK_BACKUP_KEY", key_file.read_text())
    result = runner.invoke(args=["restore", str(file), "--yes"])
    assert result.exit_code == 0, result.output
    after = snapshot(app)
    after["audit_event"] = [row for row in after["audit_event"] if "database.restored" not in row]
    assert after == before


def test_a_key_that_is_not_a_backup_key_gets_a_plain_error(app, tmp_path):
    bad = tmp_path / "bad.key"
    bad.write_text("not a key")
    result = app.test_cli_runner().invoke(
        args=["backup", "--to", str(tmp_path / "b"), "--encrypt-key-file", str(bad)]
    )
    assert result.exit_code == 1 and "That is not a backup key" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "b").exists()  # refused before anything was made
