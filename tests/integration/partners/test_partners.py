"""The partners directory: everyone reads and searches it, seniors keep it; who is in today."""

from datetime import date, time

import pytest
from sqlalchemy import select

from app.models import InReachSession, Partner
from app.partners.directory import happens_on, how_often
from tests.factories.partners import make_in_reach, make_partner
from tests.pagecheck import text_of
from tests.versions import version_at

GOOD = {
    "name": "Capital Community Legal",
    "what_they_do": "Free legal advice about fines, police and court.",
    "address": "40 Northbourne Avenue",
    "phone": "02 6100 2233",
    "email": "help@legal.example.org",
    "website": "legal.example.org",
    "opening_hours": "Monday to Thursday",
    "welcome_note": "Good with people on parole.",
}


@pytest.mark.parametrize("role", ["frontdesk", "trainee", "worker", "senior", "manager"])
def test_everyone_signed_in_can_read_and_search(client, sign_in_as, db_session, role):
    make_partner(db_session, "Northside Community Health", what_they_do="GPs and nurses.")
    legal = make_partner(db_session, "Capital Community Legal", what_they_do="Legal advice.")
    sign_in_as(role)
    page = text_of(client.get("/partners").get_data(as_text=True))
    assert "Northside Community Health" in page and "Capital Community Legal" in page
    page = text_of(client.get("/partners?q=legal").get_data(as_text=True))
    assert "1 found for “legal”" in page
    assert "Capital Community Legal" in page and "Northside" not in page
    assert client.get(f"/partners/{legal.id}").status_code == 200
    assert ("Add a partner" in text_of(client.get("/partners").data.decode())) == (
        role in {"senior", "manager"}
    )


def test_search_with_htmx_sends_back_the_results(client, sign_in_as, db_session):
    make_partner(db_session, "Capital Community Legal")
    sign_in_as("frontdesk")
    response = client.get("/partners?q=capital", headers={"HX-Request": "true"})
    html = response.get_data(as_text=True)
    assert "<h1" not in html and "Capital Community Legal" in html


def test_search_finds_nothing_and_odd_input_is_safe(client, sign_in_as, db_session):
    make_partner(db_session, "Capital Community Legal")
    sign_in_as("worker")
    assert "No partners match that" in text_of(client.get("/partners?q=zzz").data.decode())
    assert "No partners match that" in text_of(client.get("/partners?q=%25_%25").data.decode())
    page = text_of(client.get("/partners?q=" + "x" * 300).get_data(as_text=True))
    assert "The search must be 100 characters or fewer" in page


def test_a_stranger_goes_to_sign_in(client):
    assert client.get("/partners").status_code == 302


@pytest.mark.parametrize("role", ["frontdesk", "trainee", "worker"])
def test_only_seniors_and_managers_keep_the_list(client, sign_in_as, db_session, role):
    partner = make_partner(db_session)
    sign_in_as(role)
    assert client.get("/partners/new").status_code == 404
    assert client.post("/partners/new", data=dict(GOOD)).status_code == 404
    assert client.get(f"/partners/{partner.id}/edit").status_code == 404
    assert client.post(f"/partners/{partner.id}/retire").status_code == 404
    assert client.get(f"/partners/{partner.id}/in-reach/new").status_code == 404


def test_a_senior_adds_and_changes_a_partner(client, sign_in_as, fetch):
    sign_in_as("senior")
    response = client.post("/partners/new", data=dict(GOOD))
    assert response.status_code == 303
    [partner] = fetch(select(Partner))
    assert partner.website == "legal.example.org"
    html = client.get(response.headers["Location"]).get_data(as_text=True)
    assert 'href="https://legal.example.org"' in html
    assert "Good with people on parole." in text_of(html)
    url = f"/partners/{partner.id}/edit"
    response = client.post(
        url,
        data={**GOOD, "phone": "02 6100 9999", "email": "", "version": version_at(client, url)},
    )
    assert response.status_code == 303
    [partner] = fetch(select(Partner))
    assert partner.phone == "02 6100 9999" and partner.email is None


def test_partner_answers_that_do_not_work(client, sign_in_as, fetch):
    sign_in_as("manager")
    response = client.post(
        "/partners/new",
        data={
            **GOOD,
            "name": "",
            "email": "not an email",
            "website": "nope",
            "welcome_note": "w" * 3000,
        },
    )
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    page = text_of(html)
    assert "Enter the name of the service" in page
    assert "Enter an email address like name@example.org" in page
    assert "Enter a website like www.example.org" in page
    assert "The note must be 2,000 characters or fewer" in page
    assert "w" * 3000 in html
    assert fetch(select(Partner)) == []


def test_retire_and_restore(client, sign_in_as, db_session, fetch):
    partner = make_partner(db_session, "Old Town Outreach")
    sign_in_as("senior")
    client.post(f"/partners/{partner.id}/retire")
    assert fetch(select(Partner))[0].active is False
    page = text_of(client.get("/partners").get_data(as_text=True))
    assert "Past partners Old Town Outreach" in page
    client.post(f"/partners/{partner.id}/restore")
    assert fetch(select(Partner))[0].active is True


def test_add_and_stop_an_in_reach_time(client, sign_in_as, db_session, fetch, frozen_clock):
    partner = make_partner(db_session)
    sign_in_as("senior")
    data = {
        "what": "GP and nurse clinic",
        "weekday": "1",
        "repeat": "fortnightly",
        "from_day-day": "3",
        "from_day-month": "3",
        "from_day-year": "2026",
        "starts_at": "10:00",
        "ends_at": "13:00",
    }
    response = client.post(f"/partners/{partner.id}/in-reach/new", data=data)
    assert response.status_code == 303
    [visit] = fetch(select(InReachSession))
    assert (visit.repeat, visit.from_day, visit.starts_at) == (
        "fortnightly",
        date(2026, 3, 3),
        time(10),
    )
    page = text_of(client.get(f"/partners/{partner.id}").get_data(as_text=True))
    assert "Every second Tuesday, 10am to 1pm" in page
    assert "Next: Tuesday 3 March, Tuesday 17 March, Tuesday 31 March" in page
    client.post(f"/partners/{partner.id}/in-reach/{visit.id}/stop")
    assert fetch(select(InReachSession))[0].active is False


def test_in_reach_answers_that_do_not_work(client, sign_in_as, db_session, fetch, frozen_clock):
    partner = make_partner(db_session)
    sign_in_as("senior")
    response = client.post(
        f"/partners/{partner.id}/in-reach/new",
        data={"weekday": "1", "repeat": "monthly", "starts_at": "13:00", "ends_at": "10:00"},
    )
    page = text_of(response.get_data(as_text=True))
    assert "Choose which one in the month" in page
    assert "The end time must be after the start time" in page
    response = client.post(
        f"/partners/{partner.id}/in-reach/new",
        data={
            "weekday": "1",
            "repeat": "fortnightly",
            "from_day-day": "4",
            "from_day-month": "3",
            "from_day-year": "2026",
            "starts_at": "ten",
            "ends_at": "1pm",
        },
    )
    page = text_of(response.get_data(as_text=True))
    assert "That date is not on the day of the week you chose" in page
    assert "Enter a time like 09:30 or 2pm" in page
    assert fetch(select(InReachSession)) == []


def test_who_is_in_today_on_the_day_screen(client, sign_in_as, db_session, frozen_clock):
    # Tuesday 3 March 2026.
    clinic = make_partner(db_session, "Northside Community Health")
    make_in_reach(
        db_session,
        clinic,
        1,
        repeat="fortnightly",
        from_day=date(2026, 2, 17),
        what="GP and nurse clinic",
    )
    corrections = make_partner(db_session, "ACT Community Corrections")
    make_in_reach(db_session, corrections, 4, what="Corrections reporting")
    sign_in_as("frontdesk")
    html = client.get("/frontdesk").get_data(as_text=True)
    section = text_of(html[html.index('id="in-today-heading"') :])
    assert "Northside Community Health: GP and nurse clinic10am to 1pm" in section
    assert "Corrections" not in section


@pytest.mark.parametrize(
    "day, expected",
    [
        (date(2026, 2, 17), True),  # the day it is in step with
        (date(2026, 3, 3), True),  # two weeks later
        (date(2026, 3, 10), False),  # three weeks later
        (date(2026, 2, 3), True),  # two weeks before
        (date(2026, 2, 10), False),  # one week before
        (date(2026, 3, 4), False),  # a Wednesday
    ],
)
def test_every_second_week(day, expected):
    visit = InReachSession(
        weekday=1,
        repeat="fortnightly",
        from_day=date(2026, 2, 17),
        starts_at=time(10),
        ends_at=time(13),
        active=True,
    )
    assert happens_on(visit, day) is expected


def test_once_a_month_and_the_last_one():
    second = InReachSession(
        weekday=2,
        repeat="monthly",
        week_of_month=2,
        active=True,
        starts_at=time(13),
        ends_at=time(15),
    )
    assert happens_on(second, date(2026, 3, 11)) and not happens_on(second, date(2026, 3, 4))
    last = InReachSession(
        weekday=4,
        repeat="monthly",
        week_of_month=5,
        active=True,
        starts_at=time(9),
        ends_at=time(12),
    )
    assert happens_on(last, date(2026, 3, 27)) and not happens_on(last, date(2026, 3, 20))
    assert how_often(second) == "The second Wednesday of the month"
    assert how_often(last) == "The last Friday of the month"
    weekly = InReachSession(weekday=4, repeat="weekly", active=True)
    assert how_often(weekly) == "Every Friday" and happens_on(weekly, date(2026, 3, 6))
    weekly.active = False
    assert not happens_on(weekly, date(2026, 3, 6))
