"""Cover access from both sides (issue 13): a worker finds a stranger's file, opens it with a
reason and sees only the narrow view; the file's worker sees on their home page that it was
opened; a senior marks it reviewed. Zero axe violations on each page."""

import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from app import clock
from tests.e2e.conftest import DESK, _new_page, assert_accessible, sign_in
from tests.factories import make_user
from tests.factories.care import make_note, make_person, make_plan
from tests.factories.clients import make_assessment, make_client

pytestmark = pytest.mark.e2e

SENTENCE = "Tam came to the drop-in and needs help with a housing form today."


def heading(page, text):
    expect(page.get_by_role("heading", level=1)).to_have_text(text)


def test_a_worker_opens_a_strangers_file_and_its_worker_and_a_senior_see_it(
    page, desk_page, browser, live_server, db_session
):
    long_ago = clock.now() - timedelta(days=60)
    dan = make_user(db_session, "worker", display_name="Dan Kelly", created_at=long_ago)
    person, episode = make_person(db_session, dan, nickname="Tam", phone="0412 345 678")
    make_assessment(db_session, person, risks="Overdose risk when using alone")
    make_plan(db_session, person, episode, goals=["Find a place to live"])
    make_note(db_session, person, episode, by=dan, text="Talked about the lease.")
    alex = make_user(db_session, "worker", display_name="Alex Murray", created_at=long_ago)
    make_client(db_session, alex)
    senior = make_user(db_session, "senior", display_name="Sam Lee", created_at=long_ago)

    # Alex finds the file and opens it with a reason.
    sign_in(page, alex)
    page.goto("/clients/search")
    page.get_by_label("Name, nickname, date of birth or phone").fill("Tam")
    page.get_by_role("button", name="Search").click()
    page.get_by_role("link", name=re.compile("Not your file: open with a reason")).click()
    heading(page, "Open a file that is not yours")
    assert_accessible(page)
    page.get_by_label("The person is here and needs help now").check()
    page.get_by_label("In your own words, what is happening?").fill("x")
    page.get_by_role("button", name="Open the file").click()
    expect(page).to_have_title(re.compile("^Error: "))
    expect(page.get_by_role("alert")).to_contain_text("Write a full sentence")
    assert_accessible(page)
    page.get_by_label("In your own words, what is happening?").fill(SENTENCE)
    page.get_by_role("button", name="Open the file").click()

    # The narrow view: contact, safety, the plan, recent notes; not the timeline.
    heading(page, "Tam")
    expect(
        page.get_by_text("You are covering: you can see part of this file until the end of today")
    ).to_be_visible()
    expect(page.get_by_text("Overdose risk when using alone")).to_be_visible()
    expect(page.get_by_text("Find a place to live")).to_be_visible()
    expect(page.get_by_text("Talked about the lease.")).to_be_visible()
    expect(page.get_by_role("heading", name="Timeline")).to_have_count(0)
    expect(page.get_by_role("link", name="Details")).to_have_count(0)
    assert_accessible(page)

    # Dan sees it on his home page.
    sign_in(desk_page, dan)
    desk_page.goto("/")
    expect(
        desk_page.get_by_text(re.compile("Alex Murray opened Tam's file: the person"))
    ).to_be_visible()
    assert_accessible(desk_page)

    # A senior marks it reviewed.
    senior_page = _new_page(browser, live_server, viewport=DESK)
    sign_in(senior_page, senior)
    senior_page.goto("/")
    expect(senior_page.get_by_role("heading", name="To review")).to_be_visible()
    assert_accessible(senior_page)
    senior_page.get_by_role("button", name="Mark as reviewed").click()
    expect(senior_page.get_by_text("Marked as reviewed.")).to_be_visible()
    senior_page.goto("/clients/cover-log")
    expect(senior_page.get_by_text("Reviewed by Sam Lee")).to_be_visible()
    assert_accessible(senior_page)
    senior_page.context.close()
