"""Every sector word explained where it is shown (issue 16), on every page each kind of
person reaches over the demo data: the front desk's day screen and handover form, a client
file, the national data, training, supervision.

The model of care: "use plain English, avoid jargon, and explain any sector words".
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from sqlalchemy import select
from werkzeug.exceptions import HTTPException

from app.models import User
from tests.glossary_check import unexplained_words

SKIP = ("/sign-out", "/switch-user", "/static/", "download", ".csv", ".xlsx", "export", "print")


@pytest.fixture
def demo_database(app):
    result = app.test_cli_runner().invoke(args=["demo-data"])
    assert result.exit_code == 0, result.output


def crawl(app, client) -> tuple[dict[str, str], list[str]]:
    """One page of each kind reachable by links from home: {url: html}, and any errors."""
    adapter = app.url_map.bind("localhost")
    queue, seen, endpoints, pages, errors = ["/"], set(), set(), {}, []
    while queue:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        try:
            endpoint = adapter.match(urlsplit(url).path)[0]
        except HTTPException:
            continue
        if endpoint in endpoints or endpoint == "static":
            continue
        endpoints.add(endpoint)
        response = client.get(url)
        if response.status_code != 200 or "text/html" not in response.content_type:
            if response.status_code >= 400:
                errors.append(f"{url}: {response.status_code}")
            continue
        html = response.get_data(as_text=True)
        pages[url] = html
        for href in _links(html):
            parts = urlsplit(href)
            if not parts.netloc and parts.path.startswith("/") and not any(s in href for s in SKIP):
                queue.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return pages, errors


def _where(html: str, words: list[str]) -> str:
    """A few words either side of each bare word, to find it."""
    import re

    from tests.pagecheck import text_of

    text = text_of(html)
    shown = []
    for word in words:
        found = re.search(r".{0,40}" + re.escape(word.split()[0]) + r".{0,40}", text, re.I)
        if found:
            shown.append(found.group(0))
    return " [" + " | ".join(shown) + "]"


def _links(html: str) -> list[str]:
    import re

    return [h.replace("&amp;", "&") for h in re.findall(r'href="([^"#]+)', html)]


# Demo usernames: one of each role, and trainee3, a trainee on a care team (issue 15).
@pytest.mark.parametrize(
    "username", ["frontdesk", "trainee", "trainee3", "student", "worker", "senior", "manager"]
)
def test_no_page_shows_a_sector_word_without_its_meaning(
    app, client, db_session, demo_database, sign_in_as, username
):
    user = db_session.scalar(select(User).where(User.username == username))
    sign_in_as(user=user)
    pages, errors = crawl(app, client)
    assert len(pages) >= 5, errors
    problems = [
        f"{url}: {', '.join(words)}{_where(html, words)}"
        for url, html in pages.items()
        if (words := unexplained_words(html))
    ]
    assert not problems, "\n".join(problems)


def test_the_front_desk_forms_explain_their_words(client, sign_in_as):
    sign_in_as("frontdesk")
    page = client.get("/frontdesk/handovers/new").get_data(as_text=True)
    assert unexplained_words(page) == []
    assert "Children and child protection (CYF)" in page
    assert "Methadone or buprenorphine (opioid treatment, OMT)" in page
    assert "Soon, and a lot of help (intensive support)" in page


def test_the_supervision_list_reads_at_grade_seven_or_lower(
    client, db_session, demo_database, sign_in_as
):
    """A crawl measured /team/supervision at grade 8.6: the page as people see it (every cell
    and button its own sentence, as a reading count reads it) is now grade 7 or lower."""
    import textstat

    from tests.glossary_check import readable_text

    user = db_session.scalar(select(User).where(User.role == "manager", User.active.is_(True)))
    sign_in_as(user=user)
    text = readable_text(client.get("/team/supervision").get_data(as_text=True))
    assert "Led by" in text and "Sunday" in text  # the demo's rows are there
    assert textstat.flesch_kincaid_grade(text) <= 7
