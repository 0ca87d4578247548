"""Only the JavaScript a page needs (issue 14): js-on.js (one line), htmx and app.js on every
page, an area's script only where its parts are (app/page_scripts.py). Scripts are listed as
preload links that app.js runs, because htmx drops script tags from a page reached by a
boosted link."""

import re

from tests.factories.care import make_person

EVERY_PAGE = ("js/js-on.js", "vendor/htmx-2.0.11.min.js", "js/app.js")
AREAS = ("js/care.js", "js/training.js", "js/drafts.js", "js/frontdesk.js", "js/signature.js")


def scripts_of(html: str) -> tuple[list[str], list[str]]:
    """(script tags, page scripts listed for app.js to run), as static file names."""
    tags = re.findall(r'<script src="/static/([^"?]+)', html)
    listed = re.findall(
        r'<link rel="preload" as="script" href="/static/([^"?]+)[^>]*data-page-script', html
    )
    return tags, listed


def test_a_workers_home_runs_only_htmx_and_app_js(client, sign_in_as):
    sign_in_as("worker")
    tags, listed = scripts_of(client.get("/").get_data(as_text=True))
    assert tags == list(EVERY_PAGE)
    assert listed == []


def test_a_note_form_lists_the_word_check_and_drafts_and_nothing_else(
    client, sign_in_as, db_session
):
    me = sign_in_as("worker")
    person, _episode = make_person(db_session, me)
    tags, listed = scripts_of(client.get(f"/clients/{person.id}/notes/new").get_data(as_text=True))
    assert tags == list(EVERY_PAGE)
    assert listed == ["js/care.js", "js/drafts.js"]


def test_the_day_screen_lists_the_tap_line_only(client, sign_in_as):
    sign_in_as("frontdesk")
    tags, listed = scripts_of(client.get("/frontdesk").get_data(as_text=True))
    assert tags == list(EVERY_PAGE)
    assert listed == ["js/frontdesk.js"]


def test_a_desk_keeps_sending_waiting_taps_from_any_page(client, sign_in_as):
    """Taps wait in the desk's browser: frontdesk.js comes with every page a desk opens."""
    sign_in_as("frontdesk")
    _tags, listed = scripts_of(client.get("/words").get_data(as_text=True))
    assert listed == ["js/frontdesk.js"]


def test_the_signature_library_comes_before_the_script_that_uses_it():
    from app.page_scripts import SCRIPTS

    assert SCRIPTS["signature"] == ["vendor/signature_pad-5.1.4.umd.min.js", "js/signature.js"]
    every_area_file = {name for files in SCRIPTS.values() for name in files}
    assert set(AREAS) <= every_area_file


def test_a_page_asking_for_an_unknown_script_is_a_mistake(app):
    import pytest

    from app.page_scripts import page_script

    with app.test_request_context("/"), pytest.raises(KeyError):
        page_script("nope")
