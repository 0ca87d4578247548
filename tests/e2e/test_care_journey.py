"""A worker's day on a tablet: writes a plan with three goals and tries a fourth, adds a note
two days late, books an appointment with transport, makes a referral that is refused for lack
of consent then allowed after recording one, gives material aid, raises a problem for many
people, and closes the episode. Zero axe violations on every page; the plan and the notes
work with JavaScript off."""

import re
from datetime import timedelta

from playwright.sync_api import expect

from app import clock
from tests.e2e.conftest import assert_accessible, assert_targets_at_least, sign_in
from tests.factories import make_user
from tests.factories.care import make_person
from tests.factories.partners import make_partner


def heading(page, text):
    expect(page.get_by_role("heading", level=1)).to_have_text(text)


def check(page):
    assert_accessible(page)


def add_goal(page, words, why, priority, step=None):
    page.get_by_label("The goal, in their words").fill(words)
    page.get_by_label("Why it matters to them").fill(why)
    page.get_by_label(priority, exact=True).check()
    if step:
        page.get_by_label("First step (optional)").fill(step)
        page.get_by_label("The worker", exact=True).check()
    page.get_by_role("button", name="Save the goal").click()


def test_a_workers_day_on_a_tablet(page, db_session):
    worker = make_user(db_session, "worker", display_name="Alex Murray")
    today = clock.today()
    person, _ = make_person(
        db_session, worker, nickname="Tam", opened_on=today - timedelta(days=60)
    )
    make_partner(db_session, "Homeground Housing Help", phone="1800 000 427")
    sign_in(page, worker)

    # My work, on the home page tile.
    page.get_by_role("link", name=re.compile("My work")).click()
    heading(page, "My work")
    expect(page.get_by_text("People I support (1)")).to_be_visible()
    check(page)
    assert_targets_at_least(page)

    # A plan with three goals; a fourth is refused.
    page.goto(f"/clients/{person.id}/plan")
    heading(page, "Plan for Tam")
    check(page)
    page.get_by_role("link", name="Start a plan").click()
    heading(page, "Start a plan")
    check(page)
    page.get_by_role("button", name="Start the plan").click()
    heading(page, "Add a goal")
    expect(page.get_by_text("Plan started. Now add their goals.")).to_be_visible()
    check(page)
    add_goal(page, "See my kids every week", "They keep me going", "First", "Ask CYF for a plan")
    heading(page, "Plan for Tam")
    expect(page.get_by_text("Goal saved.")).to_be_visible()
    check(page)
    assert_targets_at_least(page)
    for words, why in (("A place of my own", "Couch surfing"), ("Start on bupe", "Stop chasing")):
        page.get_by_role("link", name="Add a goal").click()
        add_goal(page, words, why, "Soon")
        heading(page, "Plan for Tam")
    expect(page.get_by_text("Goals they are working on (3 of 3)")).to_be_visible()
    page.get_by_role("link", name="Add a goal").click()
    heading(page, "Add a goal")
    expect(
        page.get_by_text("A plan has up to three goals. Finish or change one first.")
    ).to_be_visible()
    add_goal(page, "Learn to drive", "Freedom", "Later")
    expect(page).to_have_title(re.compile("^Error: Add a goal"))
    expect(page.get_by_role("alert").first).to_contain_text(
        "A plan has up to three goals. Finish or change one first."
    )
    expect(page.get_by_label("The goal, in their words")).to_have_value("Learn to drive")
    check(page)
    page.get_by_role("link", name="Back").click()
    heading(page, "Plan for Tam")
    page.get_by_role("button", name=re.compile(r"^Mark done\W+Ask CYF for a plan$")).click()
    expect(page.get_by_text("Step marked done.")).to_be_visible()
    page.get_by_role("link", name="Plan to print for them").click()
    heading(page, "Plan for Tam")
    expect(page.get_by_text("Your goals")).to_be_visible()
    check(page)

    # A note written two days after the contact is marked late; a word is pointed out.
    page.goto(f"/clients/{person.id}/notes")
    heading(page, "Case notes for Tam")
    check(page)
    page.get_by_role("link", name="Write a note").click()
    heading(page, "Write a note")
    check(page)
    two_days_ago = clock.local_now() - timedelta(days=2, hours=1)
    page.get_by_label("Day", exact=True).fill(str(two_days_ago.day))
    page.get_by_label("Month", exact=True).fill(str(two_days_ago.month))
    page.get_by_label("Year", exact=True).fill(str(two_days_ago.year))
    page.get_by_label("Time of the contact").fill(f"{two_days_ago:%H:%M}")
    page.get_by_label("Face to face").check()
    page.get_by_label("How long, in minutes (optional)").fill("45")
    page.get_by_label("The note", exact=True).fill(
        "Her urine was clean. Talked about the CYF meeting."
    )
    expect(page.locator("#word-hints")).to_contain_text("negative result")  # while typing
    page.get_by_role("button", name="Save the note").click()
    heading(page, "Write a note")
    expect(page.locator("#word-check")).to_contain_text("negative result")
    check(page)
    page.get_by_role("button", name="Save as it is").click()
    heading(page, "Case notes for Tam")
    expect(page.get_by_text("It is marked late")).to_be_visible()
    expect(page.get_by_text("Written late")).to_be_visible()
    check(page)

    # An appointment with transport.
    page.get_by_role("link", name="Appointments", exact=True).click()
    heading(page, "Appointments for Tam")
    page.get_by_role("link", name="Book an appointment").click()
    heading(page, "Book an appointment")
    check(page)
    tomorrow = today + timedelta(days=1)
    page.get_by_label("Day", exact=True).fill(str(tomorrow.day))
    page.get_by_label("Month", exact=True).fill(str(tomorrow.month))
    page.get_by_label("Year", exact=True).fill(str(tomorrow.year))
    page.get_by_label("Time", exact=True).fill("14:30")
    # With their own worker: no consent needed (issue 17; see test_sharing_journey.py).
    page.get_by_label("Service", exact=True).select_option(label="A meeting with me (Alex Murray)")
    page.get_by_label("Taxi").check()
    page.get_by_label("Questions they want to ask (optional)").fill("How long is the wait?")
    page.get_by_role("button", name="Book the appointment").click()
    heading(page, "Appointments for Tam")
    expect(page.get_by_role("cell", name="Taxi")).to_be_visible()
    check(page)

    # A referral is refused without consent, then allowed once consent is recorded.
    page.get_by_role("link", name="Referrals", exact=True).click()
    heading(page, "Referrals for Tam")
    check(page)
    page.get_by_role("link", name="Make a referral").click()
    page.get_by_label("Service", exact=True).select_option(label="Homeground Housing Help")
    page.get_by_label("Why they are being referred").fill("Needs a crisis bed tonight")
    page.get_by_role("button", name="Save the referral").click()
    expect(page).to_have_title(re.compile("^Error: Make a referral"))
    expect(page.get_by_role("alert")).to_contain_text(
        "There is no current consent to share with Homeground Housing Help"
    )
    check(page)
    page.get_by_role("button", name="Record their consent now").click()
    heading(page, "Who they want us to share with")
    # Issue 17: the service comes chosen from our list, not typed.
    expect(page.locator("#partner_id option:checked")).to_have_text("Homeground Housing Help")
    page.get_by_role("button", name="Save and go on").click()
    heading(page, "What we may share")
    page.get_by_label("Housing", exact=True).check()
    page.get_by_role("button", name="Save and go on").click()
    page.get_by_label("Signed a paper copy").check()
    page.get_by_role("button", name="Save and check answers").click()
    page.get_by_role("button", name="Save the consent").click()
    heading(page, "Make a referral")
    expect(page.get_by_label("Why they are being referred")).to_have_value(
        "Needs a crisis bed tonight"
    )
    page.get_by_role("button", name="Save the referral").click()
    heading(page, "Referral to Homeground Housing Help")
    check(page)

    # Material aid.
    page.get_by_role("link", name="Aid", exact=True).click()
    heading(page, "Material aid for Tam")
    page.get_by_label("Tent or swag").check()
    page.get_by_label("Where it came from").select_option(label="Homeground Housing Help")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Material aid saved.")).to_be_visible()
    expect(page.get_by_role("cell", name="Tent or swag")).to_be_visible()
    check(page)

    # A problem for many people, raised to the manager.
    page.get_by_role("link", name="Advocacy", exact=True).click()
    heading(page, "Advocacy for Tam")
    check(page)
    page.get_by_role("link", name="Problems for many people").click()
    heading(page, "Problems for many people")
    page.get_by_role("link", name="Raise a problem").click()
    heading(page, "Raise a problem for many people")
    check(page)
    page.get_by_label("What is the problem?").fill("Crisis beds are full every night this month")
    page.get_by_role("button", name="Raise it").click()
    heading(page, "A problem for many people")
    expect(page.get_by_text("Raised with the manager.")).to_be_visible()
    check(page)

    # Close the episode, one question a page.
    page.goto(f"/clients/{person.id}/close")
    heading(page, "Close the episode of care")
    check(page)
    page.get_by_role("button", name="Start").click()
    heading(page, "Why is the episode closing?")
    check(page)
    page.get_by_label("We agreed together to stop").check()
    page.get_by_role("button", name="Save and go on").click()
    heading(page, "The main kind of support")
    check(page)
    page.get_by_role("button", name="Save and go on").click()
    heading(page, "Where the support happened")
    page.get_by_label("Out and about (outreach)").check()
    page.get_by_role("button", name="Save and go on").click()
    heading(page, "Their main drug of concern")
    check(page)
    page.get_by_role("button", name="Save and go on").click()
    heading(page, "The day it closed")
    page.get_by_label("Day", exact=True).fill(str(today.day))
    page.get_by_label("Month", exact=True).fill(str(today.month))
    page.get_by_label("Year", exact=True).fill(str(today.year))
    page.get_by_role("button", name="Save and check answers").click()
    heading(page, "Check your answers")
    expect(page.get_by_text("national code 10")).to_be_visible()
    check(page)
    page.get_by_role("button", name="Close the episode").click()
    expect(page.get_by_text("Episode of care closed.")).to_be_visible()
    check(page)
    page.goto(f"/clients/{person.id}/plan")
    expect(page.get_by_text("This plan is from a closed episode")).to_be_visible()
    expect(page.get_by_role("link", name="Add a goal")).to_have_count(0)
    check(page)


def test_the_plan_and_a_note_work_with_javascript_off(no_js_page, db_session):
    page = no_js_page
    worker = make_user(db_session, "worker", display_name="Dan Kelly")
    today = clock.today()
    person, _ = make_person(
        db_session, worker, nickname="Kev", opened_on=today - timedelta(days=30)
    )
    sign_in(page, worker)
    page.goto(f"/clients/{person.id}/plan")
    page.get_by_role("link", name="Start a plan").click()
    page.get_by_role("button", name="Start the plan").click()
    heading(page, "Add a goal")
    page.get_by_role("button", name="Save the goal").click()
    expect(page.get_by_role("alert")).to_contain_text("Write the goal in their words")
    add_goal(page, "Get my leg looked at", "It hurts to walk", "First", "Book the health van")
    heading(page, "Plan for Kev")
    page.get_by_role("button", name=re.compile(r"^Goal done\W+Get my leg looked at$")).click()
    expect(page.get_by_text("Goal marked done.")).to_be_visible()
    page.get_by_role("link", name="Notes", exact=True).click()
    page.get_by_role("link", name="Write a note").click()
    page.get_by_label("Phone", exact=True).check()
    page.get_by_label("The note", exact=True).fill("He said he relapsed. Wants to try again.")
    page.get_by_role("button", name="Save the note").click()
    expect(page.locator("#word-check")).to_contain_text("returned to use")
    page.get_by_role("link", name="Change the words").click()
    page.get_by_label("The note", exact=True).fill("He said he used again. Wants to try again.")
    page.get_by_role("button", name="Save the note").click()
    heading(page, "Case notes for Kev")
    expect(page.get_by_text("Note saved.")).to_be_visible()
    expect(page.get_by_text("He said he used again.")).to_be_visible()
