"""Closing an episode on a tablet (768 by 1024), signed in through the sign-in page: the
"Close the episode" link on the file, reasons in plain words with the national code on the
check page, the appointments still to come cancelled or kept, a note after closing, and a
closing the worker is not sure of, confirmed by the manager. Zero axe violations on every
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
from tests.factories.care import make_appointment, make_person


def heading(page, text):
    expect(page.get_by_role("heading", level=1)).to_have_text(text)


def answer_to_the_check(page, reason_words: str) -> None:
    """From the file: the link, Start, the reason, then the answers from the episode."""
    page.get_by_role("link", name="Close the episode").click()
    heading(page, "Close the episode of care")
    assert_accessible(page)
    page.get_by_role("button", name="Start").click()
    heading(page, "Why is the episode closing?")
    assert_accessible(page)
    page.get_by_label(reason_words).check()
    page.get_by_role("button", name="Save and go on").click()
    for title in ("The main kind of support", "Where the support happened"):
        heading(page, title)
        page.get_by_role("button", name="Save and go on").click()
    heading(page, "Their main drug of concern")
    page.get_by_role("button", name="Save and go on").click()
    heading(page, "The day it closed")
    page.get_by_role("button", name="Save and check answers").click()
    heading(page, "Check your answers")


def test_closing_on_a_tablet_then_the_appointments_and_a_note_after(page, db_session):
    worker = make_user(db_session, "worker", display_name="Alex Murray")
    person, episode = make_person(
        db_session, worker, nickname="Tam", opened_on=clock.today() - timedelta(days=60)
    )
    make_appointment(
        db_session,
        person,
        episode,
        worker=worker,
        with_whom="Dr Lee",
        transport="car",
        starts_at=clock.now() + timedelta(days=2),
    )
    sign_in(page, worker)
    page.goto(f"/clients/{person.id}")
    assert_accessible(page)

    # Going to rehab at another organisation: the words lead to code 5, shown on the check.
    answer_to_the_check(page, "Went to another organisation for support, like rehab")
    expect(
        page.get_by_text(re.compile("national code 5: Transferred to another service provider"))
    ).to_be_visible()
    expect(page.get_by_text("Appointments still to come (1)")).to_be_visible()
    assert_accessible(page)
    assert_targets_at_least(page)
    page.get_by_role("button", name="Close the episode").click()

    # The appointments still to come: one tap to cancel (and the car with it) or keep.
    heading(page, "Appointments still to come")
    expect(page.get_by_text("Episode of care closed.")).to_be_visible()
    expect(page.get_by_text("Our car is booked")).to_be_visible()
    assert_accessible(page)
    assert_targets_at_least(page)
    page.get_by_role("button", name="Cancel it").click()
    expect(page.get_by_text("Appointment cancelled, and the car with it.")).to_be_visible()
    expect(page.get_by_text("Nothing left to cancel or keep.")).to_be_visible()
    assert_accessible(page)

    # The closing note, after closing: no new episode, the note marked.
    page.goto(f"/clients/{person.id}/notes/new")
    heading(page, "Write a note")
    expect(page.get_by_text('marked "after closing"')).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Phone").check()
    page.get_by_label("The note", exact=True).fill("Rang to say goodbye. Starts at rehab Monday.")
    page.get_by_role("button", name="Save the note").click()
    heading(page, "Case notes for Tam")
    expect(page.get_by_text("After closing")).to_be_visible()
    assert_accessible(page)


def test_a_closing_the_worker_is_not_sure_of_waits_for_the_manager(
    page, browser, live_server, db_session
):
    worker = make_user(db_session, "worker", display_name="Alex Murray")
    manager = make_user(db_session, "manager", display_name="Robin Lee")
    person, _ = make_person(
        db_session, worker, nickname="Jo", opened_on=clock.today() - timedelta(days=60)
    )
    sign_in(page, worker)
    page.goto(f"/clients/{person.id}")
    answer_to_the_check(page, "Stopped coming, without telling us")
    page.get_by_label("What are you not sure of? (optional)").fill("Heard they are in Sydney.")
    page.get_by_role("button", name="Not sure: ask the manager").click()
    heading(page, "Waiting for the manager")
    expect(page.get_by_text("Sent to the manager.")).to_be_visible()
    assert_accessible(page)

    boss = _new_page(browser, live_server, viewport=TABLET)
    try:
        sign_in(boss, manager)
        expect(boss.get_by_text("1 closing waits for your yes")).to_be_visible()
        assert_accessible(boss)
        boss.get_by_role("link", name="Check the closings").click()
        heading(boss, "Closings to check")
        expect(boss.get_by_text("Heard they are in Sydney.")).to_be_visible()
        expect(boss.get_by_text(re.compile("national code 7"))).to_be_visible()
        assert_accessible(boss)
        assert_targets_at_least(boss)
        boss.get_by_role("button", name="Yes, close it").click()
        expect(boss.get_by_text("Episode of care closed for Jo.")).to_be_visible()
        expect(boss.get_by_text("No closings to check.")).to_be_visible()
        assert_accessible(boss)
    finally:
        boss.context.close()

    page.goto(f"/clients/{person.id}/episodes")
    expect(page.get_by_text("None open")).to_be_visible()
