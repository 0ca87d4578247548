"""A warm handover: a senior moves Kai to Priya with the handover on Friday. Until then Alex,
the old worker, still opens Kai's file and reads that Kai is moving; on Friday the file is
Priya's alone. The server's clock is the app's frozen clock, moved on by the test."""

from datetime import timedelta

import pyotp
import pytest
from playwright.sync_api import Page, expect

from app import clock
from tests.e2e.conftest import TABLET, assert_accessible
from tests.factories import PASSWORD, TOTP_SECRET, make_user
from tests.factories.clients import make_assessment, make_client


def heading(page: Page, text) -> None:
    expect(page.get_by_role("heading", level=1)).to_have_text(text)


def sign_in_at(page: Page, user, frozen_clock) -> None:
    """Sign in through the real pages, with the phone code for the server's (frozen) time."""
    page.goto("/sign-in")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    code = pyotp.TOTP(TOTP_SECRET).at(frozen_clock.moment)
    page.get_by_label("Code from your authenticator app").fill(code)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("button", name="Switch user")).to_be_visible()


@pytest.fixture
def tablet(browser, live_server):
    """Another tablet, for a second person at the same time."""
    contexts = []

    def _open() -> Page:
        context = browser.new_context(
            base_url=live_server, viewport=TABLET, locale="en-AU", java_script_enabled=True
        )
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield _open
    for context in contexts:
        context.close()


def test_the_old_worker_keeps_the_file_until_the_handover_day(
    page: Page, tablet, db_session, frozen_clock
):
    alex = make_user(db_session, "worker", display_name="Alex Murray")
    priya = make_user(db_session, "worker", display_name="Priya Sharma")
    senior = make_user(db_session, "senior", display_name="Rosa Tuilagi")
    kai = make_client(db_session, alex, nickname="Kai", given_name="Kai")
    make_assessment(db_session, kai, support_level="ongoing")
    handover = clock.today() + timedelta(days=3)  # Tuesday 3 March: the handover is Friday

    # The senior moves Kai to Priya, with the handover on Friday.
    sign_in_at(page, senior, frozen_clock)
    page.goto(f"/team/caseloads/{alex.id}")
    heading(page, "People Alex Murray supports")
    page.get_by_role("link", name="Move to a new worker for Kai").click()
    heading(page, "Move Kai to a new worker")
    expect(page.get_by_text("Until then, both can open the file.")).to_be_visible()
    page.get_by_label("Priya Sharma: 0 people now").check()
    page.get_by_label("Why they are moving to a new worker").fill("Alex is going part time.")
    page.get_by_label("They were asked, and they agree").check()
    page.get_by_label("Handover note for the new worker").fill("Prefers texts.")
    page.get_by_label("Day").fill(str(handover.day))
    page.get_by_label("Month").fill(str(handover.month))
    page.get_by_label("Year").fill(str(handover.year))
    page.get_by_role("button", name="Move to the new worker").click()
    heading(page, "Kai moves to Priya Sharma")
    assert_accessible(page)

    # Alex still opens the whole file, and reads that Kai is moving on Friday.
    old = tablet()
    sign_in_at(old, alex, frozen_clock)
    old.goto(f"/clients/{kai.id}")
    heading(old, "Kai")
    expect(old.get_by_text("Kai is moving to Priya Sharma on Friday 6 March")).to_be_visible()
    expect(old.get_by_role("heading", name="Timeline")).to_be_visible()
    expect(
        old.get_by_text("Moving from Alex Murray to Priya Sharma, agreed with Rosa Tuilagi")
    ).to_be_visible()
    assert_accessible(old)
    old.get_by_role("link", name="Read the handover note").click()
    heading(old, "Kai moves to Priya Sharma")
    expect(old.get_by_text("Prefers texts.")).to_be_visible()

    # Priya opens it too, without the "moving" line.
    new = tablet()
    sign_in_at(new, priya, frozen_clock)
    new.goto(f"/clients/{kai.id}")
    heading(new, "Kai")
    expect(new.get_by_text("is moving to")).to_have_count(0)

    # Friday: the file is Priya's alone.
    frozen_clock.advance(days=3)
    later = tablet()
    sign_in_at(later, alex, frozen_clock)
    response = later.goto(f"/clients/{kai.id}")
    assert response is not None and response.status == 404
    assert_accessible(later)
    again = tablet()
    sign_in_at(again, priya, frozen_clock)
    again.goto(f"/clients/{kai.id}")
    heading(again, "Kai")
