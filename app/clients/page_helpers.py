"""What the client pages share: load a file (or 404) and log that it was opened, the header
of every page of a file, the narrow view a worker gets while covering, and the person's own
draft (or 404). Only pages use these: they read the signed-in person and 404."""

from __future__ import annotations

from flask import abort, session

from app import audit
from app.access import SENIORS, WORKER, get_or_404
from app.clients import (
    access,
    assessments,
    confidentiality,
    consents,
    drafts,
    episodes,
    files,
    known_outside_work,
    requests,
)
from app.core.people import me
from app.models import Client

COVER_KEY = "cover_candidates"


def get_client_for_current_user(client_id: int, *, cover_ok: bool = False) -> Client:
    """The client, or 404 when there is no such file or it is not this person's to open.

    Cover access reaches only the pages that pass `cover_ok=True` (the file page, the plan
    to read, a new note, appointments); every other page is a 404 to someone covering. A
    trainee or a student on the file's care team ("supervised") gets the same narrow view,
    on the pages that need only "clients.open_part".
    """

    def may_see(client) -> bool:
        level = access.access_level(me(), client)
        return level == access.FULL or (level in access.NARROW and cover_ok)

    return get_or_404(Client, client_id, visible=may_see)


def open_client(client_id: int, page: str, *, cover_ok: bool = False) -> Client:
    """Load a file for a page and record that it was opened.

    Only the few pages a covering worker may use pass `cover_ok=True`.
    """
    client = get_client_for_current_user(client_id, cover_ok=cover_ok)
    audit.record("client.viewed", record=client, client_id=client.id, detail={"page": page})
    return client


def header(client) -> dict:
    """What the header of every page of a file shows. Someone covering sees less: no
    consents, requests or details still to ask."""
    level = access.access_level(me(), client)
    full = level == access.FULL
    return {
        "client": client,
        "access": level,
        "episode": episodes.open_episode_of(client),
        "consent_alerts": consents.alerts(client) if full else None,
        "missing": files.missing(client) if full else [],
        "open_requests": (
            [(r, requests.deadlines(r)) for r in requests.open_requests_for(client)] if full else []
        ),
        "own_file": access.is_own(me(), client),
        "covering": level in access.NARROW,  # the narrow view
        "supervised": level == access.SUPERVISED,  # a learner on the care team
        # Told their file is confidential (the newest time), and who knows them outside
        # work (seniors see everyone; a worker sees only what they said themselves).
        "told_confidential": confidentiality.last_explained(client) if full else None,
        "known_here": _known_here(client) if full else [],
    }


def _known_here(client) -> list:
    rows = known_outside_work.for_client(client)
    if me().role in SENIORS:
        return rows
    return [r for r in rows if r.worker_id == me().id]


def cover_view(client) -> dict:
    """The clients area's part of the narrow view a covering worker sees: safety. The care
    part (plan, recent notes, coming appointments) comes from care's `care_cover(client)`
    in the template, since this area may not import care."""
    assessment = assessments.latest_assessment(client)
    return {"risks": assessment.risks if assessment else None}


def get_draft_or_404(draft_id: int, *, kind: str = "registration", lock: bool = False):
    """The signed-in person's own draft of this kind, or 404 (a draft is only its author's)."""
    draft = drafts.draft_of(me(), draft_id, kind=kind, lock=lock)
    if draft is None:
        abort(404)
    return draft


def remember_cover_candidates(found) -> None:
    """The files a search found that are not this worker's: only these can be asked for.

    So the reason page says nothing about a file number nobody searched for.
    """
    session[COVER_KEY] = [f.client.id for f in found if not f.own][:50]


def get_client_for_cover(client_id: int) -> Client:
    """A file a worker found in a search and may ask to open with a reason, or 404."""
    if me().role != WORKER or client_id not in session.get(COVER_KEY, []):
        abort(404)
    return get_or_404(Client, client_id)
