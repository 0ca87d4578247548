"""Notes after closing: for 14 days after an episode closes, a worker can still write the
closing note and notes of contact. They go on the closed episode, marked "after closing", so
no new episode is opened for the national data. After that, a note is refused and nothing
is saved."""

from sqlalchemy import select

from app.care.closing_after import AFTER_CLOSING_DAYS
from app.models import CaseNote, Episode, TimelineEntry
from tests.factories.care import make_person
from tests.integration.care.test_closing_reasons import to_check
from tests.integration.care.test_notes import note_data
from tests.pagecheck import text_of


def close_today(client, person_id: int) -> None:
    assert client.post(to_check(client, person_id, 1), data={"then": "close"}).status_code == 303


def test_the_rule_is_fourteen_days():
    assert AFTER_CLOSING_DAYS == 14


def test_a_note_within_14_days_of_closing_is_saved_and_marked(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    me = sign_in_as("worker")
    person, episode = make_person(db_session, me)
    close_today(client, person.id)  # Tuesday 3 March
    frozen_clock.advance(days=AFTER_CLOSING_DAYS)  # Tuesday 17 March: the last day
    sign_in_as(user=me)  # a new day, a new sign-in
    form = text_of(client.get(f"/clients/{person.id}/notes/new").get_data(as_text=True))
    assert 'This note goes with it, marked "after closing"' in form
    response = client.post(f"/clients/{person.id}/notes/new", data=note_data())
    assert response.status_code == 303
    [note] = fetch(select(CaseNote))
    assert note.after_closing and note.episode_id == episode.id
    assert len(fetch(select(Episode))) == 1  # no new episode for the national data
    assert not fetch(select(Episode))[0].is_open
    [entry] = fetch(select(TimelineEntry).where(TimelineEntry.kind == "case_note"))
    assert entry.summary.endswith("(after closing)")
    notes = text_of(client.get(f"/clients/{person.id}/notes").get_data(as_text=True))
    assert "After closing" in notes
    one = text_of(client.get(f"/clients/{person.id}/notes/{note.id}").get_data(as_text=True))
    assert "After closing" in one


def test_a_note_after_14_days_is_refused_with_a_clear_message_and_nothing_saved(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    me = sign_in_as("worker")
    person, _ = make_person(db_session, me)
    close_today(client, person.id)
    frozen_clock.advance(days=AFTER_CLOSING_DAYS + 1)  # Wednesday 18 March
    sign_in_as(user=me)
    response = client.post(
        f"/clients/{person.id}/notes/new", data=note_data("Typed after the time")
    )
    assert response.status_code == 409
    page = text_of(response.get_data(as_text=True))
    assert "This episode of care closed on Tuesday 3 March" in page
    assert "A note can be added for 14 days after closing" in page
    assert "That time ended on Tuesday 17 March, so nothing was saved" in page
    assert "open a new episode" in page
    assert "Typed after the time" in page  # what was typed is not lost
    assert fetch(select(CaseNote)) == []
    # The form itself is not offered: the worker is sent to open a new episode, and told why.
    response = client.get(f"/clients/{person.id}/notes/new")
    assert response.status_code == 303 and response.headers["Location"].endswith("/episodes")
    episodes = text_of(client.get(response.headers["Location"]).get_data(as_text=True))
    assert "A note can be added for 14 days after closing" in episodes


def test_an_open_episode_still_takes_notes_not_marked(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    me = sign_in_as("worker")
    person, _ = make_person(db_session, me)
    assert client.post(f"/clients/{person.id}/notes/new", data=note_data()).status_code == 303
    assert not fetch(select(CaseNote))[0].after_closing


def test_the_days_count_from_when_the_closing_was_made_not_the_day_it_closed(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    """A worker closing today an episode whose last contact was a month ago still has the
    14 days for the closing note."""
    me = sign_in_as("worker")
    person, _ = make_person(db_session, me)
    base = to_check(client, person.id, 7).rsplit("/", 1)[0]
    client.post(
        f"{base}/date",
        data={"closed_on-day": "2", "closed_on-month": "2", "closed_on-year": "2026"},
    )
    assert client.post(f"{base}/check", data={"then": "close"}).status_code == 303
    frozen_clock.advance(days=10)
    sign_in_as(user=me)
    data = note_data(**{"contact_on-day": "13"})
    assert client.post(f"/clients/{person.id}/notes/new", data=data).status_code == 303
    assert fetch(select(CaseNote))[0].after_closing
