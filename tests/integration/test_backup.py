"""A backup made while the app runs comes back whole: every table, every row."""

from pathlib import Path

from sqlalchemy import select, text

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
