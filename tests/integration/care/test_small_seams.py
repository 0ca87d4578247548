"""Small things met on the walks (issue 17): advocacy keeps both services and raising one
starts from what is written; the car cannot be double-booked; "Me" first on appointments."""

from datetime import UTC, datetime

from sqlalchemy import select

from app.models import AdvocacyIssue, Appointment
from tests.factories import make_user
from tests.factories.care import make_appointment, make_issue, make_person
from tests.factories.clients import make_consent
from tests.factories.partners import make_partner
from tests.pagecheck import text_of


def test_another_service_typed_beside_a_chosen_partner_is_kept(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    me = sign_in_as("worker")
    person, _ = make_person(db_session, me, nickname="Tam")
    partner = make_partner(db_session, "Civic Pharmacy")
    # Consent for both services (issue 17): the partner's by id, Centrelink's chosen.
    make_consent(db_session, person, party_name=partner.name, partner_id=partner.id)
    centrelink = make_consent(db_session, person, party_name="Centrelink")
    response = client.post(
        f"/clients/{person.id}/advocacy/new",
        data={
            "kind": "individual",
            "partner_id": str(partner.id),
            "service": "Centrelink",
            "consent_id": str(centrelink.id),
            "issue": "Refused take-away doses",
        },
    )
    assert response.status_code == 303
    [issue] = fetch(select(AdvocacyIssue))
    assert issue.service == "Civic Pharmacy and Centrelink"
    page = text_of(client.get(response.headers["Location"]).get_data(as_text=True))
    assert "Advocacy with Civic Pharmacy and Centrelink" in page


def test_two_services_too_long_together_are_refused_and_nothing_saved(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    me = sign_in_as("worker")
    person, _ = make_person(db_session, me, nickname="Tam")
    partner = make_partner(db_session, "Civic Pharmacy")
    response = client.post(
        f"/clients/{person.id}/advocacy/new",
        data={
            "kind": "individual",
            "partner_id": str(partner.id),
            "service": "x" * 195,
            "issue": "Refused take-away doses",
        },
    )
    assert response.status_code == 200
    assert "The two services are too long together" in text_of(response.get_data(as_text=True))
    assert fetch(select(AdvocacyIssue)) == []


def test_raise_it_with_the_manager_starts_with_what_is_written(
    client, sign_in_as, db_session, frozen_clock
):
    me = sign_in_as("worker")
    person, episode = make_person(db_session, me, nickname="Tam")
    partner = make_partner(db_session, "Civic Pharmacy")
    issue = make_issue(
        db_session,
        person,
        episode,
        issue="Pharmacy refused take-away doses",
        partner_id=partner.id,
        service="Civic Pharmacy and Centrelink",
    )
    html = client.get(f"/clients/{person.id}/advocacy/{issue.id}/raise").get_data(as_text=True)
    assert ">Pharmacy refused take-away doses</textarea>" in html
    assert 'value="Centrelink"' in html
    assert f'<option selected value="{partner.id}"' in html or (
        f'value="{partner.id}" selected' in html
    )


def test_manager_and_seniors_see_open_problems_and_who_raised_them_on_home(
    client, sign_in_as, db_session, frozen_clock
):
    raiser = make_user(db_session, "worker", display_name="Robin Raiser")
    make_issue(db_session, kind="systemic", issue="Buses to the clinic stopped", by=raiser)
    make_issue(db_session, kind="systemic", issue="Old and done", status="resolved")
    for role in ("manager", "senior"):
        sign_in_as(role)
        page = text_of(client.get("/").get_data(as_text=True))
        assert "Problems for many people" in page
        assert "Buses to the clinic stopped" in page
        assert "Raised by Robin Raiser" in page
        assert "Old and done" not in page
    sign_in_as("worker")
    page = text_of(client.get("/").get_data(as_text=True))
    assert "Buses to the clinic stopped" not in page


def car_booking(**extra):
    data = {
        "on_day-day": "5",
        "on_day-month": "3",
        "on_day-year": "2026",
        "at_time": "2:30pm",
        "partner_id": "",
        "with_whom": "Dr Lee",
        "consent_id": "ours",  # our own nurse: nothing shared (issue 17's consent check)
        "place": "",
        "transport": "car",
        "worker_id": "",
        "questions": "",
    }
    data.update(extra)
    return data


def test_the_car_cannot_be_booked_twice_for_the_same_time(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    me = sign_in_as("worker")
    person, _ = make_person(db_session, me, nickname="Tam")
    other_worker = make_user(db_session, "worker")
    stranger, episode = make_person(db_session, other_worker, nickname="Secretname")
    # Someone else's person has the car at 1:30pm Canberra on Thursday 5 March.
    make_appointment(
        db_session,
        stranger,
        episode,
        worker=other_worker,
        starts_at=datetime(2026, 3, 5, 2, 30, tzinfo=UTC),
        transport="car",
    )
    response = client.post(f"/clients/{person.id}/appointments/new", data=car_booking())
    assert response.status_code == 200
    page = text_of(response.get_data(as_text=True))
    assert (
        "Our car is already booked on Thursday 5 March from 1:30pm to 3:30pm. "
        "Choose another time or other transport." in page
    )
    assert "Secretname" not in page
    assert len(fetch(select(Appointment))) == 1  # nothing saved
    # Another transport at that time, or the car once it is back, is fine.
    assert (
        client.post(
            f"/clients/{person.id}/appointments/new", data=car_booking(transport="taxi")
        ).status_code
        == 303
    )
    assert (
        client.post(
            f"/clients/{person.id}/appointments/new", data=car_booking(at_time="3:30pm")
        ).status_code
        == 303
    )
    assert len(fetch(select(Appointment).where(Appointment.transport == "car"))) == 2


def test_a_cancelled_car_booking_frees_the_car(client, sign_in_as, db_session, fetch, frozen_clock):
    me = sign_in_as("worker")
    person, episode = make_person(db_session, me, nickname="Tam")
    make_appointment(
        db_session,
        person,
        episode,
        worker=me,
        starts_at=datetime(2026, 3, 5, 3, 30, tzinfo=UTC),
        transport="car",
        cancelled=True,
    )
    response = client.post(f"/clients/{person.id}/appointments/new", data=car_booking())
    assert response.status_code == 303


def test_the_appointment_form_offers_me_first_and_no_manager_account(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    me = sign_in_as("worker", display_name="Alex Worker")
    person, _ = make_person(db_session, me, nickname="Tam")
    make_user(db_session, "manager", display_name="First manager")
    make_user(db_session, "senior", display_name="Sam Senior")
    html = client.get(f"/clients/{person.id}/appointments/new").get_data(as_text=True)
    going = html[html.index('name="worker_id"') :]
    going = going[: going.index("</select>")]
    assert going.index("Me (Alex Worker)") < going.index("No worker going")
    assert "Sam Senior" in going and "First manager" not in going
    assert going.count("Alex Worker") == 1
    service = html[html.index('name="partner_id"') :]
    service = service[: service.index("</select>")]
    assert service.index("Someone else") < service.index("A meeting with me (Alex Worker)")
    # A meeting with the worker themselves: no typing their own name.
    response = client.post(
        f"/clients/{person.id}/appointments/new",
        data=car_booking(partner_id="me", with_whom="", transport="none", worker_id=str(me.id)),
    )
    assert response.status_code == 303
    [appointment] = fetch(select(Appointment))
    assert appointment.with_whom == "Alex Worker" and appointment.partner_id is None
    assert appointment.worker_id == me.id
    page = text_of(client.get(f"/clients/{person.id}/appointments").get_data(as_text=True))
    assert "Alex Worker" in page


def test_a_worker_not_on_the_list_is_refused_and_nothing_saved(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    me = sign_in_as("worker")
    person, _ = make_person(db_session, me, nickname="Tam")
    admin = make_user(db_session, "manager", display_name="First manager")
    response = client.post(
        f"/clients/{person.id}/appointments/new",
        data=car_booking(transport="none", worker_id=str(admin.id)),
    )
    assert response.status_code == 200
    assert "Choose from the list" in text_of(response.get_data(as_text=True))
    assert fetch(select(Appointment)) == []
