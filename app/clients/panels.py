"""Home page panels from client files (see app/home/panels.py)."""

from __future__ import annotations

from datetime import timedelta

from flask_login import current_user
from sqlalchemy import func, select

from app import clock
from app.clients import requests, service
from app.extensions import db
from app.forms import Form
from app.models import AccessRequest, Client, CoverAccess


def due_requests() -> dict | None:
    """Requests to see or correct a file that are not done, for files this person may open."""
    query = (
        select(AccessRequest, Client)
        .join(Client, Client.id == AccessRequest.client_id)
        .where(
            AccessRequest.done_on.is_(None),
            service.visible_condition(current_user, with_cover=False),
        )
        .order_by(AccessRequest.received_on)
        .limit(20)
    )
    rows = [(r, c, requests.deadlines(r)) for r, c in db.session.execute(query)]
    return {"requests": rows} if rows else None


def my_drafts() -> dict | None:
    drafts = service.my_drafts(current_user)
    return {"drafts": drafts} if drafts else None


def cover_for_seniors() -> dict | None:
    """For seniors and the manager: requests to open a file waiting for a yes, openings to
    review, and how many have waited more than a week for review."""
    since = clock.now() - timedelta(days=14)
    count = db.session.scalar(
        select(func.count()).select_from(CoverAccess).where(CoverAccess.created_at >= since)
    )
    asked = service.cover_waiting_for_a_senior()
    to_review = service.cover_to_review()
    if not (count or asked or to_review):
        return None
    return {
        "count": count,
        "asked": asked,
        "to_review": to_review,
        "overdue_count": service.cover_overdue_count(),
        "overdue": service.review_overdue,
        "words": service.cover_reason_words,
        "review_days": service.REVIEW_WITHIN_DAYS,
        "button_form": Form(),
    }


def cover_on_my_files() -> dict | None:
    """For a worker: who opened their files lately and why; and their own requests today."""
    opened = service.cover_on_files_of(current_user)
    mine = service.my_cover_requests(current_user)
    if not (opened or mine):
        return None
    return {"opened": opened, "mine": mine, "words": service.cover_reason_words}
