"""A front-of-house volunteer's shift: sign in, tap five things, take one off, undo a tap,
tick two tasks and hand someone over to a worker. With JavaScript and without it, with
zero axe violations, and every tally button at least 64 by 64 pixels on a tablet and a PC.
"""

import re

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import select

from app.models import DailyTaskTick, Handover, TallyEvent
from tests.e2e.conftest import DESK, TABLET, assert_accessible, assert_targets_at_least, sign_in
from tests.factories import make_user
from tests.factories.frontdesk import make_item, make_task

TAPPED = ["Visitors", "Meals", "Tea and coffee", "Fit packs", "Phone calls"]


@pytest.fixture
def set_up(db_session):
    items = {
        label: make_item(db_session, label, group, icon=icon, key=key)
        for label, group, icon, key in [
            ("Visitors", "people", "people", "visitors"),
            ("First visit", "people", "star", None),
            ("Meals", "food", "meal", None),
            ("Tea and coffee", "food", "cup", None),
            ("Fit packs", "nsp", "syringe", None),
            ("Sharps bins", "nsp", "sharps", None),
            ("Naloxone kits", "naloxone", "naloxone", None),
            ("Phone calls", "phone", "phone", None),
            ("Referrals", "info", "referral", None),
        ]
    }
    tasks = [
        make_task(db_session, "Kitchenette has coffee, tea and sugar"),
        make_task(db_session, "Meals heated and handed out"),
        make_task(db_session, "Client area tidy"),
    ]
    volunteer = make_user(db_session, "frontdesk", display_name="Kim Nguyen")
    return items, tasks, volunteer


def tally_button(page: Page, label: str):
    return page.get_by_role("button", name=re.compile(rf"^{re.escape(label)} \d+ today$"))


def assert_tally_buttons_big(page: Page) -> None:
    """Every tally button (add one, take one off) is at least 64 by 64 CSS pixels."""
    buttons = page.locator(".tally-button, .tally-off-button").all()
    assert buttons
    for button in buttons:
        box = button.bounding_box()
        assert box["width"] >= 64 and box["height"] >= 64, (button.inner_text(), box)


def totals(fetch) -> dict[int, int]:
    found: dict[int, int] = {}
    for event in fetch(select(TallyEvent)):
        found[event.item_id] = found.get(event.item_id, 0) + event.delta
    return found


def check_the_day(fetch, items, tasks):
    counted = totals(fetch)
    assert {label: counted.get(items[label].id, 0) for label in TAPPED} == {
        "Visitors": 1,
        "Meals": 0,
        "Tea and coffee": 1,
        "Fit packs": 1,
        "Phone calls": 1,
    }
    ticks = fetch(select(DailyTaskTick))
    assert sorted(t.task_id for t in ticks if t.ticked) == sorted([tasks[0].id, tasks[2].id])
    [handover] = fetch(select(Handover))
    assert (handover.name, handover.needs, handover.urgency, handover.reach) == (
        "Sam",
        ["omt", "housing"],
        "immediate",
        "here",
    )


def undo(page: Page, label: str) -> None:
    """Undo the newest tap of `label`: the list shows five taps, the rest are folded away."""
    row = page.locator("#recent-taps li", has_text=label).first
    if not row.is_visible():
        page.locator("#recent-taps summary").click()
    row.get_by_role("button", name=re.compile("^Undo")).click()


def expect_recent(page: Page):
    rows = page.locator("#recent-taps li")
    expect(rows).to_have_count(7)
    expected = [
        "Visitors: took one off",
        "Visitors: added one",
        "Phone calls: added one",
        "Fit packs: added one",
        "Tea and coffee: added one",
        "Meals: added one",
        "Visitors: added one",
    ]
    for n, words in enumerate(expected):
        expect(rows.nth(n)).to_contain_text(words)
    expect(rows.nth(5)).to_contain_text("Undone")
    expect(rows.nth(5)).to_have_class("undone")


def test_a_volunteer_counts_the_day_with_javascript(page, db_session, fetch, set_up):
    items, tasks, volunteer = set_up
    sign_in(page, volunteer)
    page.get_by_role("link", name=re.compile("Drop-in day")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Drop-in day")
    assert_accessible(page)
    assert_targets_at_least(page, 44)
    assert_tally_buttons_big(page)

    for n, label in enumerate(TAPPED):
        tally_button(page, label).click()
        expect(page.locator(f"#count-{items[label].id}")).to_have_text("1")
        expect(page.locator("#status")).to_have_text(f"Added one to {label}. 1 today.")
        expect(page.locator("#recent-taps li")).to_have_count(n + 1)
    # The tap kept the focus on the button, so a keyboard user can tap again.
    expect(page.locator(f"#tap-{items['Phone calls'].id}")).to_be_focused()

    tally_button(page, "Visitors").click()
    expect(page.locator(f"#count-{items['Visitors'].id}")).to_have_text("2")
    page.get_by_role("button", name="Take one off Visitors").click()
    expect(page.locator(f"#count-{items['Visitors'].id}")).to_have_text("1")
    expect(page.locator("#status")).to_have_text("Took one off Visitors. 1 today.")

    undo(page, "Meals")
    expect(page.locator(f"#count-{items['Meals'].id}")).to_have_text("0")
    expect(page.locator("#status")).to_have_text("Undone. Meals: 0 today.")
    expect_recent(page)

    # Take one off at zero is refused, and nothing changes.
    page.get_by_role("button", name="Take one off Meals").click()
    expect(page.locator("#status")).to_have_text("Meals is at 0, so there is none to take off.")
    expect(page.locator(f"#count-{items['Meals'].id}")).to_have_text("0")

    for task in (tasks[0], tasks[2]):
        button = page.get_by_role("button", name=task.label)
        button.click()
        expect(button).to_have_attribute("aria-pressed", "true")
    expect(page.locator(f"#task-{tasks[0].id}")).to_contain_text("Ticked by Kim Nguyen")
    expect(page.get_by_role("button", name=tasks[1].label)).to_have_attribute(
        "aria-pressed", "false"
    )
    assert_accessible(page)

    page.set_viewport_size(DESK)
    assert_tally_buttons_big(page)
    assert_targets_at_least(page, 44)
    assert_accessible(page)
    page.set_viewport_size(TABLET)

    record_a_handover(page)
    assert_accessible(page)
    page.get_by_role("link", name="Back to the drop-in day").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Drop-in day")
    expect(page.get_by_role("link", name=re.compile(r"Handovers \(1 waiting\)"))).to_be_visible()
    for label, count in {"Visitors": 1, "Meals": 0, "Tea and coffee": 1, "Fit packs": 1}.items():
        expect(tally_button(page, label)).to_have_accessible_name(f"{label} {count} today")
    expect_recent(page)
    check_the_day(fetch, items, tasks)


def record_a_handover(page: Page, check_accessible: bool = True) -> None:
    page.get_by_role("link", name="Someone wants to talk to a worker").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Someone wants to talk to a worker")
    if check_accessible:
        assert_accessible(page)
    assert_targets_at_least(page, 44)
    page.get_by_role("button", name="Send to a worker").click()
    expect(page.get_by_role("alert")).to_contain_text("Choose at least one thing")
    expect(page).to_have_title(re.compile("^Error: "))
    if check_accessible:
        assert_accessible(page)
    page.get_by_label("Their first name or a nickname").fill("Sam")
    page.get_by_label("Methadone or buprenorphine (opioid treatment, OMT)").check()
    page.get_by_label("Housing").check()
    page.get_by_label("Right now, today").check()
    page.get_by_label("Here now, at the centre").check()
    page.get_by_label("Anything else the worker should know").fill("Missed a dose yesterday.")
    page.get_by_role("button", name="Send to a worker").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Handover for Sam")
    expect(
        page.get_by_text("Handover saved. Workers can see it on their home page now.")
    ).to_be_visible()
    page.get_by_role("link", name="Back to handovers").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your handovers today")


def test_the_same_shift_without_javascript(no_js_page, db_session, fetch, set_up):
    page = no_js_page
    items, tasks, volunteer = set_up
    sign_in(page, volunteer)
    page.goto("/frontdesk")
    assert_tally_buttons_big(page)  # (axe needs JavaScript, so it runs in the test above)

    for label in TAPPED:
        tally_button(page, label).click()
        expect(page.get_by_text(f"Added one to {label}. 1 today.")).to_be_visible()
        expect(tally_button(page, label)).to_have_accessible_name(f"{label} 1 today")
    tally_button(page, "Visitors").click()
    page.get_by_role("button", name="Take one off Visitors").click()
    expect(page.get_by_text("Took one off Visitors. 1 today.")).to_be_visible()
    undo(page, "Meals")
    expect(page.get_by_text("Undone. Meals: 0 today.")).to_be_visible()
    expect_recent(page)

    for task in (tasks[0], tasks[2]):
        page.get_by_role("button", name=task.label).click()
        expect(page.get_by_role("button", name=task.label)).to_have_attribute(
            "aria-pressed", "true"
        )

    record_a_handover(page, check_accessible=False)
    page.goto("/frontdesk")
    expect_recent(page)
    page.set_viewport_size(DESK)
    assert_tally_buttons_big(page)
    check_the_day(fetch, items, tasks)


def test_a_worker_sees_who_is_waiting_and_picks_someone_up(desk_page, db_session, fetch):
    page = desk_page
    desk = make_user(db_session, "frontdesk", display_name="Kim Nguyen")
    worker = make_user(db_session, "worker", display_name="Alex Murray", shared_experience=["omt"])
    from tests.factories.frontdesk import make_handover

    make_handover(db_session, desk, name="Sam", needs=["omt", "housing"])
    sign_in(page, worker)
    panel = page.get_by_role("region", name=re.compile("People waiting for a worker"))
    expect(panel).to_contain_text("Sam")
    expect(panel).to_contain_text("Alex Murray (Methadone or buprenorphine (OMT)")
    assert_accessible(page)
    assert_targets_at_least(page, 44)
    panel.get_by_role("link", name="Sam").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Handover for Sam")
    assert_accessible(page)
    page.get_by_role("button", name="I will pick this up").click()
    expect(page.get_by_role("heading", level=1)).not_to_have_text("Handover for Sam")
    [handover] = fetch(select(Handover))
    assert handover.status == "picked_up" and handover.picked_up_by_id == worker.id


MANAGER_PAGES = [
    ("/frontdesk", "Drop-in day"),
    ("/frontdesk/items", "What we count"),
    ("/frontdesk/items/new", "Add a thing to count"),
    ("/frontdesk/daily-tasks", "Daily tasks"),
    ("/frontdesk/summary", re.compile("^Numbers for ")),
    ("/frontdesk/datasheet", "Drop-in datasheet"),
    ("/frontdesk/shifts", "Volunteer shifts"),
    ("/frontdesk/shifts/new", "Record a shift"),
    ("/frontdesk/handovers", "People waiting for a worker"),
    ("/partners", "Partners"),
    ("/partners/new", "Add a partner"),
]


def test_every_front_desk_and_partners_page_is_accessible(desk_page, db_session, set_up):
    page = desk_page
    from tests.factories.frontdesk import make_taps
    from tests.factories.partners import make_in_reach, make_partner

    items, _tasks, volunteer = set_up
    make_taps(db_session, items["Visitors"], 5, by=volunteer)
    partner = make_partner(db_session, "Northside Community Health", phone="02 6100 4410")
    make_in_reach(db_session, partner, 1, what="GP and nurse clinic")
    manager = make_user(db_session, "manager", display_name="Chris Mahoney")
    sign_in(page, manager)
    pages = [
        *MANAGER_PAGES,
        (f"/partners/{partner.id}", partner.name),
        (f"/partners/{partner.id}/in-reach/new", "Add a time at our centre"),
    ]
    for size in (DESK, TABLET):
        page.set_viewport_size(size)
        for path, heading in pages:
            page.goto(path)
            expect(page.get_by_role("heading", level=1)).to_have_text(heading)
            assert_accessible(page)
            assert_targets_at_least(page, 44)
