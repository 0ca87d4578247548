"""Every word understood (issue 16): sector words are explained where they are shown, and
dates are written one way.

The model of care asks for plain language: "use plain English, avoid jargon, and explain
any sector words". A sector word explained only in a hover tooltip reaches no tablet and
no keyboard, so term() draws a button beside the word instead.
"""

from __future__ import annotations

import re
from pathlib import Path

from app import glossary
from tests.glossary_check import unexplained_words

APP = Path(__file__).resolve().parents[2] / "app"


def test_the_check_finds_a_bare_sector_word_and_accepts_an_explained_one():
    assert unexplained_words("<p>Give out Fit packs and check the SLK.</p>") == ["Fit pack", "SLK"]
    explained = (
        '<p><span class="term" data-term="SLK">SLK<button hidden>?</button>'
        '<span class="term-meaning"> (Statistical linkage key.)</span></span>, and the SLK again.'
        " Help with children and child protection (CYF).</p>"
    )
    assert unexplained_words(explained) == []
    # Words hidden from everyone do not count; words only a screen reader hears do.
    assert unexplained_words('<p hidden>NSP</p><span class="visually-hidden">NSP</span>') == ["NSP"]


def test_term_draws_a_button_a_tap_and_a_key_reach_and_the_meaning_without_javascript(app):
    from app.templating import term

    with app.test_request_context("/"):
        first = str(term("NSP"))
        again = str(term("NSP"))
        unknown = str(term("Not a glossary word"))
    assert '<button class="term-toggle" type="button" aria-expanded="false"' in first
    assert "What NSP means" in first
    assert "(Needle and syringe program." in first and "term-meaning" in first
    assert "<abbr" not in first  # a hover tooltip reaches no tablet
    # Once a page: the same word again has no second button with the same name.
    assert "button" not in again and 'data-term="NSP"' in again
    assert unknown == "Not a glossary word"


def test_plural_and_marked_words_are_found():
    assert glossary.find("Fit packs").word == "Fit pack"
    words = {t.word for t in glossary.must_explain()}
    assert {"NSP", "SLK", "CYF", "OMT", "Fit pack", "Sharps bin", "Naloxone"} <= words
    assert "Peer" not in words  # plain enough, and on every page


def test_no_template_formats_a_date_itself():
    """Dates go through |day, |short_day, |month and |when, so they read the same everywhere."""
    found = [
        f"{path.relative_to(APP)}: {line.strip()}"
        for path in (APP / "templates").rglob("*.html")
        for line in path.read_text().splitlines()
        if "strftime" in line or re.search(r"%[dmyY][/.-]%[dmyY]", line)
    ]
    assert not found, "\n".join(found)


def test_no_visible_words_in_the_code_write_a_date_in_numbers():
    """ "Review on 05/03/2027" beside "Friday 5 March 2027" was two formats for one thing.
    Only the data files (the national data, backups) write dates as numbers."""
    data_formats = ("standards", "backup.py")
    found = [
        f"{path.relative_to(APP)}: {line.strip()}"
        for path in APP.rglob("*.py")
        if not any(part in str(path.relative_to(APP)) for part in data_formats)
        for line in path.read_text().splitlines()
        if re.search(r"%[dmyY][/.-]%[dmyY]", line)
    ]
    assert not found, "\n".join(found)
