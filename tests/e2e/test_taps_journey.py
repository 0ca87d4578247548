"""Taps on the drop-in day screen count, whatever the network, and the desks agree.

A volunteer taps on a tablet on busy wifi (400 ms each way), taps with the network gone,
loads the page again with taps waiting, double-clicks on the reception PC, and watches the
board: no button moves when a message shows, at 1366 by 768 and at 768 by 1024.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import select

from app.frontdesk.lists import STANDARD_ITEMS, STANDARD_TASKS
from app.models import TallyEvent
from tests.e2e.conftest import DESK, TABLET, assert_accessible, sign_in
from tests.factories import make_user
from tests.factories.frontdesk import make_handover, make_item, make_task

pytestmark = pytest.mark.e2e


@pytest.fixture
def day(db_session):
    """The usual twelve things to count and six daily tasks, and a volunteer."""
    items = {
        label: make_item(db_session, label, group, icon=icon, key=key)
        for group, label, icon, key in STANDARD_ITEMS
    }
    tasks = [make_task(db_session, label) for label in STANDARD_TASKS]
    volunteer = make_user(db_session, "frontdesk", display_name="Kim Nguyen")
    return items, tasks, volunteer


def open_day(page: Page, volunteer) -> None:
    sign_in(page, volunteer)
    page.goto("/frontdesk")
    expect(page.get_by_role("heading", level=1)).to_have_text("Drop-in day")


def saved_total(fetch, item) -> int:
    return sum(e.delta for e in fetch(select(TallyEvent).where(TallyEvent.item_id == item.id)))


def count(page: Page, item):
    return page.locator(f"#count-{item.id}")


def wait_until_sent(page: Page) -> None:
    """Every tap taken on this screen has had its answer (frontdesk.js keeps the number)."""
    expect(page.locator("[data-tally-board]")).to_have_attribute("data-waiting", "0")


def slow_network(page: Page, latency_ms: int) -> None:
    """Busy wifi: every request and answer waits `latency_ms` (Chrome DevTools Protocol)."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send(
        "Network.emulateNetworkConditions",
        {"offline": False, "latency": latency_ms, "downloadThroughput": -1, "uploadThroughput": -1},
    )


def test_every_tap_counts_on_busy_wifi(page, day, fetch):
    items, _tasks, volunteer = day
    open_day(page, volunteer)
    slow_network(page, 400)
    visitors = page.locator(f"#tap-{items['Visitors'].id}")
    for _ in range(3):
        visitors.click()
        page.wait_for_timeout(150)  # a person tapping three times, 150 ms apart
    expect(count(page, items["Visitors"])).to_have_text("3")  # shown at once, before sent
    expect(page.locator("#tally-waiting")).to_be_empty()  # slow is not stuck: no warning
    wait_until_sent(page)
    expect(page.locator("#tally-message")).to_have_text("Added one to Visitors. 3 today.")
    expect(page.locator("#recent-taps li")).to_have_count(3)
    expect(count(page, items["Visitors"])).to_have_text("3")
    expect(visitors).to_be_focused()
    assert saved_total(fetch, items["Visitors"]) == 3
    assert_accessible(page)


def test_a_double_click_counts_once(desk_page, day, fetch):
    page = desk_page
    items, _tasks, volunteer = day
    open_day(page, volunteer)
    page.locator(f"#tap-{items['Meals'].id}").dblclick()
    wait_until_sent(page)
    expect(page.locator("#tally-message")).to_have_text("Added one to Meals. 1 today.")
    expect(count(page, items["Meals"])).to_have_text("1")
    assert saved_total(fetch, items["Meals"]) == 1
    # Two single clicks a moment apart are two taps.
    page.locator(f"#tap-{items['Meals'].id}").click()
    page.locator(f"#tap-{items['Meals'].id}").click()
    wait_until_sent(page)
    expect(count(page, items["Meals"])).to_have_text("3")
    assert saved_total(fetch, items["Meals"]) == 3


def test_taps_made_offline_wait_and_are_all_sent(page, day, fetch):
    items, _tasks, volunteer = day
    open_day(page, volunteer)
    page.context.set_offline(True)
    for _ in range(4):
        page.locator(f"#tap-{items['Fit packs'].id}").click()
    page.locator(f"#tap-{items['Meals'].id}").click()
    expect(page.locator("#tally-waiting")).to_contain_text("5 taps waiting to send")
    expect(count(page, items["Fit packs"])).to_have_text("4")
    expect(count(page, items["Meals"])).to_have_text("1")
    assert fetch(select(TallyEvent)) == []
    page.context.set_offline(False)
    wait_until_sent(page)
    expect(page.locator("#tally-waiting")).to_be_empty()
    assert saved_total(fetch, items["Fit packs"]) == 4
    assert saved_total(fetch, items["Meals"]) == 1
    expect(page.locator("#recent-taps li")).to_have_count(5)


def test_taps_waiting_when_the_page_is_loaded_again_are_sent(page, day, fetch):
    items, _tasks, volunteer = day
    open_day(page, volunteer)
    # The server is starting again: every tap is answered 503 for now.
    page.route("**/frontdesk/taps", lambda route: route.fulfill(status=503, body="Not now"))
    page.locator(f"#tap-{items['Phone calls'].id}").click()
    page.locator(f"#tap-{items['Phone calls'].id}").click()
    expect(page.locator("#tally-waiting")).to_contain_text("2 taps waiting to send")
    page.unroute("**/frontdesk/taps")
    page.route("**/frontdesk/taps", lambda route: route.abort())  # and gone while it reloads
    page.reload()
    expect(page.locator("#tally-waiting")).to_contain_text("2 taps waiting to send")
    expect(count(page, items["Phone calls"])).to_have_text("2")
    assert fetch(select(TallyEvent)) == []
    page.unroute("**/frontdesk/taps")
    wait_until_sent(page)  # the next try, a few seconds on
    expect(page.locator("#tally-waiting")).to_be_empty()
    assert saved_total(fetch, items["Phone calls"]) == 2


def boxes(page: Page) -> dict[str, tuple[float, float, float, float]]:
    """Where each button is on the page (not on the screen: the page may have scrolled)."""
    return page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll(
            ".tally-button, .tally-off-button, .task-button")].map(b => {
                const r = b.getBoundingClientRect();
                return [b.id, [r.x + scrollX, r.y + scrollY, r.width, r.height]];
            }))"""
    )


@pytest.mark.parametrize("size", [DESK, TABLET], ids=["1366x768", "768x1024"])
def test_the_board_never_moves_under_a_finger(browser, live_server, day, size):
    items, tasks, volunteer = day
    context = browser.new_context(base_url=live_server, viewport=size, locale="en-AU")
    page = context.new_page()
    try:
        open_day(page, volunteer)
        before = boxes(page)
        moved = []

        def check(what: str) -> None:
            wait_until_sent(page)
            after = boxes(page)
            moved.extend(f"{what}: {key}" for key in before if after.get(key) != before[key])

        page.locator(f"#tap-{items['First visit'].id}").click()  # the first tap of the day
        expect(page.locator("#tally-message")).to_have_text("Added one to First visit. 1 today.")
        check("first tap")
        page.locator(f"#off-{items['First visit'].id}").click()
        expect(page.locator("#tally-message")).to_have_text("Took one off First visit. 0 today.")
        check("take one off")
        page.locator(f"#off-{items['Meals'].id}").click()  # refused: at 0
        expect(page.locator("#tally-message")).to_contain_text("none to take off")
        check("refused")
        page.locator(f"#tap-{items['Visitors'].id}").click()
        page.locator("#recent-taps li", has_text="Visitors").get_by_role("button").click()
        expect(page.locator("#tally-message")).to_have_text("Undone. Visitors: 0 today.")
        check("undo")
        page.locator(f"#task-button-{tasks[0].id}").click()
        expect(page.locator("#tally-message")).to_contain_text("Ticked:")
        check("task tick")
        assert not moved, moved
        assert_accessible(page)
    finally:
        context.close()


def test_on_the_reception_pc_the_whole_board_fits(desk_page, day):
    page = desk_page
    items, _tasks, volunteer = day
    open_day(page, volunteer)
    height = DESK["height"]
    for button in page.locator(".tally-button, .tally-off-button").all():
        box = button.bounding_box()
        assert box["height"] >= 64, (button.get_attribute("id"), box)
        assert box["y"] >= 0 and box["y"] + box["height"] <= height, (
            button.get_attribute("id"),
            box,
        )
    tasks_at = page.locator("#daily-tasks").bounding_box()
    for label in ["Visitors", "Tea and coffee", "Fit packs", "Bigger syringes", "Referrals"] * 2:
        page.locator(f"#tap-{items[label].id}").click()
    wait_until_sent(page)
    assert page.locator("#daily-tasks").bounding_box() == tasks_at  # the list kept its space
    rows = page.locator("#recent-taps li:visible")
    expect(rows).to_have_count(5)
    recent = page.locator("#recent-taps").bounding_box()
    assert recent["y"] + recent["height"] <= height, recent
    for row in rows.all():  # one line each: the words beside their Undo, not wrapped
        what = row.locator(".recent-what").bounding_box()
        button = row.get_by_role("button").bounding_box()
        middle = button["y"] + button["height"] / 2
        assert what["height"] < 30 and abs(what["y"] + what["height"] / 2 - middle) < 4, what
        assert row.bounding_box()["height"] < 70, row.bounding_box()
    page.locator("#recent-taps summary").click()
    expect(page.locator("#recent-taps li:visible")).to_have_count(10)
    assert_accessible(page)


def test_two_desks_show_the_same_numbers(browser, live_server, day, db_session, fetch):
    items, _tasks, volunteer = day
    pages = []
    for size in (DESK, TABLET):
        context = browser.new_context(base_url=live_server, viewport=size, locale="en-AU")
        context.clock.install()  # the screens' own time, moved on by the test: no waiting
        pages.append(context.new_page())
    try:
        one, two = pages
        open_day(one, volunteer)
        open_day(two, make_user(db_session, "frontdesk", display_name="Ash Lee"))
        expect(two.locator("#waiting-count")).to_have_text("(0 waiting)")
        for _ in range(2):
            one.locator(f"#tap-{items['Meals'].id}").click()
        make_handover(db_session, volunteer, name="Sam")  # from another screen
        wait_until_sent(one)
        two.clock.run_for(5_000)  # the next refresh, 5 seconds on
        expect(count(two, items["Meals"])).to_have_text("2", timeout=10_000)
        expect(two.locator(f"#tap-{items['Meals'].id}")).to_have_accessible_name("Meals 2 today")
        two.locator(f"#tap-{items['Tea and coffee'].id}").click()
        wait_until_sent(two)
        one.clock.run_for(5_000)
        expect(count(one, items["Tea and coffee"])).to_have_text("1", timeout=10_000)
        expect(one.locator("#waiting-count")).to_have_text("(1 waiting)", timeout=10_000)
        expect(one.locator(f"#tap-{items['Meals'].id}")).to_be_focused()  # the refresh kept it
    finally:
        for page in pages:
            page.context.close()


def test_without_javascript_the_message_and_the_button_are_in_view(no_js_page, day, fetch):
    page = no_js_page
    items, _tasks, volunteer = day
    open_day(page, volunteer)
    button = page.locator(f"#tap-{items['Referrals'].id}")  # below the first screen
    button.click()
    message = page.locator("#tally-message")
    expect(message).to_have_text("Added one to Referrals. 1 today.")
    expect(message).to_be_in_viewport()
    expect(page.locator(f"#tap-{items['Referrals'].id}")).to_be_in_viewport()
    expect(page.locator(f"#tap-{items['Referrals'].id}")).to_have_accessible_name(
        "Referrals 1 today"
    )
    page.locator(f"#off-{items['Referrals'].id}").click()
    expect(message).to_have_text("Took one off Referrals. 0 today.")
    expect(message).to_be_in_viewport()
    expect(page.locator(f"#off-{items['Referrals'].id}")).to_be_in_viewport()
    assert saved_total(fetch, items["Referrals"]) == 0
