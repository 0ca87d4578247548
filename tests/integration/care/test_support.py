"""Warm referrals need a current consent (or one recorded on the spot); material aid and its
monthly totals; advocacy for one person, complaints, and problems for many people."""

from datetime import date, timedelta

from sqlalchemy import select

from app.care import advocacy
from app.care import aid as aid_given
from app.models import AdvocacyIssue, AidGiven, AuditEvent, Consent, Referral, TimelineEntry
from tests.factories.care import make_aid, make_issue, make_person
from tests.factories.clients import make_consent
from tests.factories.partners import make_partner
from tests.pagecheck import text_of
from tests.versions import version_at, version_in


def test_a_referral_without_consent_is_refused_then_allowed_after_recording_one(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    me = sign_in_as("worker")
    person, _ = make_person(db_session, me, nickname="Tam")
    partner = make_partner(db_session, "Homeground Housing Help", phone="1800 000 427")
    data = {
        "partner_id": str(partner.id),
        "reason": "Needs a crisis bed tonight",
        "appointment_made": "y",
    }
    response = client.post(f"/clients/{person.id}/referrals/new", data=data)
    assert response.status_code == 200
    page = text_of(response.get_data(as_text=True))
    assert (
        "There is no current consent to share with Homeground Housing Help. "
        "Ask the person first, and record their consent on their file." in page
    )
    assert "Record their consent now" in page
    assert "Needs a crisis bed tonight" in response.get_data(as_text=True)
    assert fetch(select(Referral)) == []

    # Record one on the spot: the consent journey starts with the service filled in.
    response = client.post(
        f"/clients/{person.id}/referrals/consent",
        data={"partner_id": str(partner.id), "reason": data["reason"], "appointment_made": "y"},
    )
    assert response.status_code == 303
    step = response.headers["Location"]
    assert step.endswith("/who")
    html = client.get(step).get_data(as_text=True)
    # Issue 17: the service is chosen from the directory, not typed.
    assert f'<option value="{partner.id}" selected>Homeground Housing Help</option>' in html
    base = step.rsplit("/", 1)[0]
    client.post(f"{base}/who", data={"partner_id": str(partner.id)})
    client.post(f"{base}/what", data={"shares": ["client_here", "housing"]})
    client.post(
        f"{base}/how",
        data={
            "how_given": "signed_paper",
            "given_on-day": "3",
            "given_on-month": "3",
            "given_on-year": "2026",
        },
    )
    done = client.post(f"{base}/check")
    assert done.status_code == 303 and "/referrals/new?from_consent=" in done.headers["Location"]
    [consent] = fetch(select(Consent))
    assert consent.partner_id == partner.id
    back = client.get(done.headers["Location"]).get_data(as_text=True)
    assert "Needs a crisis bed tonight" in back  # what was typed is kept
    response = client.post(f"/clients/{person.id}/referrals/new", data=data)
    assert response.status_code == 303
    [referral] = fetch(select(Referral))
    assert referral.consent_id == consent.id and referral.appointment_made
    assert fetch(
        select(TimelineEntry).where(TimelineEntry.summary == f"Referred to {partner.name}")
    )
    # Afterwards: they went, and what happened.
    url = f"/clients/{person.id}/referrals/{referral.id}"
    client.post(
        url,
        data={
            "appointment_made": "y",
            "attended": "yes",
            "outcome": "Got a bed",
            "version": version_at(client, url),
        },
    )
    saved = fetch(select(Referral))[0]
    assert saved.attended is True and saved.outcome == "Got a bed"
    assert "Book the appointment" in text_of(client.get(url).get_data(as_text=True))


def test_an_ended_or_withdrawn_consent_does_not_allow_a_referral(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    me = sign_in_as("worker")
    person, _ = make_person(db_session, me)
    partner = make_partner(db_session)
    make_consent(
        db_session,
        person,
        party_name=partner.name,
        partner_id=partner.id,
        given_on=date(2024, 1, 1),
        expires_on=date(2025, 1, 1),
    )
    make_consent(
        db_session,
        person,
        party_name=partner.name,
        partner_id=partner.id,
        withdrawn_on=date(2026, 3, 1),
    )
    response = client.post(
        f"/clients/{person.id}/referrals/new",
        data={"partner_id": str(partner.id), "reason": "A GP"},
    )
    assert "There is no current consent" in text_of(response.get_data(as_text=True))
    assert fetch(select(Referral)) == []


def test_material_aid_and_the_totals_each_month(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    me = sign_in_as("worker")
    person, episode = make_person(db_session, me)
    partner = make_partner(db_session, "Foodbank")
    response = client.post(
        f"/clients/{person.id}/aid",
        data={
            "kind": "food",
            "quantity": "3",
            "partner_id": str(partner.id),
            "given_on-day": "3",
            "given_on-month": "3",
            "given_on-year": "2026",
        },
    )
    assert response.status_code == 303
    [aid] = fetch(select(AidGiven))
    assert aid.quantity == 3 and aid.partner_id == partner.id
    assert fetch(
        select(TimelineEntry).where(TimelineEntry.summary == "Material aid: 3 x food from Foodbank")
    )
    make_aid(db_session, person, episode, kind="tent_swag", given_on=date(2026, 2, 10))
    make_aid(db_session, person, episode, kind="food", quantity=2, given_on=date(2026, 2, 11))
    bad = client.post(
        f"/clients/{person.id}/aid",
        data={
            "kind": "food",
            "quantity": "0",
            "given_on-day": "3",
            "given_on-month": "3",
            "given_on-year": "2026",
        },
    )
    assert "How many must be a number from 1 to 999" in text_of(bad.get_data(as_text=True))
    page = text_of(client.get("/material-aid").get_data(as_text=True))
    assert "March 2026" in page and "February 2026" in page and "This month" in page
    with client.application.app_context():
        totals = dict(aid_given.aid_totals_by_month(date(2025, 4, 1)))
    assert totals[date(2026, 3, 1)] == {"food": 3}
    assert totals[date(2026, 2, 1)] == {"food": 2, "tent_swag": 1}


def test_advocacy_a_complaint_and_a_problem_for_many_people(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    me = sign_in_as("worker")
    people = [make_person(db_session, me, nickname=f"P{n}") for n in range(3)]
    partner = make_partner(db_session, "Civic Pharmacy")
    person = people[0][0]
    make_consent(db_session, person, party_name=partner.name, partner_id=partner.id)
    response = client.post(
        f"/clients/{person.id}/advocacy/new",
        data={
            "kind": "individual",
            "partner_id": str(partner.id),
            "issue": "Refused take-away doses",
        },
    )
    assert response.status_code == 303
    issue = fetch(select(AdvocacyIssue))[0]
    assert issue.service == "Civic Pharmacy" and issue.status == "open"
    # A complaint needs who it is to, and has its own steps.
    response = client.post(
        f"/clients/{person.id}/advocacy/new",
        data={"kind": "complaint", "issue": "Treated badly at the ED"},
    )
    assert "Choose who the complaint is to" in text_of(response.get_data(as_text=True))
    response = client.post(
        f"/clients/{person.id}/advocacy/new",
        data={"kind": "complaint", "complaint_body": "health_services", "issue": "Treated badly"},
    )
    complaint = fetch(select(AdvocacyIssue).where(AdvocacyIssue.kind == "complaint"))[0]
    assert complaint.status == "preparing"
    complaint_url = response.headers["Location"]
    client.post(
        complaint_url,
        data={
            "progress": "lodged",
            "what_happened": "Sent",
            "version": version_at(client, complaint_url),
        },
    )
    assert (
        fetch(select(AdvocacyIssue).where(AdvocacyIssue.id == complaint.id))[0].status == "lodged"
    )
    bad = client.post(response.headers["Location"], data={"progress": "open"})
    assert "Choose one of the answers" in text_of(bad.get_data(as_text=True))

    # Raise the pharmacy issue as a problem for many people; link two more people to it.
    raised = client.post(
        f"/clients/{person.id}/advocacy/{issue.id}/raise",
        data={"issue": "Pharmacies in the north refuse take-aways", "partner_id": str(partner.id)},
    )
    assert raised.status_code == 303
    systemic = fetch(select(AdvocacyIssue).where(AdvocacyIssue.kind == "systemic"))[0]
    assert systemic.client_id is None
    assert fetch(select(AdvocacyIssue).where(AdvocacyIssue.id == issue.id))[0].systemic_id == (
        systemic.id
    )
    for other, episode in people[1:]:
        linked = make_issue(db_session, other, episode)
        linked_url = f"/clients/{other.id}/advocacy/{linked.id}"
        client.post(
            linked_url,
            data={
                "progress": "open",
                "systemic_id": str(systemic.id),
                "version": version_at(client, linked_url),
            },
        )
    with client.application.app_context():
        [(found, count)] = advocacy.systemic_issues()
    assert found.id == systemic.id and count == 3
    page = text_of(client.get("/advocacy/systemic").get_data(as_text=True))
    assert "Pharmacies in the north refuse take-aways" in page and "3" in page
    assert "P1" not in page  # no names on the manager's list
    sign_in_as("manager")
    html = client.get(f"/advocacy/systemic/{systemic.id}").get_data(as_text=True)
    assert "People it affects 3" in text_of(html).replace("affects3", "affects 3")
    client.post(
        f"/advocacy/systemic/{systemic.id}",
        data={
            "progress": "waiting",
            "what_happened": "Wrote to ACT Health",
            "version": version_in(html),
        },
    )
    assert fetch(select(AdvocacyIssue).where(AdvocacyIssue.id == systemic.id))[0].status == (
        "waiting"
    )
    assert fetch(select(AuditEvent).where(AuditEvent.action == "advocacy.systemic_updated"))


def test_a_worker_raises_a_problem_for_many_people_from_their_home(
    client, sign_in_as, fetch, frozen_clock
):
    sign_in_as("worker")
    response = client.post("/advocacy/systemic/new", data={"issue": "   "})
    assert "Write what the problem is" in text_of(response.get_data(as_text=True))
    response = client.post(
        "/advocacy/systemic/new",
        data={"issue": "Buses to the clinic stopped", "service": "ACT Buses"},
    )
    assert response.status_code == 303
    [raised] = fetch(select(AdvocacyIssue))
    assert raised.kind == "systemic" and raised.service == "ACT Buses"
    assert raised.raised_on == date(2026, 3, 3)
    assert raised.raised_on - timedelta(days=1) < date(2026, 3, 3)
