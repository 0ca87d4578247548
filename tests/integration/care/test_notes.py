"""Case notes: quick to write, late after 48 hours (and counted), corrections as new versions,
respectful words suggested (never blocked), long notes, a closed episode kept as it was."""

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select

from app.care import notes
from app.models import AuditEvent, CaseNote, Episode, TimelineEntry
from tests.factories.care import make_note, make_person
from tests.pagecheck import text_of
from tests.versions import version_in


def note_data(text="Met at the drop-in. Talked about housing.", **extra):
    data = {
        "contact_on-day": "3",
        "contact_on-month": "3",
        "contact_on-year": "2026",
        "contact_time": "11:30",
        "kind": "face_to_face",
        "minutes": "30",
        "who_was_there": "Their sister",
        "others_agreed": "y",  # they said yes to her being there (issue 17)
        "text": text,
    }
    data.update(extra)
    return data


def test_the_form_starts_at_now_and_a_note_is_saved_with_timeline_and_audit(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    me = sign_in_as("worker")
    person, episode = make_person(db_session, me)
    html = client.get(f"/clients/{person.id}/notes/new").get_data(as_text=True)
    assert 'value="12:00"' in html and 'name="contact_on-year"' in html and 'value="2026"' in html
    response = client.post(f"/clients/{person.id}/notes/new", data=note_data())
    assert response.status_code == 303
    [note] = fetch(select(CaseNote))
    assert note.contact_at == datetime(2026, 3, 3, 0, 30, tzinfo=UTC)  # 11:30am Canberra
    assert note.episode_id == episode.id and note.minutes == 30 and not note.late
    assert note.created_by_id == me.id
    [entry] = fetch(select(TimelineEntry).where(TimelineEntry.kind == "case_note"))
    assert entry.summary == "Case note: Face to face, 30 minutes"
    assert entry.occurred_at == note.contact_at
    [event] = fetch(select(AuditEvent).where(AuditEvent.action == "note.added"))
    assert "Met at" not in str(event.detail)  # never the words of a note
    page = text_of(client.get(f"/clients/{person.id}/notes").get_data(as_text=True))
    assert "Met at the drop-in" in page and "Written late" not in page


def test_a_note_written_two_days_after_is_late_and_counted(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    me = sign_in_as("worker")
    person, _ = make_person(db_session, me)
    response = client.post(
        f"/clients/{person.id}/notes/new",
        data=note_data(**{"contact_on-day": "1", "contact_time": "9:00am"}),
    )
    assert response.status_code == 303
    [note] = fetch(select(CaseNote))
    assert note.late
    page = text_of(client.get(f"/clients/{person.id}/notes").get_data(as_text=True))
    assert "Written late" in page
    with client.application.app_context():
        assert notes.late_notes_count(me) == 1
        assert notes.late_notes_count() == 1
        assert notes.late_notes_count(me.id, since=datetime(2026, 3, 2, tzinfo=UTC)) == 0
        assert notes.late_notes_by_worker() == {me.id: (1, 1)}
    # Exactly 48 hours is not late; a minute more is.
    assert not notes.is_late(note.contact_at, note.contact_at + timedelta(hours=48))
    assert notes.is_late(note.contact_at, note.contact_at + timedelta(hours=48, minutes=1))
    work = text_of(client.get("/my-work").get_data(as_text=True))
    assert "Your notes this month: 1. Written late (more than 48 hours after): 1." in work


def test_a_correction_is_a_new_version_and_the_old_is_kept(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    me = sign_in_as("worker")
    person, episode = make_person(db_session, me)
    old = make_note(
        db_session,
        person,
        episode,
        by=me,
        contact_at=datetime(2026, 2, 27, 0, 0, tzinfo=UTC),
        created_at=datetime(2026, 3, 2, 0, 0, tzinfo=UTC),
        late=True,
        text="Went to Centrelink.",
    )
    url = f"/clients/{person.id}/notes/{old.id}/correct"
    html = client.get(url).get_data(as_text=True)
    assert "Went to Centrelink." in html
    response = client.post(
        url,
        data=note_data(
            "Went to Centrelink with their sister.",
            why_changed="Left out who came",
            version=version_in(html),
            **{"contact_on-day": "27", "contact_on-month": "2", "contact_time": "11:00"},
        ),
    )
    assert response.status_code == 303
    first, second = fetch(select(CaseNote).order_by(CaseNote.id))
    assert first.superseded and first.text == "Went to Centrelink."
    assert second.corrects_id == first.id and not second.superseded
    assert second.late  # late is about when the note was first written
    assert second.why_changed == "Left out who came"
    page = text_of(client.get(f"/clients/{person.id}/notes/{second.id}").get_data(as_text=True))
    assert "The note now" in page and "Earlier version" in page
    assert "Went to Centrelink." in page and "Left out who came" in page
    listed = text_of(client.get(f"/clients/{person.id}/notes").get_data(as_text=True))
    assert "Corrected" in listed and listed.count("Went to Centrelink") == 1
    # The old version cannot be corrected again: the newest is offered instead.
    again = client.get(url)
    assert again.status_code == 303 and f"/notes/{second.id}/correct" in again.headers["Location"]
    with client.application.app_context():
        assert notes.late_notes_count(me) == 1  # counted once


def test_words_the_sector_moved_away_from_are_pointed_out_and_may_be_kept(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    me = sign_in_as("worker")
    person, _ = make_person(db_session, me)
    text = "Urine was clean. He is an addict but doing well."
    response = client.post(f"/clients/{person.id}/notes/new", data=note_data(text))
    assert response.status_code == 200
    page = text_of(response.get_data(as_text=True))
    assert "A thought about some words" in page
    assert '"Urine was clean", try negative result' in page
    assert '"addict", try person who uses drugs' in page
    assert "Save as it is" in page and "Change the words" in page
    assert text in response.get_data(as_text=True)  # the note is still there
    assert fetch(select(CaseNote)) == []
    # The worker may keep their words.
    kept = client.post(f"/clients/{person.id}/notes/new", data=note_data(text, word_check="keep"))
    assert kept.status_code == 303
    assert fetch(select(CaseNote))[0].text == text
    # Changed words save straight away.
    fine = client.post(
        f"/clients/{person.id}/notes/new",
        data=note_data("Negative result today. Doing well."),
    )
    assert fine.status_code == 303


def test_a_note_of_20000_characters_is_kept_whole_and_a_longer_one_is_refused_not_lost(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    me = sign_in_as("worker")
    person, _ = make_person(db_session, me)
    whole = ("Long day. " * 2000)[:19_999] + "!"
    assert len(whole) == 20_000
    assert client.post(f"/clients/{person.id}/notes/new", data=note_data(whole)).status_code == 303
    assert len(fetch(select(CaseNote))[0].text) == 20_000
    longer = whole + "More."
    response = client.post(f"/clients/{person.id}/notes/new", data=note_data(longer))
    assert response.status_code == 200
    page = text_of(response.get_data(as_text=True))
    assert "The note must be 20,000 characters or fewer" in page
    assert "Long day. Long day." in response.get_data(as_text=True)
    assert longer in response.get_data(as_text=True)
    assert len(fetch(select(CaseNote))) == 1


def test_bad_times_and_missing_answers_get_plain_messages(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    me = sign_in_as("worker")
    person, _ = make_person(db_session, me)
    cases = [
        ({"contact_time": "25:99"}, "Enter a time like 2:30pm or 14:30"),
        ({"contact_time": "3:00pm"}, "The time must be now or earlier"),
        ({"contact_on-day": "4"}, "The date must be today or in the past"),
        ({"kind": ""}, "Choose the kind of contact"),
        ({"minutes": "lots"}, "How long must be a number from 1 to 1440"),
        ({"text": "   "}, "Write the note"),
    ]
    for change, message in cases:
        response = client.post(f"/clients/{person.id}/notes/new", data=note_data(**change))
        assert response.status_code == 200, change
        assert message in text_of(response.get_data(as_text=True)), message
    assert fetch(select(CaseNote)) == []


def test_notes_of_a_closed_episode_cannot_be_added_or_corrected(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    me = sign_in_as("worker")
    person, episode = make_person(db_session, me)
    old = make_note(db_session, person, episode, by=me)
    closed = db_session.get(Episode, episode.id)
    # Closed over 14 days ago: past the days a note may still be added after closing.
    closed.closed_on, closed.reason_for_cessation = date(2026, 2, 1), 1
    db_session.commit()
    response = client.post(
        f"/clients/{person.id}/notes/{old.id}/correct",
        data=note_data("A typed correction", why_changed="Typo"),
    )
    assert response.status_code == 409
    assert "A typed correction" in text_of(response.get_data(as_text=True))
    response = client.post(f"/clients/{person.id}/notes/new", data=note_data("A new note"))
    assert response.status_code == 409
    assert "A new note" in text_of(response.get_data(as_text=True))
    assert client.get(f"/clients/{person.id}/notes/new").status_code == 303
    [only] = fetch(select(CaseNote))
    assert not only.superseded
