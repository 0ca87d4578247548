"""Every page each kind of user can reach from their home page, over the demo data, in a real
browser: no error, zero axe violations (WCAG 2.2 AA), controls big enough, and plain words
in the title. One page of each kind (endpoint) is visited, so the run stays short."""

from __future__ import annotations

from urllib.parse import urlsplit

import pyotp
import pytest
from sqlalchemy import select
from werkzeug.exceptions import HTTPException

from app.auth.demo import demo_password, demo_totp_secret
from app.models import User
from tests.e2e.conftest import assert_accessible, assert_targets_at_least

SKIP = ("/sign-out", "/switch-user", "/static/", "download", ".csv", ".xlsx", "export")


@pytest.fixture
def demo_database(app):
    result = app.test_cli_runner().invoke(args=["demo-data"])
    assert result.exit_code == 0, result.output


def sign_in_demo(page, username: str, role: str) -> None:
    page.goto("/sign-in")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(demo_password(username))
    page.get_by_role("button", name="Sign in").click()
    # Staff who open files, and a learner on a care team (trainee3), give the phone code.
    code = page.get_by_label("Code from your authenticator app")
    signed_in = page.get_by_role("button", name="Switch user")
    code.or_(signed_in).wait_for()
    if code.is_visible():
        code.fill(pyotp.TOTP(demo_totp_secret(username)).now())
        page.get_by_role("button", name="Sign in").click()
    signed_in.wait_for()


def endpoint_of(adapter, url: str) -> str | None:
    try:
        return adapter.match(urlsplit(url).path)[0]
    except HTTPException:  # not one of our pages
        return None


@pytest.mark.parametrize(
    ("username", "role"),
    [
        ("frontdesk", "frontdesk"),
        ("trainee", "trainee"),
        ("trainee3", "trainee"),  # on a care team: the narrow view of a file (issue 15)
        ("student", "student"),
        ("worker", "worker"),
        ("senior", "senior"),
        ("manager", "manager"),
    ],
)
def test_every_page_a_person_can_reach(app, demo_database, desk_page, username, role):
    page = desk_page
    adapter = app.url_map.bind("localhost")
    sign_in_demo(page, username, role)
    queue, seen_urls, seen_endpoints, problems = ["/"], set(), set(), []
    while queue:
        url = queue.pop(0)
        if url in seen_urls:
            continue
        seen_urls.add(url)
        endpoint = endpoint_of(adapter, url)
        if endpoint is None or endpoint in seen_endpoints:
            continue
        seen_endpoints.add(endpoint)
        response = page.goto(url)
        if response is None or response.status >= 400:
            problems.append(f"{url}: {response.status if response else 'no answer'}")
            continue
        if "/sign-in" in page.url:
            problems.append(f"{url}: signed out")
            break
        try:
            assert_accessible(page)
            assert_targets_at_least(page, 44)
        except AssertionError as error:
            problems.append(str(error))
        for href in page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)"):
            parts = urlsplit(href)
            if parts.netloc == urlsplit(page.url).netloc and not any(s in href for s in SKIP):
                queue.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    assert len(seen_endpoints) >= 5
    assert not problems, "\n".join(problems)


def test_the_demo_has_every_role(db_session, demo_database):
    roles = set(db_session.scalars(select(User.role)))
    assert roles == {"frontdesk", "trainee", "student", "worker", "senior", "manager"}
