"""A request body over the limit (PEERDESK_MAX_REQUEST_MB, 2 MB unless set) gets the plain
413 page and nothing is saved; the app has no file uploads, so a real form is far smaller."""

from __future__ import annotations

from sqlalchemy import select

from app.models import Handover
from tests.integration.frontdesk.test_handovers import GOOD
from tests.pagecheck import text_of


def test_a_request_over_2_mb_gets_the_plain_too_big_page_and_saves_nothing(
    app, client, sign_in_as, fetch
):
    assert app.config["MAX_CONTENT_LENGTH"] == 2 * 1024 * 1024
    sign_in_as("frontdesk")
    response = client.post("/frontdesk/handovers/new", data={**GOOD, "note": "x" * 3_000_000})
    assert response.status_code == 413
    page = text_of(response.get_data(as_text=True))
    assert "That was too big to send" in page and "Send something smaller" in page
    assert fetch(select(Handover)) == []


def test_a_too_big_htmx_request_says_so_in_the_status_region(client, sign_in_as):
    sign_in_as("frontdesk")
    response = client.post(
        "/frontdesk/taps",
        data={"item": "1", "change": "add", "key": "k" * 3_000_000},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 413
    assert response.headers["HX-Retarget"] == "#status"
    assert response.get_data(as_text=True).startswith("That was too big to send.")


def test_a_long_note_well_under_the_limit_is_still_saved(client, sign_in_as, fetch):
    sign_in_as("frontdesk")
    response = client.post("/frontdesk/handovers/new", data={**GOOD, "note": "Long. " * 300})
    assert response.status_code == 303
    assert len(fetch(select(Handover))) == 1


def test_the_limit_is_a_setting(monkeypatch):
    from pathlib import Path

    from app import config

    monkeypatch.setenv("PEERDESK_MAX_REQUEST_MB", "0.5")
    monkeypatch.setenv("SECRET_KEY", "x")
    assert config.load(Path("/nonexistent"))["MAX_CONTENT_LENGTH"] == 512 * 1024
