"""Case notes: quick to write on a tablet, corrected by a new version, respectful words."""

from __future__ import annotations

from flask import flash, redirect, request, url_for
from sqlalchemy import select

from app import clock, locking
from app.access import requires
from app.care import bp, notes, words
from app.care.common import (
    EpisodeClosed,
    Refused,
    is_editable,
    local_moment,
    local_time,
    open_episode,
)
from app.care.forms import NoteCorrectForm, NoteForm, parse_time
from app.care.views import closed_page, covering, header, load_client, me, record_of
from app.extensions import db
from app.models import CaseNote, User
from app.models.care import LATE_AFTER_HOURS, NOTE_KINDS
from app.pages import paginate, render_page

KEEP_WORDS = "keep"  # the "Save as it is" button


def _data(form) -> notes.NoteData:
    return notes.NoteData(
        contact_at=local_moment(form.contact_on.data, parse_time(form.contact_time.data)),
        kind=form.kind.data,
        text=form.text.data,
        minutes=int(form.minutes.data) if form.minutes.data else None,
        who_was_there=form.who_was_there.data or None,
    )


def _word_check(form) -> list[words.Suggestion]:
    """Suggestions to show before saving; none once the worker chose to keep their words."""
    if request.form.get("word_check") == KEEP_WORDS:
        return []
    return words.suggestions(form.text.data)


def _authors(items) -> dict[int, User]:
    ids = {n.created_by_id for n in items if n.created_by_id}
    if not ids:
        return {}
    return {u.id: u for u in db.session.scalars(select(User).where(User.id.in_(ids)))}


@bp.route("/clients/<int:client_id>/notes", endpoint="notes")
@requires("clients.open")
def notes_list(client_id: int):
    client = load_client(client_id, "notes")
    page = paginate(notes.notes_query(client), size=20)
    return render_page(
        "care/notes.html",
        page=page,
        authors=_authors(page.items),
        kinds=NOTE_KINDS,
        late_hours=LATE_AFTER_HOURS,
        **header(client),
    )


@bp.route("/clients/<int:client_id>/notes/new", methods=["GET", "POST"])
@requires("clients.open")
def note_new(client_id: int):
    client = load_client(client_id, "new note", cover_ok=True)
    if open_episode(client) is None:
        if request.method == "POST":
            return closed_page(client, NoteForm(), url_for("care.notes", client_id=client.id))
        flash("There is no open episode of care. Open a new episode to add notes.")
        return redirect(url_for("clients.episodes", client_id=client.id), 303)
    if request.method == "GET":
        now = clock.local_now()
        form = NoteForm(data={"contact_on": now.date(), "contact_time": f"{now:%H:%M}"})
    else:
        form = NoteForm()
    found = _word_check(form) if request.method == "POST" else []
    if form.validate_on_submit():
        if not found:
            try:
                note = notes.create_note(client, _data(form), me())
            except EpisodeClosed:
                return closed_page(client, form, url_for("care.notes", client_id=client.id))
            except Refused as refused:
                form.form_errors.append(refused.message)
            else:
                if note.late:
                    flash("Note saved. It is marked late: written more than 48 hours after.")
                else:
                    flash("Note saved.")
                if covering(client):  # the list of every note is not for cover
                    return redirect(url_for("clients.file", client_id=client.id), 303)
                return redirect(url_for("care.notes", client_id=client.id), 303)
    return render_page(
        "care/note_form.html",
        form=form,
        found=found,
        note=None,
        word_rules=words.rules_for_browser(),
        action=url_for("care.note_new", client_id=client.id),
        **header(client),
    )


@bp.route("/clients/<int:client_id>/notes/<int:note_id>")
@requires("clients.open")
def note(client_id: int, note_id: int):
    client = load_client(client_id, "note")
    record = record_of(CaseNote, note_id, client)
    versions = notes.history(record)
    return render_page(
        "care/note.html",
        record=record,
        versions=versions,
        newest=versions[0],
        authors=_authors(versions),
        kinds=NOTE_KINDS,
        editable=is_editable(record),
        **header(client),
    )


def _note_shown(record: CaseNote) -> NoteCorrectForm:
    return NoteCorrectForm(
        formdata=None,
        data={
            "contact_on": record.contact_at.astimezone(clock.CANBERRA).date(),
            "contact_time": f"{local_time(record.contact_at):%H:%M}",
            "kind": record.kind,
            "minutes": str(record.minutes) if record.minutes else "",
            "who_was_there": record.who_was_there or "",
            "text": record.text,
        },
    )


@bp.route("/clients/<int:client_id>/notes/<int:note_id>/correct", methods=["GET", "POST"])
@requires("clients.open")
def note_correct(client_id: int, note_id: int):
    """A correction is made to the newest version. A note's version is the id of its newest
    version, so a correction typed from an older one shows what the newer one says."""
    client = load_client(client_id, "correct note")
    record = record_of(CaseNote, note_id, client)
    if record.superseded:
        newest = notes.newest_version(record)
        if request.method == "GET":
            flash("That note was corrected already. This is the newest version.")
            return redirect(
                url_for("care.note_correct", client_id=client.id, note_id=newest.id), 303
            )
        record = newest
    back = url_for("care.note", client_id=client.id, note_id=record.id)
    if not is_editable(record):
        if request.method == "POST":
            return closed_page(client, NoteCorrectForm(), back)
        flash("This episode of care is closed, so its notes cannot change.")
        return redirect(back, 303)
    changed = None
    if request.method == "GET":
        form = _note_shown(record)
        locking.stamp(form, record, _note_shown, version=record.id)
    else:
        form = NoteCorrectForm()
        changed = locking.check(form, record, _note_shown, version=record.id)
    found = _word_check(form) if request.method == "POST" and not changed else []
    if form.validate_on_submit() and not changed:
        if not found:
            try:
                correction = notes.correct_note(
                    record, _data(form), why=form.why_changed.data, user=me(), client=client
                )
            except EpisodeClosed:
                return closed_page(client, form, back)
            except Refused as refused:
                form.form_errors.append(refused.message)
            else:
                flash("Correction saved. The earlier version is kept.")
                return redirect(
                    url_for("care.note", client_id=client.id, note_id=correction.id), 303
                )
    return render_page(
        "care/note_form.html",
        form=form,
        found=found,
        changed=changed,
        note=record,
        word_rules=words.rules_for_browser(),
        action=url_for("care.note_correct", client_id=client.id, note_id=record.id),
        **header(client),
    )
