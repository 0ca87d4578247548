"""Case notes: one for every contact. Append-only: a correction is a new note that points at
the one it corrects, which is kept and marked superseded. A note written more than 48 hours
after the contact is late (counted for the worker and the team)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Select, case, func, select, update

from app import clock
from app.care import sharing
from app.care.closing_after import episode_for_note
from app.care.episode_rules import log, must_be_editable
from app.core.saving import Refused
from app.extensions import db
from app.models import CaseNote
from app.models.care import LATE_AFTER_HOURS, NOTE_KINDS

NOTE_LIMIT = 20_000  # characters: a long note is kept whole up to here
LATE_AFTER = timedelta(hours=LATE_AFTER_HOURS)


@dataclass
class NoteData:
    contact_at: datetime
    kind: str
    text: str
    minutes: int | None = None
    who_was_there: str | None = None  # for a letter: who it was sent to
    others_agreed: bool = False  # the person said yes to the others being there
    consent_id: int | None = None  # a letter: the consent that covers it


def is_late(contact_at: datetime, written_at: datetime) -> bool:
    """Written more than 48 hours after the contact."""
    return written_at - contact_at > LATE_AFTER


def _check(data: NoteData) -> None:
    if data.kind not in NOTE_KINDS:
        raise Refused("Choose what kind of contact it was")
    if not (data.text or "").strip():
        raise Refused("Write the note")
    if len(data.text) > NOTE_LIMIT:
        raise Refused(f"The note must be {NOTE_LIMIT:,} characters or fewer")
    if data.contact_at > clock.now() + timedelta(minutes=5):
        raise Refused("The contact must be now or earlier")


def _sharing(client, data: NoteData) -> tuple[bool, int | None]:
    """(others agreed, covering consent id): a letter needs a current consent covering who it
    went to; anyone else who was there needs the person's yes (issue 17)."""
    if data.kind == "letter":
        if not (data.who_was_there or "").strip():
            raise Refused("Enter who the letter or form was sent to")
        consent = sharing.consent_to_share(
            client, consent_id=data.consent_id, who=data.who_was_there
        )
        return False, consent.id
    _, agreed = sharing.others_there(data.who_was_there, data.others_agreed)
    return agreed, None


def summary_of(note: CaseNote) -> str:
    words = NOTE_KINDS.get(note.kind, "Contact")
    if note.minutes:
        words += f", {note.minutes} minutes"
    return words


def create_note(
    client,
    data: NoteData,
    user,
    *,
    appointment_id: int | None = None,
    written_at: datetime | None = None,
) -> CaseNote:
    """A new note. `written_at`: when a learner wrote it, for a note their worker signs now
    (app/care/signing.py); late is counted from then."""
    _check(data)
    agreed, consent_id = _sharing(client, data)
    episode, after_closing = episode_for_note(client)  # up to 14 days after closing too
    now = written_at or clock.now()
    note = CaseNote(
        client_id=client.id,
        episode_id=episode.id,
        contact_at=data.contact_at,
        kind=data.kind,
        minutes=data.minutes,
        who_was_there=data.who_was_there,
        others_agreed=agreed,
        text=data.text,
        late=is_late(data.contact_at, now),
        appointment_id=appointment_id,
        after_closing=after_closing,
        created_at=now,
        created_by_id=getattr(user, "id", None),
    )
    db.session.add(note)
    log(
        client,
        action="note.added",
        record=note,
        kind="case_note",
        summary=f"Case note: {summary_of(note)}"
        + (" (written late)" if note.late else "")
        + (" (after closing)" if after_closing else ""),
        occurred_at=note.contact_at,
        detail={
            "kind": note.kind,
            "late": note.late,
            "after_closing": after_closing,
            **({"consent_id": consent_id} if consent_id else {}),
        },
    )
    return note


def first_version(note: CaseNote) -> CaseNote:
    seen = {note.id}
    while note.corrects_id is not None:
        earlier = db.session.get(CaseNote, note.corrects_id)
        if earlier is None or earlier.id in seen:
            break
        seen.add(earlier.id)
        note = earlier
    return note


def history(note: CaseNote) -> list[CaseNote]:
    """Every version of this note, newest first."""
    chain = [first_version(note)]
    while True:
        newer = db.session.scalar(
            select(CaseNote).where(CaseNote.corrects_id == chain[-1].id).order_by(CaseNote.id)
        )
        if newer is None or newer in chain:
            break
        chain.append(newer)
    return list(reversed(chain))


def newest_version(note: CaseNote) -> CaseNote:
    return history(note)[0]


CORRECTED_ALREADY = "This note was corrected already. Correct the newest version."


def correct_note(note: CaseNote, data: NoteData, *, why: str | None, user, client) -> CaseNote:
    """A new version that points at the old; the old is kept and marked superseded."""
    must_be_editable(note)
    if note.superseded:
        raise Refused(CORRECTED_ALREADY)
    _check(data)
    agreed, consent_id = _sharing(client, data)
    # Two people correcting the same version at once: only the first marks it superseded.
    marked = db.session.execute(
        update(CaseNote)
        .where(CaseNote.id == note.id, CaseNote.superseded.is_(False))
        .values(superseded=True)
        .execution_options(synchronize_session=False)
    )
    if marked.rowcount != 1:
        raise Refused(CORRECTED_ALREADY)
    db.session.refresh(note)
    first = first_version(note)
    correction = CaseNote(
        client_id=note.client_id,
        episode_id=note.episode_id,
        contact_at=data.contact_at,
        kind=data.kind,
        minutes=data.minutes,
        who_was_there=data.who_was_there,
        others_agreed=agreed,
        text=data.text,
        # Late is about when the note was first written, so a correction keeps it.
        late=note.late or is_late(data.contact_at, first.created_at),
        corrects_id=note.id,
        why_changed=why,
        appointment_id=note.appointment_id,
        after_closing=note.after_closing,
        created_at=clock.now(),
        created_by_id=getattr(user, "id", None),
    )
    db.session.add(correction)
    log(
        client,
        action="note.corrected",
        record=correction,
        kind="case_note_corrected",
        summary=f"Case note corrected: {summary_of(correction)}",
        detail={"corrects": note.id, **({"consent_id": consent_id} if consent_id else {})},
    )
    return correction


def notes_query(client) -> Select:
    """The current version of each note, newest contact first."""
    return (
        select(CaseNote)
        .where(CaseNote.client_id == client.id, CaseNote.superseded.is_(False))
        .order_by(CaseNote.contact_at.desc(), CaseNote.id.desc())
    )


# --- counting late notes (for the worker, the team and reports) ----------------------------


def _late_query(user=None, since: datetime | None = None, until: datetime | None = None):
    query = select(func.count()).select_from(CaseNote).where(CaseNote.superseded.is_(False))
    if user is not None:
        query = query.where(CaseNote.created_by_id == getattr(user, "id", user))
    if since is not None:
        query = query.where(CaseNote.contact_at >= since)
    if until is not None:
        query = query.where(CaseNote.contact_at < until)
    return query


def late_notes_count(user=None, since: datetime | None = None, until: datetime | None = None):
    """How many current notes were written late: for one worker (a User or an id), or for
    everyone; for contacts since (and before) a moment."""
    return db.session.scalar(_late_query(user, since, until).where(CaseNote.late.is_(True))) or 0


def notes_count(user=None, since: datetime | None = None, until: datetime | None = None) -> int:
    """How many current notes (late or not), counted the same way."""
    return db.session.scalar(_late_query(user, since, until)) or 0


def late_notes_by_worker(
    since: datetime | None = None, until: datetime | None = None
) -> dict[int, tuple[int, int]]:
    """{worker id: (late notes, all notes)} for current notes, in one query."""
    late = func.sum(case((CaseNote.late.is_(True), 1), else_=0))
    query = (
        select(CaseNote.created_by_id, late, func.count())
        .where(CaseNote.superseded.is_(False), CaseNote.created_by_id.is_not(None))
        .group_by(CaseNote.created_by_id)
    )
    if since is not None:
        query = query.where(CaseNote.contact_at >= since)
    if until is not None:
        query = query.where(CaseNote.contact_at < until)
    return {
        worker: (int(n_late or 0), int(total))
        for worker, n_late, total in db.session.execute(query)
    }
