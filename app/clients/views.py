"""Helpers the client views share: load a file for a page (and log it), the header."""

from __future__ import annotations

from flask_login import current_user

from app import audit
from app.clients import care, consents, requests, service


def me():
    return current_user._get_current_object()


def open_client(client_id: int, page: str):
    """Load a file for a page and record that it was opened."""
    client = service.get_client_for_current_user(client_id)
    audit.record("client.viewed", record=client, client_id=client.id, detail={"page": page})
    return client


def header(client) -> dict:
    """What the header of every page of a file shows."""
    return {
        "client": client,
        "episode": care.open_episode_of(client),
        "consent_alerts": consents.alerts(client),
        "missing": service.missing(client),
        "open_requests": [(r, requests.deadlines(r)) for r in requests.open_requests_for(client)],
        "own_file": service.is_own(me(), client),
        "covering": current_user.role == "worker" and not service.is_own(me(), client),
    }
