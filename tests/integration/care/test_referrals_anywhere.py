"""Referrals anywhere (issue 17): a directory partner needs a consent for that partner (by its
id, never by its name); a service typed by hand needs the typed consent the worker chooses,
and may be suggested for the directory."""

from datetime import date

from sqlalchemy import select

from app.care.referrals import referral_service_name
from app.models import Consent, Partner, Referral, TimelineEntry
from tests.factories.care import make_person
from tests.factories.clients import make_consent
from tests.factories.partners import make_partner
from tests.pagecheck import text_of
from tests.versions import version_at

HELP = "Not in the list? Type it below. Ask a senior if you are not sure it is the right service."


def page_of(response) -> str:
    return text_of(response.get_data(as_text=True))


def test_a_partner_is_covered_only_by_a_consent_for_it_by_id(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    me = sign_in_as("worker")
    person, _ = make_person(db_session, me)
    partner = make_partner(db_session, "Centrelink community officer")
    # Typed with the very same words, but not chosen from the list: it does not cover it.
    make_consent(db_session, person, party_name="Centrelink community officer")
    url = f"/clients/{person.id}/referrals/new"
    data = {"partner_id": str(partner.id), "reason": "Payment cut off"}
    refused = page_of(client.post(url, data=data))
    assert "There is no current consent to share with Centrelink community officer" in refused
    assert fetch(select(Referral)) == []

    chosen = make_consent(
        db_session, person, party_name="Centrelink community officer", partner_id=partner.id
    )
    form = page_of(client.get(f"{url}?partner={partner.id}"))
    assert HELP in form
    assert "Covers: Centrelink community officer (from our list)" in form
    # The same words come alone when the service changes (htmx).
    part = client.get(
        f"/clients/{person.id}/referrals/covers?partner_id={partner.id}",
        headers={"HX-Request": "true"},
    )
    assert "<h1>" not in part.get_data(as_text=True)
    assert "Covers: Centrelink community officer (from our list)" in page_of(part)
    assert client.post(url, data=data).status_code == 303
    [referral] = fetch(select(Referral))
    assert referral.partner_id == partner.id and referral.consent_id == chosen.id
    assert referral.service_name is None


def test_the_covers_part_without_htmx_goes_to_the_form(client, sign_in_as, db_session):
    me = sign_in_as("worker")
    person, _ = make_person(db_session, me)
    partner = make_partner(db_session)
    response = client.get(f"/clients/{person.id}/referrals/covers?partner_id={partner.id}")
    assert response.status_code == 303
    assert response.headers["Location"].endswith(f"/referrals/new?partner={partner.id}")


def test_a_typed_service_with_the_typed_consent_that_covers_it(
    client, sign_in_as, db_session, fetch, frozen_clock, app
):
    me = sign_in_as("worker")
    person, _ = make_person(db_session, me)
    partner = make_partner(db_session, "Homeground Housing Help")
    listed = make_consent(db_session, person, party_name=partner.name, partner_id=partner.id)
    # Saved before issue 17 with only a name: it still works for a typed referral.
    old = make_consent(db_session, person, party_name="Belconnen Men's Shed", relationship_to=None)
    url = f"/clients/{person.id}/referrals/new"
    form = page_of(client.get(url))
    assert "Belconnen Men's Shed (typed), until 3 March 2027" in form
    assert "Homeground Housing Help (from our list), until" not in form  # not a typed one

    # The consent for a directory partner cannot be chosen for a typed service.
    typed = {
        "service_name": "Belconnen Men's Shed",
        "service_contact": "Phone 02 6100 7788",
        "reason": "Something to do with his hands",
    }
    response = client.post(url, data={**typed, "consent_id": str(listed.id)})
    assert "Choose one of the answers" in page_of(response)
    response = client.post(url, data=typed)
    assert "Choose which of their consents covers Belconnen Men's Shed" in page_of(response)
    assert fetch(select(Referral)) == []

    response = client.post(url, data={**typed, "consent_id": str(old.id)})
    assert response.status_code == 303
    [referral] = fetch(select(Referral))
    assert referral.partner_id is None and referral.consent_id == old.id
    assert referral.service_name == "Belconnen Men's Shed"
    assert referral.service_contact == "Phone 02 6100 7788"
    with app.app_context():
        assert referral_service_name(referral) == "Belconnen Men's Shed"
    said = TimelineEntry.summary == "Referred to Belconnen Men's Shed"
    assert fetch(select(TimelineEntry).where(said))
    assert fetch(select(Partner).where(Partner.name == "Belconnen Men's Shed")) == []

    shown = page_of(client.get(response.headers["Location"]))
    assert "Referral to Belconnen Men's Shed" in shown and "Phone 02 6100 7788" in shown
    assert "Belconnen Men's Shed" in page_of(client.get(f"/clients/{person.id}/referrals"))
    # Afterwards: how it went, named as typed on the timeline.
    record = response.headers["Location"]
    client.post(
        record,
        data={"attended": "yes", "outcome": "Went twice", "version": version_at(client, record)},
    )
    assert fetch(
        select(TimelineEntry).where(
            TimelineEntry.summary == "Referral to Belconnen Men's Shed updated: they went"
        )
    )
    # Booking the appointment starts with who it is with.
    booking = client.get(f"/clients/{person.id}/appointments/new?referral={referral.id}")
    assert 'value="Belconnen Men&#39;s Shed"' in booking.get_data(as_text=True)
    # The weekly report names it as typed.
    week = {"week-day": "3", "week-month": "3", "week-year": "2026", "scope": "own"}
    report = page_of(client.get("/reports/weekly", query_string=week))
    assert "Belconnen Men's Shed" in report


def test_a_typed_service_without_any_typed_consent_says_record_one_first(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    me = sign_in_as("worker")
    person, _ = make_person(db_session, me, nickname="Tam")
    url = f"/clients/{person.id}/referrals/new"
    form = page_of(client.get(url))
    assert "Record their consent with that service first" in form
    assert f'href="/clients/{person.id}/consents"' in client.get(url).get_data(as_text=True)
    typed = {
        "service_name": "Tuggeranong Tenants Union",
        "service_contact": "tenants@example.org",
        "reason": "Rent arrears",
        "suggest": "y",
        "what_they_do": "Helps renters",
    }
    response = client.post(url, data=typed)
    refused = page_of(response)
    assert "There is no current consent to share with Tuggeranong Tenants Union" in refused
    assert "Record their consent now" in refused
    assert fetch(select(Referral)) == [] and fetch(select(Partner)) == []

    # Record it on the spot: the consent starts with the typed service, then back here.
    step = client.post(
        f"/clients/{person.id}/referrals/consent",
        data={**typed, "appointment_made": ""},
    ).headers["Location"]
    who = client.get(step).get_data(as_text=True)
    assert 'value="Tuggeranong Tenants Union"' in who
    base = step.rsplit("/", 1)[0]
    client.post(f"{base}/who", data={"party_name": "Tuggeranong Tenants Union"})
    client.post(f"{base}/what", data={"shares": ["housing"]})
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
    [consent] = fetch(select(Consent))
    assert consent.partner_id is None
    back = client.get(done.headers["Location"]).get_data(as_text=True)
    assert "Tuggeranong Tenants Union" in back and "Rent arrears" in back
    assert f'value="{consent.id}" checked' in back  # the consent just recorded is chosen

    saved = client.post(url, data={**typed, "consent_id": str(consent.id)})
    assert saved.status_code == 303
    [referral] = fetch(select(Referral))
    assert referral.service_name == "Tuggeranong Tenants Union" and referral.partner_id is None
    # Suggested for the directory: it waits, inactive, for a senior or the manager.
    [suggested] = fetch(select(Partner).where(Partner.name == "Tuggeranong Tenants Union"))
    assert suggested.active is False


def test_no_service_or_two_services_are_refused(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    me = sign_in_as("worker")
    person, _ = make_person(db_session, me)
    partner = make_partner(db_session)
    url = f"/clients/{person.id}/referrals/new"
    none = page_of(client.post(url, data={"reason": "A GP"}))
    assert "Choose a service from the list, or type the service" in none
    both = page_of(
        client.post(
            url, data={"partner_id": str(partner.id), "service_name": "A GP", "reason": "A GP"}
        )
    )
    assert "not both" in both
    assert fetch(select(Referral)) == []


def test_an_ended_typed_consent_is_not_offered(client, sign_in_as, db_session, fetch, frozen_clock):
    me = sign_in_as("worker")
    person, _ = make_person(db_session, me)
    ended = make_consent(
        db_session,
        person,
        party_name="Their sister Jo",
        given_on=date(2024, 1, 1),
        expires_on=date(2025, 1, 1),
    )
    url = f"/clients/{person.id}/referrals/new"
    assert "Their sister Jo" not in page_of(client.get(url))
    response = client.post(
        url, data={"service_name": "Jo", "consent_id": str(ended.id), "reason": "Family"}
    )
    assert response.status_code == 200
    assert fetch(select(Referral)) == []
