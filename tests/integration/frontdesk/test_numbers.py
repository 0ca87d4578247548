"""Numbers for the organisation: the day summary, the datasheet, CSV and Excel downloads."""

import csv
import io
from datetime import UTC, date, datetime

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from app.models import AuditEvent, TallyEvent
from tests.factories.frontdesk import make_item, make_taps
from tests.integration.frontdesk.conftest import table_rows
from tests.pagecheck import text_of

TUESDAY = "on-day=3&on-month=3&on-year=2026"


@pytest.fixture
def counted(db_session, items, frozen_clock):
    """Tuesday 3 March: visitors at 10am and 11am, meals; Monday 2 March: fit packs."""
    make_taps(db_session, items["visitors"], 3, at=datetime(2026, 3, 2, 23, 5, tzinfo=UTC))
    make_taps(db_session, items["visitors"], 5, at=datetime(2026, 3, 3, 0, 10, tzinfo=UTC))
    make_taps(db_session, items["meals"], 7)
    make_taps(db_session, items["packs"], 4, day=date(2026, 3, 2))
    return items


@pytest.mark.parametrize("role", ["frontdesk", "worker", "senior", "manager"])
def test_the_day_summary(client, sign_in_as, counted, role):
    sign_in_as(role)
    response = client.get("/frontdesk/summary")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    page = text_of(html)
    assert "Numbers for Tuesday 3 March" in page
    assert "Visitors by hour" in page
    assert "10am 3" in page and "11am 5" in page  # numbers beside the bars
    assert "Meals 7" in page
    rows = table_rows(html)
    assert ["Food and drink", "Meals", "7"] == rows[2][:3]
    assert ["All taps", "15"] == rows[-1][:2]
    assert ("Fix the number" in page) == (role == "manager")


def test_the_chart_has_no_inline_style(client, sign_in_as, counted):
    sign_in_as("frontdesk")
    html = client.get("/frontdesk/summary").get_data(as_text=True)
    assert "<meter" in html and "style=" not in html


def test_an_earlier_day(client, sign_in_as, counted):
    sign_in_as("frontdesk")
    page = text_of(client.get("/frontdesk/summary?on-day=2&on-month=3&on-year=2026").data.decode())
    assert "Numbers for Monday 2 March" in page
    assert "Fit packs 4" in page and "The day after" in page


def test_a_day_in_the_future_is_refused(client, sign_in_as, counted):
    sign_in_as("frontdesk")
    response = client.get("/frontdesk/summary?on-day=4&on-month=3&on-year=2026")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "<title>Error: " in html
    assert "The date must be today or in the past" in text_of(html)
    assert "All taps" not in text_of(html)


def test_a_date_that_is_not_real(client, sign_in_as, counted):
    sign_in_as("frontdesk")
    page = text_of(client.get("/frontdesk/summary?on-day=31&on-month=2&on-year=2026").data.decode())
    assert "Enter a real date" in page


def test_the_trainee_cannot_see_numbers(client, sign_in_as, counted):
    sign_in_as("trainee")
    assert client.get("/frontdesk/summary").status_code == 404
    assert client.get("/frontdesk/datasheet").status_code == 404
    assert client.get("/frontdesk/datasheet.csv").status_code == 404


def test_a_retired_item_keeps_its_history(client, sign_in_as, db_session, counted):
    old = make_item(db_session, "Clothes given", "other", icon="shirt", active=False)
    make_taps(db_session, old, 2)
    sign_in_as("frontdesk")
    rows = table_rows(client.get("/frontdesk/summary").get_data(as_text=True))
    assert ["Other things", "Clothes given Not counted now", "2"] in rows


def test_the_datasheet_this_month(client, sign_in_as, counted):
    sign_in_as("frontdesk")
    response = client.get("/frontdesk/datasheet")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    page = text_of(html)
    assert "Drop-in datasheet" in page
    assert "Sunday 1 March to Tuesday 3 March" in page
    rows = table_rows(html)
    assert rows[0] == ["Day", "Visitors", "Meals", "Fit packs", "All"]
    assert rows[2] == ["Mon 2 Mar", "0", "0", "4", "4"]
    assert rows[3] == ["Tue 3 Mar", "8", "7", "0", "15"]
    assert rows[4] == ["Total", "8", "7", "4", "19"]
    assert "Meals: 7 in all" in page


def test_the_datasheet_for_any_range(client, sign_in_as, counted):
    sign_in_as("manager")
    query = "start-day=2&start-month=3&start-year=2026&end-day=2&end-month=3&end-year=2026"
    html = client.get(f"/frontdesk/datasheet?{query}").get_data(as_text=True)
    assert "Monday 2 March to Monday 2 March" in text_of(html)
    assert table_rows(html)[-1] == ["Total", "0", "0", "4", "4"]


@pytest.mark.parametrize(
    "query, message",
    [
        (
            "start-day=3&start-month=3&start-year=2026&end-day=1&end-month=3&end-year=2026",
            "The To date must be the same as or after the From date",
        ),
        (
            "start-day=1&start-month=3&start-year=2026&end-day=9&end-month=3&end-year=2026",
            "The date must be today or in the past",
        ),
        (
            "start-day=1&start-month=1&start-year=2024&end-day=1&end-month=3&end-year=2026",
            "Choose a year or less",
        ),
    ],
)
def test_datasheet_dates_that_do_not_work(client, sign_in_as, counted, query, message):
    sign_in_as("frontdesk")
    response = client.get(f"/frontdesk/datasheet?{query}")
    assert response.status_code == 200
    assert message in text_of(response.get_data(as_text=True))
    download = client.get(f"/frontdesk/datasheet.csv?{query}")
    assert download.status_code == 400
    assert message in download.get_data(as_text=True)


def test_the_csv_download(client, sign_in_as, counted, fetch):
    me = sign_in_as("frontdesk")
    response = client.get("/frontdesk/datasheet.csv")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert (
        "drop-in-datasheet-2026-03-01-to-2026-03-03.csv" in response.headers["Content-Disposition"]
    )
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    assert rows[0] == ["Date", "Day", "Visitors", "Meals", "Fit packs", "All"]
    assert rows[2] == ["2026-03-02", "Monday", "0", "0", "4", "4"]
    assert rows[-1] == ["Total", "", "8", "7", "4", "19"]
    [event] = fetch(select(AuditEvent).where(AuditEvent.action == "frontdesk.datasheet_exported"))
    assert event.created_by_id == me.id
    assert event.detail == {"format": "csv", "from": "2026-03-01", "to": "2026-03-03"}


def test_the_excel_download(client, sign_in_as, counted, fetch):
    sign_in_as("senior")
    response = client.get("/frontdesk/datasheet.xlsx")
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.data))
    sheet = book.active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[2] == ["Date", "Day", "Visitors", "Meals", "Fit packs", "All"]
    assert rows[4][1:] == ["Monday", 0, 0, 4, 4]
    assert rows[-1] == ["Total", None, 8, 7, 4, 19]
    [event] = fetch(select(AuditEvent).where(AuditEvent.action == "frontdesk.datasheet_exported"))
    assert event.detail["format"] == "xlsx"


def test_a_label_that_looks_like_a_formula_is_kept_as_text(
    client, sign_in_as, db_session, frozen_clock
):
    make_taps(db_session, make_item(db_session, "=1+2", "other"), 1)
    sign_in_as("manager")
    text = client.get("/frontdesk/datasheet.csv").get_data(as_text=True)
    assert "'=1+2" in text


def test_a_manager_fixes_an_earlier_day_from_the_summary(client, sign_in_as, counted, fetch):
    sign_in_as("manager")
    html = client.get("/frontdesk/summary?on-day=2&on-month=3&on-year=2026").get_data(as_text=True)
    assert 'name="day" value="2026-03-02"' in html
    import re

    key = re.search(r'name="key" value="([^"]+)"', html).group(1)
    response = client.post(
        "/frontdesk/taps",
        data={"item": str(counted["packs"].id), "change": "off", "key": key, "day": "2026-03-02"},
    )
    assert response.status_code == 303
    page = text_of(client.get(response.headers["Location"]).get_data(as_text=True))
    assert "Took one off Fit packs. 3 on 2 March." in page
    packs = fetch(select(TallyEvent).where(TallyEvent.item_id == counted["packs"].id))
    assert sum(e.delta for e in packs) == 3
