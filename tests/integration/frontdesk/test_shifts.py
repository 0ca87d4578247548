"""Volunteer shifts: start and end at the desk, a senior records one, hours per week."""

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from app.models import Shift
from tests.factories import make_user
from tests.factories.frontdesk import make_shift
from tests.integration.frontdesk.conftest import table_rows
from tests.pagecheck import text_of


def test_start_and_end_a_shift_at_the_desk(client, sign_in_as, fetch, frozen_clock):
    me = sign_in_as("frontdesk")
    assert "Start my shift" in text_of(client.get("/frontdesk").data.decode())
    response = client.post("/frontdesk/shifts/start")
    assert response.status_code == 303
    page = text_of(client.get("/frontdesk").get_data(as_text=True))
    assert "Your shift started at 12:00pm." in page
    assert "End my shift" in page
    client.post("/frontdesk/shifts/start")  # again: still one shift
    assert len(fetch(select(Shift))) == 1
    frozen_clock.advance(hours=3, minutes=30)
    sign_in_as(user=me)
    client.post("/frontdesk/shifts/end")
    [shift] = fetch(select(Shift))
    assert shift.user_id == me.id and shift.desk == 1
    assert shift.ended_at - shift.started_at == timedelta(hours=3, minutes=30)
    assert "Shift ended: 3.5 hours. Thank you!" in text_of(client.get("/frontdesk").data.decode())
    client.post("/frontdesk/shifts/end")
    assert "You have no shift going." in text_of(client.get("/frontdesk").data.decode())


def test_a_volunteer_sees_their_own_hours(client, sign_in_as, db_session, frozen_clock):
    me = sign_in_as("frontdesk", display_name="Kim Nguyen")
    other = make_user(db_session, "frontdesk", display_name="Bec Harris")
    make_shift(db_session, me, datetime(2026, 3, 2, 22, 0, tzinfo=UTC), hours=4)
    make_shift(db_session, me, datetime(2026, 2, 23, 22, 0, tzinfo=UTC), hours=3)
    make_shift(db_session, other, datetime(2026, 3, 2, 22, 0, tzinfo=UTC), hours=5)
    html = client.get("/frontdesk/shifts").get_data(as_text=True)
    rows = table_rows(html)
    assert rows[0][0] == "Person" and rows[0][-2:] == ["2 Mar", "All"]
    assert rows[1][0] == "Kim Nguyen" and rows[1][-3:] == ["3", "4", "7"]
    assert "Bec Harris" not in text_of(html)
    assert "Record a shift for someone" not in text_of(html)


def test_a_senior_sees_everyone_and_records_a_shift(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    volunteer = make_user(db_session, "frontdesk", display_name="Bec Harris")
    me = sign_in_as("senior")
    assert "Bec Harris" in text_of(client.get("/frontdesk/shifts").data.decode())
    assert client.get("/frontdesk/shifts/new").status_code == 200
    data = {
        "person": str(volunteer.id),
        "day-day": "2",
        "day-month": "3",
        "day-year": "2026",
        "starts": "09:30",
        "ends": "1:00pm",
    }
    response = client.post("/frontdesk/shifts/new", data=data)
    assert response.status_code == 303
    [shift] = fetch(select(Shift))
    assert shift.user_id == volunteer.id and shift.created_by_id == me.id
    assert shift.ended_at - shift.started_at == timedelta(hours=3, minutes=30)
    page = text_of(client.get("/frontdesk/shifts").get_data(as_text=True))
    assert "Shift saved for Bec Harris: 3.5 hours." in page


def test_recording_a_shift_that_does_not_add_up(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    volunteer = make_user(db_session, "frontdesk")
    sign_in_as("senior")
    cases = [
        ({"person": "0"}, "Choose who did the shift"),
        ({"person": "somebody"}, "Choose who did the shift"),
        ({"day-day": "9", "day-month": "3", "day-year": "2026"}, "today or in the past"),
        ({"day-day": "", "day-month": "", "day-year": ""}, "Enter the day of the shift"),
        ({"starts": "half past"}, "Enter a time like 09:30 or 2pm"),
        ({"ends": "08:00"}, "The end time must be after the start time"),
        ({"day-day": "3", "ends": "15:00"}, "The end time must not be later than now"),
    ]
    for change, message in cases:
        data = {
            "person": str(volunteer.id),
            "day-day": "2",
            "day-month": "3",
            "day-year": "2026",
            "starts": "09:30",
            "ends": "13:00",
            **change,
        }
        response = client.post("/frontdesk/shifts/new", data=data)
        assert response.status_code == 200, message
        assert message in text_of(response.get_data(as_text=True)), message
    assert fetch(select(Shift)) == []


def test_a_senior_ends_a_forgotten_shift(client, sign_in_as, db_session, fetch, frozen_clock):
    volunteer = make_user(db_session, "frontdesk", display_name="Bec Harris")
    shift = make_shift(db_session, volunteer, datetime(2026, 3, 2, 22, 0, tzinfo=UTC), hours=None)
    sign_in_as("senior")
    page = text_of(client.get("/frontdesk/shifts").get_data(as_text=True))
    assert "Shifts still going" in page and "Bec Harris" in page
    response = client.post(
        f"/frontdesk/shifts/{shift.id}/end", data={f"shift-{shift.id}-ends": "08:00"}
    )
    assert response.status_code == 200
    assert "The end time must be after the start time" in text_of(response.data.decode())
    response = client.post(
        f"/frontdesk/shifts/{shift.id}/end", data={f"shift-{shift.id}-ends": "11:00"}
    )
    assert response.status_code == 303
    [saved] = fetch(select(Shift))
    assert saved.ended_at - saved.started_at == timedelta(hours=2)
    # A second senior with the page still open: told, and the first end time stays.
    again = client.post(
        f"/frontdesk/shifts/{shift.id}/end", data={f"shift-{shift.id}-ends": "11:30"}
    )
    assert again.status_code == 303
    page = text_of(client.get(again.headers["Location"]).get_data(as_text=True))
    assert "Someone else ended this shift already. It ended at 11:00am." in page
    assert fetch(select(Shift))[0].ended_at == saved.ended_at


def test_a_volunteer_cannot_record_for_others(client, sign_in_as, db_session):
    sign_in_as("frontdesk")
    assert client.get("/frontdesk/shifts/new").status_code == 404
    assert client.post("/frontdesk/shifts/1/end").status_code == 404
