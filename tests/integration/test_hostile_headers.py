"""Crafted headers and path values on every page each role can reach: a 4xx at worst, never a
500. A non-boosted `HX-Request` (with or without a made-up `HX-Target`), ids of 2^63 or more
and control characters in `next` were 500s before (issue 13)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from app.models import User
from tests.conftest import start_session_for
from tests.integration.test_hostile_input import crawl

SKIP = ("/sign-out", "/switch-user", "/static/")
MAX_PAGES = 200
HEADERS = {
    "htmx, not boosted": {"HX-Request": "true"},
    "htmx, made-up target": {"HX-Request": "true", "HX-Target": "no-such-part"},
    "htmx, made-up trigger": {"HX-Request": "true", "HX-Trigger": "x", "HX-Current-URL": "/zz"},
}
HUGE_IDS = [str(2**63), str(10**30), str(2**64), "-1"]


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.links.append(href)


def reachable_pages(client) -> list[str]:
    """Every page reached by following links from home (one of each route with ids)."""
    seen: list[str] = []
    queue, shapes = ["/"], set()
    while queue and len(seen) < MAX_PAGES:
        url = queue.pop(0)
        shape = re.sub(r"\d+", "N", url)
        if url in seen or shape in shapes:
            continue
        shapes.add(shape)
        response = client.get(url, check=False)
        if response.status_code != 200 or response.mimetype != "text/html":
            continue
        seen.append(url)
        parser = Links()
        parser.feed(response.get_data(as_text=True))
        for href in parser.links:
            target = urlsplit(urljoin(url, href))
            if not target.netloc and target.path.startswith("/"):
                if not target.path.startswith(SKIP) and "download" not in target.path:
                    queue.append(target.path + (f"?{target.query}" if target.query else ""))
    return seen


@pytest.fixture
def demo(app):
    result = app.test_cli_runner().invoke(args=["demo-data"])
    assert result.exit_code == 0, result.output


def signed_in_client(app, db_session, username):
    user = db_session.scalar(select(User).where(User.username == username))
    client = app.test_client()
    start_session_for(client, db_session, user)
    return client


@pytest.mark.parametrize("username", ["manager", "senior", "worker", "frontdesk", "trainee"])
def test_htmx_headers_without_boost_never_give_a_500(app, demo, db_session, username):
    client = signed_in_client(app, db_session, username)
    pages = reachable_pages(client)
    assert len(pages) > 5
    failures = []
    for url in pages:
        for name, headers in HEADERS.items():
            response = client.get(url, headers=headers, check=False)
            if response.status_code >= 500:
                failures.append(f"{url} ({name}): {response.status_code}")
    assert not failures, "\n".join(failures[:40]) + f"\n{len(failures)} in all"


@pytest.mark.parametrize("username", ["manager", "worker", "frontdesk"])
def test_ids_outside_64_bits_are_not_found(app, demo, db_session, username):
    client = signed_in_client(app, db_session, username)
    pages = [url for url in reachable_pages(client) if re.search(r"/\d+(/|$|\?)", url)]
    assert pages, "no pages with ids found"
    failures = []
    for url in pages:
        for huge in HUGE_IDS:
            for match in re.finditer(r"(?<=/)\d+(?=/|$|\?)", url):
                crafted = url[: match.start()] + huge + url[match.end() :]
                # GET: not found. POST: not found, or 405 where the page takes no POST
                # (as for any id).
                for method, refusals in (("GET", {404}), ("POST", {404, 405})):
                    response = client.open(crafted, method=method, check=False)
                    if response.status_code not in refusals:
                        failures.append(f"{method} {crafted}: {response.status_code}")
    assert not failures, "\n".join(failures[:40]) + f"\n{len(failures)} in all"


@settings(max_examples=25, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(st.integers(min_value=2**63, max_value=10**40))
@example(2**63)  # one past the largest id the database holds: was a 500 (overflow)
@example(10**30)
def test_a_huge_id_is_not_found_on_any_route_kind(client, sign_in_as, huge):
    sign_in_as("manager")
    for url in (f"/clients/{huge}", f"/partners/{huge}", f"/clients/{huge}/notes"):
        assert client.get(url).status_code == 404
    assert client.post(f"/clients/{huge}/notes/new", data={"text": "x"}).status_code == 404


def test_query_string_ids_past_64_bits_never_give_a_500(app, demo, db_session):
    client = signed_in_client(app, db_session, "manager")
    pages = [url for url in reachable_pages(client) if re.search(r"=\d+", url)]
    failures = []
    for url in pages:
        for huge in HUGE_IDS:
            crafted = re.sub(r"=\d+", f"={huge}", url)
            response = client.get(crafted, check=False)
            if response.status_code >= 500:
                failures.append(f"GET {crafted}: {response.status_code}")
    assert not failures, "\n".join(failures[:40])


@pytest.mark.parametrize("username", ["manager", "worker", "frontdesk"])
def test_htmx_posts_of_every_form_never_give_a_500(app, demo, db_session, username):
    """A form sent by a non-boosted htmx request: the page drawn again with its messages
    comes back as the fragment, not a 500."""
    client = signed_in_client(app, db_session, username)
    user = db_session.scalar(select(User).where(User.username == username))
    failures = []
    for action, _names in sorted(crawl(client).values()):
        start_session_for(client, db_session, user)  # a form may end the session
        for headers in HEADERS.values():
            response = client.post(action, data={}, headers=headers, check=False)
            if response.status_code >= 500:
                failures.append(f"POST {action} ({headers}): {response.status_code}")
    assert not failures, "\n".join(failures[:40])


CONTROL = st.sampled_from(["\r", "\n", "\t", "\x0b", "\x0c", "\x1b", "\x7f", "\u2028", "\x85"])
NEXT_VALUES = st.lists(
    st.one_of(CONTROL, st.sampled_from(["/", "\\", "//", "evil.example", "%0d%0a", "%09", ":"])),
    max_size=8,
).map("".join)


@settings(max_examples=40, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(NEXT_VALUES)
@example("/\r\nLocation: //evil.example")  # CR/LF in next: was a 500
@example("/%0d%0aSet-Cookie:x=1")
@example("/%09/evil.example")
@example("\t//evil.example")
def test_next_with_control_characters_on_the_sign_in_page_is_never_a_500(client, value):
    response = client.get("/sign-in", query_string={"next": value})
    assert response.status_code < 500


@settings(max_examples=8, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(NEXT_VALUES)
@example("/\r\nLocation: //evil.example")
@example("/\x0b/evil.example")
def test_signing_in_with_control_characters_in_next_stays_on_this_site(client, db_session, value):
    from tests.factories import PASSWORD, make_user

    user = make_user(db_session, "trainee")
    response = client.post(
        "/sign-in",
        query_string={"next": value},
        data={"username": user.username, "password": PASSWORD},
        check=False,
    )
    assert response.status_code < 500
    location = response.headers.get("Location", "/")
    assert location.startswith("/") and not location.startswith(("//", "/\\"))
    assert not any(ord(ch) < 32 or ord(ch) == 127 for ch in location)
