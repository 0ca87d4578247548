"""Nothing private in the logs: when the database fails while a form is saved, the log gets
the error's kind, the SQL statement's shape and an error number, never what was typed.

The marker is typed into a case note, a registration step and a handover; the database
fails exactly when a statement carries it. Every logger is captured at DEBUG (SQLAlchemy's
own statement log included), and what the process wrote to stdout and stderr."""

from __future__ import annotations

import logging
import re

import pytest
from sqlalchemy import event

from app.extensions import db
from tests.factories.care import make_person
from tests.integration.care.test_notes import note_data
from tests.integration.frontdesk.test_handovers import GOOD as HANDOVER
from tests.integration.test_database_faults import held, own_app, signed_in
from tests.pagecheck import text_of

MARKER = "HIV-positive-at-12-Secret-St"
ERROR_NUMBER = re.compile(r"Error number: ([0-9a-f]{6})")
LOGGERS = ("", "app", "sqlalchemy", "sqlalchemy.engine", "werkzeug", "flask")


@pytest.fixture
def every_log(caplog, capfd):
    """Everything logged (every logger at DEBUG) and written to stdout or stderr."""
    for name in LOGGERS:
        caplog.set_level(logging.DEBUG, logger=name or None)

    def everything() -> str:
        out, err = capfd.readouterr()
        records = "\n".join(
            f"{r.name} {r.getMessage()} {r.exc_text or ''} {r.stack_info or ''}"
            for r in caplog.records
        )
        return "\n".join([records, caplog.text, out, err])

    return everything


def carries_marker(value) -> bool:
    """The marker anywhere in a statement's parameters (JSON is wrapped by psycopg)."""
    if isinstance(value, str):
        return MARKER in value
    if isinstance(value, dict):
        return any(carries_marker(v) for v in value.values())
    if isinstance(value, list | tuple):
        return any(carries_marker(v) for v in value)
    if hasattr(value, "obj"):  # psycopg's Json(...)
        return carries_marker(value.obj)
    return MARKER in repr(value)


@pytest.fixture
def database_fails_on_the_marker(app):
    """The database's driver fails (as on a full disk) on any statement that carries the
    marker: the error SQLAlchemy raises then holds the statement and its parameters."""
    with app.app_context():
        engine = db.engine

    def fail(conn, cursor, statement, parameters, context, executemany):
        if carries_marker(parameters):
            raise engine.dialect.loaded_dbapi.OperationalError("database or disk is full")

    event.listen(engine, "before_cursor_execute", fail)
    yield
    event.remove(engine, "before_cursor_execute", fail)


def note_form(text: str) -> dict:
    return note_data(text)


def assert_plain_page_with_error_number(response, log: str) -> None:
    assert response.status_code == 503
    page = text_of(response.get_data(as_text=True))
    assert "Sorry, the system is not working right now" in page
    number = ERROR_NUMBER.search(page).group(1)
    assert f"[error {number}]" in log  # a manager can match the page with the log line
    assert MARKER not in page


def test_a_database_failure_while_saving_a_case_note_keeps_the_note_out_of_the_log(
    client, sign_in_as, db_session, frozen_clock, database_fails_on_the_marker, every_log
):
    me = sign_in_as("worker")
    person, _episode = make_person(db_session, me)
    response = client.post(f"/clients/{person.id}/notes/new", data=note_form(MARKER))
    log = every_log()
    assert_plain_page_with_error_number(response, log)
    assert MARKER not in log
    assert "OperationalError" in log and "INSERT INTO" in log  # the statement's shape is there


def test_a_database_failure_in_registration_keeps_the_name_out_of_the_log(
    client, sign_in_as, database_fails_on_the_marker, every_log
):
    sign_in_as("worker")
    response = client.post("/clients/new")
    draft_id = int(response.headers["Location"].split("/")[3])
    response = client.post(
        f"/clients/new/{draft_id}/name",
        data={"first_name": MARKER, "nickname": MARKER, "then": "check"},
    )
    log = every_log()
    assert_plain_page_with_error_number(response, log)
    assert MARKER not in log


def test_a_database_failure_saving_a_handover_keeps_the_note_out_of_the_log(
    client, sign_in_as, database_fails_on_the_marker, every_log
):
    sign_in_as("frontdesk")
    data = {**HANDOVER, "name": MARKER, "note": MARKER}
    response = client.post("/frontdesk/handovers/new", data=data)
    log = every_log()
    assert_plain_page_with_error_number(response, log)
    assert MARKER not in log


def test_an_unexpected_error_with_a_note_in_its_message_keeps_the_note_out_of_the_log(
    client, sign_in_as, db_session, frozen_clock, monkeypatch, every_log
):
    """A bug whose error message repeats what was typed: the log has the kind and where in
    the code, not the message."""
    from app.care import notes

    def broken(client, data, user, **_):
        raise ValueError(f"could not read {data.text!r}")

    monkeypatch.setattr(notes, "create_note", broken)
    me = sign_in_as("worker")
    person, _episode = make_person(db_session, me)
    response = client.post(f"/clients/{person.id}/notes/new", data=note_form(MARKER))
    log = every_log()
    assert response.status_code == 500
    number = ERROR_NUMBER.search(text_of(response.get_data(as_text=True))).group(1)
    assert f"ValueError [error {number}]" in log and "in note_new" in log  # where: the view
    assert MARKER not in log


def test_a_real_locked_database_keeps_the_note_out_of_the_log(tmp_path, monkeypatch, every_log):
    """A real failure (SQLite locked by another program past its wait), not a made-up one:
    the commit at the end of the request fails with the note in its parameters."""
    monkeypatch.setenv("PEERDESK_INSTANCE", str(tmp_path / "instance"))
    path = tmp_path / "locked.db"
    app = own_app(f"sqlite:///{path}", tmp_path, DATABASE_BUSY_SECONDS=0.2)
    client, session = signed_in(app, "senior")
    with held(path, "writing"):
        response = client.post(
            "/partners/new", data={"name": MARKER, "what_they_do": f"Notes: {MARKER}"}
        )
    log = every_log()
    assert_plain_page_with_error_number(response, log)
    assert MARKER not in log and "OperationalError (SQLITE_BUSY)" in log
    session.close()
    with app.app_context():
        db.engine.dispose()


def test_a_note_read_back_with_database_logging_turned_up_stays_out_of_the_log(
    client, sign_in_as, db_session, frozen_clock, every_log
):
    """SQLAlchemy's DEBUG log prints each row it reads: those lines are dropped."""
    me = sign_in_as("worker")
    person, _episode = make_person(db_session, me)
    assert client.post(f"/clients/{person.id}/notes/new", data=note_form(MARKER)).status_code == 303
    assert MARKER in client.get(f"/clients/{person.id}/notes").get_data(as_text=True)
    log = every_log()
    assert "SELECT" in log  # the statement log is on
    assert MARKER not in log
