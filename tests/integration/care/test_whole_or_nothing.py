"""A change is saved whole or not at all (issue 18): a refused part leaves nothing behind."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from app import clock
from app.models import Appointment, CaseNote, TimelineEntry
from tests.factories.care import make_appointment, make_person
from tests.versions import version_at


def test_an_appointment_outcome_whose_case_note_is_refused_saves_nothing(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    """The note of an appointment that starts in half an hour is refused (a contact in the
    future); the outcome, its audit and timeline lines must not be saved without it."""
    worker = sign_in_as("worker")
    person, episode = make_person(db_session, worker)
    soon = make_appointment(
        db_session, person, episode, worker=worker, starts_at=clock.now() + timedelta(minutes=30)
    )
    timeline_before = len(fetch(select(TimelineEntry)))
    url = f"/clients/{person.id}/appointments/{soon.id}/outcome"
    page = client.post(
        url,
        data={
            "version": version_at(client, url),
            "attended": "yes",
            "what_happened": "Saw the GP.",
            "as_note": "y",
            "word_check": "keep",
        },
    )
    assert page.status_code == 200
    assert "There is a problem" in page.get_data(as_text=True)
    assert fetch(select(Appointment.attended).where(Appointment.id == soon.id)) == [None]
    assert fetch(select(CaseNote)) == []
    assert len(fetch(select(TimelineEntry))) == timeline_before
