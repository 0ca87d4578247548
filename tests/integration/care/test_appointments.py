"""Appointments with transport and questions; afterwards; the week, the day sheet, and the
worker's home (today, notes to write, reviews due, people waiting, caseload, to close)."""

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select

from app.models import Appointment, CaseNote, Handover, TimelineEntry
from tests.factories.care import make_appointment, make_note, make_person, make_plan
from tests.factories.clients import make_consent
from tests.factories.partners import make_partner
from tests.pagecheck import text_of
from tests.query_counter import counting_queries
from tests.versions import version_at


def booking(partner_id="", **extra):
    data = {
        "on_day-day": "5",
        "on_day-month": "3",
        "on_day-year": "2026",
        "at_time": "2:30pm",
        "partner_id": str(partner_id),
        "with_whom": "",
        "place": "",
        "transport": "car",
        "worker_id": "",
        "questions": "Can I get take-away doses?",
    }
    data.update(extra)
    return data


def test_booking_an_appointment_with_transport_and_questions(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    me = sign_in_as("worker")
    person, episode = make_person(db_session, me)
    partner = make_partner(db_session, address="12 Chandler Street")
    make_consent(db_session, person, party_name=partner.name, partner_id=partner.id)
    html = client.get(f"/clients/{person.id}/appointments/new").get_data(as_text=True)
    assert partner.name in html and "Our car" in html
    response = client.post(
        f"/clients/{person.id}/appointments/new",
        data=booking(partner.id, worker_id=str(me.id)),
    )
    assert response.status_code == 303
    [appointment] = fetch(select(Appointment))
    assert appointment.starts_at == datetime(2026, 3, 5, 3, 30, tzinfo=UTC)  # 2:30pm Canberra
    assert appointment.transport == "car" and appointment.worker_id == me.id
    assert appointment.partner_id == partner.id and appointment.episode_id == episode.id
    [entry] = fetch(select(TimelineEntry).where(TimelineEntry.kind == "appointment"))
    assert entry.summary == (
        f"Appointment booked: Thursday 5 March, 2:30pm with {partner.name} (our car)"
    )
    page = text_of(client.get(f"/clients/{person.id}/appointments").get_data(as_text=True))
    assert "Our car" in page and partner.name in page
    detail = text_of(
        client.get(f"/clients/{person.id}/appointments/{appointment.id}").get_data(as_text=True)
    )
    assert "Can I get take-away doses?" in detail and "12 Chandler Street" in detail
    header = text_of(client.get(f"/clients/{person.id}").get_data(as_text=True))
    assert "Next appointment" in header and "Thursday 5 March, 2:30pm" in header


def test_an_appointment_in_1900_and_other_bad_bookings_are_refused(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    me = sign_in_as("worker")
    person, _ = make_person(db_session, me)
    cases = [
        ({"on_day-year": "1900"}, "The date must be in the last year or the next two years"),
        ({"on_day-year": "2031"}, "The date must be in the last year or the next two years"),
        ({"on_day-day": "31", "on_day-month": "2"}, "Enter a real date"),
        ({"at_time": "half past"}, "Enter a time like 2:30pm or 14:30"),
        ({"transport": "helicopter"}, "Choose one of the answers"),
        ({}, "Choose the service, or write who it is with"),
        ({"partner_id": "999999"}, "Choose from the list"),
    ]
    for change, message in cases:
        response = client.post(f"/clients/{person.id}/appointments/new", data=booking(**change))
        assert response.status_code == 200, change
        page = text_of(response.get_data(as_text=True))
        assert message in page, (change, message)
        assert "Can I get take-away doses?" in response.get_data(as_text=True)
    assert fetch(select(Appointment)) == []


def test_afterwards_they_went_and_it_becomes_a_case_note(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    me = sign_in_as("worker")
    person, episode = make_person(db_session, me)
    appointment = make_appointment(
        db_session, person, episode, worker=me, starts_at=datetime(2026, 3, 2, 23, 0, tzinfo=UTC)
    )
    work = text_of(client.get("/my-work").get_data(as_text=True))
    assert "Write what happened" in work
    url = f"/clients/{person.id}/appointments/{appointment.id}/outcome"
    response = client.post(
        url,
        data={
            "version": version_at(client, url),
            "attended": "yes",
            "what_happened": "Saw Dr Lee. Script for bupe.",
            "follow_up": "Pick up script Friday",
            "as_note": "y",
        },
    )
    assert response.status_code == 303
    saved = fetch(select(Appointment))[0]
    assert saved.attended is True and saved.outcome_at is not None
    [note] = fetch(select(CaseNote))
    assert note.appointment_id == appointment.id and note.kind == "appointment_support"
    assert note.contact_at == appointment.starts_at
    assert "Follow-up: Pick up script Friday" in note.text
    work = text_of(client.get("/my-work").get_data(as_text=True))
    assert "Nothing waiting" in work


def test_an_appointment_still_to_come_cannot_be_written_up_but_can_be_cancelled(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    me = sign_in_as("worker")
    person, episode = make_person(db_session, me)
    later = make_appointment(db_session, person, episode, worker=me)
    url = f"/clients/{person.id}/appointments/{later.id}/outcome"
    response = client.post(
        url,
        data={"attended": "no", "what_happened": "Typed early", "version": version_at(client, url)},
    )
    assert response.status_code == 200
    assert "once the appointment has started" in text_of(response.get_data(as_text=True))
    assert client.post(f"/clients/{person.id}/appointments/{later.id}/cancel").status_code == 303
    assert fetch(select(Appointment))[0].cancelled


def test_the_week_and_the_day_sheet(client, sign_in_as, db_session, frozen_clock):
    me = sign_in_as("worker")
    person, episode = make_person(db_session, me, nickname="Tam", phone="0400 111 222")
    person.ok_to_call = "yes"
    db_session.commit()
    make_appointment(
        db_session,
        person,
        episode,
        worker=me,
        starts_at=datetime(2026, 3, 4, 22, 0, tzinfo=UTC),  # Thursday 9am Canberra
        transport="taxi",
        questions="Ask about the waiting list",
    )
    make_appointment(
        db_session,
        person,
        episode,
        worker=me,
        starts_at=datetime(2026, 3, 12, 22, 0, tzinfo=UTC),  # next week
        cancelled=True,
    )
    page = text_of(client.get("/my-work/week").get_data(as_text=True))
    assert "Week of Monday 2 March" in page and "Thursday 5 March" in page
    assert "9:00am Tam" in page and "Taxi" in page
    page = text_of(client.get("/my-work/week?start=2026-03-09").get_data(as_text=True))
    assert "Tam" not in page  # cancelled
    sheet = text_of(client.get("/my-work/day-sheet?day=2026-03-05").get_data(as_text=True))
    assert "Day sheet for Thursday 5 March" in sheet
    assert "Ask about the waiting list" in sheet and "0400 111 222" in sheet
    for odd in ("nonsense", "0001-01-01", "9999-12-31"):
        assert client.get(f"/my-work/day-sheet?day={odd}").status_code == 200
        assert client.get(f"/my-work/week?start={odd}").status_code == 200


def test_my_work_shows_today_reviews_waiting_people_and_the_caseload_in_few_queries(
    client, app, sign_in_as, db_session, frozen_clock
):
    me = sign_in_as("worker")
    people = []
    for n in range(6):
        person, episode = make_person(
            db_session, me, nickname=f"Person{n}", opened_on=date(2025, 6, 1)
        )
        make_note(
            db_session, person, episode, by=me, contact_at=frozen_clock() - timedelta(days=n * 30)
        )
        people.append((person, episode))
    # Today: an appointment at 3pm.
    make_appointment(
        db_session,
        people[0][0],
        people[0][1],
        worker=me,
        starts_at=datetime(2026, 3, 3, 4, 0, tzinfo=UTC),
    )
    # A plan review due.
    make_plan(db_session, people[1][0], people[1][1], review_on=date(2026, 3, 1))
    # Someone waiting at the front desk.
    db_session.add(
        Handover(
            day=date(2026, 3, 3), name="Jaz", needs=["housing"], urgency="ongoing", reach="here"
        )
    )
    db_session.commit()

    client.get("/")  # once-a-session checks happen here, not in the count
    with counting_queries(app) as counted:
        response = client.get("/my-work")
    page = text_of(response.get_data(as_text=True))
    assert "Today, Tuesday 3 March" in page and "3:00pm" in page and "Person0" in page
    assert "Plans to look at again" in page and "Overdue" in page
    assert "Jaz" in page and "Housing" in page
    assert "People I support (6)" in page
    assert "Quiet for 6 weeks" in page  # 60 days and 90 days
    assert "To close" in page  # 120 and 150 days: no contact for three months, none planned
    first_time = len(counted)
    # More people does not mean more queries.
    for n in range(6, 12):
        person, episode = make_person(db_session, me, nickname=f"Person{n}")
        make_note(db_session, person, episode, by=me)
    with counting_queries(app) as counted:
        client.get("/my-work")
    assert len(counted) == first_time


def test_people_to_close_for_the_worker_and_for_seniors(
    client, sign_in_as, db_session, frozen_clock
):
    me = sign_in_as("worker")
    quiet, episode = make_person(db_session, me, nickname="Quiet", opened_on=date(2025, 10, 1))
    make_note(db_session, quiet, episode, by=me, contact_at=datetime(2025, 11, 1, tzinfo=UTC))
    planned, episode2 = make_person(db_session, me, nickname="Planned", opened_on=date(2025, 10, 1))
    make_appointment(db_session, planned, episode2, worker=me)
    recent, episode3 = make_person(db_session, me, nickname="Recent")
    make_note(db_session, recent, episode3, by=me)
    page = text_of(client.get("/my-work/to-close").get_data(as_text=True))
    assert "Quiet" in page and "Planned" not in page and "Recent" not in page
    senior = sign_in_as("senior")
    other, episode4 = make_person(db_session, senior, nickname="Senior's person")
    del other, episode4
    page = text_of(client.get("/my-work/to-close").get_data(as_text=True))
    assert "You can see every worker's people" in page
    assert me.display_name in page and "Quiet" in page
