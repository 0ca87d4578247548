"""Consent to a named service, and referrals anywhere (issue 17), on a tablet, signed in
through the sign-in page: a consent that chooses a partner from our list, then a referral to
that partner (the form says which consent covers it); a consent typed with someone not on
the list, then a referral to that typed service, suggested for our directory. Zero axe
violations on every page."""

import re
from datetime import timedelta

from playwright.sync_api import expect
from sqlalchemy import select

from app import clock
from app.models import Partner, Referral
from tests.e2e.conftest import assert_accessible, assert_targets_at_least, sign_in
from tests.factories import make_user
from tests.factories.care import make_person
from tests.factories.partners import make_partner


def heading(page, text):
    expect(page.get_by_role("heading", level=1)).to_have_text(text)


def record_consent(page, person_id, *, partner=None, typed=None):
    """The consent journey from the consents page: who, what, how, check, save."""
    page.goto(f"/clients/{person_id}/consents")
    heading(page, "Consent to share for Tam")
    page.get_by_role("button", name="Record a new consent").click()
    heading(page, "Who they want us to share with")
    assert_accessible(page)
    if partner:
        page.get_by_label("A service from our list").select_option(label=partner)
    else:
        page.get_by_label("Not on our list? Type the name of the person or service").fill(typed)
        page.get_by_label("Their relationship, or the organisation").fill("Shed coordinator")
        page.get_by_label("How to contact them").fill("Phone 02 6100 7788")
    page.get_by_role("button", name="Save and go on").click()
    heading(page, "What we may share")
    page.get_by_label("That they come to us for support").check()
    page.get_by_role("button", name="Save and go on").click()
    heading(page, "How they gave consent")
    page.get_by_label("Signed a paper copy").check()
    page.get_by_role("button", name="Save and check answers").click()
    heading(page, "Check the consent")
    expect(page.get_by_text(f"{partner or typed} ({'from our list' if partner else 'typed'})"))
    assert_accessible(page)
    page.get_by_role("button", name="Save the consent").click()


def test_consent_to_a_named_service_and_referrals_anywhere(page, db_session):
    worker = make_user(db_session, "worker", display_name="Alex Murray")
    person, _ = make_person(
        db_session, worker, nickname="Tam", opened_on=clock.today() - timedelta(days=60)
    )
    make_partner(db_session, "Centrelink community officer", phone="132 850")
    sign_in(page, worker)

    # Nobody chosen and nobody typed: a clear message, nothing saved.
    page.goto(f"/clients/{person.id}/consents")
    page.get_by_role("button", name="Record a new consent").click()
    page.get_by_role("button", name="Save and go on").click()
    expect(page).to_have_title(re.compile("^Error: Who they want us to share with"))
    expect(page.get_by_role("alert")).to_contain_text(
        "Choose a service from the list, or type who it is with"
    )
    assert_accessible(page)

    # A consent choosing the partner from our list.
    record_consent(page, person.id, partner="Centrelink community officer")
    heading(page, "Consent to share with Centrelink community officer")
    expect(page.get_by_text("Centrelink community officer (from our list)")).to_be_visible()
    assert_accessible(page)

    # A referral to it: choosing the service shows the consent that covers it.
    page.goto(f"/clients/{person.id}/referrals")
    heading(page, "Referrals for Tam")
    page.get_by_role("link", name="Make a referral").click()
    heading(page, "Make a referral")
    expect(
        page.get_by_text(
            "Not in the list? Type it below. "
            "Ask a senior if you are not sure it is the right service."
        )
    ).to_be_visible()
    page.get_by_label("Service", exact=True).select_option(label="Centrelink community officer")
    covers = page.locator("#consent-covers")
    expect(covers).to_contain_text("Covers: Centrelink community officer (from our list)")
    assert_accessible(page)
    assert_targets_at_least(page)
    page.get_by_label("Why they are being referred").fill("Payment cut off last week")
    page.get_by_role("button", name="Save the referral").click()
    heading(page, "Referral to Centrelink community officer")
    assert_accessible(page)

    # A consent typed with someone not on our list.
    record_consent(page, person.id, typed="Belconnen Men's Shed")
    heading(page, "Consent to share with Belconnen Men's Shed")
    page.goto(f"/clients/{person.id}/consents")
    expect(page.get_by_text("Covers: Belconnen Men's Shed (typed)")).to_be_visible()
    expect(page.get_by_text("Covers: Centrelink community officer (from our list)")).to_be_visible()
    assert_accessible(page)

    # A referral to the typed service, under that consent, suggested for our directory.
    page.goto(f"/clients/{person.id}/referrals/new")
    heading(page, "Make a referral")
    page.get_by_label("Not in the list? Type the service").fill("Belconnen Men's Shed")
    page.get_by_label("How to contact them").fill("Phone 02 6100 7788")
    page.get_by_label("Belconnen Men's Shed (typed), until").check()
    page.get_by_label("Suggest this service for our directory").check()
    page.get_by_label("What they do (for the directory, optional)").fill("A shed for making")
    page.get_by_label("Why they are being referred").fill("Something to do with his hands")
    assert_accessible(page)
    page.get_by_role("button", name="Save the referral").click()
    heading(page, "Referral to Belconnen Men's Shed")
    expect(page.get_by_text("We asked a senior to add it to our list.")).to_be_visible()
    expect(page.get_by_text("Phone 02 6100 7788")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Back to referrals").click()
    heading(page, "Referrals for Tam")
    for service in ("Belconnen Men's Shed", "Centrelink community officer"):
        expect(page.get_by_role("cell", name=service, exact=True)).to_be_visible()
    assert_accessible(page)

    db_session.expire_all()
    typed = db_session.scalar(select(Referral).where(Referral.partner_id.is_(None)))
    assert typed.service_name == "Belconnen Men's Shed"
    [suggested] = db_session.scalars(select(Partner).where(Partner.name == "Belconnen Men's Shed"))
    assert suggested.active is False  # it waits for a senior or the manager
