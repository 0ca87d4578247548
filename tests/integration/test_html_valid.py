"""Every page each kind of user can reach from their home page (and the signed-out pages),
over the demo data, is valid HTML by the Nu HTML Checker (vnu, what validator.w3.org runs).

One page of each kind (endpoint) per role is fetched with the test client, and each form
found is sent back empty once (its "There is a problem" state). The pages are saved to a
folder and vnu checks them all in one run: starting Java takes seconds, checking a page does
not. Errors fail the test; vnu's warnings and notes are left out.
vnu.jar comes from `make vnu` (npm's vnu-jar, in .tools/); nothing is downloaded here.
Without Java or the jar the test is skipped and says which is missing.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from sqlalchemy import select
from werkzeug.exceptions import HTTPException

from tests.conftest import start_session_for

ROOT = Path(__file__).resolve().parents[2]
# VNU_JAR points at another copy (to try a different version without reinstalling).
VNU_JAR = Path(os.environ.get("VNU_JAR") or ROOT / ".tools/node_modules/vnu-jar/build/dist/vnu.jar")
ROLES = ["frontdesk", "trainee", "worker", "senior", "manager"]
# Not pages: they sign out, switch user, or send a file.
SKIP = ("/sign-out", "/switch-user", "/static/", "download", ".csv", ".xlsx", "export")
# Forms not sent back empty: they sign out or end sessions.
SKIP_FORMS = ("/sign-out", "/switch-user", "/sign-in", "/account")
MAX_PAGES_PER_ROLE = 150


def java() -> str | None:
    return shutil.which("java")


@pytest.fixture
def vnu():
    """Skips the test (before any demo data is made) when the checker cannot run."""
    if java() is None:
        pytest.skip("Java is missing: install Debian's default-jre-headless (or run `make vnu`)")
    if not VNU_JAR.is_file():
        pytest.skip(f"vnu.jar is missing at {VNU_JAR}: run `make vnu`")


def run_vnu(paths: list[Path]) -> list[dict]:
    """Errors vnu finds in the files, as its JSON messages (warnings and info left out)."""
    result = subprocess.run(  # noqa: S603 (our pinned checker, on files this test wrote)
        [java(), "-Xss8m", "-jar", str(VNU_JAR), "--format", "json", "--exit-zero-always"]
        + [str(p) for p in paths],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    try:
        messages = json.loads(result.stderr or result.stdout)["messages"]
    except (ValueError, KeyError) as error:
        raise AssertionError(f"vnu gave no JSON: {result.stderr[:2000]}") from error
    return [m for m in messages if m.get("type") in {"error", "non-document-error"}]


class Links(HTMLParser):
    """The links on a page, and its POST forms that have fields to fill in."""

    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []
        self.forms: list[tuple[str, set[str]]] = []
        self._form: tuple[str, set[str]] | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.hrefs.append(attrs["href"])
        elif tag == "form" and (attrs.get("method") or "").lower() == "post":
            self._form = (attrs.get("action") or "", set())
        elif tag in {"input", "textarea", "select"} and self._form and attrs.get("name"):
            if attrs.get("type") not in {"hidden", "submit"}:
                self._form[1].add(attrs["name"])

    def handle_endtag(self, tag):
        if tag == "form" and self._form:
            self.forms.append(self._form)
            self._form = None


def crawl(client, start: str, forms: dict[str, tuple[str, set[str]]]) -> dict[str, str]:
    """One full page per endpoint reachable by links from `start`: URL -> HTML. Adds one
    form of each kind (endpoint -> action and fields) to `forms`."""
    adapter = client.application.url_map.bind("localhost")
    queue, seen_urls, seen_endpoints, pages = [start], set(), set(), {}
    while queue and len(seen_urls) < MAX_PAGES_PER_ROLE:
        url = queue.pop(0)
        if url in seen_urls:
            continue
        seen_urls.add(url)
        try:
            endpoint = adapter.match(urlsplit(url).path)[0]
        except HTTPException:  # not one of our pages
            continue
        if endpoint in seen_endpoints:
            continue
        seen_endpoints.add(endpoint)
        response = client.get(url, check=False)
        if response.status_code != 200 or response.mimetype != "text/html":
            continue
        body = response.get_data(as_text=True)
        pages[url] = body
        parser = Links()
        parser.feed(body)
        for href in parser.hrefs:
            target = urlsplit(urljoin(url, href))
            if target.netloc or not target.path.startswith("/"):
                continue
            if not any(s in href for s in SKIP):
                queue.append(target.path + (f"?{target.query}" if target.query else ""))
        for action, names in parser.forms:
            path = urlsplit(urljoin(url, action)).path
            if names and not path.startswith(SKIP_FORMS):
                try:
                    endpoint = adapter.match(path, method="POST")[0]
                except HTTPException:
                    continue
                forms.setdefault(endpoint, (path, names))
    return pages


def sent_back(client, action: str, names: set[str]) -> str | None:
    """The page a form comes back as when sent with every field empty (its "There is a
    problem" state, for forms that need an answer), or None when it is not a full page."""
    response = client.post(action, data=dict.fromkeys(names, ""), check=False)
    body = response.get_data(as_text=True)
    if response.mimetype != "text/html" or not body.lstrip().lower().startswith("<!doctype"):
        return None
    return body


@pytest.fixture
def demo(app):
    result = app.test_cli_runner().invoke(args=["demo-data"])
    assert result.exit_code == 0, result.output


def test_every_page_is_valid_html(vnu, app, demo, db_session, tmp_path):
    from app.models import User

    pages: list[tuple[str, str, str]] = []  # (who, url, html)
    signed_out = app.test_client()
    for url, body in crawl(signed_out, "/sign-in", {}).items():
        pages.append(("signed out", url, body))
    sign_in_empty = sent_back(signed_out, "/sign-in", {"username", "password"})
    assert sign_in_empty, "the sign-in page did not come back with its problems"
    pages.append(("signed out", "/sign-in sent empty", sign_in_empty))
    missing = signed_out.get("/no-such-page", check=False)
    pages.append(("signed out", "/no-such-page", missing.get_data(as_text=True)))
    for username in ROLES:
        user = db_session.scalar(select(User).where(User.username == username))
        client = app.test_client()
        start_session_for(client, db_session, user)
        forms: dict[str, tuple[str, set[str]]] = {}
        for url, body in crawl(client, "/", forms).items():
            pages.append((username, url, body))
        for action, names in forms.values():
            body = sent_back(client, action, names)
            if body:
                pages.append((username, f"{action} sent empty", body))
    # Far fewer would mean signing in or following links broke, not that the pages are good.
    assert len({url for _, url, _ in pages}) >= 50, "the crawl found too few pages"

    files: dict[str, tuple[str, str]] = {}
    paths = []
    for number, (who, url, body) in enumerate(pages):
        path = tmp_path / f"page-{number:03d}.html"
        path.write_text(body, encoding="utf-8")
        files[path.as_uri()] = (who, url)
        files[f"file:{path}"] = (who, url)  # vnu writes file:/tmp/... (one slash)
        paths.append(path)

    problems = []
    for message in run_vnu(paths):
        who, url = files.get(message.get("url", ""), ("?", message.get("url", "?")))
        line = message.get("lastLine", "?")
        extract = " ".join((message.get("extract") or "").split())[:120]
        problems.append(f"{url} (as {who}), line {line}: {message['message']}  [{extract}]")
    assert not problems, f"{len(problems)} HTML errors in {len(pages)} pages:\n" + "\n".join(
        problems
    )


def test_the_checker_catches_an_error(vnu, tmp_path):
    """So the test above cannot pass by checking nothing: a known error is found."""
    bad = tmp_path / "bad.html"
    bad.write_text(
        '<!doctype html><html lang="en"><head><title>Bad</title></head>'
        '<body><p><div hx-get="/x">A div inside a p, and an attribute vnu refuses</div>'
        "</body></html>",
        encoding="utf-8",
    )
    good = tmp_path / "good.html"
    good.write_text(
        '<!doctype html><html lang="en"><head><title>Good</title></head>'
        '<body><p data-hx-get="/x">Fine</p></body></html>',
        encoding="utf-8",
    )
    errors = run_vnu([bad, good])
    assert errors, "vnu found no error in a page that has two"
    assert all("bad.html" in e.get("url", "") for e in errors)
    assert any("hx-get" in e["message"] for e in errors)
