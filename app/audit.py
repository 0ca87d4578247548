"""The one way to write the audit log."""

from __future__ import annotations

from flask import has_request_context, request
from flask_login import current_user

from app.extensions import db
from app.models import AuditEvent


def record(
    action: str,
    *,
    record=None,
    client_id: int | None = None,
    user=None,
    detail: dict | None = None,
) -> AuditEvent:
    """Add an entry to the audit log in the current transaction.

    `record` is the row the action was about; `user` defaults to whoever is signed in.
    Detail holds ids and short labels, never the words of a client record.
    """
    if user is None and has_request_context() and current_user.is_authenticated:
        user = current_user
    event = AuditEvent(
        action=action,
        record_type=type(record).__name__ if record is not None else None,
        record_id=getattr(record, "id", None),
        client_id=client_id,
        detail=detail or {},
        created_by_id=getattr(user, "id", None),
        address=request.remote_addr if has_request_context() else None,
    )
    db.session.add(event)
    return event
