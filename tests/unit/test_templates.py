"""Templates keep the Content Security Policy: no inline script or style, no hx-on, no |safe;
and htmx attributes are written data-hx-*, which the HTML checker accepts."""

import re
from pathlib import Path

import pytest

TEMPLATES = sorted((Path(__file__).parents[2] / "app" / "templates").rglob("*.html"))
FORBIDDEN = {
    "inline <script>": re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I),
    "style attribute": re.compile(r"\sstyle\s*=", re.I),
    "<style> element": re.compile(r"<style\b", re.I),
    "hx-on": re.compile(r"\bhx-on", re.I),
    "hx-* not data-hx-*": re.compile(r"\shx-[a-z-]+(=|\s|>)", re.I),
    "|safe": re.compile(r"\|\s*safe\b"),
    "inline event handler": re.compile(r"\son[a-z]+\s*=\s*[\"']", re.I),
    "javascript: link": re.compile(r"javascript:", re.I),
}


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: str(p.relative_to(p.parents[1])))
def test_template_has_no_inline_script_or_style(template):
    text = template.read_text()
    found = [name for name, pattern in FORBIDDEN.items() if pattern.search(text)]
    assert not found, f"{template.name}: {found}"


def test_the_check_catches_each_kind():
    samples = [
        "<script>alert(1)</script>",
        '<p style="color:red">',
        "<style>p{}</style>",
        '<button hx-on:click="x">',
        '<form hx-post="/x">',
        "<body hx-boost>",
        "{{ note|safe }}",
        '<a onclick="x()">',
        '<a href="javascript:x()">',
    ]
    for sample in samples:
        assert any(p.search(sample) for p in FORBIDDEN.values()), sample
    assert not any(
        p.search('<script src="/static/js/app.js" defer></script>') for p in FORBIDDEN.values()
    )
    assert not any(p.search('<form data-hx-post="/x">') for p in FORBIDDEN.values())


def test_no_include_allows_a_missing_template():
    """Every area exists now: an include of a template that is not there is a mistake to see."""
    found = [t.name for t in TEMPLATES if re.search(r"ignore\s+missing", t.read_text())]
    assert not found, f"include ... ignore missing in: {found}"
