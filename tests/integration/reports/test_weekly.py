"""The weekly report: one printable page for a week, with CSV and Excel downloads."""

import csv
import io
from datetime import date

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from app.models import AuditEvent
from tests.factories import make_user
from tests.factories.care import (
    make_aid,
    make_issue,
    make_note,
    make_plan,
    make_referral,
    on,
)
from tests.factories.clients import make_client, make_consent, make_episode
from tests.factories.frontdesk import make_handover, make_item, make_taps
from tests.factories.partners import make_partner
from tests.pagecheck import text_of

WEEK = {"week-day": "3", "week-month": "3", "week-year": "2026"}


@pytest.fixture
def a_week(db_session, frozen_clock):
    """Work in the week of Monday 2 March 2026, and a little outside it."""
    alex = make_user(db_session, "worker", display_name="Alex Murray")
    priya = make_user(db_session, "worker", display_name="Priya Sharma")
    visitors = make_item(db_session, "Visitors", "people", key="visitors")
    meals = make_item(db_session, "Meals", "food")
    make_taps(db_session, visitors, 5, day=date(2026, 3, 2))
    make_taps(db_session, visitors, 1, day=date(2026, 3, 9))  # next week
    make_taps(db_session, meals, 3, day=date(2026, 3, 3))
    make_handover(db_session, None, day=date(2026, 3, 2), urgency="immediate")
    make_handover(
        db_session,
        None,
        day=date(2026, 3, 3),
        urgency="ongoing",
        status="picked_up",
        picked_up_by_id=alex.id,
        picked_up_at=on(date(2026, 3, 3)),
    )
    jaz = make_client(db_session, alex, nickname="Jaz")
    kai = make_client(db_session, priya, nickname="Kai")
    for day, kind in [(2, "face_to_face"), (3, "face_to_face"), (4, "phone")]:
        make_note(db_session, jaz, by=alex, contact_at=on(date(2026, 3, day)), kind=kind)
    make_note(db_session, jaz, by=alex, contact_at=on(date(2026, 2, 27)))  # last week
    make_note(db_session, kai, by=priya, contact_at=on(date(2026, 3, 2)), kind="phone")
    episode = make_episode(db_session, jaz)
    make_plan(
        db_session,
        jaz,
        episode,
        by=alex,
        agreed_on=date(2026, 3, 2),
        goals=[("Find a flat", "done", date(2026, 3, 3)), "See a GP"],
    )
    consent = make_consent(db_session, jaz, given_on=date(2026, 2, 1))
    make_referral(db_session, jaz, None, make_partner(db_session, "Housing ACT"), consent, by=alex)
    make_aid(db_session, jaz, kind="food", by=alex, quantity=2)
    make_aid(db_session, kai, kind="clothes", by=priya)
    make_issue(db_session, jaz, kind="individual", by=alex)
    make_issue(db_session, kind="systemic", by=priya)
    closed = make_episode(db_session, kai, opened_on=date(2025, 9, 1))
    closed.closed_on, closed.reason_for_cessation, closed.closed_by_id = (
        date(2026, 3, 3),
        7,
        priya.id,
    )
    db_session.commit()
    return alex, priya


def test_the_team_report_for_a_week(client, sign_in_as, a_week):
    sign_in_as("senior")
    response = client.get("/reports/weekly", query_string=WEEK)
    page = text_of(response.text)
    assert "Weekly report, Monday 2 March to Sunday 8 March" in page
    assert "The whole team" in page
    assert "Front desk totals Front desk totals" in page  # heading, then the chart caption
    assert "Visitors 5 Meals 3" in page
    assert "Made: right now, today 1" in page and "(ongoing support) 1" in page
    assert "Picked up by a worker 1 Still waiting 1" in page
    assert "Files started: 2" in page
    assert "Contacts, by kind: 4" in page and "Face to face 2 Phone 2" in page
    assert "Plans made 1 Goals done 1" in page
    assert "Referrals, by service: 1" in page and "Housing ACT: 1" in page
    assert "Material aid given: 3" in page and "Food 2 Clothes 1" in page
    assert "Raised: for one person 1 Raised: systemic 1" in page
    assert (
        "Episodes closed, by reason: 1" in page and "Stopped coming, without telling us: 1" in page
    )
    # a Print button (shown by app.js), and the downloads
    assert "data-print" in response.text and "Print" in page
    assert "Download CSV" in page and "Download Excel" in page


def test_a_worker_sees_their_own_work(client, sign_in_as, a_week):
    alex, _priya = a_week
    sign_in_as(user=alex)
    page = text_of(client.get("/reports/weekly", query_string=WEEK).text)
    assert "Your own work: Alex Murray" in page
    assert "Front desk totals" not in page
    assert "Contacts, by kind: 3" in page
    assert "Picked up by a worker: 1" in page
    assert "Material aid given: 2" in page
    assert "Episodes closed, by reason" in page and "Stopped coming" not in page
    # A worker cannot ask for the team's report.
    page = text_of(client.get("/reports/weekly", query_string={**WEEK, "scope": "team"}).text)
    assert "Contacts, by kind: 3" in page


def test_a_senior_can_see_only_their_own_work(client, sign_in_as, a_week):
    sign_in_as("senior")
    page = text_of(client.get("/reports/weekly", query_string={**WEEK, "scope": "own"}).text)
    assert "Your own work" in page and "Contacts, by kind: 0" in page


def test_the_csv_download_is_logged(client, sign_in_as, a_week, fetch):
    sign_in_as("senior")
    response = client.get("/reports/weekly.csv", query_string=WEEK)
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert 'filename="weekly-report-2026-03-02.csv"' in response.headers["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.data.decode("utf-8-sig"))))
    assert rows[0][0].endswith("weekly report for the whole team, 2 March 2026 to 8 March 2026")
    assert rows[1] == ["Part", "What", "Number"]
    assert ["Contacts, by kind", "Face to face", "2"] in rows
    assert ["Front desk totals", "Visitors", "5"] in rows
    logged = fetch(select(AuditEvent).where(AuditEvent.action == "report.downloaded"))
    assert logged[0].detail == {
        "report": "weekly",
        "format": "csv",
        "week": "2026-03-02",
        "scope": "team",
    }


def test_the_excel_download(client, sign_in_as, a_week, fetch):
    sign_in_as("manager")
    response = client.get("/reports/weekly.xlsx", query_string=WEEK)
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.data)).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert ["Part", "What", "Number"] in values
    assert ["Material aid given", "Food", 2] in values
    assert ["Material aid given", "Total", 3] in values
    assert fetch(select(AuditEvent).where(AuditEvent.action == "report.downloaded"))


def test_a_week_in_the_future_is_refused_in_plain_words(client, sign_in_as, frozen_clock):
    sign_in_as("senior")
    response = client.get(
        "/reports/weekly", query_string={"week-day": "1", "week-month": "1", "week-year": "2030"}
    )
    assert response.status_code == 200
    assert "The date must be today or in the past" in response.text
    response = client.get(
        "/reports/weekly.csv",
        query_string={"week-day": "1", "week-month": "1", "week-year": "2030"},
        check=False,
    )
    assert response.status_code == 400


def test_the_reports_page(client, sign_in_as):
    sign_in_as("worker")
    page = text_of(client.get("/reports/").text)
    assert "Weekly report" in page and "National data" not in page
    sign_in_as("senior")
    assert "National data" in text_of(client.get("/reports/").text)


@pytest.mark.parametrize("role", ["frontdesk", "trainee"])
def test_front_desk_and_trainees_have_no_reports_here(client, sign_in_as, role):
    sign_in_as(role)
    for url in ("/reports/", "/reports/weekly", "/reports/weekly.csv", "/reports/weekly.xlsx"):
        assert client.get(url).status_code == 404, url
