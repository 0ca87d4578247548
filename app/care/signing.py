"""Notes a trainee or a student writes on a file whose care team they are on: "work with
individual clients under the supervision of an established PTSS worker" (model of care).

The note waits for the file's worker to sign it. Until then it counts for nothing: it is not
a case note, so contact, caseloads and reports do not see it. Signing makes the case note
(written by the learner, at the time they wrote it) and adds its minutes to the learner's
training hours. A note waiting more than SIGN_WITHIN_DAYS is still not counted, and the
worker is reminded on their home page.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from app import audit, clock
from app.care import notes
from app.care.closing_after import episode_for_note
from app.care.times import local_day
from app.clients import public as clients
from app.core import people
from app.core.saving import Refused
from app.extensions import db
from app.models import Client, NoteToSign
from app.training import public as training

SIGN_WITHIN_DAYS = 7  # a learner's note waiting longer than this: its worker is reminded
NO_MINUTES = "Say how long it took, in minutes. Your supervised hours come from it"


def waiting_words(row: NoteToSign) -> str:
    return f"Case note by {row.author.display_name}: waiting for {row.sign_by.display_name} to sign"


def create_waiting(client: Client, data: notes.NoteData, user) -> NoteToSign:
    """A learner's note, kept to be signed by the file's worker. Checked as any note is."""
    notes._check(data)  # noqa: SLF001  (the same rules as every note, in this area)
    if not data.minutes:
        raise Refused(NO_MINUTES)
    agreed, consent_id = notes._sharing(client, data)  # noqa: SLF001
    episode_for_note(client)  # an open episode, or up to 14 days after closing
    if client.worker_id is None:
        raise Refused("This file has no worker to sign your note. Talk to a senior worker")
    row = NoteToSign(
        client_id=client.id,
        contact_at=data.contact_at,
        kind=data.kind,
        minutes=data.minutes,
        who_was_there=data.who_was_there,
        others_agreed=agreed,
        consent_id=consent_id,
        text=data.text,
        sign_by_id=client.worker_id,
        created_by_id=user.id,
    )
    db.session.add(row)
    db.session.flush()
    audit.record(
        "note.written_to_sign",
        record=row,
        client_id=client.id,
        detail={"kind": row.kind, "sign_by": row.sign_by_id},
    )
    clients.add_to_timeline(
        client,
        kind="note_to_sign",
        summary=waiting_words(row),
        record=row,
        occurred_at=row.contact_at,
    )
    return row


def is_overdue(row: NoteToSign) -> bool:
    """Waiting more than SIGN_WITHIN_DAYS: still not counted, and the worker is reminded."""
    return row.signed_at is None and row.created_at < clock.now() - timedelta(days=SIGN_WITHIN_DAYS)


def sign(row: NoteToSign, client: Client, by) -> None:
    """The worker signs: the note counts from now, and the learner's hours grow."""
    if row.signed_at is not None:
        raise Refused("This note is signed already")
    if row.sign_by_id != by.id:
        raise Refused(f"Only {row.sign_by.display_name} can sign this note")
    data = notes.NoteData(
        contact_at=row.contact_at,
        kind=row.kind,
        text=row.text,
        minutes=row.minutes,
        who_was_there=row.who_was_there,
        others_agreed=row.others_agreed,
        consent_id=row.consent_id,
    )
    note = notes.create_note(client, data, row.author, written_at=row.created_at)
    db.session.flush()
    row.signed_at = clock.now()
    row.note_id = note.id
    clients.restate_on_timeline(
        row, f"Case note by {row.author.display_name}: signed by {by.display_name}"
    )
    training.add_supervised_time(
        row.author, day=local_day(row.contact_at), minutes=row.minutes, worker=by
    )
    audit.record(
        "note.countersigned",
        record=row,
        client_id=client.id,
        detail={"note": note.id, "learner": row.created_by_id, "minutes": row.minutes},
    )


def waiting_for(user) -> list[NoteToSign]:
    """Notes waiting for this worker to sign, oldest first."""
    return list(
        db.session.scalars(
            select(NoteToSign)
            .where(NoteToSign.sign_by_id == user.id, NoteToSign.signed_at.is_(None))
            .order_by(NoteToSign.created_at, NoteToSign.id)
        )
    )


def waiting_on_file(client: Client, *, by=None) -> list[NoteToSign]:
    """A file's notes still to sign, oldest first; only one learner's when `by` is given."""
    query = select(NoteToSign).where(
        NoteToSign.client_id == client.id, NoteToSign.signed_at.is_(None)
    )
    if by is not None:
        query = query.where(NoteToSign.created_by_id == by.id)
    return list(db.session.scalars(query.order_by(NoteToSign.created_at, NoteToSign.id)))


def to_sign_on_file(client: Client) -> dict:
    """For the file page: the notes waiting there (a learner sees only their own), and
    whether the person looking may sign them."""
    me = people.me()
    learner = clients.access_level(me, client) == clients.SUPERVISED
    waiting = waiting_on_file(client, by=me if learner else None)
    return {
        "waiting": waiting,
        "overdue": {row.id for row in waiting if is_overdue(row)},
        "signs": {row.id for row in waiting if row.sign_by_id == me.id},
        "days": SIGN_WITHIN_DAYS,
    }
