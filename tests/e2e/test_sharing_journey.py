"""Consent checked where information is shared, and a service suggested for the partners list
(issue 17), on a tablet (768 by 1024), signed in through the sign-in page: an appointment with
a partner is refused without their consent and booked with it; the worker suggests a service
the list does not have; a senior approves it from the home page. Zero axe violations on every
page."""

import re
from datetime import timedelta

from playwright.sync_api import expect

from app import clock
from tests.e2e.conftest import (
    TABLET,
    _new_page,
    assert_accessible,
    assert_targets_at_least,
    sign_in,
)
from tests.factories import make_user
from tests.factories.care import make_person
from tests.factories.clients import make_consent
from tests.factories.partners import make_partner


def heading(page, text):
    expect(page.get_by_role("heading", level=1)).to_have_text(text)


def test_sharing_needs_consent_and_a_suggested_service_is_approved(
    page, browser, live_server, db_session
):
    worker = make_user(db_session, "worker", display_name="Alex Murray")
    senior = make_user(db_session, "senior", display_name="Rosa Tuilagi")
    person, _ = make_person(
        db_session, worker, nickname="Tam", opened_on=clock.today() - timedelta(days=30)
    )
    housing = make_partner(db_session, "Homeground Housing Help", phone="1800 000 427")
    sign_in(page, worker)

    # An appointment with a partner service, without their consent: refused, nothing saved.
    page.goto(f"/clients/{person.id}/appointments/new")
    heading(page, "Book an appointment")
    assert_accessible(page)
    tomorrow = clock.today() + timedelta(days=1)
    page.get_by_label("Day", exact=True).fill(str(tomorrow.day))
    page.get_by_label("Month", exact=True).fill(str(tomorrow.month))
    page.get_by_label("Year", exact=True).fill(str(tomorrow.year))
    page.get_by_label("Time", exact=True).fill("10:30")
    page.get_by_label("Service", exact=True).select_option(label="Homeground Housing Help")
    page.get_by_label("Who else is coming or sitting in (optional)").fill("Their sister Jo")
    page.get_by_label("They said yes to this person being there").check()
    page.get_by_role("button", name="Book the appointment").click()
    expect(page).to_have_title(re.compile("^Error: Book an appointment"))
    expect(page.get_by_role("alert")).to_contain_text(
        "They have not agreed to us sharing with Homeground Housing Help. "
        "Record their consent first."
    )
    expect(page.get_by_role("link", name="Record their consent first")).to_be_visible()
    assert_accessible(page)
    assert_targets_at_least(page)

    # With their consent for that service, the same form books it.
    make_consent(db_session, person, party_name=housing.name, partner_id=housing.id)
    page.get_by_role("button", name="Book the appointment").click()
    heading(page, "Appointments for Tam")
    expect(page.get_by_text("Appointment booked.")).to_be_visible()
    assert_accessible(page)

    # A service not on the list: the worker suggests it.
    page.goto("/partners")
    heading(page, "Partners")
    page.get_by_role("link", name="Suggest a service").click()
    heading(page, "Suggest a service")
    assert_accessible(page)
    page.get_by_label("Name of the service").fill("Hope Street Refuge")
    page.get_by_label("How to reach them (optional)").fill("02 6100 5511")
    page.get_by_label("What they do, in plain words (optional)").fill("Safe beds for women.")
    page.get_by_role("button", name="Send the suggestion").click()
    heading(page, "Partners")
    thanks = "A senior or the manager will look at Hope Street Refuge"
    expect(page.get_by_text(thanks)).to_be_visible()
    expect(page.get_by_role("link", name="Hope Street Refuge")).to_have_count(0)
    assert_accessible(page)

    # A senior sees it on their home page and approves it.
    boss = _new_page(browser, live_server, viewport=TABLET)
    try:
        sign_in(boss, senior)
        boss.goto("/")
        expect(boss.get_by_text("1 service is waiting for you to look at.")).to_be_visible()
        assert_accessible(boss)
        boss.get_by_role("link", name="See the suggested services").click()
        heading(boss, "Services suggested for the partners list")
        expect(boss.get_by_text("Suggested by Alex Murray")).to_be_visible()
        assert_accessible(boss)
        assert_targets_at_least(boss)
        boss.get_by_role("button", name="Approve Hope Street Refuge").click()
        expect(boss.get_by_text("Hope Street Refuge is on the partners list now.")).to_be_visible()
        expect(boss.get_by_text("No services are waiting.")).to_be_visible()
        assert_accessible(boss)
    finally:
        boss.context.close()

    # Now it is on the list for the worker too.
    page.goto("/partners")
    expect(page.get_by_role("link", name="Hope Street Refuge")).to_be_visible()
