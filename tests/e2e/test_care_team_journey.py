"""A care team with a trainee (issue 15): Dan adds Tess, a trainee at Level 4, to Tam's team
with Tam's agreement; Tess signs in, sees the narrow view and writes a note; Dan signs it
from his home page; Tess's hours show the supervised time. Zero axe violations on each page."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import DESK, _new_page, assert_accessible, sign_in
from tests.factories import make_user, training
from tests.factories.care import make_person

pytestmark = pytest.mark.e2e


def heading(page, text):
    expect(page.get_by_role("heading", level=1)).to_have_text(text)


def test_a_worker_adds_a_trainee_who_writes_a_note_the_worker_signs(
    page, browser, live_server, app, db_session
):
    training.load_programme(app, db_session)
    dan = make_user(db_session, "worker", display_name="Dan Kelly")
    senior = make_user(db_session, "senior", display_name="Sam Lee")
    tess = make_user(db_session, "trainee", display_name="Tess Walker")
    for number in (1, 2, 3):
        training.sign_off_level(db_session, tess, training.level(db_session, number), senior)
    person, _ = make_person(db_session, dan, nickname="Tam")

    # Dan adds Tess to Tam's care team, with Tam's agreement.
    desk = _new_page(browser, live_server, viewport=DESK)
    sign_in(desk, dan)
    desk.goto(f"/clients/{person.id}/team")
    heading(desk, "Care team for Tam")
    assert_accessible(desk)
    desk.get_by_label("Who joins the team").select_option(label="Tess Walker (Trainee)")
    desk.get_by_label("What they will do in the team").fill("Learning with Dan: phone check-ins")
    desk.get_by_role("button", name="Add to the team").click()
    expect(desk).to_have_title(re.compile("^Error: "))
    expect(desk.get_by_role("alert")).to_contain_text("Ask the person first")
    assert_accessible(desk)
    desk.get_by_label("The person agreed").check()
    desk.get_by_label("Day").fill("2")
    desk.get_by_label("Month").fill("3")
    desk.get_by_label("Year").fill("2026")
    desk.get_by_role("button", name="Add to the team").click()
    expect(desk.get_by_text("Tess Walker is on the care team.")).to_be_visible()

    # Tess signs in: the narrow view of Tam's file, and a note.
    sign_in(page, tess)
    page.goto("/")
    page.get_by_role("link", name="Tam").click()
    heading(page, "Tam")
    expect(page.get_by_text("You are on this person's care team as a learner")).to_be_visible()
    expect(page.get_by_role("heading", name="Timeline")).to_have_count(0)
    assert_accessible(page)
    page.get_by_role("link", name="Write a note").first.click()
    heading(page, "Write a note")
    page.get_by_label("Phone").check()
    page.get_by_label("How long, in minutes (optional)").fill("30")
    page.get_by_label("The note").fill("Rang to check in before court. Feeling ready.")
    page.get_by_role("button", name=re.compile("Save")).first.click()
    expect(page.get_by_text("It counts once Dan Kelly signs it")).to_be_visible()
    expect(page.get_by_role("heading", name="Your notes waiting to be signed")).to_be_visible()
    assert_accessible(page)

    # Dan sees it on his home page and signs it.
    desk.goto("/")
    expect(desk.get_by_role("heading", name="Notes waiting for you to sign")).to_be_visible()
    assert_accessible(desk)
    desk.get_by_role("link", name=re.compile("Read and sign it")).click()
    expect(desk.get_by_text("Rang to check in before court. Feeling ready.")).to_be_visible()
    desk.get_by_role("button", name="Sign this note").click()
    expect(desk.get_by_text(re.compile("Note signed. It counts now"))).to_be_visible()
    assert_accessible(desk)
    desk.context.close()

    # Tess's hours show the supervised time.
    page.goto("/training/hours")
    heading(page, "My hours")
    expect(page.get_by_text("Supervised client work, signed by Dan Kelly")).to_be_visible()
    assert_accessible(page)
