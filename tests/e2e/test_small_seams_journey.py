"""Small things met on the walks (issue 17), in a real browser at tablet size: advocacy keeps
a chosen partner and a typed service, and raising it starts from what is written; "Me" comes
first on an appointment and the car cannot be double-booked; a module's count follows items
marked done; the date of contact starts at today. The server's clock is the app's frozen
clock (Tuesday 3 March 2026, 12pm Canberra)."""

import re
from datetime import UTC, datetime

import pyotp
from playwright.sync_api import Page, expect
from sqlalchemy import select

from app.models import Appointment
from tests.e2e.conftest import TABLET, assert_accessible
from tests.factories import PASSWORD, TOTP_SECRET, make_user, training
from tests.factories.care import make_appointment, make_person
from tests.factories.clients import make_consent
from tests.factories.partners import make_partner


def heading(page: Page, text) -> None:
    expect(page.get_by_role("heading", level=1)).to_have_text(text)


def sign_in_at(page: Page, user, frozen_clock) -> None:
    """Sign in through the real pages, with the phone code for the server's (frozen) time."""
    page.goto("/sign-in")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    if user.role in {"worker", "senior", "manager"}:
        code = pyotp.TOTP(TOTP_SECRET).at(frozen_clock.moment)
        page.get_by_label("Code from your authenticator app").fill(code)
        page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("button", name="Switch user")).to_be_visible()


def test_advocacy_keeps_both_services_and_raising_it_starts_from_what_is_written(
    page: Page, browser, live_server, db_session, frozen_clock
):
    worker = make_user(db_session, "worker", display_name="Robin Raiser")
    senior = make_user(db_session, "senior", display_name="Rosa Tuilagi")
    person, _ = make_person(db_session, worker, nickname="Tam", given_name="Tam")
    partner = make_partner(db_session, "Civic Pharmacy")
    make_consent(db_session, person, party_name=partner.name, partner_id=partner.id)
    make_consent(db_session, person, party_name="Centrelink", relationship_to="Income support")

    sign_in_at(page, worker, frozen_clock)
    page.goto(f"/clients/{person.id}/advocacy")
    heading(page, "Advocacy for Tam")
    page.get_by_role("link", name="Start advocacy").click()
    heading(page, "Start advocacy")
    assert_accessible(page)
    page.get_by_label("For them, with a service").check()
    page.get_by_label("Which service", exact=True).select_option(label="Civic Pharmacy")
    page.get_by_label("Another service (optional)").fill("Centrelink")
    page.get_by_role("radio", name=re.compile("Centrelink")).check()
    page.get_by_label("What is the issue?").fill("Refused take-away doses")
    page.get_by_role("button", name="Save").click()
    heading(page, "Advocacy with Civic Pharmacy and Centrelink")
    expect(page.get_by_text("Advocacy saved.")).to_be_visible()
    assert_accessible(page)

    # Raising it with the manager starts with the words and both services already there.
    page.get_by_role("link", name="Raise it with the manager").click()
    heading(page, "Raise a problem for many people")
    expect(page.get_by_label("What is the problem?")).to_have_value("Refused take-away doses")
    expect(page.get_by_label("Which service (optional)")).to_have_value(str(partner.id))
    expect(page.get_by_label("Another service (optional)")).to_have_value("Centrelink")
    assert_accessible(page)
    page.get_by_role("button", name="Raise it").click()
    expect(page.get_by_text("Raised with the manager.")).to_be_visible()
    assert_accessible(page)

    # A senior sees it on their home page, with who raised it.
    context = browser.new_context(base_url=live_server, viewport=TABLET, locale="en-AU")
    context.set_default_timeout(10_000)
    try:
        home = context.new_page()
        sign_in_at(home, senior, frozen_clock)
        panel = home.locator(
            "section", has=home.get_by_role("heading", name="Problems for many people")
        )
        expect(panel.get_by_role("link", name="Refused take-away doses")).to_be_visible()
        expect(panel.get_by_text("Raised by Robin Raiser")).to_be_visible()
        assert_accessible(home)
    finally:
        context.close()


def test_me_comes_first_and_the_car_cannot_be_booked_twice(
    page: Page, db_session, fetch, frozen_clock
):
    worker = make_user(db_session, "worker", display_name="Alex Worker")
    person, _ = make_person(db_session, worker, nickname="Tam", given_name="Tam")
    other = make_user(db_session, "worker")
    stranger, episode = make_person(db_session, other, nickname="Secretname")
    # Someone else's person has the car at 1:30pm Canberra on Thursday 5 March.
    make_appointment(
        db_session,
        stranger,
        episode,
        worker=other,
        starts_at=datetime(2026, 3, 5, 2, 30, tzinfo=UTC),
        transport="car",
    )

    sign_in_at(page, worker, frozen_clock)
    page.goto(f"/clients/{person.id}/appointments")
    heading(page, "Appointments for Tam")
    page.get_by_role("link", name="Book an appointment").click()
    heading(page, "Book an appointment")
    going = page.get_by_label("Worker going")
    expect(going.locator("option").first).to_have_text("Me (Alex Worker)")
    assert_accessible(page)

    page.get_by_label("Day", exact=True).fill("5")
    page.get_by_label("Month", exact=True).fill("3")
    page.get_by_label("Year", exact=True).fill("2026")
    page.get_by_label("Time", exact=True).fill("14:30")
    page.get_by_label("Service", exact=True).select_option(label="A meeting with me (Alex Worker)")
    page.get_by_label("Our car").check()
    page.get_by_role("button", name="Book the appointment").click()
    heading(page, "Book an appointment")
    expect(
        page.get_by_text(
            "Our car is already booked on Thursday 5 March from 1:30pm to 3:30pm. "
            "Choose another time or other transport."
        ).first
    ).to_be_visible()
    expect(page.get_by_text("Secretname")).to_have_count(0)
    assert_accessible(page)
    assert len(fetch(select(Appointment))) == 1  # the second booking is not saved


def test_the_module_count_follows_items_marked_done(page: Page, app, db_session, frozen_clock):
    training.load_programme(app, db_session)
    trainee = make_user(db_session, "trainee", display_name="Jordan Lee")
    module = training.module(db_session, 1, 1)
    first, second = training.items(db_session, module)[:2]

    sign_in_at(page, trainee, frozen_clock)
    page.goto(f"/training/modules/{module.id}")
    heading(page, module.title)
    count = page.locator(f"#module-{module.id}-count")
    expect(count).to_have_text("0 of 20 done")
    assert_accessible(page)

    page.locator(f"#item-{first.id}").get_by_role("button", name="Mark as done").click()
    expect(count).to_have_text("1 of 20 done")
    page.locator(f"#item-{second.id}").get_by_role("button", name="Mark as done").click()
    expect(count).to_have_text("2 of 20 done")
    page.locator(f"#item-{first.id}").get_by_role("button", name="Not done yet").click()
    expect(count).to_have_text("1 of 20 done")
    assert_accessible(page)


def test_the_date_of_contact_starts_at_today(page: Page, db_session, frozen_clock):
    worker = make_user(db_session, "worker", display_name="Dan Kelly")
    sign_in_at(page, worker, frozen_clock)
    page.goto("/clients/search")
    page.get_by_role("link", name="Start a new file").click()
    heading(page, "Start a new file")
    page.get_by_role("button", name="Start").click()
    heading(page, "Their name")
    page.get_by_label("Name they like to be called, or nickname").fill("Birdie")
    page.get_by_role("button", name="Save and go on").click()
    heading(page, "About this contact")
    contact = page.get_by_role("group", name=re.compile("Date of contact"))
    expect(contact.get_by_label("Day", exact=True)).to_have_value("3")
    expect(contact.get_by_label("Month", exact=True)).to_have_value("3")
    expect(contact.get_by_label("Year", exact=True)).to_have_value("2026")
    assert_accessible(page)
