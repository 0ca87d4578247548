"""The one way to write the audit log."""

from __future__ import annotations

from datetime import timedelta

from flask import current_app, g, has_app_context, has_request_context, request
from sqlalchemy import exists, func, inspect, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from app import clock
from app.core import people
from app.extensions import db
from app.models import AuditEvent

REFUSED = "refused"
CAPPED = "refusals.capped"
REFUSALS_PER_HOUR = 100  # per person (or per address when nobody is signed in)


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
    if user is None:
        user = people.acting_user()
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


def note_refusal(why: str, *, exists: bool = True) -> None:
    """Say why this request is refused, just before `abort(404)`: app/refusals.py writes it
    down after the rollback. A 404 for something that does not exist (`exists=False`) is
    not a refusal."""
    if exists and has_request_context():
        g.refusal = why


def record_refusal(kind: str, *, user=None, client_id: int | None = None, **detail) -> None:
    """Write down a refused attempt, kept even when the request itself is rolled back.

    `kind` says why in a few words ("two-step code wrong"; app/audit_words.py REFUSALS has
    the words a manager reads); `user` defaults to whoever is signed in. In a request the
    entry is written just after the request's own commit or rollback (app/refusals.py), in
    a transaction of its own; outside a request, at once.
    """
    if user is None:
        user = people.acting_user()
    entry = {
        "detail": {"why": kind, **detail},
        "user_id": id_of(user),
        "client_id": client_id,
        "address": request.remote_addr if has_request_context() else None,
    }
    if has_request_context():
        g.setdefault("refusals_to_write", []).append(entry)
    else:
        write_refusals([entry])


def write_refusals(entries: list[dict]) -> None:
    """Write refused attempts in their own transaction, at most REFUSALS_PER_HOUR each
    hour for one person (or address); past that, one "refusals.capped" entry an hour."""
    if not entries:
        return
    limit = REFUSALS_PER_HOUR
    if has_app_context():
        limit = current_app.config.get("AUDIT_REFUSALS_PER_HOUR", REFUSALS_PER_HOUR)
    try:
        with Session(db.engine) as session:
            for entry in entries:
                action = _within_limit(session, entry, limit)
                if action is not None:
                    session.add(
                        AuditEvent(
                            action=action,
                            client_id=entry["client_id"] if action == REFUSED else None,
                            detail=entry["detail"] if action == REFUSED else {"limit": limit},
                            created_by_id=entry["user_id"],
                            address=entry["address"],
                        )
                    )
                    session.flush()
            session.commit()
    except SQLAlchemyError as error:
        # The refusal itself already happened; say only that the entry is missing.
        if has_app_context():
            current_app.logger.warning(
                "A refused attempt was not written to the audit log (%s)", type(error).__name__
            )


def _within_limit(session: Session, entry: dict, limit: int) -> str | None:
    """REFUSED while under the limit, CAPPED once when over it, else None."""
    since = clock.now() - timedelta(hours=1)
    if entry["user_id"] is not None:
        whose = AuditEvent.created_by_id == entry["user_id"]
    else:
        address = entry["address"]
        whose = AuditEvent.created_by_id.is_(None) & (
            AuditEvent.address == address if address is not None else AuditEvent.address.is_(None)
        )
    recent = (AuditEvent.created_at >= since) & whose
    count = session.scalar(
        select(func.count()).select_from(AuditEvent).where(AuditEvent.action == REFUSED, recent)
    )
    if count < limit:
        return REFUSED
    capped = session.scalar(select(exists().where(AuditEvent.action == CAPPED, recent)))
    return None if capped else CAPPED


def id_of(user) -> int | None:
    """The person's id, without reloading a row a rollback has expired."""
    if user is None:
        return None
    user = user._get_current_object() if hasattr(user, "_get_current_object") else user
    state = inspect(user, raiseerr=False)
    if state is not None and state.identity:
        return state.identity[0]
    return getattr(user, "id", None)
