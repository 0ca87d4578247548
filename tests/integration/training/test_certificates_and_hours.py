"""Certificates (issued, expiry, reminders on the home page) and hours per week."""

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from app import clock
from app.models import Certificate, TrainingSession
from tests.factories import make_user, training
from tests.pagecheck import text_of


def _cert(kind="nsp", issued=("1", "2", "2026"), expires=("1", "2", "2029"), note=""):
    data = {"kind": kind, "note": note}
    for name, parts in (("issued_on", issued), ("expires_on", expires)):
        if parts:
            data.update(
                dict(zip((f"{name}-day", f"{name}-month", f"{name}-year"), parts, strict=True))
            )
    return data


def test_adding_my_certificate(client, sign_in_as, programme, fetch, frozen_clock):
    me = sign_in_as("trainee")
    page = text_of(client.get("/training/certificates/new").get_data(as_text=True))
    for kind in (
        "Needle and syringe program (NSP) certificate",
        "Food handling",
        "Hand hygiene",
        "First aid",
        "Mental health first aid",
        "Alcohol and other drugs (AOD) Certificate IV",
        "Working with Vulnerable People registration",
        "De-escalation",
        "Trauma informed practice",
    ):
        assert kind in page
    response = client.post("/training/certificates/new", data=_cert())
    assert response.status_code == 303
    [row] = fetch(select(Certificate))
    assert (row.user_id, row.kind, str(row.issued_on), str(row.expires_on)) == (
        me.id,
        "nsp",
        "2026-02-01",
        "2029-02-01",
    )
    page = text_of(client.get("/training/certificates").get_data(as_text=True))
    assert (
        "Needle and syringe program (NSP) certificate" in page
        and "1 Feb 2029" in page
        and "OK" in page
    )


def test_a_certificate_that_does_not_run_out(client, sign_in_as, programme, fetch):
    sign_in_as("trainee")
    assert client.post("/training/certificates/new", data=_cert(expires=None)).status_code == 303
    assert fetch(select(Certificate))[0].expires_on is None
    assert "Does not run out" in text_of(
        client.get("/training/certificates").get_data(as_text=True)
    )


def test_expiry_before_issue_is_refused(client, sign_in_as, programme, fetch, frozen_clock):
    sign_in_as("trainee")
    response = client.post(
        "/training/certificates/new",
        data=_cert(issued=("1", "2", "2026"), expires=("1", "1", "2026")),
    )
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "The day it runs out must be after the day it was given" in html
    assert 'value="2026"' in html  # what was typed is kept
    assert fetch(select(Certificate)) == []


def test_a_missing_kind_and_a_future_issue_date_get_plain_messages(
    client, sign_in_as, programme, frozen_clock
):
    sign_in_as("trainee")
    html = client.post(
        "/training/certificates/new", data=_cert(kind="", issued=("1", "1", "2030"))
    ).get_data(as_text=True)
    assert "Choose which certificate or check it is" in html
    assert "The date must be today or in the past" in html


def test_reminders_30_days_before_expiry_on_my_home_and_the_trainers(
    client, sign_in_as, programme, db_session, frozen_clock
):
    jordan = make_user(db_session, "trainee", display_name="Jordan Lee")
    training.make_certificate(db_session, jordan, "food_handling", expires_in=20)
    training.make_certificate(db_session, jordan, "first_aid", expires_in=45)
    sign_in_as(user=jordan)
    page = text_of(client.get("/").get_data(as_text=True))
    assert "Your certificates to renew" in page
    assert "Food handling: runs out on Monday 23 March" in page
    assert "First aid" not in page

    sign_in_as("senior")
    page = text_of(client.get("/").get_data(as_text=True))
    assert "Certificates running out" in page
    assert "Jordan Lee: Food handling, runs out on Monday 23 March" in page


def test_no_reminder_panel_when_nothing_is_due(client, sign_in_as, programme, db_session):
    jordan = make_user(db_session, "trainee")
    training.make_certificate(db_session, jordan, "first_aid", expires_in=120)
    sign_in_as(user=jordan)
    assert "to renew" not in text_of(client.get("/").get_data(as_text=True))
    sign_in_as("manager")
    assert "Certificates running out" not in text_of(client.get("/").get_data(as_text=True))


def test_a_newer_certificate_stops_the_reminder(client, sign_in_as, programme, db_session):
    jordan = make_user(db_session, "trainee")
    training.make_certificate(db_session, jordan, "nsp", expires_in=5)
    training.make_certificate(
        db_session, jordan, "nsp", issued_on=clock.today(), expires_in=3 * 365
    )
    sign_in_as(user=jordan)
    assert "to renew" not in text_of(client.get("/").get_data(as_text=True))
    assert "A newer one is added" in text_of(
        client.get("/training/certificates").get_data(as_text=True)
    )


def test_hours_add_up_training_and_shifts_each_week(
    client, sign_in_as, programme, db_session, frozen_clock
):
    me = make_user(db_session, "frontdesk")
    today = clock.today()  # Tuesday 3 March 2026
    training.make_session(db_session, me, today, 60)
    training.make_session(db_session, me, today - timedelta(days=7), 90)
    training.make_shift(db_session, me, datetime(2026, 3, 2, 0, 0, tzinfo=UTC), 3)
    training.make_shift(db_session, me, datetime(2026, 2, 10, 0, 0, tzinfo=UTC), 4)
    sign_in_as(user=me)
    html = client.get("/training/hours").get_data(as_text=True)
    page = text_of(html)
    assert "Week of 2 March 4 hours" in page
    assert "Week of 23 February 1.5 hours" in page
    assert "Week of 9 February 4 hours" in page
    assert "Week of 12 January 0 hours" in page  # eight weeks are shown
    assert "<meter" in html
    assert "%" not in page


def test_adding_my_training_time(client, sign_in_as, programme, fetch, frozen_clock):
    me = sign_in_as("trainee")
    response = client.post(
        "/training/hours",
        data={
            "day-day": "3",
            "day-month": "3",
            "day-year": "2026",
            "minutes": "90",
            "what": "Module 1 readings at home",
        },
    )
    assert response.status_code == 303
    [row] = fetch(select(TrainingSession))
    assert (row.user_id, row.minutes, row.what) == (me.id, 90, "Module 1 readings at home")
    page = text_of(client.get("/training/hours").get_data(as_text=True))
    assert "Week of 2 March 1.5 hours" in page
    assert "Tuesday 3 March: about 1 and a half hours. Module 1 readings at home" in page


def test_training_time_needs_words_and_a_length(client, sign_in_as, programme, fetch):
    sign_in_as("trainee")
    html = client.post(
        "/training/hours", data={"day-day": "3", "day-month": "3", "day-year": "2026", "what": "  "}
    ).get_data(as_text=True)
    assert "Choose how long it was" in html
    assert "Say in a few words what you did" in html
    assert fetch(select(TrainingSession)) == []
