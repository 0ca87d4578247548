"""Issue 17 on a tablet: the manager sets the establishment number on the settings page; a
worker puts an episode's start date right and sees it on the timeline. Axe-clean throughout."""

import re
from datetime import timedelta

from playwright.sync_api import expect
from sqlalchemy import select

from app import clock
from app.models import Setting
from app.templating import day
from tests.e2e.conftest import assert_accessible, sign_in
from tests.factories import make_user
from tests.factories.clients import make_client, make_episode, make_timeline_entry


def heading(page, text):
    expect(page.get_by_role("heading", level=1)).to_have_text(text)


def test_the_manager_sets_the_number_and_a_worker_puts_a_start_right(page, db_session, fetch):
    manager = make_user(db_session, "manager", display_name="Chris Mahoney")
    worker = make_user(db_session, "worker", display_name="Alex Murray")
    person = make_client(db_session, worker, given_name="Jaz", family_name="Orchard")
    episode = make_episode(db_session, person, opened_on=clock.today())
    make_timeline_entry(
        db_session,
        person,
        kind="episode_opened",
        summary="Episode of care opened",
        record_type="Episode",
        record_id=episode.id,
    )

    # The manager: a bad number is refused, then the right one is saved.
    sign_in(page, manager)
    page.get_by_role("link", name=re.compile("^Settings")).click()
    heading(page, "Settings")
    expect(page.get_by_text("Not set")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Establishment number").fill("12345")
    page.get_by_role("button", name="Save the number").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    assert_accessible(page)
    assert fetch(select(Setting)) == []
    page.get_by_label("Establishment number").fill("810100001")
    page.get_by_role("button", name="Save the number").click()
    expect(page.get_by_text("Establishment number saved.")).to_be_visible()
    expect(page.get_by_text("Set by Chris Mahoney")).to_be_visible()
    assert_accessible(page)
    assert fetch(select(Setting))[0].value == "810100001"
    page.get_by_role("button", name="Switch user").click()
    expect(page).to_have_url(re.compile("/sign-in"))

    # The worker: the episode began three weeks ago, not the day the file was made.
    began = clock.today() - timedelta(days=21)
    sign_in(page, worker)
    page.goto(f"/clients/{person.id}/episodes/{episode.id}")
    heading(page, f"Episode from {day(clock.today())}")
    assert_accessible(page)
    form = page.locator("form", has=page.get_by_role("button", name="Put the start date right"))
    form.get_by_label("Day").fill(str(began.day))
    form.get_by_label("Month").fill(str(began.month))
    form.get_by_label("Year").fill(str(began.year))
    form.get_by_label("Why it changes").fill("yes")
    form.get_by_role("button", name="Put the start date right").click()
    heading(page, "Put the start date right")
    expect(page.get_by_role("link", name=re.compile("^Say why in a few words"))).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Why it changes").fill("First met at the outreach van, three weeks ago")
    page.get_by_role("button", name="Put the start date right").click()
    expect(page.get_by_text("Start date put right.")).to_be_visible()
    heading(page, f"Episode from {day(began)}")
    assert_accessible(page)

    page.goto(f"/clients/{person.id}")
    timeline = page.locator("ol.timeline")
    corrected = timeline.locator("li", has_text="Episode start put right")
    expect(corrected).to_contain_text(f"(was {clock.today().day} ")
    expect(corrected).to_contain_text("Why: First met at the outreach van")
    opened = timeline.locator("li", has_text="Episode of care opened")
    expect(opened).to_contain_text(day(began))
    expect(page.get_by_text(f"Open since {day(began)}")).to_be_visible()
    assert_accessible(page)
