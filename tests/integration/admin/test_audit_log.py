"""Issue 13: an audit log a manager can read, and refused attempts that leave a trace."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
from flask import Response
from sqlalchemy import select

from app import audit, refusals
from app.extensions import db
from app.models import AuditEvent
from tests.factories import make_user
from tests.factories.clients import make_client
from tests.pagecheck import text_of


def add_event(session, action, *, by=None, client=None, client_id=None, detail=None, **fields):
    event = AuditEvent(
        action=action,
        created_by_id=getattr(by, "id", None),
        client_id=client.id if client is not None else client_id,
        detail=detail or {},
        **fields,
    )
    session.add(event)
    session.commit()
    return event


def refused_rows(fetch):
    return fetch(select(AuditEvent).where(AuditEvent.action.in_(("refused", "refusals.capped"))))


@pytest.fixture
def alex_and_tam(db_session):
    alex = make_user(db_session, "worker", display_name="Alex Brown")
    tam = make_client(db_session, alex, given_name="Tam", family_name="Nguyen")
    return alex, tam


# --- every entry in plain words ----------------------------------------------------------------


def test_every_entry_says_who_did_what_to_whose_file_when_and_from_where(
    client, sign_in_as, db_session, frozen_clock, alex_and_tam
):
    sign_in_as("manager")
    alex, tam = alex_and_tam
    add_event(db_session, "client.viewed", by=alex, client=tam, detail={"page": "notes"})
    add_event(
        db_session,
        "client.viewed",
        by=alex,
        client=tam,
        address="10.0.0.7",
        detail={"page": "close episode check"},
    )
    add_event(
        db_session,
        "referral.updated",
        by=alex,
        client=tam,
        detail={"fields": ["attended", "outcome"]},
    )
    add_event(db_session, "client.deleted_under_retention", by=alex, client_id=999)

    page = text_of(client.get("/admin/audit-log").text)

    assert "Alex Brown" in page
    assert "read the case notes" in page
    assert "looked at the check before closing an episode" in page
    assert "updated a referral: whether they went, how it went" in page
    assert f"Tam Nguyen, file {tam.id}" in page
    assert "A deleted file, number 999" in page
    assert "Tuesday 3 March" in page and "12:00pm" in page  # Canberra time
    assert "10.0.0.7" in page
    for code in ("client.viewed", "referral.updated", "page:", "fields:", "['attended'"):
        assert code not in page


def test_an_unknown_action_code_still_shows_in_readable_words(client, sign_in_as, db_session):
    me = sign_in_as("manager")
    add_event(db_session, "someday.new_thing", by=me, detail={"odd": [1, {"x": None}]})
    response = client.get("/admin/audit-log")
    assert response.status_code == 200
    assert "someday: new thing" in text_of(response.text)


# --- filters by person, staff member, date and kind ---------------------------------------------


def test_a_search_by_the_persons_file_finds_cover_openings_and_giving_the_file_to_a_worker(
    client, sign_in_as, db_session, alex_and_tam
):
    sign_in_as("manager")
    alex, tam = alex_and_tam
    dan = make_user(db_session, "worker", display_name="Dan Ward")
    other = make_client(db_session, dan, given_name="Robin", family_name="Hale")
    add_event(db_session, "client.cover_opened", by=dan, client=tam, detail={"until": "end of day"})
    add_event(db_session, "client.allocated", by=dan, client=tam, detail={"worker_id": alex.id})
    add_event(db_session, "client.viewed", by=dan, client=other, detail={"page": "file"})

    for typed in ("Tam", "tam nguyen", str(tam.id)):
        page = text_of(client.get("/admin/audit-log", query_string={"person": typed}).text)
        assert "opened the file while covering" in page, typed
        assert "gave the file to a worker: Alex Brown" in page, typed
        assert "Robin Hale" not in page, typed

    nobody = client.get("/admin/audit-log", query_string={"person": "Zebedee"})
    assert "No file has that name or number" in text_of(nobody.text)


def test_filters_by_staff_member_date_and_kind_use_names_not_codes(
    client, sign_in_as, db_session, frozen_clock, alex_and_tam
):
    sign_in_as("manager")
    alex, tam = alex_and_tam
    dan = make_user(db_session, "worker", display_name="Dan Ward")
    now = frozen_clock()
    add_event(
        db_session,
        "client.viewed",
        by=alex,
        client=tam,
        detail={"page": "plan"},
        created_at=now - timedelta(days=10),
    )
    add_event(db_session, "client.cover_opened", by=dan, client=tam)
    add_event(db_session, "sign_in", by=dan)

    page = client.get("/admin/audit-log").text
    assert ">Alex Brown</option>" in page and ">Dan Ward</option>" in page
    assert ">Cover openings</option>" in page and ">Refused attempts</option>" in page

    dans = text_of(client.get("/admin/audit-log", query_string={"staff": dan.id}).text)
    assert "opened the file while covering" in dans and "read the plan" not in dans

    covers = text_of(client.get("/admin/audit-log?kind=Cover+openings").text)
    assert "opened the file while covering" in covers and "signed in" not in covers

    old = text_of(
        client.get(
            "/admin/audit-log",
            query_string={"until-day": 25, "until-month": 2, "until-year": 2026},
        ).text
    )
    assert "read the plan" in old and "opened the file while covering" not in old
    recent = text_of(
        client.get(
            "/admin/audit-log",
            query_string={"since-day": 1, "since-month": 3, "since-year": 2026},
        ).text
    )
    assert "read the plan" not in recent and "opened the file while covering" in recent


def test_the_csv_download_has_the_same_plain_words_and_no_spreadsheet_formulas(
    client, sign_in_as, db_session, fetch, alex_and_tam
):
    me = sign_in_as("manager")
    alex, tam = alex_and_tam
    sneaky = make_user(db_session, "worker", display_name='=HYPERLINK("http://x")')
    add_event(db_session, "client.viewed", by=alex, client=tam, detail={"page": "notes"})
    add_event(db_session, "client.viewed", by=sneaky, client=tam, detail={"page": "plan"})
    add_event(db_session, "sign_in", by=alex)

    response = client.get("/admin/audit-log.csv", query_string={"person": tam.id})

    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    assert rows[0] == ["Day", "Time", "Who", "What they did", "Whose file or account", "From where"]
    assert ["Alex Brown", "read the case notes", f"Tam Nguyen, file {tam.id}"] in [
        r[2:5] for r in rows
    ]
    assert '\'=HYPERLINK("http://x")' in [r[2] for r in rows]
    assert not any(cell.startswith(("=", "+", "-", "@")) for r in rows for cell in r)
    assert len(rows) == 3  # the sign-in is not about Tam's file
    exported = fetch(select(AuditEvent).where(AuditEvent.action == "audit_log.exported"))
    assert [e.created_by_id for e in exported] == [me.id]


@pytest.mark.parametrize("role", ["frontdesk", "worker", "senior"])
def test_only_the_manager_can_download_the_audit_log(client, sign_in_as, role):
    sign_in_as(role)
    assert client.get("/admin/audit-log.csv").status_code == 404


# --- refused attempts leave a trace ---------------------------------------------------------------


def test_a_worker_asking_for_another_workers_file_gets_404_and_the_attempt_is_written_down(
    client, sign_in_as, db_session, fetch, alex_and_tam
):
    _, tam = alex_and_tam
    nosy = sign_in_as("worker")

    response = client.get(f"/clients/{tam.id}")

    assert response.status_code == 404
    [row] = refused_rows(fetch)
    assert row.action == "refused" and row.created_by_id == nosy.id
    assert row.client_id == tam.id
    assert row.detail == {"why": "not theirs", "path": f"/clients/{tam.id}", "method": "GET"}


def test_a_page_the_role_does_not_have_is_written_down(client, sign_in_as, fetch):
    volunteer = sign_in_as("frontdesk")
    assert client.get("/admin/users?secret=1").status_code == 404
    [row] = refused_rows(fetch)
    assert row.created_by_id == volunteer.id
    assert row.detail == {"why": "no permission", "path": "/admin/users", "method": "GET"}


def test_a_file_that_does_not_exist_is_not_a_refused_attempt(client, sign_in_as, fetch):
    sign_in_as("worker")
    assert client.get("/clients/999999").status_code == 404
    assert refused_rows(fetch) == []


def test_a_form_that_fails_its_safety_check_is_written_down_even_for_someone_not_signed_in(
    client, fetch
):
    response = client.post("/sign-in", data={"username": "x", "password": "y"}, csrf=False)
    assert response.status_code == 400
    [row] = refused_rows(fetch)
    assert row.created_by_id is None and row.address
    assert row.detail["why"] == "form check failed"


def test_a_flood_of_refused_requests_cannot_fill_the_disk(client, sign_in_as, fetch, alex_and_tam):
    _, tam = alex_and_tam
    sign_in_as("worker")
    for _ in range(150):
        assert client.get(f"/clients/{tam.id}").status_code == 404
    rows = refused_rows(fetch)
    assert len(rows) <= 101
    assert [r.action for r in rows].count("refused") == 100
    assert [r.action for r in rows].count("refusals.capped") == 1


def test_a_refusal_from_two_step_sign_in_is_kept_though_the_request_rolls_back(app, fetch):
    with app.app_context():
        person = make_user(db.session, "worker")
        person_id = person.id
        with app.test_request_context("/sign-in/two-step", method="POST"):
            audit.record_refusal("two-step code wrong", user=person)
            db.session.rollback()
            refusals.write_refused_attempts(Response("refused", status=200))
    [row] = refused_rows(fetch)
    assert row.created_by_id == person_id and row.detail == {"why": "two-step code wrong"}


# --- the manager sees refused attempts per staff member per day ----------------------------------


def test_the_manager_sees_refused_attempts_per_staff_member_per_day(
    client, sign_in_as, db_session, frozen_clock, alex_and_tam
):
    sign_in_as("manager")
    alex, _ = alex_and_tam
    dan = make_user(db_session, "worker", display_name="Dan Ward")
    now = frozen_clock()
    for _ in range(3):
        add_event(db_session, "refused", by=alex, detail={"why": "not theirs"})
    add_event(
        db_session,
        "refused",
        by=dan,
        detail={"why": "no permission"},
        created_at=now - timedelta(days=1),
    )
    add_event(
        db_session,
        "refused",
        by=dan,
        detail={"why": "no permission"},
        created_at=now - timedelta(days=20),
    )

    page = text_of(client.get("/admin/audit-log").text)
    table = page[page.index("Refused attempts per staff member per day") :]

    assert "Tuesday 3 March Alex Brown 3" in table
    assert "Monday 2 March Dan Ward 1" in table
    assert table.index("Tuesday 3 March") < table.index("Monday 2 March")
    assert "11 February" not in table  # older than 14 days
    assert "asked for a page their role does not have" in page
