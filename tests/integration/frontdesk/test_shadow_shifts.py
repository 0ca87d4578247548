"""Shadow shifts: a trainee records time beside the volunteer on duty, who confirms it;
only confirmed time counts as the trainee's hours (issue 17)."""

from sqlalchemy import select

from app.models import AuditEvent, Shift
from tests.factories import make_user
from tests.pagecheck import text_of


def record(client, volunteer, **fields):
    data = {
        "person": str(volunteer.id),
        "day-day": "3",
        "day-month": "3",
        "day-year": "2026",
        "starts": "09:30",
        "ends": "11:00",
    }
    data.update(fields)
    return client.post("/frontdesk/shadow/new", data=data)


def test_a_trainee_records_a_shadow_shift_and_the_volunteer_confirms_it(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    volunteer = make_user(db_session, "frontdesk", display_name="Kim Nguyen")
    make_user(db_session, "worker", display_name="Not At The Desk")
    trainee = sign_in_as("trainee", display_name="Jordan Lee")
    form = text_of(client.get("/frontdesk/shadow/new").get_data(as_text=True))
    assert "Kim Nguyen" in form and "Not At The Desk" not in form
    response = record(client, volunteer)
    assert response.status_code == 303 and response.headers["Location"].endswith("/training/hours")
    [shift] = fetch(select(Shift))
    assert (shift.user_id, shift.kind, shift.shadowing_with_id) == (
        trainee.id,
        "shadow",
        volunteer.id,
    )
    assert shift.confirmed_at is None
    hours = text_of(client.get("/training/hours").get_data(as_text=True))
    assert "Kim Nguyen will be asked to say you were with them." in hours
    assert "Waiting for Kim Nguyen" in hours
    assert "1.5 hours" not in hours  # not counted yet

    sign_in_as(user=volunteer)
    home = text_of(client.get("/").get_data(as_text=True))
    assert "Were they with you at the desk?" in home
    assert "Jordan Lee says they shadowed you on Tuesday 3 March, 9:30am to 11:00am." in home
    answer = client.post(f"/frontdesk/shadow/{shift.id}/answer", data={"answer": "yes"})
    assert answer.status_code == 303
    home = text_of(client.get("/").get_data(as_text=True))
    assert "Thank you. Jordan Lee's 1.5 hours with you now count." in home
    assert "Were they with you at the desk?" not in home
    [shift] = fetch(select(Shift))
    assert shift.confirmed_at is not None
    assert fetch(select(AuditEvent).where(AuditEvent.action == "shift.shadow_confirmed"))

    sign_in_as(user=trainee)
    hours = text_of(client.get("/training/hours").get_data(as_text=True))
    assert "Confirmed" in hours and "1.5 hours" in hours


def test_a_shadow_shift_the_volunteer_says_no_to_does_not_count(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    volunteer = make_user(db_session, "frontdesk", display_name="Kim Nguyen")
    trainee = sign_in_as("trainee")
    record(client, volunteer)
    [shift] = fetch(select(Shift))
    sign_in_as(user=volunteer)
    client.post(f"/frontdesk/shadow/{shift.id}/answer", data={"answer": "no"})
    again = client.post(f"/frontdesk/shadow/{shift.id}/answer", data={"answer": "yes"})
    assert again.status_code == 303
    assert "You answered this one already." in text_of(client.get("/").get_data(as_text=True))
    [shift] = fetch(select(Shift))
    assert shift.declined_at is not None and shift.confirmed_at is None
    sign_in_as(user=trainee)
    hours = text_of(client.get("/training/hours").get_data(as_text=True))
    assert "Kim Nguyen said no" in hours
    assert "1.5 hours" not in hours


def test_only_the_named_volunteer_can_answer(client, sign_in_as, db_session, fetch, frozen_clock):
    volunteer = make_user(db_session, "frontdesk")
    sign_in_as("trainee")
    record(client, volunteer)
    [shift] = fetch(select(Shift))
    for role in ("frontdesk", "senior", "manager"):
        sign_in_as(role)
        response = client.post(f"/frontdesk/shadow/{shift.id}/answer", data={"answer": "yes"})
        assert response.status_code == 404
    sign_in_as(user=volunteer)
    assert (
        client.post(f"/frontdesk/shadow/{shift.id}/answer", data={"answer": "maybe"}).status_code
        == 400
    )
    [shift] = fetch(select(Shift))
    assert shift.confirmed_at is None and shift.declined_at is None


def test_bad_shadow_shifts_are_refused_and_nothing_is_saved(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    volunteer = make_user(db_session, "frontdesk")
    worker = make_user(db_session, "worker")
    me = sign_in_as("frontdesk")  # a volunteer in training cannot pick themselves
    for fields, message in (
        ({"person": "0"}, "Choose who was on duty at the desk"),
        ({"person": str(me.id)}, "Choose who was on duty at the desk"),
        ({"person": str(worker.id)}, "Choose who was on duty at the desk"),
        ({"ends": "09:00"}, "The end time must be after the start time"),
        ({"ends": "13:00"}, "The end time must not be later than now"),
        ({"day-day": "4"}, ""),  # tomorrow
    ):
        response = record(client, volunteer, **fields)
        assert response.status_code == 200
        assert message in text_of(response.get_data(as_text=True))
    assert fetch(select(Shift)) == []


def test_an_unconfirmed_shadow_shift_is_not_in_the_desk_hours(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    volunteer = make_user(db_session, "frontdesk")
    trainee = sign_in_as("trainee", display_name="Jordan Lee")
    record(client, volunteer)
    sign_in_as("senior")
    page = text_of(client.get("/frontdesk/shifts").get_data(as_text=True))
    assert "Jordan Lee" in page  # listed, as someone with a shift ...
    [shift] = fetch(select(Shift))
    sign_in_as(user=volunteer)
    client.post(f"/frontdesk/shadow/{shift.id}/answer", data={"answer": "yes"})
    sign_in_as("senior")
    after = text_of(client.get("/frontdesk/shifts").get_data(as_text=True))
    assert "1.5 hours" in after and "1.5 hours" not in page  # ... with hours once confirmed
    assert trainee.id == shift.user_id
