"""Home page panels from client files (named in the area's AREA, app/clients/__init__.py)."""

from __future__ import annotations

from sqlalchemy import select

from app.clients import confidentiality, cover, drafts, requests
from app.clients.access import visible_condition
from app.core.people import me
from app.extensions import db
from app.forms import Form
from app.models import AccessRequest, Client

COVER_COUNT_DAYS = 14  # the seniors' panel counts openings over this many days


def due_requests() -> dict | None:
    """Requests to see or correct a file that are not done, for files this person may open."""
    query = (
        select(AccessRequest, Client)
        .join(Client, Client.id == AccessRequest.client_id)
        .where(AccessRequest.done_on.is_(None), visible_condition(me(), with_cover=False))
        .order_by(AccessRequest.received_on)
        .limit(20)
    )
    rows = [(r, c, requests.deadlines(r)) for r, c in db.session.execute(query)]
    return {"requests": rows} if rows else None


def disclosures_waiting() -> dict | None:
    """For the manager: disclosures the law compels that wait for their approval."""
    waiting = confidentiality.waiting_count()
    return {"waiting": waiting} if waiting else None


def my_drafts() -> dict | None:
    found = drafts.my_drafts(me())
    return {"drafts": found} if found else None


def cover_for_seniors() -> dict | None:
    """For seniors and the manager: requests to open a file waiting for a yes, openings to
    review, and how many have waited more than a week for review."""
    count = cover.cover_opened_since(COVER_COUNT_DAYS)
    asked = cover.cover_waiting_for_a_senior()
    to_review = cover.cover_to_review()
    if not (count or asked or to_review):
        return None
    return {
        "count": count,
        "asked": asked,
        "to_review": to_review,
        "overdue_count": cover.cover_overdue_count(),
        "overdue": cover.review_overdue,
        "words": cover.cover_reason_words,
        "review_days": cover.REVIEW_WITHIN_DAYS,
        "button_form": Form(),
    }


def cover_on_my_files() -> dict | None:
    """For a worker: who opened their files lately and why; and their own requests today."""
    opened = cover.cover_on_files_of(me())
    mine = cover.my_cover_requests(me())
    if not (opened or mine):
        return None
    return {"opened": opened, "mine": mine, "words": cover.cover_reason_words}


def my_care_teams() -> dict | None:
    """The files whose care team I am on (a learner sees only these files)."""
    from app.clients import care_team

    files = care_team.my_team_files(me())
    return {"files": files} if files else None
