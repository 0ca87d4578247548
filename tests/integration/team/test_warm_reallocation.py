"""A warm handover: both workers keep the file until the handover day, then it moves."""

from datetime import date

import pytest
from sqlalchemy import select

from app.core.saving import Refused
from app.models import Allocation, Client, Reallocation, TimelineEntry
from app.team import reallocation
from tests.conftest import start_session_for
from tests.factories import make_user
from tests.factories.clients import make_client
from tests.pagecheck import text_of
from tests.versions import version_at

MOVING_LINE = "Jaz is moving to Priya Sharma on Friday 6 March"


def answers(day: date) -> dict:
    return {
        "reason": "Needs a worker who has been through CYF.",
        "person_view": "agrees",
        "handover_note": "Likes to meet at the drop-in.",
        "handover_on-day": str(day.day),
        "handover_on-month": str(day.month),
        "handover_on-year": str(day.year),
    }


@pytest.fixture
def people(db_session):
    alex = make_user(db_session, "worker", display_name="Alex Murray")
    priya = make_user(db_session, "worker", display_name="Priya Sharma")
    jaz = make_client(db_session, alex, nickname="Jaz")
    return alex, priya, jaz


def move(client, person, worker, day: date):
    url = f"/team/people/{person.id}/reallocate"
    data = {"worker_id": str(worker.id), **answers(day), "version": version_at(client, url)}
    return client.post(url, data=data)


def browser_for(app, db_session, user):
    """A fresh signed-in browser (made after the clock moves, so the session is new)."""
    browser = app.test_client()
    start_session_for(browser, db_session, user)
    return browser


def test_both_workers_open_the_file_until_the_handover_day(
    app, client, sign_in_as, people, db_session, frozen_clock
):
    alex, priya, jaz = people
    sign_in_as("senior", display_name="Rosa Tuilagi")
    # Tuesday 3 March; the handover is on Friday, three days later.
    assert move(client, jaz, priya, date(2026, 3, 6)).status_code == 303

    old = browser_for(app, db_session, alex)
    page = old.get(f"/clients/{jaz.id}")
    assert page.status_code == 200
    words = text_of(page.text)
    assert MOVING_LINE in words
    assert "Timeline" in words  # the whole file, not the narrow cover view
    assert old.get(f"/clients/{jaz.id}/details").status_code == 200
    assert old.get(f"/clients/{jaz.id}/assessment").status_code == 200

    new = browser_for(app, db_session, priya)
    page = new.get(f"/clients/{jaz.id}")
    assert page.status_code == 200
    assert "is moving to" not in text_of(page.text)
    assert new.get(f"/clients/{jaz.id}/details").status_code == 200

    # The day before the handover the old worker still has it.
    frozen_clock.advance(days=2)
    assert browser_for(app, db_session, alex).get(f"/clients/{jaz.id}").status_code == 200


@pytest.mark.parametrize("days_later", [3, 10])
def test_on_the_handover_day_only_the_new_worker_opens_it(
    app, client, sign_in_as, people, db_session, frozen_clock, days_later
):
    alex, priya, jaz = people
    sign_in_as("senior")
    move(client, jaz, priya, date(2026, 3, 6))
    frozen_clock.advance(days=days_later)

    old = browser_for(app, db_session, alex)
    for path in ("", "/details", "/assessment"):
        assert old.get(f"/clients/{jaz.id}{path}").status_code == 404
    new = browser_for(app, db_session, priya)
    assert new.get(f"/clients/{jaz.id}").status_code == 200


def test_the_timeline_shows_both_workers_and_the_handover_day(
    app, client, sign_in_as, people, db_session, frozen_clock
):
    alex, priya, jaz = people
    sign_in_as("senior", display_name="Rosa Tuilagi")
    move(client, jaz, priya, date(2026, 3, 6))
    page = text_of(browser_for(app, db_session, priya).get(f"/clients/{jaz.id}").text)
    assert (
        "Moving from Alex Murray to Priya Sharma, agreed with Rosa Tuilagi: they agree. "
        "Handover Friday 6 March" in page
    )


def test_a_later_reallocation_ends_the_earlier_handover(
    app, client, sign_in_as, people, db_session, frozen_clock
):
    alex, priya, jaz = people
    sam = make_user(db_session, "worker", display_name="Sam Lee")
    sign_in_as("senior")
    move(client, jaz, priya, date(2026, 3, 6))
    move(client, jaz, sam, date(2026, 3, 5))
    # Alex was handing over to Priya, but the file has moved on to Sam.
    assert browser_for(app, db_session, alex).get(f"/clients/{jaz.id}").status_code == 404
    page = browser_for(app, db_session, priya).get(f"/clients/{jaz.id}")
    assert "Jaz is moving to Sam Lee on Thursday 5 March" in text_of(page.text)


@pytest.mark.parametrize(
    "day, message",
    [
        (date(2026, 3, 2), "The handover day has passed. Choose today or a day after today"),
        (date(2026, 4, 1), "Choose a handover day in the next 28 days"),
    ],
)
def test_a_handover_day_too_early_or_too_late_is_refused(
    client, sign_in_as, people, fetch, frozen_clock, day, message
):
    alex, priya, jaz = people
    sign_in_as("senior")
    response = move(client, jaz, priya, day)
    assert response.status_code == 200
    assert message in text_of(response.text)
    assert not fetch(select(Reallocation))
    assert fetch(select(Client))[0].worker_id == alex.id
    assert [a.worker_id for a in fetch(select(Allocation))] == [alex.id]
    assert not [e for e in fetch(select(TimelineEntry)) if "Moving from" in e.summary]


@pytest.mark.parametrize("day", [date(2026, 3, 3), date(2026, 3, 31)])  # today, 28 days on
def test_today_and_the_last_day_allowed_are_taken(
    client, sign_in_as, people, fetch, frozen_clock, day
):
    _alex, priya, jaz = people
    sign_in_as("senior")
    assert move(client, jaz, priya, day).status_code == 303
    assert fetch(select(Reallocation))[0].handover_on == day


def test_the_service_refuses_a_past_handover_day(app, db_session, people, frozen_clock):
    _alex, priya, jaz = people
    senior = make_user(db_session, "senior")
    with app.test_request_context(), pytest.raises(Refused, match="has passed"):
        reallocation.reallocate(
            db_session.get(Client, jaz.id),
            priya,
            reason="r",
            person_view="agrees",
            handover_note="n",
            handover_on=date(2026, 3, 2),
            by=senior,
        )
