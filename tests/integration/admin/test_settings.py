"""Issue 17: the establishment identifier is a setting the manager changes in the app. The
saved value wins over PEERDESK_ESTABLISHMENT_ID; the export refuses the placeholder; the
national data page opens on this financial year, with years in its dates."""

import csv
import io
from datetime import date

import pytest
from sqlalchemy import select

from app.models import AuditEvent, Setting
from app.standards import export
from tests.factories.clients import make_client, make_episode
from tests.pagecheck import text_of

YEAR = {"year": "2025"}


@pytest.fixture
def closed_episode(db_session, frozen_clock):
    person = make_client(db_session, family_name="Smith", born_on=date(1980, 3, 5), gender="female")
    return make_episode(
        db_session,
        person,
        opened_on=date(2025, 8, 4),
        closed_on=date(2026, 2, 27),
        reason_for_cessation=1,
    )


def file_rows(client) -> list[list[str]]:
    return list(
        csv.reader(io.StringIO(client.get("/reports/national.csv", query_string=YEAR).text))
    )


def set_number(client, value: str):
    return client.post("/admin/settings", data={"establishment_id": value})


@pytest.mark.parametrize("role", ["frontdesk", "trainee", "worker", "senior"])
def test_only_the_manager_reaches_the_settings(client, sign_in_as, role, fetch):
    sign_in_as(role)
    assert client.get("/admin/settings").status_code == 404
    assert set_number(client, "810100001").status_code == 404
    assert fetch(select(Setting)) == []


def test_the_manager_sets_the_number(client, sign_in_as, fetch, frozen_clock):
    manager = sign_in_as("manager")
    page = text_of(client.get("/admin/settings").text)
    assert "Settings" in page and "Not set The placeholder 800000000" in page
    response = set_number(client, "81010 0001")  # copied with a space
    assert response.status_code == 303
    row = fetch(select(Setting))[0]
    assert (row.name, row.value, row.changed_by_id) == ("establishment_id", "810100001", manager.id)
    logged = fetch(select(AuditEvent).where(AuditEvent.action == "setting.changed"))
    assert logged[0].detail == {"setting": "establishment_id", "from": None, "to": "810100001"}
    page = text_of(client.get("/admin/settings").text)
    assert "Establishment number saved." in page
    assert "The file uses 810100001" in page and "Set by Test Manager" in page


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("12345", "The establishment number is not in the national shape"),
        ("81-0100001", "The establishment number is not in the national shape"),
        ("800000000", "That is the placeholder number"),
        ("", "Enter the establishment number"),
    ],
)
def test_a_bad_number_is_refused_and_nothing_saved(client, sign_in_as, fetch, typed, says):
    sign_in_as("manager")
    response = set_number(client, typed)
    page = text_of(response.text)
    assert response.status_code == 200
    assert "There is a problem" in page and says in page
    assert fetch(select(Setting)) == []
    assert fetch(select(AuditEvent).where(AuditEvent.action == "setting.changed")) == []


def test_the_saved_number_wins_over_the_variable(
    client, sign_in_as, app, monkeypatch, closed_episode
):
    monkeypatch.setitem(app.config, "PEERDESK_ESTABLISHMENT_ID", "810100002")
    sign_in_as("manager")
    page = text_of(client.get("/admin/settings").text)
    assert "The file uses 810100002 (set when the app was put in)" in page
    rows = file_rows(client)
    assert rows[1][export.COLUMN_KEYS.index("establishment")] == "810100002"
    set_number(client, "810100001")
    rows = file_rows(client)
    assert rows[1][export.COLUMN_KEYS.index("establishment")] == "810100001"


def test_the_export_refuses_the_placeholder(client, sign_in_as, closed_episode, fetch, app):
    sign_in_as("manager")
    page = text_of(client.get("/reports/national", query_string=YEAR).text)
    assert "The establishment number is the placeholder one" in page
    assert "Set the establishment number" in page  # a link for the manager
    assert "Download CSV" not in page
    for kind in ("csv", "xlsx"):
        response = client.get(f"/reports/national.{kind}", query_string=YEAR)
        assert response.status_code == 303  # back to the page, which says why
        words = text_of(client.get(response.headers["Location"]).text)
        assert "placeholder one, so the file cannot be made" in words
        assert "A manager sets it in Settings" in words
    assert fetch(select(AuditEvent).where(AuditEvent.action == "report.nmds_exported")) == []
    result = app.test_cli_runner().invoke(args=["nmds-export", "--year", "2025"])
    assert result.exit_code != 0 and "placeholder" in result.output


def test_a_senior_is_told_to_ask_the_manager(client, sign_in_as, closed_episode):
    sign_in_as("senior")
    page = text_of(client.get("/reports/national").text)
    assert "Ask the manager to set it in Settings" in page


def test_the_national_page_opens_on_this_financial_year(client, sign_in_as, closed_episode):
    sign_in_as("senior")  # the frozen clock: 3 March 2026, in the 2025-26 year
    page = text_of(client.get("/reports/national").text)
    assert "National data for 2025-26" in page
    assert "Every episode closed from Tuesday 1 July 2025 to Tuesday 30 June 2026" in page
    assert "Episodes in the file 1" in page
    assert "episode closed Friday 27 February 2026" in page  # the year, even this year
