"""Merging two files of the same person (issue 17): a senior or the manager only; every
record moves to the file kept, whatever table it is in; the other file only points to the
kept one; the audit log keeps both ids; bad merges are refused and change nothing."""

from __future__ import annotations

import re
from datetime import date, datetime, time

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.types import TypeDecorator

from app import clock
from app.clients import merging
from app.core.saving import Refused
from app.extensions import db
from app.models import AuditEvent, CaseNote, Client, Episode, TimelineEntry
from tests.factories import make_user
from tests.factories.care import make_note, make_person
from tests.factories.clients import make_client, make_episode
from tests.pagecheck import text_of


def check_page(client, url) -> tuple[str, str]:
    """The check page's words, and the versions it carries."""
    html = client.get(url).get_data(as_text=True)
    found = re.search(r'name="versions"[^>]*value="([^"]*)"', html) or re.search(
        r'value="([^"]*)"[^>]*name="versions"', html
    )
    return text_of(html), found.group(1) if found else ""


def merge(client, kept, other, *, at=None):
    """Open the check page from `at` (the kept file by default) and merge, keeping `kept`."""
    at = at or kept
    there = other if at.id == kept.id else kept
    url = f"/clients/{at.id}/merge/{there.id}"
    _, versions = check_page(client, url)
    return client.post(url, data={"keep": str(kept.id), "versions": versions})


@pytest.fixture
def two_files(db_session):
    worker = make_user(db_session, "worker", display_name="Priya")
    kept, episode = make_person(db_session, worker, given_name="Louisa", family_name="Brand")
    other = make_client(db_session, worker, given_name="Lou", phone="0400 111 222")
    make_note(db_session, kept, episode, by=worker, text="First note")
    closed = make_episode(db_session, other, closed_on=date(2026, 3, 1), reason_for_cessation=1)
    make_note(db_session, other, closed, by=worker, text="A note on the second file")
    return worker, kept, other


def test_a_senior_merges_and_every_record_moves_to_the_file_kept(
    client, sign_in_as, two_files, fetch
):
    senior = sign_in_as("senior")
    worker, kept, other = two_files

    response = merge(client, kept, other)

    assert response.status_code == 303
    assert response.headers["Location"].endswith(f"/clients/{kept.id}")
    notes = fetch(select(CaseNote).order_by(CaseNote.id))
    assert {n.client_id for n in notes} == {kept.id}
    assert {e.client_id for e in fetch(select(Episode))} == {kept.id}
    moved = fetch(select(Client).where(Client.id == other.id))[0]
    assert moved.merged_into_id == kept.id and moved.worker_id is None
    page = text_of(client.get(f"/clients/{kept.id}").get_data(as_text=True))
    assert f"Merged with file #{other.id} (Lou)" in page
    # A detail only the other file had is kept.
    assert fetch(select(Client).where(Client.id == kept.id))[0].phone == "0400 111 222"
    # The audit log keeps both ids.
    events = fetch(select(AuditEvent).where(AuditEvent.action.like("client.merged%")))
    assert {(e.action, e.client_id) for e in events} == {
        ("client.merged", kept.id),
        ("client.merged_away", other.id),
    }
    assert all(e.detail == {"kept": kept.id, "merged": other.id} for e in events)
    assert all(e.created_by_id == senior.id for e in events)


def test_the_merged_file_points_to_the_kept_one_and_shows_in_no_search(
    client, sign_in_as, two_files, db_session
):
    sign_in_as("senior")
    worker, kept, other = two_files
    merge(client, kept, other)

    for path in ("", "/details", "/notes"):
        response = client.get(f"/clients/{other.id}{path}")
        assert response.status_code == 303
        assert response.headers["Location"].endswith(f"/clients/{kept.id}")
    found = text_of(client.post("/clients/search", data={"q": "Lou"}).get_data(as_text=True))
    assert "Louisa" in found
    assert f"file #{other.id}" not in found

    # Their worker may open the kept file: the old number goes there too.
    sign_in_as(user=worker)
    assert client.get(f"/clients/{other.id}").status_code == 303
    # Someone who may not open the kept file gets nothing at all.
    sign_in_as("worker")
    assert client.get(f"/clients/{other.id}").status_code == 404


def test_a_worker_cannot_merge(client, sign_in_as, db_session):
    worker = sign_in_as("worker")
    a = make_client(db_session, worker)
    b = make_client(db_session, worker)
    assert client.get(f"/clients/{a.id}/merge").status_code == 404
    assert client.get(f"/clients/{a.id}/merge/{b.id}").status_code == 404
    response = client.post(f"/clients/{a.id}/merge/{b.id}", data={"keep": str(a.id)})
    assert response.status_code == 404
    assert "This is the same person" not in client.get(f"/clients/{a.id}").get_data(as_text=True)


def test_both_open_episodes_are_refused_and_nothing_changes(client, sign_in_as, db_session, fetch):
    sign_in_as("manager")
    worker = make_user(db_session, "worker")
    kept, _ = make_person(db_session, worker)
    other, episode = make_person(db_session, worker)
    make_note(db_session, other, episode, by=worker)

    page, _ = check_page(client, f"/clients/{kept.id}/merge/{other.id}")
    assert merging.BOTH_OPEN in page
    response = client.post(
        f"/clients/{kept.id}/merge/{other.id}", data={"keep": str(kept.id), "versions": "x"}
    )

    assert merging.BOTH_OPEN in text_of(response.get_data(as_text=True))
    assert fetch(select(Client).where(Client.id == other.id))[0].merged_into_id is None
    assert {n.client_id for n in fetch(select(CaseNote))} == {other.id}


def test_a_file_into_itself_or_into_a_merged_file_is_refused(
    client, sign_in_as, two_files, db_session, fetch
):
    sign_in_as("senior")
    worker, kept, other = two_files
    page, versions = check_page(client, f"/clients/{kept.id}/merge/{kept.id}")
    assert merging.SAME_FILE in page
    response = client.post(
        f"/clients/{kept.id}/merge/{kept.id}", data={"keep": str(kept.id), "versions": versions}
    )
    assert merging.SAME_FILE in text_of(response.get_data(as_text=True))
    assert fetch(select(Client).where(Client.merged_into_id.is_not(None))) == []

    merge(client, kept, other)
    third = make_client(db_session, worker)
    page, versions = check_page(client, f"/clients/{third.id}/merge/{other.id}")
    assert f"File #{other.id} was already merged into file #{kept.id}" in page
    response = client.post(
        f"/clients/{third.id}/merge/{other.id}", data={"keep": str(other.id), "versions": versions}
    )
    assert "already merged" in text_of(response.get_data(as_text=True))
    assert fetch(select(Client).where(Client.id == third.id))[0].merged_into_id is None


def test_a_check_page_out_of_date_is_refused(client, sign_in_as, two_files, db_session, fetch):
    """Two seniors at once: the second one's page carries the versions they saw."""
    sign_in_as("senior")
    worker, kept, other = two_files
    url = f"/clients/{kept.id}/merge/{other.id}"
    _, versions = check_page(client, url)
    db_session.execute(
        update(Client).where(Client.id == other.id).values(version=Client.version + 1)
    )
    db_session.commit()

    response = client.post(url, data={"keep": str(kept.id), "versions": versions})

    assert (
        merge_words(response)
        and fetch(select(Client).where(Client.id == other.id))[0].merged_into_id is None
    )


def merge_words(response) -> bool:
    return "One of the files changed while you were checking" in text_of(
        response.get_data(as_text=True)
    )


def test_two_merges_at_the_same_moment_cannot_both_succeed(app, db_session, two_files):
    """The second save finds both files at a newer version and keeps nothing."""
    worker, kept, other = two_files
    senior = make_user(db_session, "senior")
    with app.test_request_context():
        first_kept, first_other = db.session.get(Client, kept.id), db.session.get(Client, other.id)
        # Someone else merges in the same moment (another connection).
        db_session.execute(
            update(Client).where(Client.id == other.id).values(version=Client.version + 1)
        )
        db_session.commit()
        with pytest.raises(Exception) as stale:
            merging.merge_files(first_kept, first_other, by=senior)
        assert type(stale.value).__name__ == "StaleDataError"
        db.session.rollback()


# --- every table with a client_id -------------------------------------------------------------


def _value_for(column, *, user_id, client_id, session):
    """A value a NOT NULL column accepts, found from its type and foreign key."""
    for fk in column.foreign_keys:
        target = fk.column.table
        if target.name == "user":
            return user_id
        if target.name == "client":
            return client_id
        return _insert_row(session, target, client_id=client_id, user_id=user_id)
    kind = column.type.impl if isinstance(column.type, TypeDecorator) else column.type
    python_type = kind.python_type
    if python_type is bool:
        return False
    if python_type is int or python_type is float:
        return 1
    if python_type is datetime:
        return clock.now()
    if python_type is date:
        return clock.today()
    if python_type is time:
        return time(9, 0)
    if python_type in (dict, list):
        return {}
    length = getattr(column.type, "length", None) or 10
    return "x"[:length]


def _insert_row(session, table, *, client_id, user_id, other_client_id=None) -> int:
    values = {}
    for column in table.columns:
        if column.primary_key:
            continue
        if column.name == "client_id":
            values["client_id"] = client_id
            continue
        if column.nullable or column.default is not None or column.server_default is not None:
            continue
        values[column.name] = _value_for(
            column, user_id=user_id, client_id=other_client_id or client_id, session=session
        )
    return session.execute(table.insert().values(values)).inserted_primary_key[0]


def test_a_row_in_every_table_with_a_client_id_moves(app, db_session):
    """A new area's table is covered without a change: one row in each, then merge."""
    senior = make_user(db_session, "senior")
    kept = make_client(db_session)
    other = make_client(db_session)
    third = make_client(db_session)  # what other NOT NULL links point at
    tables = merging.tables_with_records()
    names = {t.name for t in tables}
    assert {"case_note", "appointment", "episode", "timeline_entry", "client_link"} <= names
    assert {"client_child", "consent", "referral", "plan"} <= names
    assert "audit_event" not in names and "client" not in names
    for table in tables:
        _insert_row(
            db_session, table, client_id=other.id, user_id=senior.id, other_client_id=third.id
        )
    db_session.commit()

    with app.test_request_context():
        merging.merge_files(
            db.session.get(Client, kept.id), db.session.get(Client, other.id), by=senior
        )
        db.session.commit()

    for table in tables:
        left = db_session.scalar(
            select(func.count()).select_from(table).where(table.c.client_id == other.id)
        )
        moved = db_session.scalar(
            select(func.count()).select_from(table).where(table.c.client_id == kept.id)
        )
        assert (table.name, left) == (table.name, 0)
        assert moved >= 1, table.name


def test_the_timeline_of_the_other_file_moves_too(client, sign_in_as, two_files, fetch):
    sign_in_as("senior")
    worker, kept, other = two_files
    before = len(fetch(select(TimelineEntry).where(TimelineEntry.client_id == other.id)))
    merge(client, kept, other)
    assert fetch(select(TimelineEntry).where(TimelineEntry.client_id == other.id)) == []
    on_kept = fetch(select(TimelineEntry).where(TimelineEntry.client_id == kept.id))
    assert len(on_kept) >= before + 1


def test_the_service_refuses_with_plain_words(app, db_session, two_files):
    worker, kept, other = two_files
    with app.test_request_context():
        same = db.session.get(Client, kept.id)
        with pytest.raises(Refused, match="cannot be merged into itself"):
            merging.merge_files(same, same, by=worker)


def test_a_merged_file_is_in_no_caseload_and_no_duplicate_check(client, sign_in_as, two_files, app):
    from app.care.caseload import caseload
    from app.clients.search import possible_duplicates

    senior = sign_in_as("senior")
    worker, kept, other = two_files
    merge(client, kept, other)

    with app.test_request_context():
        assert [row.client.id for row in caseload(worker.id)] == [kept.id]
        found = possible_duplicates(senior, {"given_name": "Lou", "phone": "0400 111 222"})
        assert [f.client.id for f in found] == [kept.id]
    caseload_page = client.get(f"/team/caseloads/{worker.id}")
    assert caseload_page.status_code == 200
    assert f"/clients/{kept.id}" in caseload_page.get_data(as_text=True)
    assert f'/clients/{other.id}"' not in caseload_page.get_data(as_text=True)
