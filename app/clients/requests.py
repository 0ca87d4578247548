"""A person's requests to see or correct their file, and giving them a copy of it.

ACT Health Records (Privacy and Access) Act 1997: answer a request within 14 days, and
give access within 30 days. The deadlines show on the file until the request is done.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select

from app import audit, clock
from app.clients.timeline import add_to_timeline
from app.core.people import users_by_id
from app.extensions import db
from app.models import AccessRequest, AuditEvent

ANSWER_WITHIN_DAYS = 14
ACCESS_WITHIN_DAYS = 30
KIND_WORDS = {"access": "see their file", "correction": "correct their file"}


def answer_by(request: AccessRequest) -> date:
    return request.received_on + timedelta(days=ANSWER_WITHIN_DAYS)


def access_by(request: AccessRequest) -> date:
    return request.received_on + timedelta(days=ACCESS_WITHIN_DAYS)


@dataclass
class Deadline:
    words: str
    due: date
    days_left: int

    @property
    def late(self) -> bool:
        return self.days_left < 0


def deadlines(request: AccessRequest) -> list[Deadline]:
    """What is still to do, and by when."""
    if request.done_on:
        return []
    today = clock.today()
    due = []
    if not request.answered_on:
        day = answer_by(request)
        due.append(Deadline("Answer the person", day, (day - today).days))
    if request.kind == "access" and not request.access_given_on:
        day = access_by(request)
        due.append(Deadline("Give them access", day, (day - today).days))
    return due


def requests_for(client) -> list[AccessRequest]:
    return list(
        db.session.scalars(
            select(AccessRequest)
            .where(AccessRequest.client_id == client.id)
            .order_by(AccessRequest.received_on.desc(), AccessRequest.id.desc())
        )
    )


def open_requests_for(client) -> list[AccessRequest]:
    return [r for r in requests_for(client) if r.done_on is None]


def create_request(client, *, kind: str, received_on: date, asked_for: str | None, user):
    request = AccessRequest(
        client_id=client.id,
        kind=kind,
        received_on=received_on,
        asked_for=asked_for,
        created_by_id=user.id,
    )
    db.session.add(request)
    db.session.flush()
    audit.record("access_request.made", record=request, client_id=client.id, detail={"kind": kind})
    add_to_timeline(
        client, kind="access_request", summary=f"Asked to {KIND_WORDS[kind]}", record=request
    )
    return request


STEP_WORDS = {
    "answered": "Answered",
    "access_given": "Access given",
    "done": "Done",
}


STEP_COLUMNS = {"answered": "answered_on", "access_given": "access_given_on", "done": "done_on"}


def update_request(
    request: AccessRequest, *, step: str, on: date, outcome: str | None
) -> date | None:
    """Record a step and add what happened. A step someone else recorded already keeps its
    date (returned, so the person can be told); their words are added all the same."""
    if step not in STEP_COLUMNS:
        raise ValueError(step)
    already = getattr(request, STEP_COLUMNS[step])
    if already is None:
        setattr(request, STEP_COLUMNS[step], on)
    if step == "done":
        request.answered_on = request.answered_on or on
    if outcome:
        request.outcome = "\n\n".join(p for p in (request.outcome, outcome) if p)
    audit.record(
        "access_request.updated", record=request, client_id=request.client_id, detail={"step": step}
    )
    return already


# --- who opened the file, and giving the person a copy -------------------------------------


@dataclass
class Opening:
    when: object
    who: str
    what: str


OPENING_WORDS = {
    "client.viewed": "Opened the file",
    "client.cover_opened": "Opened the file while covering",
    "client.copy_viewed": "Looked at the copy of the file",
}


def openings(client) -> list[Opening]:
    """Every time staff opened the file, newest first, with their names (audit log)."""
    events = db.session.scalars(
        select(AuditEvent)
        .where(AuditEvent.client_id == client.id, AuditEvent.action.in_(OPENING_WORDS))
        .order_by(AuditEvent.created_at.desc(), AuditEvent.id.desc())
    ).all()
    people = users_by_id(e.created_by_id for e in events)
    return [
        Opening(
            e.created_at,
            people[e.created_by_id].display_name if e.created_by_id in people else "The system",
            OPENING_WORDS[e.action],
        )
        for e in events
    ]


def record_copy_given(client, user) -> None:
    audit.record("client.copy_given", record=client, client_id=client.id)
    add_to_timeline(
        client,
        kind="copy_given",
        summary=f"Given a copy of their file by {user.display_name}",
        record=client,
    )
