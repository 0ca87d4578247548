"""Fixtures for the front desk tests: the usual tally list, and htmx request headers."""

import pytest

from tests.factories.frontdesk import make_item

HTMX = {"HX-Request": "true"}


@pytest.fixture
def items(db_session):
    """Visitors, Meals and Fit packs, as the manager would have set them up."""
    return {
        "visitors": make_item(db_session, "Visitors", "people", icon="people", key="visitors"),
        "meals": make_item(db_session, "Meals", "food", icon="meal"),
        "packs": make_item(db_session, "Fit packs", "nsp", icon="syringe"),
    }


def table_rows(html: str) -> list[list[str]]:
    """Every table row on the page, as the words in each cell."""
    import html5lib

    ns = "{http://www.w3.org/1999/xhtml}"
    tree = html5lib.HTMLParser(strict=False).parse(html)
    rows = []
    for row in tree.iter(f"{ns}tr"):
        cells = [c for c in row if c.tag in (f"{ns}td", f"{ns}th")]
        rows.append([" ".join("".join(c.itertext()).split()) for c in cells])
    return rows
