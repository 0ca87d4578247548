"""Accounts and the audit log, for managers."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import Select, select

from app import clock
from app.models import AuditEvent, User
from app.pages import Page, paginate


def list_users(page: int) -> Page:
    query = select(User).order_by(User.active.desc(), User.display_name)
    return paginate(query, number=page)


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=clock.CANBERRA)


def audit_query(
    *,
    person: User | None = None,
    action: str = "",
    record: str = "",
    since: date | None = None,
    until: date | None = None,
) -> Select:
    """The audit log, newest first, narrowed by whatever was asked."""
    query = select(AuditEvent).order_by(AuditEvent.created_at.desc(), AuditEvent.id.desc())
    if person is not None:
        query = query.where(AuditEvent.created_by_id == person.id)
    if action:
        query = query.where(AuditEvent.action.startswith(action.strip()))
    if record:
        kind, _, number = record.strip().partition(" ")
        query = query.where(AuditEvent.record_type.ilike(kind))
        if number.isdigit():
            query = query.where(AuditEvent.record_id == int(number))
    if since:
        query = query.where(AuditEvent.created_at >= _start_of(since))
    if until:
        query = query.where(AuditEvent.created_at < _start_of(until + timedelta(days=1)))
    return query
