"""Issue 12: nothing typed is ever lost to the idle sign-out. With one minute of idle time, a
worker who keeps typing a case note is never signed out; one who stops is signed out, signs in
again and finds the note's words back in the form, with a plain message. The warning never
takes the focus from the note, nor covers it. Someone else at the same screen never gets the
first person's words.

Time is moved, never waited for: the server's frozen clock and the page's clock (Playwright's
page.clock) go forward together, ten seconds a step."""

import re

import pyotp
import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import select

from app.models import UserSession
from tests.e2e.conftest import assert_accessible
from tests.factories import PASSWORD, TOTP_SECRET, make_user
from tests.factories.care import make_person

NOTE = "Talked with Tam about the housing form. She wants to call them on Monday together."
STEP_SECONDS = 10


@pytest.fixture
def one_minute(app, monkeypatch):
    """Workers are signed out after one minute of doing nothing (for this test's server)."""
    monkeypatch.setitem(app.config, "IDLE_MINUTES_CLIENT_ROLES", 1)


class Requests:
    """Requests the page has sent and not yet had answered, so a step can wait for them."""

    def __init__(self, page: Page):
        self.open: set = set()
        self.pings = 0
        page.on("request", self._sent)
        page.on("requestfinished", self._answered)
        page.on("requestfailed", self._answered)

    def _answered(self, request):
        self.open.discard(request)

    def _sent(self, request):
        self.open.add(request)
        if request.url.endswith("/account/still-here"):
            self.pings += 1

    def settle(self, page: Page) -> None:
        for _ in range(200):
            if not self.open:
                return
            page.wait_for_timeout(25)


def step(page: Page, frozen_clock, requests: Requests, seconds: int = STEP_SECONDS) -> None:
    """Ten seconds pass on the server and on the page."""
    frozen_clock.advance(seconds=seconds)
    page.clock.run_for(seconds * 1000)
    requests.settle(page)


def give_password_and_code(page: Page, user, frozen_clock) -> None:
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    if user.role in {"worker", "senior", "manager"}:
        code = pyotp.TOTP(TOTP_SECRET).at(frozen_clock.moment)
        page.get_by_label("Code from your authenticator app").fill(code)
        page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("button", name="Switch user")).to_be_visible()


def start_a_note(page: Page, db_session, frozen_clock):
    """A worker signs in (the page's clock set to the server's) and starts a case note."""
    worker = make_user(db_session, "worker", display_name="Alex Murray")
    person, _ = make_person(db_session, worker, nickname="Tam")
    page.clock.install(time=frozen_clock.moment)
    requests = Requests(page)
    page.goto("/sign-in")
    give_password_and_code(page, worker, frozen_clock)
    page.goto(f"/clients/{person.id}/notes/new")
    expect(page.get_by_role("heading", level=1)).to_have_text("Write a note")
    note = page.get_by_label("The note", exact=True)
    note.click()
    return worker, person, note, requests


def covers(band, field) -> bool:
    a, b = band.bounding_box(), field.bounding_box()
    return a["y"] < b["y"] + b["height"] and b["y"] < a["y"] + a["height"]


def stop_and_be_signed_out(page, frozen_clock, requests, note):
    """The worker types, then stops: the warning comes without taking the note's focus, then
    time runs out and the page goes to sign in."""
    note.press_sequentially(NOTE)
    requests.settle(page)
    warning = page.locator("#session-warning")
    for _ in range(6):
        step(page, frozen_clock, requests)
        if warning.is_visible():
            break
    expect(warning).to_be_visible()
    expect(page.locator("#status")).to_contain_text("Are you still there?")
    expect(note).to_be_focused()  # the band never takes the focus from the note
    assert not covers(warning, note)
    assert_accessible(page)
    for _ in range(6):
        step(page, frozen_clock, requests)
        if "/sign-in" in page.url:
            break
    expect(page).to_have_url(re.compile(r"/sign-in\?next=%2Fclients%2F\d+%2Fnotes%2Fnew"))


def test_a_worker_who_keeps_typing_is_not_signed_out(
    page, db_session, fetch, frozen_clock, one_minute
):
    worker, _, note, requests = start_a_note(page, db_session, frozen_clock)
    words = []
    for n in range(12):  # two minutes, a few words every ten seconds
        words.append(f"word{n}")
        note.press_sequentially(f"word{n} ")
        step(page, frozen_clock, requests)
    expect(page.get_by_role("heading", level=1)).to_have_text("Write a note")
    expect(note).to_have_value(" ".join(words) + " ")
    expect(note).to_be_focused()
    expect(page.locator("#session-warning")).to_be_hidden()
    [row] = fetch(select(UserSession).where(UserSession.user_id == worker.id))
    assert row.ended_at is None
    assert 2 <= requests.pings <= 5  # the page told the server, but not at every key


@pytest.mark.parametrize("screen", ["page", "desk_page"])
def test_a_worker_signed_out_after_stopping_finds_the_note_after_signing_in(
    request, screen, db_session, fetch, frozen_clock, one_minute
):
    page = request.getfixturevalue(screen)  # a tablet (768x1024) and a desk PC (1366x768)
    worker, _, note, requests = start_a_note(page, db_session, frozen_clock)
    stop_and_be_signed_out(page, frozen_clock, requests, note)
    expect(
        page.get_by_text("You were signed out because nothing happened for 1 minute.")
    ).to_be_visible()
    [row] = fetch(select(UserSession).where(UserSession.user_id == worker.id))
    assert row.ended_reason == "idle"
    assert_accessible(page)

    give_password_and_code(page, worker, frozen_clock)
    expect(page.get_by_role("heading", level=1)).to_have_text("Write a note")
    expect(page.get_by_label("The note", exact=True)).to_have_value(NOTE)
    expect(
        page.get_by_text(
            "You were signed out because nothing happened for 1 minute. "
            "What you typed is back in the form: check it and save."
        )
    ).to_be_visible()
    assert_accessible(page)
    # Brought back once: the page's copy is gone.
    assert (
        page.evaluate("Object.keys(sessionStorage).filter(k => k.startsWith('peerdesk-stash'))")
        == []
    )


def test_someone_else_at_the_same_screen_never_gets_the_words(
    page, db_session, frozen_clock, one_minute
):
    _, person, note, requests = start_a_note(page, db_session, frozen_clock)
    stop_and_be_signed_out(page, frozen_clock, requests, note)

    other = make_user(db_session, "worker", display_name="Sam Kerr")
    make_person(db_session, other, nickname="Jo")
    frozen_clock.advance(seconds=30)  # a new phone code for the next person
    give_password_and_code(page, other, frozen_clock)
    page.wait_for_load_state()
    assert NOTE not in page.content()
    # The first person's copy goes, unseen, once the page's script has run.
    page.wait_for_function(
        "Object.keys(sessionStorage).filter(k => k.startsWith('peerdesk-stash')).length === 0",
        timeout=5000,
    )
    expect(page.get_by_text("What you typed is back in the form")).to_have_count(0)


def test_the_warning_button_takes_the_focus_only_from_someone_not_typing(
    page, app, db_session, frozen_clock, monkeypatch
):
    monkeypatch.setitem(app.config, "IDLE_MINUTES_OTHER_ROLES", 1)
    volunteer = make_user(db_session, "frontdesk")
    page.clock.install(time=frozen_clock.moment)
    requests = Requests(page)
    page.goto("/sign-in")
    give_password_and_code(page, volunteer, frozen_clock)
    warning = page.locator("#session-warning")
    for _ in range(6):
        step(page, frozen_clock, requests)
        if warning.is_visible():
            break
    button = page.get_by_role("button", name="I'm still here")
    expect(button).to_be_focused()  # nobody was typing: the button is ready for them
    page.keyboard.press("Enter")
    requests.settle(page)
    expect(warning).to_be_hidden()
    for _ in range(4):  # the server's clock started again from the button
        step(page, frozen_clock, requests)
        if warning.is_visible():
            break
    expect(page.get_by_role("button", name="Switch user")).to_be_visible()
