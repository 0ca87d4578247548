"""Issue 17: a worker puts an episode's start date right, with the reason kept, and the
timeline, the three-month rule and the national export follow it."""

import csv
import io
import re
from datetime import date

import pytest
from sqlalchemy import select

from app import clock
from app.models import AuditEvent, Episode, TimelineEntry
from app.standards import export
from tests.factories import make_user
from tests.factories.care import make_note, on
from tests.factories.clients import make_client, make_episode, make_timeline_entry
from tests.pagecheck import text_of

TODAY = date(2026, 3, 3)  # the frozen clock's day (Tuesday 3 March 2026, Canberra)
REASON = "First met at the outreach van on 2 February"


@pytest.fixture
def opened_today(db_session, frozen_clock):
    """As registration left it: the episode began "today", the date of contact not given."""
    worker = make_user(db_session, "worker")
    person = make_client(
        db_session, worker, family_name="Nguyen", born_on=date(1990, 5, 1), gender="female"
    )
    episode = make_episode(db_session, person, opened_on=TODAY)
    make_timeline_entry(
        db_session,
        person,
        kind="episode_opened",
        summary="Episode of care opened",
        record_type="Episode",
        record_id=episode.id,
    )
    return worker, person, episode


def url(person, episode) -> str:
    return f"/clients/{person.id}/episodes/{episode.id}/start"


def put_right(client, person, episode, day: date, reason: str = REASON):
    return client.post(
        url(person, episode),
        data={
            "opened_on-day": str(day.day),
            "opened_on-month": str(day.month),
            "opened_on-year": str(day.year),
            "reason": reason,
        },
    )


def start_of(fetch, episode) -> date:
    return fetch(select(Episode).where(Episode.id == episode.id))[0].opened_on


def test_the_episode_page_offers_to_put_the_start_right(client, sign_in_as, opened_today):
    worker, person, episode = opened_today
    sign_in_as(user=worker)
    page = text_of(client.get(f"/clients/{person.id}/episodes/{episode.id}").text)
    assert "Put the start date right" in page and "Why it changes" in page


def test_a_start_in_the_future_is_refused(client, sign_in_as, opened_today, fetch):
    worker, person, episode = opened_today
    sign_in_as(user=worker)
    response = put_right(client, person, episode, date(2026, 3, 4))
    assert "The date must be today or in the past" in text_of(response.text)
    assert start_of(fetch, episode) == TODAY


def test_a_start_after_the_first_note_is_refused(
    client, sign_in_as, opened_today, fetch, db_session
):
    worker, person, episode = opened_today
    make_note(db_session, person, episode, by=worker, contact_at=on(date(2026, 2, 10)))
    make_note(db_session, person, episode, by=worker, contact_at=on(date(2026, 2, 20)))
    sign_in_as(user=worker)
    response = put_right(client, person, episode, date(2026, 2, 11))
    page = text_of(response.text)
    assert "There is a problem" in page
    assert "The first note of this episode is from 10 February 2026" in page
    assert start_of(fetch, episode) == TODAY
    # on the day of the first note is fine
    assert put_right(client, person, episode, date(2026, 2, 10)).status_code == 303
    assert start_of(fetch, episode) == date(2026, 2, 10)


def test_a_start_before_they_were_born_is_refused(client, sign_in_as, opened_today, fetch):
    worker, person, episode = opened_today
    sign_in_as(user=worker)
    page = text_of(put_right(client, person, episode, date(1989, 1, 1)).text)
    assert "The start cannot be before they were born (1 May 1990)" in page
    assert start_of(fetch, episode) == TODAY


@pytest.mark.parametrize(
    ("reason", "says"),
    [("", "Say why the start date changes"), ("mistake", "Say why in a few words")],
)
def test_a_reason_is_needed(client, sign_in_as, opened_today, fetch, reason, says):
    worker, person, episode = opened_today
    sign_in_as(user=worker)
    page = text_of(put_right(client, person, episode, date(2026, 2, 2), reason).text)
    assert says in page
    assert start_of(fetch, episode) == TODAY


def test_the_change_is_kept_with_its_reason(client, sign_in_as, opened_today, fetch):
    worker, person, episode = opened_today
    sign_in_as(user=worker)
    response = put_right(client, person, episode, date(2026, 2, 2))
    assert response.status_code == 303
    assert start_of(fetch, episode) == date(2026, 2, 2)
    logged = fetch(select(AuditEvent).where(AuditEvent.action == "episode.start_corrected"))
    assert logged[0].detail == {"from": "2026-03-03", "to": "2026-02-02"}
    assert logged[0].client_id == person.id and logged[0].created_by_id == worker.id
    lines = fetch(select(TimelineEntry).where(TimelineEntry.kind == "episode_start_corrected"))
    assert lines[0].summary == (
        f"Episode start put right: 2 February 2026 (was 3 March 2026). Why: {REASON}"
    )
    page = text_of(client.get(response.headers["Location"]).text)
    assert "Start date put right." in page and "Episode from Monday 2 February" in page


def test_the_timeline_shows_the_corrected_start(client, sign_in_as, opened_today):
    worker, person, episode = opened_today
    sign_in_as(user=worker)
    put_right(client, person, episode, date(2026, 2, 2))
    html = client.get(f"/clients/{person.id}").text
    items = [text_of(li) for li in re.findall(r"<li>.*?</li>", html, flags=re.S)]
    opened = next(i for i in items if i.endswith("Episode of care opened"))
    assert opened.startswith("Monday 2 February")
    assert "12:00am" not in opened  # the day it began, not a made-up time
    assert "Open since Monday 2 February" in text_of(html)
    # newest first: the correction today, then the episode's start a month back
    kinds = [i for i in items if "Episode " in i]
    assert kinds[0].endswith(REASON) and kinds[-1].endswith("Episode of care opened")


def test_the_national_export_follows(
    client, sign_in_as, opened_today, db_session, app, monkeypatch
):
    monkeypatch.setitem(app.config, "PEERDESK_ESTABLISHMENT_ID", "810100001")
    worker, person, episode = opened_today
    sign_in_as(user=worker)
    put_right(client, person, episode, date(2025, 12, 1))
    row = db_session.get(Episode, episode.id)
    db_session.refresh(row)
    row.closed_on, row.reason_for_cessation = TODAY, 1
    db_session.commit()
    sign_in_as("senior")
    response = client.get("/reports/national.csv", query_string={"year": "2025"})
    rows = list(csv.reader(io.StringIO(response.text)))
    assert rows[1][export.COLUMN_KEYS.index("commenced")] == "01122025"


def test_the_three_month_rule_follows(client, sign_in_as, opened_today, app):
    from app.care.caseload import people_to_close

    worker, person, episode = opened_today
    with app.app_context():
        assert [r.client.id for r in people_to_close(worker.id)] == []
    sign_in_as(user=worker)
    put_right(client, person, episode, date(2025, 11, 1))  # four months back, no contact since
    with app.app_context():
        assert [r.client.id for r in people_to_close(worker.id)] == [person.id]


def test_a_worker_without_access_gets_404(client, sign_in_as, opened_today, fetch):
    _worker, person, episode = opened_today
    sign_in_as("worker")
    assert client.get(f"/clients/{person.id}/episodes/{episode.id}").status_code == 404
    assert put_right(client, person, episode, date(2026, 2, 2)).status_code == 404
    assert start_of(fetch, episode) == TODAY


def test_a_past_date_of_contact_puts_the_opening_on_that_day(app, db_session, frozen_clock, fetch):
    from app.clients import episodes
    from app.extensions import db

    person = make_client(db_session, contact_date=date(2026, 2, 2))
    with app.test_request_context():
        episodes.open_episode(db.session.get(type(person), person.id))
        db.session.commit()
    [line] = fetch(select(TimelineEntry).where(TimelineEntry.kind == "episode_opened"))
    assert line.occurred_at.astimezone(clock.CANBERRA).date() == date(2026, 2, 2)
