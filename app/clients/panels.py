"""Home page panels from client files (see app/home/panels.py)."""

from __future__ import annotations

from datetime import timedelta

from flask_login import current_user
from sqlalchemy import func, select

from app import clock
from app.clients import requests, service
from app.extensions import db
from app.models import AccessRequest, Client, CoverAccess


def due_requests() -> dict | None:
    """Requests to see or correct a file that are not done, for files this person may open."""
    query = (
        select(AccessRequest, Client)
        .join(Client, Client.id == AccessRequest.client_id)
        .where(AccessRequest.done_on.is_(None), service.visible_condition(current_user))
        .order_by(AccessRequest.received_on)
        .limit(20)
    )
    rows = [(r, c, requests.deadlines(r)) for r, c in db.session.execute(query)]
    return {"requests": rows} if rows else None


def my_drafts() -> dict | None:
    drafts = service.my_drafts(current_user)
    return {"drafts": drafts} if drafts else None


def cover_this_fortnight() -> dict | None:
    since = clock.now() - timedelta(days=14)
    count = db.session.scalar(
        select(func.count()).select_from(CoverAccess).where(CoverAccess.created_at >= since)
    )
    return {"count": count} if count else None
