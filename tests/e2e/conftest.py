"""Browser tests: Debian's Chromium driven by Playwright, against the app on a live server.

The server runs in a thread on a loopback port and uses the same throwaway database as the
rest of the tests, so rows made with `db_session` are what the browser sees.
"""

from __future__ import annotations

import logging
import threading

import pyotp
import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect, sync_playwright
from werkzeug.serving import make_server

from tests.factories import PASSWORD, TOTP_SECRET

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
TABLET = {"width": 768, "height": 1024}
DESK = {"width": 1366, "height": 768}

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="session")
def live_server(app):
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


def _new_page(browser, live_server, *, viewport, javascript=True) -> Page:
    context = browser.new_context(
        base_url=live_server, viewport=viewport, java_script_enabled=javascript, locale="en-AU"
    )
    context.set_default_timeout(10_000)
    return context.new_page()


@pytest.fixture
def page(browser, live_server):
    """A tablet-sized page with JavaScript on."""
    page = _new_page(browser, live_server, viewport=TABLET)
    yield page
    page.context.close()


@pytest.fixture
def desk_page(browser, live_server):
    """A reception PC-sized page with JavaScript on."""
    page = _new_page(browser, live_server, viewport=DESK)
    yield page
    page.context.close()


@pytest.fixture
def no_js_page(browser, live_server):
    """A tablet-sized page with JavaScript off: everything must still work."""
    page = _new_page(browser, live_server, viewport=TABLET, javascript=False)
    yield page
    page.context.close()


def sign_in(page: Page, user, password: str = PASSWORD) -> None:
    """Sign in through the real pages, with the phone code for roles that need one."""
    page.goto("/sign-in")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    # The code is asked of those who open client files: staff, and a learner on a care team.
    code = page.get_by_label("Code from your authenticator app")
    signed_in = page.get_by_role("button", name="Switch user")
    expect(code.or_(signed_in)).to_be_visible()
    if code.is_visible():
        code.fill(pyotp.TOTP(TOTP_SECRET).now())
        page.get_by_role("button", name="Sign in").click()
    expect(signed_in).to_be_visible()


def assert_accessible(page: Page) -> None:
    """Zero axe-core violations for WCAG 2.2 AA (target-size included)."""
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    violations = results.response["violations"]
    summary = [
        f"{v['id']}: {v['help']} ({', '.join(n['target'][0] for n in v['nodes'][:3])})"
        for v in violations
    ]
    assert not violations, f"{page.url}\n" + "\n".join(summary)


TARGETS = (
    "button:visible, a.button:visible, .tile:visible, .back-link:visible, .site-footer a:visible, "
    "input:not([type=hidden]):not([type=radio]):not([type=checkbox]):visible, "
    "select:visible, textarea:visible, label.card:visible, td a:visible, .summary-change a:visible"
)


def assert_targets_at_least(page: Page, size: int = 44) -> None:
    """Every control on the page is at least `size` by `size` CSS pixels."""
    small = []
    for element in page.locator(TARGETS).all():
        box = element.bounding_box()
        if box and (box["width"] < size - 0.5 or box["height"] < size - 0.5):
            small.append(f"{element.evaluate('e => e.outerHTML.slice(0, 80)')} {box}")
    assert not small, f"controls smaller than {size}px on {page.url}:\n" + "\n".join(small)
