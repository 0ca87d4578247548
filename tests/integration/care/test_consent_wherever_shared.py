"""Consent is checked wherever information is shared (issue 17): an appointment with another
service, someone else sitting in, a letter or form sent for them, advocacy with a named
service. A partner is matched by id; a service typed by hand needs the consent the worker
chooses as covering it. Without one: a plain refusal, a link to record one, nothing saved."""

from datetime import date

from sqlalchemy import select

from app.models import AdvocacyIssue, Appointment, AuditEvent, CaseNote
from tests.factories.care import make_person
from tests.factories.clients import make_consent
from tests.factories.partners import make_partner
from tests.pagecheck import text_of


def booking(**extra):
    data = {
        "on_day-day": "5",
        "on_day-month": "3",
        "on_day-year": "2026",
        "at_time": "2:30pm",
        "partner_id": "",
        "with_whom": "",
        "place": "",
        "transport": "none",
        "worker_id": "",
        "questions": "Ask about the script",
    }
    data.update(extra)
    return data


def note(**extra):
    data = {
        "contact_on-day": "3",
        "contact_on-month": "3",
        "contact_on-year": "2026",
        "contact_time": "11:30",
        "kind": "face_to_face",
        "minutes": "30",
        "who_was_there": "",
        "text": "Talked about housing.",
    }
    data.update(extra)
    return data


def refused_page(response) -> str:
    assert response.status_code == 200
    return text_of(response.get_data(as_text=True))


def test_an_appointment_with_a_partner_needs_their_consent_by_id(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    me = sign_in_as("worker")
    person, _ = make_person(db_session, me)
    health = make_partner(db_session, "Northside Community Health")
    legal = make_partner(db_session, "Capital Community Legal")
    # A consent for another partner does not cover this one.
    make_consent(db_session, person, party_name=legal.name, partner_id=legal.id)
    url = f"/clients/{person.id}/appointments/new"
    response = client.post(url, data=booking(partner_id=str(health.id)))
    page = refused_page(response)
    assert (
        "They have not agreed to us sharing with Northside Community Health. "
        "Record their consent first." in page
    )
    assert f'href="/clients/{person.id}/consents"' in response.get_data(as_text=True)
    assert "Ask about the script" in response.get_data(as_text=True)  # their words kept
    assert fetch(select(Appointment)) == []

    consent = make_consent(db_session, person, party_name=health.name, partner_id=health.id)
    assert client.post(url, data=booking(partner_id=str(health.id))).status_code == 303
    [appointment] = fetch(select(Appointment))
    assert appointment.partner_id == health.id
    [event] = fetch(select(AuditEvent).where(AuditEvent.action == "appointment.booked"))
    assert event.detail["consent_id"] == consent.id


def test_a_typed_service_needs_the_consent_the_worker_chooses(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    me = sign_in_as("worker")
    person, _ = make_person(db_session, me)
    ended = make_consent(
        db_session,
        person,
        party_name="Canberra Hospital",
        given_on=date(2025, 1, 2),
        expires_on=date(2026, 1, 2),
    )
    taken_back = make_consent(
        db_session, person, party_name="Canberra Hospital clinic", withdrawn_on=date(2026, 3, 2)
    )
    url = f"/clients/{person.id}/appointments/new"
    html = client.get(url).get_data(as_text=True)
    assert "Which of their consents covers this?" in html
    assert "Canberra Hospital (" not in text_of(html)  # ended and taken back are not offered
    for chosen in ("", str(ended.id), str(taken_back.id), "999999"):
        response = client.post(url, data=booking(with_whom="Dr Patel", consent_id=chosen))
        page = refused_page(response)
        assert "They have not agreed to us sharing with Dr Patel." in page or (
            "Choose one of the answers" in page
        ), chosen
    assert fetch(select(Appointment)) == []

    hospital = make_consent(db_session, person, party_name="Canberra Hospital")
    html = client.get(url).get_data(as_text=True)
    assert "Canberra Hospital (Housing caseworker), until" in text_of(html)
    response = client.post(url, data=booking(with_whom="Dr Patel", consent_id=str(hospital.id)))
    assert response.status_code == 303
    [event] = fetch(select(AuditEvent).where(AuditEvent.action == "appointment.booked"))
    assert event.detail["consent_id"] == hospital.id


def test_a_meeting_with_our_own_worker_needs_no_consent(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    me = sign_in_as("worker")
    person, _ = make_person(db_session, me)
    url = f"/clients/{person.id}/appointments/new"
    assert client.post(url, data=booking(partner_id="me")).status_code == 303
    assert (
        client.post(url, data=booking(with_whom="Sam, our nurse", consent_id="ours")).status_code
        == 303
    )
    assert len(fetch(select(Appointment))) == 2


def test_someone_sitting_in_needs_their_yes(client, sign_in_as, db_session, fetch, frozen_clock):
    me = sign_in_as("worker")
    person, _ = make_person(db_session, me)
    url = f"/clients/{person.id}/appointments/new"
    data = booking(partner_id="me", others_present="Their sister Jo")
    page = refused_page(client.post(url, data=data))
    assert "Tick the box to say they said yes, or take the name out" in page
    assert fetch(select(Appointment)) == []
    assert (
        client.post(
            url,
            data={
                **booking(partner_id="me", others_present="Their sister Jo"),
                "others_agreed": "y",
            },
        ).status_code
        == 303
    )
    [appointment] = fetch(select(Appointment))
    assert appointment.others_present == "Their sister Jo" and appointment.others_agreed is True
    # No one else: nothing to tick.
    assert client.post(url, data=booking(partner_id="me")).status_code == 303


def test_a_note_naming_who_was_there_needs_their_yes(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    me = sign_in_as("worker")
    person, _ = make_person(db_session, me)
    url = f"/clients/{person.id}/notes/new"
    page = refused_page(client.post(url, data=note(who_was_there="A nurse")))
    assert "Tick the box to say they said yes, or take the name out" in page
    assert fetch(select(CaseNote)) == []
    response = client.post(url, data=note(who_was_there="A nurse", others_agreed="y"))
    assert response.status_code == 303
    [saved] = fetch(select(CaseNote))
    assert saved.who_was_there == "A nurse" and saved.others_agreed is True


def test_a_letter_needs_who_it_went_to_and_a_consent_covering_it(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    me = sign_in_as("worker")
    person, _ = make_person(db_session, me)
    url = f"/clients/{person.id}/notes/new"
    html = client.get(url).get_data(as_text=True)
    assert "A letter or form sent for them" in html
    page = refused_page(client.post(url, data=note(kind="letter")))
    assert "Enter who the letter or form was sent to" in page
    page = refused_page(client.post(url, data=note(kind="letter", sent_to="Housing ACT")))
    assert "They have not agreed to us sharing with Housing ACT. Record their consent first." in (
        page
    )
    assert fetch(select(CaseNote)) == []
    housing = make_consent(db_session, person)  # Housing ACT, by the factory
    response = client.post(
        url, data=note(kind="letter", sent_to="Housing ACT", consent_id=str(housing.id))
    )
    assert response.status_code == 303
    [letter] = fetch(select(CaseNote))
    assert letter.kind == "letter" and letter.who_was_there == "Housing ACT"
    [event] = fetch(select(AuditEvent).where(AuditEvent.action == "note.added"))
    assert event.detail["consent_id"] == housing.id
    page = text_of(client.get(f"/clients/{person.id}/notes").get_data(as_text=True))
    assert "A letter or form sent for them" in page


def test_advocacy_with_a_named_service_needs_consent(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    me = sign_in_as("worker")
    person, _ = make_person(db_session, me)
    pharmacy = make_partner(db_session, "Civic Pharmacy")
    url = f"/clients/{person.id}/advocacy/new"
    data = {"kind": "individual", "partner_id": str(pharmacy.id), "issue": "Refused doses"}
    page = refused_page(client.post(url, data=dict(data)))
    assert "They have not agreed to us sharing with Civic Pharmacy." in page
    assert "Record their consent first." in page
    typed = {"kind": "individual", "service": "Centrelink", "issue": "Payment stopped"}
    page = refused_page(client.post(url, data=dict(typed)))
    assert "They have not agreed to us sharing with Centrelink." in page
    assert fetch(select(AdvocacyIssue)) == []

    make_consent(db_session, person, party_name=pharmacy.name, partner_id=pharmacy.id)
    centrelink = make_consent(db_session, person, party_name="Centrelink")
    assert client.post(url, data=dict(data)).status_code == 303
    assert client.post(url, data={**typed, "consent_id": str(centrelink.id)}).status_code == 303
    assert len(fetch(select(AdvocacyIssue))) == 2
    # A complaint to a complaints body is not sharing with a named service.
    complaint = {"kind": "complaint", "complaint_body": "ombudsman", "issue": "Unfair"}
    assert client.post(url, data=complaint).status_code == 303
