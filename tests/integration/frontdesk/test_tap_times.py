"""A tap waits on the screen while the network is down, then is sent with the moment it was
tapped: the server files it under that moment (its Canberra day), refuses a time in the
future or more than a day old, and counts a key sent twice once. Every desk asks for
/frontdesk/totals every few seconds to show the same numbers."""

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from app.models import TallyEvent
from tests.factories import make_user
from tests.factories.frontdesk import make_handover, make_taps
from tests.integration.frontdesk.conftest import HTMX
from tests.pagecheck import text_of

KEY = "0b6f2c1e-8d4a-4f7e-9a51-3c2d1e0f9a8b"  # what crypto.randomUUID() makes


def tap(client, item, tapped_at: datetime | str, key=KEY, change="add"):
    when = tapped_at if isinstance(tapped_at, str) else tapped_at.isoformat()
    return client.post(
        "/frontdesk/taps",
        data={"item": str(item.id), "change": change, "key": key, "tapped_at": when},
        headers=HTMX,
    )


def iso_z(moment: datetime) -> str:
    """As a browser writes it: new Date().toISOString()."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def test_a_tap_is_filed_under_the_moment_it_was_tapped(
    client, sign_in_as, items, fetch, frozen_clock
):
    sign_in_as("frontdesk")
    moment = frozen_clock() - timedelta(minutes=20)
    response = tap(client, items["meals"], iso_z(moment))
    assert response.status_code == 200
    assert "Added one to Meals. 1 today." in response.get_data(as_text=True)
    [event] = fetch(select(TallyEvent))
    assert event.created_at.replace(tzinfo=UTC) == moment
    assert (event.day, event.desk) == (date(2026, 3, 3), 1)


def test_a_tap_at_23_59_sent_after_midnight_counts_for_yesterday(
    client, sign_in_as, items, fetch, frozen_clock
):
    # 12:05am on Tuesday 3 March in Canberra (summer time, UTC+11); tapped at 11:59pm Monday.
    frozen_clock.moment = datetime(2026, 3, 2, 13, 5, tzinfo=UTC)
    sign_in_as("frontdesk")
    response = tap(client, items["meals"], datetime(2026, 3, 2, 12, 59, tzinfo=UTC))
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "Added one to Meals. 1 on 2 March." in html
    # The screen shows today's numbers: the tap is not in them.
    assert f'id="count-{items["meals"].id}" data-hx-swap-oob="true">0<' in html
    [event] = fetch(select(TallyEvent))
    assert event.day == date(2026, 3, 2)
    assert event.desk == 1


@pytest.mark.parametrize(
    ("ahead", "counted"), [(timedelta(seconds=50), True), (timedelta(minutes=2), False)]
)
def test_a_tap_from_the_future_is_refused(
    client, sign_in_as, items, fetch, frozen_clock, ahead, counted
):
    """A screen's clock may be a little ahead (up to a minute), not more."""
    sign_in_as("frontdesk")
    response = tap(client, items["meals"], iso_z(frozen_clock() + ahead))
    if counted:
        assert response.status_code == 200
        [event] = fetch(select(TallyEvent))
        assert event.created_at.replace(tzinfo=UTC) == frozen_clock()  # never after now
    else:
        assert response.status_code == 400
        assert "That tap is dated in the future" in response.get_data(as_text=True)
        assert fetch(select(TallyEvent)) == []


def test_a_tap_more_than_a_day_old_is_refused(client, sign_in_as, items, fetch, frozen_clock):
    sign_in_as("frontdesk")
    response = tap(client, items["meals"], frozen_clock() - timedelta(hours=24, minutes=1))
    assert response.status_code == 400
    assert "more than a day old" in response.get_data(as_text=True)
    # Without JavaScript too: the plain error page.
    response = client.post(
        "/frontdesk/taps",
        data={
            "item": str(items["meals"].id),
            "change": "add",
            "key": KEY,
            "tapped_at": (frozen_clock() - timedelta(days=2)).isoformat(),
        },
    )
    assert response.status_code == 400
    assert "more than a day old" in text_of(response.get_data(as_text=True))
    assert fetch(select(TallyEvent)) == []


@pytest.mark.parametrize(
    "when", ["yesterday", "2026-03-03T01:00:00", "2026-13-03T01:00:00Z", "1" * 50]
)
def test_a_tap_time_that_cannot_be_used_is_refused(client, sign_in_as, items, fetch, when):
    sign_in_as("frontdesk")
    response = tap(client, items["meals"], when)
    assert response.status_code == 400
    assert fetch(select(TallyEvent)) == []


def test_the_same_key_sent_twice_counts_once(client, sign_in_as, items, fetch, frozen_clock):
    """A retry after the answer was lost on the way back."""
    sign_in_as("frontdesk")
    moment = iso_z(frozen_clock() - timedelta(minutes=3))
    assert tap(client, items["meals"], moment).status_code == 200
    again = tap(client, items["meals"], moment)
    assert again.status_code == 200
    assert "counted already" in again.get_data(as_text=True)
    assert len(fetch(select(TallyEvent))) == 1
    assert tap(client, items["meals"], moment, key=KEY.replace("0b6f", "1c70")).status_code == 200
    assert len(fetch(select(TallyEvent))) == 2


def test_totals_show_todays_counts_and_who_is_waiting(
    client, sign_in_as, items, db_session, frozen_clock
):
    make_taps(db_session, items["meals"], 4)
    make_taps(db_session, items["meals"], 1, delta=-1)
    make_taps(db_session, items["packs"], 7, day=date(2026, 3, 2))  # yesterday: not today's
    someone = make_user(db_session, "frontdesk")
    make_handover(db_session, someone, name="Sam")
    make_handover(db_session, someone, name="Jo")
    make_handover(db_session, someone, name="Lee", status="picked_up")
    sign_in_as("worker")
    response = client.get("/frontdesk/totals", headers=HTMX)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert f'id="count-{items["meals"].id}" data-hx-swap-oob="true">3<' in html
    assert f'id="count-{items["packs"].id}" data-hx-swap-oob="true">0<' in html
    assert f'id="count-{items["visitors"].id}" data-hx-swap-oob="true">0<' in html
    assert 'id="waiting-count" data-hx-swap-oob="true">(2 waiting)<' in html
    assert 'data-day="2026-03-03"' in html
    assert "<h1" not in html and len(response.data) < 2000
    # Not asked by htmx (a person typed the address): the day screen.
    assert client.get("/frontdesk/totals").status_code == 303


def test_totals_for_a_volunteer_count_the_people_they_handed_over(
    client, sign_in_as, items, db_session, frozen_clock
):
    volunteer = sign_in_as("frontdesk")
    make_handover(db_session, volunteer, name="Sam")
    make_handover(db_session, make_user(db_session, "frontdesk"), name="Jo")
    html = client.get("/frontdesk/totals", headers=HTMX).get_data(as_text=True)
    assert ">(1 waiting)<" in html
    page = text_of(client.get("/frontdesk").get_data(as_text=True))
    assert "Handovers (1 waiting)" in page


def test_totals_take_two_queries(app, client, sign_in_as, items, db_session):
    from tests.query_counter import counting_queries

    sign_in_as("frontdesk")
    client.get("/frontdesk/totals", headers=HTMX)
    with counting_queries(app) as queries:
        assert client.get("/frontdesk/totals", headers=HTMX).status_code == 200
    ours = [q for q in queries if "tally" in q.lower() or "handover" in q.lower()]
    assert len(ours) == 2, ours


def test_a_trainee_cannot_see_the_totals(client, sign_in_as, items):
    sign_in_as("trainee")
    assert client.get("/frontdesk").status_code == 404
    assert client.get("/frontdesk/totals", headers=HTMX).status_code == 404


def test_signed_out_totals_go_to_sign_in(client, items):
    response = client.get("/frontdesk/totals", headers=HTMX)
    assert response.status_code == 302
    assert "/sign-in" in response.headers["Location"]
