"""Case notes: quick to write on a tablet, corrected by a new version, respectful words."""

from __future__ import annotations

from flask import redirect, request, url_for

from app import clock, locking
from app.access import requires
from app.care import bp, closing_after, closing_after_routes, notes, sharing, signing, words
from app.care.episode_rules import EpisodeClosed, is_editable, open_episode
from app.care.forms import NoteCorrectForm, NoteForm
from app.care.page_helpers import (
    closed_page,
    covering,
    header,
    load_client,
    record_of,
    supervised,
)
from app.care.times import local_day, local_moment, local_time
from app.core.messages import refused, saved, told
from app.core.numbers import record_id, whole_number
from app.core.people import me, users_by_id
from app.core.saving import change_from_form
from app.forms import Form, parse_time
from app.models import CaseNote, NoteToSign
from app.models.care import LATE_AFTER_HOURS, NOTE_KINDS
from app.pages import paginate, render_page

KEEP_WORDS = "keep"  # the "Save as it is" button


def _data(form) -> notes.NoteData:
    letter = form.kind.data == "letter"  # who it was sent to, and the consent covering it
    return notes.NoteData(
        contact_at=local_moment(form.contact_on.data, parse_time(form.contact_time.data)),
        kind=form.kind.data,
        text=form.text.data,
        minutes=whole_number(form.minutes.data),
        who_was_there=(form.sent_to.data if letter else form.who_was_there.data) or None,
        others_agreed=form.others_agreed.data,
        consent_id=record_id(form.consent_id.data) if letter else None,
    )


def _sharing_choices(form, client) -> None:
    form.consent_id.choices = sharing.consent_choices(client)


def _word_check(form) -> list[words.Suggestion]:
    """Suggestions to show before saving; none once the worker chose to keep their words."""
    if request.form.get("word_check") == KEEP_WORDS:
        return []
    return words.suggestions(form.text.data)


@bp.route("/clients/<int:client_id>/notes", endpoint="notes")
@requires("clients.open")
def notes_list(client_id: int):
    client = load_client(client_id, "notes")
    page = paginate(notes.notes_query(client), size=20)
    return render_page(
        "care/notes.html",
        page=page,
        authors=users_by_id(n.created_by_id for n in page.items),
        kinds=NOTE_KINDS,
        late_hours=LATE_AFTER_HOURS,
        **header(client),
    )


@bp.route("/clients/<int:client_id>/notes/new", methods=["GET", "POST"])
@requires("clients.open_part")
def note_new(client_id: int):
    client = load_client(client_id, "new note", cover_ok=True)
    after_closing = closing_after.closed_episode_for_note(client)  # up to 14 days after
    if open_episode(client) is None and after_closing is None:
        sent = NoteForm() if request.method == "POST" else None
        return closing_after_routes.no_note(
            client, sent, url_for("care.notes", client_id=client.id)
        )
    if request.method == "GET":
        now = clock.local_now()  # a time box holds 24-hour time ("14:30"), as people type it
        form = NoteForm(data={"contact_on": now.date(), "contact_time": f"{now:%H:%M}"})
    else:
        form = NoteForm()
    _sharing_choices(form, client)
    found = _word_check(form) if request.method == "POST" else []
    no_consent = False
    learner = supervised(client)
    if form.validate_on_submit() and not found:
        write = signing.create_waiting if learner else notes.create_note
        outcome = change_from_form(form, lambda: write(client, _data(form), me()))
        no_consent = isinstance(outcome.refusal, sharing.NotAgreed)
        if isinstance(outcome.refusal, EpisodeClosed):
            return closed_page(client, form, url_for("care.notes", client_id=client.id))
        if outcome.saved and learner:
            saved(f"Note saved. It counts once {outcome.result.sign_by.display_name} signs it.")
            return redirect(url_for("clients.file", client_id=client.id), 303)
        if outcome.saved:
            if outcome.result.late:
                saved("Note saved. It is marked late: written more than 48 hours after.")
            else:
                saved("Note saved.")
            if covering(client):  # the list of every note is not for cover
                return redirect(url_for("clients.file", client_id=client.id), 303)
            return redirect(url_for("care.notes", client_id=client.id), 303)
    return render_page(
        "care/note_form.html",
        form=form,
        found=found,
        note=None,
        no_consent=no_consent,
        after_closing=after_closing,
        learner=learner,
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
        authors=users_by_id(v.created_by_id for v in versions),
        kinds=NOTE_KINDS,
        editable=is_editable(record),
        **header(client),
    )


def _note_shown(record: CaseNote) -> NoteCorrectForm:
    return NoteCorrectForm(
        formdata=None,
        data={
            "contact_on": local_day(record.contact_at),
            "contact_time": f"{local_time(record.contact_at):%H:%M}",
            "kind": record.kind,
            "minutes": str(record.minutes) if record.minutes else "",
            "who_was_there": "" if record.kind == "letter" else (record.who_was_there or ""),
            "others_agreed": record.others_agreed,
            "sent_to": (record.who_was_there or "") if record.kind == "letter" else "",
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
            told("That note was corrected already. This is the newest version.")
            return redirect(
                url_for("care.note_correct", client_id=client.id, note_id=newest.id), 303
            )
        record = newest
    back = url_for("care.note", client_id=client.id, note_id=record.id)
    if not is_editable(record):
        if request.method == "POST":
            return closed_page(client, NoteCorrectForm(), back)
        refused("This episode of care is closed, so its notes cannot change.")
        return redirect(back, 303)
    changed = None
    if request.method == "GET":
        form = _note_shown(record)
        locking.stamp(form, record, _note_shown, version=record.id)
    else:
        form = NoteCorrectForm()
        changed = locking.check(form, record, _note_shown, version=record.id)
    _sharing_choices(form, client)
    found = _word_check(form) if request.method == "POST" and not changed else []
    no_consent = False
    if form.validate_on_submit() and not changed and not found:
        outcome = change_from_form(
            form,
            lambda: notes.correct_note(
                record, _data(form), why=form.why_changed.data, user=me(), client=client
            ),
        )
        no_consent = isinstance(outcome.refusal, sharing.NotAgreed)
        if isinstance(outcome.refusal, EpisodeClosed):
            return closed_page(client, form, back)
        if outcome.saved:
            saved("Correction saved. The earlier version is kept.")
            return redirect(
                url_for("care.note", client_id=client.id, note_id=outcome.result.id), 303
            )
    return render_page(
        "care/note_form.html",
        form=form,
        found=found,
        changed=changed,
        no_consent=no_consent,
        note=record,
        word_rules=words.rules_for_browser(),
        action=url_for("care.note_correct", client_id=client.id, note_id=record.id),
        **header(client),
    )


@bp.route(
    "/clients/<int:client_id>/notes/to-sign/<int:row_id>/sign",
    methods=["POST"],
    endpoint="note_sign",
)
@requires("clients.open")
def note_sign(client_id: int, row_id: int):
    """The file's worker signs a note a trainee or a student wrote: from now it counts."""
    client = load_client(client_id, "sign a note")
    row = record_of(NoteToSign, row_id, client)
    outcome = change_from_form(Form(), lambda: signing.sign(row, client, me()))
    if outcome.saved:
        saved(f"Note signed. It counts now, and {row.author.display_name}'s hours include it.")
    elif outcome.refusal is not None:
        refused(outcome.refusal.message)
    return redirect(url_for("clients.file", client_id=client.id) + "#to-sign", 303)
