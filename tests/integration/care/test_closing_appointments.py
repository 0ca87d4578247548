"""On closing, the person's appointments still to come (and any car booked for them) are
listed, each cancelled or kept with one tap."""

from datetime import timedelta

from sqlalchemy import select

from app import clock
from app.models import Appointment, AuditEvent, TimelineEntry
from tests.factories.care import make_appointment, make_person
from tests.integration.care.test_closing_reasons import to_check
from tests.pagecheck import text_of


def test_closing_lists_appointments_to_come_and_each_is_cancelled_or_kept(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    me = sign_in_as("worker")
    person, episode = make_person(db_session, me)
    with_car = make_appointment(
        db_session, person, episode, worker=me, with_whom="Dr Lee", transport="car"
    )
    by_bus = make_appointment(
        db_session,
        person,
        episode,
        worker=me,
        with_whom="The housing office",
        transport="public",
        starts_at=clock.now() + timedelta(days=3),
    )
    make_appointment(  # already happened: not listed
        db_session, person, episode, worker=me, starts_at=clock.now() - timedelta(days=2)
    )
    check = to_check(client, person.id, 5)
    page = text_of(client.get(check).get_data(as_text=True))
    assert "Appointments still to come (2)" in page and "Our car is booked" in page

    response = client.post(check, data={"then": "close"})
    assert response.status_code == 303
    assert response.headers["Location"].endswith(f"/clients/{person.id}/close/appointments")
    page = text_of(client.get(response.headers["Location"]).get_data(as_text=True))
    assert "Appointments still to come" in page
    assert "With Dr Lee" in page and "With The housing office" in page
    assert "Our car is booked" in page

    url = f"/clients/{person.id}/close/appointments"
    cancelled = client.post(f"{url}/{with_car.id}", data={"choice": "cancel"})
    assert cancelled.status_code == 303
    assert "Appointment cancelled, and the car with it." in text_of(
        client.get(cancelled.headers["Location"]).get_data(as_text=True)
    )
    assert client.post(f"{url}/{by_bus.id}", data={"choice": "keep"}).status_code == 303

    rows = {a.id: a for a in fetch(select(Appointment))}
    assert rows[with_car.id].cancelled and not rows[with_car.id].kept_on_closing
    assert rows[by_bus.id].kept_on_closing and not rows[by_bus.id].cancelled
    page = text_of(client.get(url).get_data(as_text=True))
    assert "Nothing left to cancel or keep." in page and "Kept" in page
    summaries = [e.summary for e in fetch(select(TimelineEntry))]
    assert any(s.startswith("Appointment cancelled on closing") for s in summaries)
    assert any(s.startswith("Appointment kept after closing") for s in summaries)
    actions = {e.action for e in fetch(select(AuditEvent))}
    assert {"appointment.cancelled", "appointment.kept_on_closing"} <= actions
    # A second tap on a decided appointment is refused and changes nothing.
    again = client.post(f"{url}/{by_bus.id}", data={"choice": "cancel"})
    assert again.status_code == 200
    assert "You chose to keep this appointment already." in text_of(again.get_data(as_text=True))
    assert not fetch(select(Appointment).where(Appointment.id == by_bus.id))[0].cancelled


def test_the_file_and_episode_page_offer_close_then_the_appointments(
    client, sign_in_as, db_session, frozen_clock
):
    me = sign_in_as("worker")
    person, episode = make_person(db_session, me)
    make_appointment(db_session, person, episode, worker=me)
    for url in (f"/clients/{person.id}", f"/clients/{person.id}/episodes/{episode.id}"):
        html = client.get(url).get_data(as_text=True)
        assert f'href="/clients/{person.id}/close"' in html and "Close the episode" in html
    assert client.post(to_check(client, person.id, 1), data={"then": "close"}).status_code == 303
    page = text_of(client.get(f"/clients/{person.id}").get_data(as_text=True))
    assert "Close the episode" not in page
    assert "Appointments still to come after closing (1)" in page


def test_a_bad_choice_gives_a_clear_message_and_changes_nothing(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    me = sign_in_as("worker")
    person, episode = make_person(db_session, me)
    appointment = make_appointment(db_session, person, episode, worker=me)
    assert client.post(to_check(client, person.id, 1), data={"then": "close"}).status_code == 303
    url = f"/clients/{person.id}/close/appointments/{appointment.id}"
    response = client.post(url, data={"choice": "delete"})
    assert response.status_code == 200
    page = text_of(response.get_data(as_text=True))
    assert "There is a problem" in page and "Choose one of the answers" in page
    [row] = fetch(select(Appointment))
    assert not row.cancelled and not row.kept_on_closing
    assert client.post(f"/clients/{person.id}/close/appointments/99999", data={}).status_code == 404


def test_someone_elses_file_is_404(client, sign_in_as, db_session, frozen_clock):
    owner = sign_in_as("worker")
    person, episode = make_person(db_session, owner)
    appointment = make_appointment(db_session, person, episode, worker=owner)
    sign_in_as("worker")
    assert client.get(f"/clients/{person.id}/close/appointments", check=False).status_code == 404
    url = f"/clients/{person.id}/close/appointments/{appointment.id}"
    assert client.post(url, data={"choice": "cancel"}).status_code == 404
