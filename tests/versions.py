"""The version an edit form carries (app/locking.py), for tests that save a record."""

from __future__ import annotations

import re

VERSION = re.compile(r'name="version" type="hidden" value="([^"]*)"')


def version_in(page) -> str:
    """The version in the one edit form of a page (a response or its HTML)."""
    html = page if isinstance(page, str) else page.get_data(as_text=True)
    [value] = VERSION.findall(html)
    return value


def version_at(client, url: str) -> str:
    """Open the form as a person would, and read the version it carries."""
    response = client.get(url)
    assert response.status_code == 200, f"{url}: {response.status_code}"
    return version_in(response)
