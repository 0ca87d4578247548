"""A worker hosts a care coordination meeting ("PTSS workers often host care coordination
meetings", model of care) and writes it up with an action; it is on the file's timeline and
on "My work". The manager sets a fortnightly supervision schedule for the worker, whose last
one to one was three weeks ago: the worker sees the reminder on their home page. Zero axe
violations on every page."""

from datetime import timedelta

import pytest
from playwright.sync_api import Page, expect

from app import clock
from app.models import Supervision
from app.templating import day
from tests.e2e.conftest import assert_accessible, sign_in
from tests.factories import make_user
from tests.factories.care import make_person
from tests.factories.clients import make_consent
from tests.factories.partners import make_partner


@pytest.fixture
def setting(db_session):
    today = clock.today()
    alex = make_user(db_session, "worker", display_name="Alex Murray")
    rosa = make_user(db_session, "senior", display_name="Rosa Tuilagi")
    manager = make_user(db_session, "manager", display_name="Chris Mahoney")
    person, _ = make_person(db_session, alex, nickname="Jaz", opened_on=today - timedelta(days=60))
    housing = make_partner(db_session, "Housing ACT")
    make_consent(db_session, person, party_name=housing.name, partner_id=housing.id)
    db_session.add(
        Supervision(
            kind="line",
            held_on=today - timedelta(days=21),
            supervisor_id=rosa.id,
            attendees=[alex],
        )
    )
    db_session.commit()
    return alex, rosa, manager, person


def fill_day(page: Page, prefix: str, day) -> None:
    page.locator(f"[name='{prefix}-day']").fill(str(day.day))
    page.locator(f"[name='{prefix}-month']").fill(str(day.month))
    page.locator(f"[name='{prefix}-year']").fill(str(day.year))


def test_a_care_meeting_and_a_supervision_reminder(page: Page, desk_page: Page, setting):
    alex, _rosa, manager, person = setting
    today = clock.today()

    sign_in(page, alex)
    page.goto(f"/clients/{person.id}")
    page.get_by_role("link", name="Care meetings").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Care meetings for {person.name}")
    assert_accessible(page)
    page.get_by_role("link", name="Write up a meeting").click()
    held = today - timedelta(days=1)
    fill_day(page, "on_day", held)
    page.get_by_label("Time", exact=True).fill("10:30")
    page.get_by_label("Housing ACT", exact=True).check()
    page.get_by_label("What was agreed").fill("Housing ACT will hold the crisis bed for two weeks.")
    page.locator("[name='action1_what']").fill("Help with the priority housing form")
    page.locator("[name='action1_who']").select_option(label="Alex Murray")
    fill_day(page, "action1_due_on", today + timedelta(days=3))
    assert_accessible(page)
    page.get_by_role("button", name="Save the meeting").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(f"Care meeting on {day(held)}")
    expect(page.get_by_text("Help with the priority housing form")).to_be_visible()
    assert_accessible(page)
    page.goto(f"/clients/{person.id}")
    expect(
        page.get_by_text("Care coordination meeting with Housing ACT; 1 action agreed")
    ).to_be_visible()
    page.goto("/my-work")
    actions = page.locator(
        "section", has=page.get_by_role("heading", name="Actions from care meetings")
    )
    expect(actions).to_contain_text("Help with the priority housing form")

    # No schedule yet: no reminder.
    page.goto("/")
    expect(page.get_by_role("heading", name="Supervision overdue")).to_have_count(0)

    sign_in(desk_page, manager)
    desk_page.goto("/team/supervision")
    desk_page.get_by_role("link", name="How often each worker has it").click()
    assert_accessible(desk_page)
    desk_page.get_by_role("link", name="Set for Alex Murray").click()
    desk_page.get_by_label("Every two weeks").check()
    desk_page.get_by_label("Who supervises them").select_option(label="Rosa Tuilagi")
    assert_accessible(desk_page)
    desk_page.get_by_role("button", name="Save").click()
    row = desk_page.get_by_role("row", name="Alex Murray")
    expect(row).to_contain_text("Every two weeks")
    expect(row).to_contain_text("Overdue")

    page.goto("/")
    panel = page.locator("section", has=page.get_by_role("heading", name="Supervision overdue"))
    due = today - timedelta(days=7)
    expect(panel).to_contain_text(f"Your supervision was due on {day(due)}. Talk to Rosa Tuilagi")
    assert_accessible(page)
