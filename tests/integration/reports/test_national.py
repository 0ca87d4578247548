"""The AODTS-NMDS export: a check first (what to fix, with links), then the file, logged."""

import csv
import io
from datetime import date

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from app.models import AuditEvent, Client
from app.standards import export
from tests.factories.clients import make_client, make_episode
from tests.pagecheck import text_of

YEAR = {"year": "2025"}

COMPLETE = dict(
    given_name="Elizabeth",
    family_name="Smith",
    born_on=date(1980, 3, 5),
    gender="female",
    country_of_birth="Australia",
    preferred_language="English",
    indigenous="neither",
    referral_source="self",
    client_type="own",
    main_drug="heroin",
    method="injects",
    last_injected="0_3_months",
)
EPISODE = dict(
    opened_on=date(2025, 8, 4),
    closed_on=date(2026, 2, 27),
    reason_for_cessation=1,
    source_of_referral=1,
    principal_drug="1202",
    method_of_use=3,
    injecting_status=1,
    other_drugs=["7101"],
)


@pytest.fixture
def episodes(db_session, frozen_clock):
    complete = make_client(db_session, **COMPLETE)
    make_episode(db_session, complete, **EPISODE)
    gap = make_client(db_session, **{**COMPLETE, "given_name": "Robert", "indigenous": None})
    make_episode(db_session, gap, **EPISODE)
    make_episode(db_session, gap, opened_on=date(2026, 3, 1))  # open: not in the file
    earlier = make_client(db_session, **COMPLETE)
    make_episode(db_session, earlier, **{**EPISODE, "closed_on": date(2025, 6, 30)})  # 2024-25
    child = make_client(db_session, **{**COMPLETE, "born_on": date(2017, 1, 1)})
    make_episode(db_session, child, **EPISODE)  # under 10: out of scope
    return complete, gap


@pytest.fixture
def real_number(app, monkeypatch):
    """The export refuses the placeholder establishment number (issue 17)."""
    monkeypatch.setitem(app.config, "PEERDESK_ESTABLISHMENT_ID", "810100001")


def test_the_check_lists_what_to_fix_with_a_link(client, sign_in_as, episodes, fetch):
    _complete, gap = episodes
    sign_in_as("senior")
    response = client.get("/reports/national", query_string=YEAR)
    page = text_of(response.text)
    assert "National data for 2025-26" in page
    assert "Episodes in the file 2" in page
    assert "Episodes with something to fix 1" in page
    assert 'Answers sent as "not stated" 1' in page
    assert "Left out 1 (under 10 when the episode began)" in page
    assert (
        "Robert: episode closed Friday 27 February 2026 Aboriginal or Torres Strait Islander "
        "status is missing. Change background for Robert" in page
    )
    assert f'href="/clients/{gap.id}/details/background"' in response.text
    assert "The establishment number is the placeholder one" in page
    assert fetch(select(AuditEvent).where(AuditEvent.action == "report.viewed"))


def test_the_csv_has_one_row_per_closed_episode_and_no_names(
    client, sign_in_as, episodes, fetch, real_number
):
    sign_in_as("manager")
    response = client.get("/reports/national.csv", query_string=YEAR)
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert 'filename="aodts-nmds-episodes-2025-26.csv"' in response.headers["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.data.decode())))
    assert rows[0] == list(export.HEADINGS)
    assert len(rows) == 3
    first = dict(zip(export.COLUMN_KEYS, rows[1], strict=True))
    assert first["slk"] == "MIHLI050319802"
    assert first["commenced"] == "04082025" and first["ceased"] == "27022026"
    assert first["establishment"] == "810100001"
    second = dict(zip(export.COLUMN_KEYS, rows[2], strict=True))
    assert second["indigenous"] == "9"  # missing: sent as not stated
    body = response.data.decode().lower()
    assert "elizabeth" not in body and "smith" not in body and "robert" not in body
    logged = fetch(select(AuditEvent).where(AuditEvent.action == "report.nmds_exported"))
    assert logged[0].detail == {
        "year": 2025,
        "format": "csv",
        "episodes": 2,
        "to_fix": 1,
        "not_stated": 1,
    }


def test_the_excel_file_keeps_codes_as_text(client, sign_in_as, episodes, real_number):
    sign_in_as("senior")
    response = client.get("/reports/national.xlsx", query_string=YEAR)
    sheet = load_workbook(io.BytesIO(response.data)).active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[0] == list(export.HEADINGS)
    assert rows[1][export.COLUMN_KEYS.index("born")] == "05031980"
    assert rows[1][export.COLUMN_KEYS.index("principal_drug")] == "1202"


def test_fixing_the_file_clears_the_check(client, sign_in_as, episodes, db_session, app):
    _complete, gap = episodes
    sign_in_as("senior")
    row = db_session.get(Client, gap.id)
    row.indigenous = "aboriginal"
    db_session.commit()
    page = text_of(client.get("/reports/national", query_string=YEAR).text)
    assert "Nothing to fix" in page and 'Answers sent as "not stated" 0' in page


def test_the_establishment_number_is_a_setting(client, sign_in_as, episodes, app, monkeypatch):
    monkeypatch.setitem(app.config, "PEERDESK_ESTABLISHMENT_ID", "810100001")
    sign_in_as("senior")
    assert "placeholder" not in client.get("/reports/national", query_string=YEAR).text
    rows = list(
        csv.reader(io.StringIO(client.get("/reports/national.csv", query_string=YEAR).text))
    )
    assert rows[1][0] == "810100001"


def test_another_year_has_its_own_episodes(client, sign_in_as, episodes):
    sign_in_as("senior")
    page = text_of(client.get("/reports/national", query_string={"year": "2024"}).text)
    assert "National data for 2024-25" in page and "Episodes in the file 1" in page
    # a year not offered falls back to the year we are in
    page = text_of(client.get("/reports/national", query_string={"year": "1999"}).text)
    assert "National data for 2025-26" in page


def test_the_command_writes_the_same_file(app, episodes, tmp_path, fetch, real_number):
    out = tmp_path / "nmds.csv"
    result = app.test_cli_runner().invoke(args=["nmds-export", "--year", "2025", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "2 episodes for 2025-26 written to" in result.output
    assert "1 episodes have something to fix" in result.output
    rows = list(csv.reader(io.StringIO(out.read_text())))
    assert rows[0] == list(export.HEADINGS) and len(rows) == 3
    logged = fetch(select(AuditEvent).where(AuditEvent.action == "report.nmds_exported"))
    assert logged[0].detail["via"] == "command"


@pytest.mark.parametrize("role", ["frontdesk", "trainee", "worker"])
def test_only_seniors_and_the_manager_export(client, sign_in_as, role):
    sign_in_as(role)
    for url in ("/reports/national", "/reports/national.csv", "/reports/national.xlsx"):
        assert client.get(url).status_code == 404, url
