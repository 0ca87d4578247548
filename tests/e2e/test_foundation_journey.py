"""A person's first day: sign in with a one-time password, choose a new one, look around,
switch user; an error page; all with zero axe violations and big enough controls."""

import re

import pyotp
from playwright.sync_api import expect

from app.auth.passwords import hash_password
from tests.e2e.conftest import assert_accessible, assert_targets_at_least, sign_in
from tests.factories import TOTP_SECRET, make_user


def test_first_sign_in_new_password_home_and_switch_user(page, db_session):
    user = make_user(db_session, "frontdesk", display_name="Kim Nguyen", must_change_password=True)
    user.password_hash = hash_password("pebble-ocean-kite-drum")
    db_session.commit()

    page.goto("/")
    expect(page).to_have_url(re.compile("/sign-in"))
    assert_accessible(page)
    assert_targets_at_least(page)
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill("pebble-ocean-kite-drum")
    page.get_by_role("button", name="Sign in").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Choose your own password")
    assert_accessible(page)
    page.get_by_label("New password", exact=True).fill("short")
    page.get_by_label("Type the new password again").fill("short")
    page.get_by_role("button", name="Save my password").click()
    expect(page.get_by_role("alert")).to_contain_text("Use at least 12")
    expect(page).to_have_title(re.compile("^Error: "))
    assert_accessible(page)
    page.get_by_label("New password", exact=True).fill("walnut tiger lantern")
    page.get_by_label("Type the new password again").fill("walnut tiger lantern")
    page.get_by_role("button", name="Save my password").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Hello, Kim")
    expect(page.get_by_role("link", name=re.compile("Words we use")).first).to_be_visible()
    expect(page.get_by_text("People and accounts")).to_have_count(0)
    assert_accessible(page)
    assert_targets_at_least(page)

    page.get_by_role("link", name=re.compile("Words we use")).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Words we use")
    assert_accessible(page)

    page.get_by_role("button", name="Switch user").click()
    expect(page).to_have_url(re.compile("/sign-in"))
    expect(page.get_by_text("The next person can sign in now")).to_be_visible()
    page.go_back()
    expect(page.get_by_role("heading", level=1)).not_to_have_text("Hello, Kim")


def test_manager_signs_in_with_phone_code_and_sees_an_error_page(desk_page, db_session):
    manager = make_user(db_session, "manager", display_name="Chris Mahoney")
    sign_in(desk_page, manager)
    expect(desk_page.get_by_role("link", name=re.compile("People and accounts"))).to_be_visible()
    assert_accessible(desk_page)
    assert_targets_at_least(desk_page)

    desk_page.get_by_role("link", name=re.compile("People and accounts")).click()
    expect(desk_page.get_by_role("heading", level=1)).to_have_text("People and accounts")
    assert_accessible(desk_page)
    assert_targets_at_least(desk_page)

    desk_page.goto("/no-such-page")
    expect(desk_page.get_by_role("heading", level=1)).to_have_text("Page not found")
    assert_accessible(desk_page)
    desk_page.get_by_role("link", name="Go to the home page").click()
    expect(desk_page.get_by_role("heading", level=1)).to_have_text("Hello, Chris")


def test_two_step_set_up_at_first_sign_in(page, db_session):
    worker = make_user(db_session, "worker", totp_secret=None)
    page.goto("/sign-in")
    page.get_by_label("Username").fill(worker.username)
    page.get_by_label("Password").fill("a long test password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Set up your phone code")
    assert_accessible(page)
    secret = page.locator(".secret").inner_text().strip()
    page.get_by_label("Code from your authenticator app").fill(pyotp.TOTP(secret).now())
    page.get_by_role("button", name="Check the code").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your recovery codes")
    expect(page.locator(".codes li")).to_have_count(10)
    assert_accessible(page)


def test_sign_in_and_home_work_without_javascript(no_js_page, db_session):
    user = make_user(db_session, "trainee", display_name="Jordan Lee")
    sign_in(no_js_page, user)
    expect(no_js_page.get_by_role("heading", level=1)).to_have_text("Hello, Jordan")
    no_js_page.get_by_role("button", name="Switch user").click()
    expect(no_js_page.get_by_role("heading", level=1)).to_have_text("Sign in")
    assert TOTP_SECRET  # the factory's secret is what sign_in used for phone codes


def test_the_page_warns_before_the_idle_timeout(app, page, db_session, monkeypatch):
    # Two minutes and a few seconds of idle time, so the warning comes after a few seconds.
    monkeypatch.setitem(app.config, "IDLE_MINUTES_OTHER_ROLES", 2.1)
    user = make_user(db_session, "frontdesk")
    sign_in(page, user)
    warning = page.get_by_role("heading", name="Are you still there?")
    expect(warning).to_be_visible(timeout=15_000)
    assert_accessible(page)
    page.get_by_role("button", name="I'm still here").click()
    expect(warning).to_be_hidden()
