"""Used by hand, with a keyboard, on a tablet and a desk PC (issue 16): every control shows
where the focus is (3:1 against what is behind it), every button has its own name, an error
takes the focus to "There is a problem", wide tables show they scroll, links in lists are
44px high, a file shows which part you are in, sector words open with a tap or a key, and
Read aloud reads the words of the page only.

The model of care asks for plain language and explained sector words; our own rule is a
44px target for anything a finger taps.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import DESK, TABLET, assert_accessible, assert_targets_at_least, sign_in
from tests.e2e.test_training_journey import FAKE_SPEECH
from tests.factories import make_user
from tests.factories.care import make_aid, make_person
from tests.factories.frontdesk import make_item

SIZES = [pytest.param(TABLET, id="tablet"), pytest.param(DESK, id="desk")]

# For the focused element: its outline (width, colour) and the colour behind it, and the
# contrast between the two (WCAG relative luminance).
FOCUS_RING = """
() => {
  const el = document.activeElement;
  if (!el || el === document.body) { return null; }
  const parse = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const f = (v) => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  let behind = null;
  for (let node = el.parentElement; node; node = node.parentElement) {
    const c = parse(getComputedStyle(node).backgroundColor);
    if (c.length === 3 || (c.length === 4 && c[3] > 0.5)) { behind = c.slice(0, 3); break; }
  }
  behind = behind || [255, 255, 255];
  const style = getComputedStyle(el);
  const ring = parse(style.outlineColor).slice(0, 3);
  const a = lum(ring), b = lum(behind);
  return {
    what: el.outerHTML.slice(0, 90),
    width: parseFloat(style.outlineWidth) || 0,
    style: style.outlineStyle,
    contrast: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05),
  };
}
"""

BUTTON_NAMES = """
() => Array.from(document.querySelectorAll("button, [role=button], summary"))
  .filter((b) => b.offsetParent !== null || b.getClientRects().length)
  .map((b) => (b.getAttribute("aria-label") || b.textContent).replace(/\\s+/g, " ").trim())
"""


def tab_through(page: Page, stops: int = 60) -> list[dict]:
    """Press Tab `stops` times from the top; the focus ring of each control reached."""
    page.locator("body").focus()
    rings = []
    for _ in range(stops):
        page.keyboard.press("Tab")
        ring = page.evaluate(FOCUS_RING)
        if ring:
            rings.append(ring)
    return rings


def assert_focus_rings_strong(page: Page, stops: int = 60) -> None:
    weak = [
        r
        for r in tab_through(page, stops)
        if r["style"] == "none" or r["width"] < 2 or r["contrast"] < 3
    ]
    assert not weak, f"weak focus ring on {page.url}:\n" + "\n".join(map(str, weak))


def assert_button_names_unique(page: Page) -> None:
    names = Counter(page.evaluate(BUTTON_NAMES))
    repeated = {name: n for name, n in names.items() if n > 1}
    assert not repeated, f"buttons with the same name on {page.url}: {repeated}"


def assert_list_links_tall(page: Page, size: int = 44) -> None:
    """Every link a person taps in a list is at least `size` px high."""
    short = []
    for link in page.locator("main li a:visible, main dd a:visible").all():
        box = link.bounding_box()
        if box and box["height"] < size - 0.5:
            short.append(f"{link.inner_text()!r} {box['height']:.0f}px")
    assert not short, f"short links in lists on {page.url}: {short}"


@pytest.fixture
def desk_day(db_session):
    for label, group, icon in [
        ("Visitors", "people", "people"),
        ("Meals", "food", "meal"),
        ("Fit packs", "nsp", "syringe"),
        ("Sharps bins", "nsp", "sharps"),
        ("Naloxone kits", "naloxone", "naloxone"),
    ]:
        make_item(db_session, label, group, icon=icon)
    return make_user(db_session, "frontdesk", display_name="Kim Nguyen")


@pytest.mark.parametrize("size", SIZES)
def test_the_day_screen_by_keyboard_with_its_words_explained(browser, live_server, desk_day, size):
    page = browser.new_context(base_url=live_server, viewport=size, locale="en-AU").new_page()
    sign_in(page, desk_day)
    page.goto("/frontdesk")
    # Two taps on Visitors in the same minute, one taken off: three Undo buttons, three names.
    page.get_by_role("button", name=re.compile(r"^Visitors \d+ today$")).click()
    page.get_by_role("button", name=re.compile(r"^Visitors \d+ today$")).click()
    page.get_by_role("button", name="Take one off Visitors").click()
    expect(page.locator("#recent-taps li")).to_have_count(3)
    undo = page.locator("#recent-taps button")
    expect(undo.first).to_have_accessible_name(
        re.compile(r"^Undo: took one off Visitors at \d+:\d\d[ap]m$")
    )
    expect(undo.nth(1)).to_have_accessible_name(
        re.compile(r"^Undo: added one to Visitors at .*\(number 2 in the list\)$")
    )
    assert_button_names_unique(page)

    # Fit packs and Sharps bins: a "What it means" button a tap and a key reach.
    toggle = page.get_by_role("button", name="What Fit pack means")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    meaning = page.locator("#" + toggle.get_attribute("aria-controls"))
    expect(meaning).to_be_hidden()
    toggle.focus()
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(meaning).to_contain_text("clean needles and syringes")
    expect(page.get_by_role("button", name="What Sharps bin means")).to_be_visible()

    assert_focus_rings_strong(page, 40)
    assert_targets_at_least(page, 44)
    assert_accessible(page)
    page.context.close()


def test_without_javascript_the_meaning_is_written_after_the_word(no_js_page, desk_day):
    page = no_js_page
    sign_in(page, desk_day)
    page.goto("/frontdesk")
    expect(page.locator(".tally-group").filter(has_text="Fit packs")).to_contain_text(
        "(A pack of clean needles and syringes"
    )


@pytest.mark.parametrize("size", SIZES)
def test_a_client_file_shows_where_you_are_and_every_control_is_reachable(
    browser, live_server, db_session, size
):
    worker = make_user(db_session, "worker", display_name="Alex Murray")
    client, _ = make_person(db_session, worker, given_name="Jamie", family_name="Rivers")
    page = browser.new_context(base_url=live_server, viewport=size, locale="en-AU").new_page()
    sign_in(page, worker)
    page.goto(f"/clients/{client.id}")
    parts = page.get_by_role("navigation", name="Parts of this file")
    expect(parts.locator("[aria-current=page]")).to_have_text("File")
    parts.get_by_role("link", name="Notes").click()
    expect(parts.locator("[aria-current=page]")).to_have_text("Notes")
    # Each part its own picture.
    icons = parts.locator("img").evaluate_all("imgs => imgs.map(i => i.getAttribute('src'))")
    assert len(icons) == len(set(icons)) >= 14
    parts.get_by_role("link", name="Details").click()
    expect(parts.locator("[aria-current=page]")).to_have_text("Details")
    # SLK is explained where it is shown.
    expect(page.get_by_role("button", name="What SLK means")).to_be_visible()
    assert_focus_rings_strong(page, 45)
    assert_button_names_unique(page)
    assert_list_links_tall(page)
    assert_targets_at_least(page, 44)
    assert_accessible(page)
    page.context.close()


def test_an_error_takes_the_focus_to_the_summary_and_its_links_to_the_question(page, desk_day):
    sign_in(page, desk_day)
    page.goto("/frontdesk/handovers/new")
    page.get_by_role("button", name="Send to a worker").click()
    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    expect(page).to_have_title(re.compile("^Error: "))
    ring = page.evaluate(FOCUS_RING)
    assert ring["width"] >= 2 and ring["contrast"] >= 3, ring
    page.keyboard.press("Tab")
    first_link = summary.get_by_role("link").first
    expect(first_link).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#needs-0")).to_be_focused()
    # A long form, by keyboard: every control shows its focus.
    assert_focus_rings_strong(page, 50)
    assert_accessible(page)


def test_without_javascript_the_summary_has_the_focus_and_the_skip_link_leads_there(
    no_js_page, desk_day
):
    page = no_js_page
    sign_in(page, desk_day)
    page.goto("/frontdesk/handovers/new")
    page.get_by_role("button", name="Send to a worker").click()
    expect(page.locator(".error-summary")).to_be_focused()
    expect(page.locator(".skip-link")).to_have_attribute("href", "#error-summary")
    expect(page.locator(".skip-link")).to_have_text("Skip to the problem")


@pytest.mark.parametrize("size", SIZES)
def test_wide_tables_show_they_scroll_and_caseloads_fit_a_tablet(
    browser, live_server, db_session, size
):
    manager = make_user(db_session, "manager", display_name="Chris Mahoney")
    for name in ("Alex Murray", "Priya Sharma"):
        worker = make_user(db_session, "worker", display_name=name)
        client, episode = make_person(db_session, worker)
        for kind in (
            "food",
            "clothes",
            "vouchers",
            "whitegoods",
            "linen",
            "household",
            "tent_swag",
            "phone_credit",
        ):
            make_aid(db_session, client, episode, kind=kind, by=worker)
    page = browser.new_context(base_url=live_server, viewport=size, locale="en-AU").new_page()
    sign_in(page, manager)

    page.goto("/team/caseloads")
    table = page.locator("table.table-cards")
    widths = table.evaluate("t => [t.scrollWidth, t.clientWidth]")
    if size == TABLET:
        # Cards: every number readable without scrolling sideways, with its heading beside it.
        assert widths[0] <= widths[1] + 1, widths
        expect(table.locator("tbody td").first).to_have_attribute("data-label", "People")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    assert_list_links_tall(page)
    assert_accessible(page)

    page.goto("/material-aid")
    table = page.locator("main table")
    expect(table).to_have_attribute("tabindex", "0")
    table.focus()
    ring = page.evaluate(FOCUS_RING)
    assert ring["width"] >= 2 and ring["contrast"] >= 3, ring
    if table.evaluate("t => t.scrollWidth > t.clientWidth"):
        expect(page.locator(".table-scroll-hint")).to_be_visible()
        page.keyboard.press("ArrowRight")
        page.keyboard.press("ArrowRight")
        # The arrow keys scroll it (smoothly: wait for it to move).
        page.wait_for_function("t => t.scrollLeft > 0", arg=table.element_handle(), timeout=3000)
        # The first column stays in view while the rest scrolls.
        first = table.locator("tbody th").first
        box, frame = first.bounding_box(), table.bounding_box()
        assert box["x"] >= frame["x"] - 1
    assert_accessible(page)
    page.context.close()


def test_read_aloud_is_near_the_top_and_reads_only_the_words(page, desk_day):
    page.add_init_script(FAKE_SPEECH)
    sign_in(page, desk_day)
    page.goto("/frontdesk/handovers/new")
    read = page.get_by_role("button", name="Read aloud: this page")
    expect(read).to_be_visible()
    # Near the top: above the form's first question.
    assert (
        read.bounding_box()["y"]
        < page.get_by_text("What do they want help with?").bounding_box()["y"]
    )
    read.click()
    spoken = page.evaluate("window.__spoken")[0]
    assert (
        "Someone wants to talk to a worker" in spoken and "What do they want help with?" in spoken
    )
    for not_words in ("Send to a worker", "Read aloud", "Back", "Error:", "Switch user"):
        assert not_words not in spoken, not_words


def test_with_no_voice_read_aloud_says_how_to_turn_one_on(page, desk_day):
    sign_in(page, desk_day)  # headless Chromium has no voices
    page.goto("/frontdesk/handovers/new")
    button = page.get_by_role("button", name="How to hear it read aloud: this page")
    expect(button).to_be_visible()
    expect(button).to_have_attribute("aria-expanded", "false")
    button.click()
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(page.get_by_text("This device has no English voice turned on.")).to_be_visible()


# Every layout shift of the page (the browser's own measure, as Lighthouse reads it).
RECORD_SHIFTS = """
window.__shifts = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) { window.__shifts.push(entry.value); }
}).observe({ type: "layout-shift", buffered: true });
"""


@pytest.mark.parametrize("path", ["/frontdesk", "/frontdesk/handovers/new"])
def test_nothing_moves_when_the_page_script_runs(browser, live_server, desk_day, path):
    """On a phone-sized screen the Read aloud button appears at the top and sector words
    fold their meaning away: both are drawn in their final place from the start (js-on.js),
    so the words a person has started reading do not jump."""
    page = browser.new_context(
        base_url=live_server, viewport={"width": 412, "height": 823}, locale="en-AU"
    ).new_page()
    sign_in(page, desk_day)
    page.add_init_script(RECORD_SHIFTS)
    # A slow mobile network (Chromium's own emulation): the page is drawn before app.js
    # arrives, as on a tablet out on the floor, so a change app.js makes would show as a jump.
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send(
        "Network.emulateNetworkConditions",
        {"offline": False, "latency": 400, "downloadThroughput": 200_000, "uploadThroughput": 90e3},
    )
    page.goto(path)
    expect(page.locator("main .read-aloud")).to_be_visible()  # app.js has run
    page.wait_for_load_state("networkidle")
    shifts = page.evaluate("window.__shifts")
    assert sum(shifts) < 0.01, shifts
    page.context.close()
