"""Helpers the client views share: load a file for a page (and log it), the header, and the
narrow view a worker gets while covering."""

from __future__ import annotations

from flask_login import current_user

from app import audit
from app.clients import care, consents, requests, service


def me():
    return current_user._get_current_object()


def open_client(client_id: int, page: str, *, cover_ok: bool = False):
    """Load a file for a page and record that it was opened.

    Only the few pages a covering worker may use pass `cover_ok=True`.
    """
    client = service.get_client_for_current_user(client_id, cover_ok=cover_ok)
    audit.record("client.viewed", record=client, client_id=client.id, detail={"page": page})
    return client


def header(client) -> dict:
    """What the header of every page of a file shows. Someone covering sees less: no
    consents, requests or details still to ask."""
    access = service.access_level(me(), client)
    full = access == service.FULL
    return {
        "client": client,
        "access": access,
        "episode": care.open_episode_of(client),
        "consent_alerts": consents.alerts(client) if full else None,
        "missing": service.missing(client) if full else [],
        "open_requests": (
            [(r, requests.deadlines(r)) for r in requests.open_requests_for(client)] if full else []
        ),
        "own_file": service.is_own(me(), client),
        "covering": access == service.COVER,
    }


RECENT_NOTES = 5


def cover_view(client) -> dict:
    """The part of a file a covering worker sees: safety, the current plan, recent notes and
    the coming appointments (not the whole history)."""
    from app.care import appointments, notes, plans
    from app.care.common import open_episode
    from app.extensions import db

    assessment = care.latest_assessment(client)
    episode = open_episode(client)
    plan = plans.current_plan(client, episode) if episode else None
    coming, _earlier = appointments.for_client(client)
    return {
        "risks": assessment.risks if assessment else None,
        "plan": plan,
        "goals": plans.active_goals(plan) if plan else [],
        "recent_notes": list(db.session.scalars(notes.notes_query(client).limit(RECENT_NOTES))),
        "coming": coming[:5],
    }
