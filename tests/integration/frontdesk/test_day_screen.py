"""The drop-in day screen: tally buttons, taps with and without JavaScript, undo, desks."""

import re

import pytest
from sqlalchemy import func, select

from app.models import TallyEvent
from tests.factories.frontdesk import make_item, make_taps
from tests.integration.frontdesk.conftest import HTMX
from tests.pagecheck import text_of

KEY = "a-fresh-random-key-0001"


def total(fetch, item) -> int:
    return sum(e.delta for e in fetch(select(TallyEvent).where(TallyEvent.item_id == item.id)))


def tap(client, item, key=KEY, change="add", headers=None, **data):
    return client.post(
        "/frontdesk/taps",
        data={"item": str(item.id), "change": change, "key": key, **data},
        headers=headers or {},
    )


@pytest.mark.parametrize("role", ["frontdesk", "worker", "senior", "manager"])
def test_every_staff_role_sees_the_day_screen(client, sign_in_as, items, role):
    sign_in_as(role)
    response = client.get("/frontdesk")
    assert response.status_code == 200
    page = text_of(response.get_data(as_text=True))
    assert "Drop-in day" in page
    for words in ("People", "Food and drink", "Visitors", "Meals", "Fit packs", "Take one off"):
        assert words in page
    assert "Recent taps at this desk" in page
    assert "Who is in today" in page
    assert ("Change what we count" in page) == (role == "manager")


def test_a_trainee_gets_not_found(client, sign_in_as, items):
    sign_in_as("trainee")
    assert client.get("/frontdesk").status_code == 404
    assert tap(client, items["meals"]).status_code == 404


def test_signed_out_goes_to_sign_in(client, items):
    response = client.get("/frontdesk")
    assert response.status_code == 302
    assert "/sign-in" in response.headers["Location"]


def test_each_button_form_carries_its_own_key(client, sign_in_as, items):
    sign_in_as("frontdesk")
    html = client.get("/frontdesk").get_data(as_text=True)
    keys = re.findall(r'name="key" value="([^"]+)"', html)
    assert len(keys) == 2 * len(items)  # add one, and take one off, for each item
    assert len(set(keys)) == len(keys)


def test_a_tap_without_javascript_adds_one_and_comes_back(client, sign_in_as, items, fetch):
    sign_in_as("frontdesk")
    response = tap(client, items["meals"])
    assert response.status_code == 303
    assert response.headers["Location"].endswith(f"/frontdesk#item-{items['meals'].id}")
    page = text_of(client.get("/frontdesk").get_data(as_text=True))
    assert "Added one to Meals. 1 today." in page
    assert total(fetch, items["meals"]) == 1


def test_a_tap_with_htmx_sends_back_only_what_changed(client, sign_in_as, items, fetch):
    sign_in_as("frontdesk")
    response = tap(client, items["meals"], headers=HTMX)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert len(response.data) < 5000
    # Only the numbers change: the buttons stay where they are (and keep the focus).
    assert f'id="item-{items["meals"].id}"' not in html
    assert f'id="count-{items["meals"].id}" data-hx-swap-oob="true">1<' in html
    assert f'id="count-{items["visitors"].id}" data-hx-swap-oob="true">0<' in html
    assert 'data-hx-swap-oob="innerHTML:#status">Added one to Meals. 1 today.' in html
    assert 'id="recent-taps"' in html
    assert "<h1" not in html
    assert total(fetch, items["meals"]) == 1


def test_a_replayed_key_counts_once(client, sign_in_as, items, fetch):
    sign_in_as("frontdesk")
    assert tap(client, items["meals"], headers=HTMX).status_code == 200
    again = tap(client, items["meals"], headers=HTMX)
    assert again.status_code == 200
    assert "counted already" in again.get_data(as_text=True)
    assert tap(client, items["meals"]).status_code == 303  # and without JavaScript
    assert total(fetch, items["meals"]) == 1
    assert len(fetch(select(TallyEvent))) == 1


def test_a_key_used_for_one_item_adds_nothing_to_another(client, sign_in_as, items, fetch):
    sign_in_as("frontdesk")
    tap(client, items["meals"])
    tap(client, items["packs"])
    assert total(fetch, items["meals"]) == 1
    assert total(fetch, items["packs"]) == 0


def test_take_one_off(client, sign_in_as, items, fetch):
    sign_in_as("frontdesk")
    tap(client, items["meals"], key="first-key-for-meals-01")
    tap(client, items["meals"], key="second-key-for-meals-02")
    response = tap(client, items["meals"], key="take-off-key-meals-03", change="off", headers=HTMX)
    assert "Took one off Meals. 1 today." in response.get_data(as_text=True)
    assert total(fetch, items["meals"]) == 1


def test_take_one_off_at_zero_is_refused_and_nothing_is_stored(client, sign_in_as, items, fetch):
    sign_in_as("frontdesk")
    response = tap(client, items["meals"], change="off", headers=HTMX)
    assert response.status_code == 200
    assert "Meals is at 0, so there is none to take off." in response.get_data(as_text=True)
    response = tap(client, items["meals"], change="off")
    assert response.status_code == 303
    assert "none to take off" in text_of(client.get("/frontdesk").get_data(as_text=True))
    assert fetch(select(TallyEvent)) == []


def test_an_unknown_item_is_not_found(client, sign_in_as, items, fetch):
    sign_in_as("frontdesk")
    assert (
        client.post(
            "/frontdesk/taps", data={"item": "99999", "change": "add", "key": KEY}
        ).status_code
        == 404
    )
    assert (
        client.post(
            "/frontdesk/taps", data={"item": "meals", "change": "add", "key": KEY}
        ).status_code
        == 404
    )
    response = client.post(
        "/frontdesk/taps", data={"item": "99999", "change": "add", "key": KEY}, headers=HTMX
    )
    assert response.status_code == 404
    assert response.headers["HX-Retarget"] == "#status"
    assert fetch(select(TallyEvent)) == []


def test_a_retired_item_is_refused_and_leaves_the_screen(client, sign_in_as, db_session, fetch):
    sign_in_as("frontdesk")
    old = make_item(db_session, "Clothes given", "other", icon="shirt", active=False)
    response = tap(client, old, headers=HTMX)
    html = response.get_data(as_text=True)
    assert "Clothes given is not counted any more." in html
    assert f'<li id="item-{old.id}" data-hx-swap-oob="delete">' in html
    tap(client, old)
    assert fetch(select(TallyEvent)) == []
    assert f'id="item-{old.id}"' not in client.get("/frontdesk").get_data(as_text=True)


@pytest.mark.parametrize(
    "data",
    [
        {"change": "add", "key": "short"},
        {"change": "add", "key": "has spaces in the key!!"},
        {"change": "add"},
        {"change": "double", "key": KEY},
        {"key": KEY},
    ],
)
def test_a_tap_that_is_not_well_formed_is_refused(client, sign_in_as, items, fetch, data):
    sign_in_as("frontdesk")
    response = client.post("/frontdesk/taps", data={"item": str(items["meals"].id), **data})
    assert response.status_code == 400
    assert fetch(select(TallyEvent)) == []


def test_a_tap_without_the_csrf_token_is_refused(client, sign_in_as, items, fetch):
    sign_in_as("frontdesk")
    assert tap(client, items["meals"]).status_code == 303
    response = client.post(
        "/frontdesk/taps",
        data={"item": str(items["meals"].id), "change": "add", "key": "another-key-000000001"},
        csrf=False,
    )
    assert response.status_code == 400
    assert "That form was open too long" in response.get_data(as_text=True)
    assert total(fetch, items["meals"]) == 1


def test_a_day_in_the_future_is_refused(client, sign_in_as, items, fetch, frozen_clock):
    sign_in_as("manager")
    response = tap(client, items["meals"], day="2026-03-04")
    assert response.status_code == 400
    assert "has not happened yet" in response.get_data(as_text=True)
    assert tap(client, items["meals"], day="not-a-date").status_code == 400
    assert fetch(select(TallyEvent)) == []


def test_only_a_manager_can_count_an_earlier_day(client, sign_in_as, items, fetch, frozen_clock):
    sign_in_as("frontdesk")
    assert tap(client, items["meals"], day="2026-03-02").status_code == 404
    assert fetch(select(TallyEvent)) == []


def test_a_manager_fixes_an_earlier_day(client, sign_in_as, items, fetch, frozen_clock):
    sign_in_as("manager")
    response = tap(client, items["meals"], day="2026-03-02")
    assert response.status_code == 303
    assert "/frontdesk/summary?on-day=2&on-month=3&on-year=2026" in response.headers["Location"]
    [event] = fetch(select(TallyEvent))
    assert str(event.day) == "2026-03-02"
    assert event.desk is None


def test_recent_taps_show_this_desk_newest_first_with_undo(client, sign_in_as, items, fetch):
    sign_in_as("frontdesk")
    for n in range(12):
        tap(client, items["meals"] if n % 2 else items["packs"], key=f"recent-key-{n:04d}-abcdef")
    html = client.get("/frontdesk").get_data(as_text=True)
    recent = html[html.index('id="recent-taps"') :]
    assert recent.count('name="event"') == 10
    assert recent.index("Meals: added one") < recent.index("Fit packs: added one")


def test_a_taps_answer_folds_older_taps_and_names_each_undo_apart(
    client, sign_in_as, items, frozen_clock
):
    """The list a tap sends back is the page's list: five in view, five folded away, and
    taps of the same thing in the same minute told apart by their number in the list."""
    sign_in_as("frontdesk")
    for n in range(12):
        item = items["meals"] if n % 2 else items["packs"]
        answer = tap(client, item, key=f"fold-key-{n:04d}-abcdefgh", headers=HTMX)
        assert answer.status_code == 200
    html = answer.get_data(as_text=True)
    recent = html[html.index('id="recent-taps"') :]
    in_view, folded = recent.split("<details", 1)
    assert in_view.count('name="event"') == 5
    assert folded.count('name="event"') == 5
    assert "See 5 more" in folded and 'start="6"' in folded
    names = re.findall(r'aria-label="(Undo: [^"]+)"', recent)
    assert len(set(names)) == 10
    assert names[0].endswith("(number 1 in the list)") and "added one to Meals" in names[0]
    page = client.get("/frontdesk").get_data(as_text=True)
    assert re.findall(r'aria-label="(Undo: [^"]+)"', page) == names


def test_undo_takes_a_tap_back_once(client, sign_in_as, items, fetch):
    sign_in_as("frontdesk")
    tap(client, items["meals"], key="undo-me-key-000000001")
    tap(client, items["meals"], key="keep-me-key-000000002")
    [first, _] = fetch(select(TallyEvent).order_by(TallyEvent.id))
    response = client.post("/frontdesk/taps/undo", data={"event": str(first.id)}, headers=HTMX)
    html = response.get_data(as_text=True)
    assert "Undone. Meals: 1 today." in html
    assert f'id="undo-{first.id}" tabindex="-1">Undone<' in html
    again = client.post("/frontdesk/taps/undo", data={"event": str(first.id)}, headers=HTMX)
    assert "undone already" in again.get_data(as_text=True)
    assert total(fetch, items["meals"]) == 1
    undo_events = fetch(select(TallyEvent).where(TallyEvent.undoes_id == first.id))
    assert len(undo_events) == 1 and undo_events[0].delta == -1


def test_undo_of_take_one_off_puts_it_back(client, sign_in_as, items, fetch):
    sign_in_as("frontdesk")
    tap(client, items["meals"], key="add-key-0000000000001")
    tap(client, items["meals"], key="off-key-0000000000002", change="off")
    off = fetch(select(TallyEvent).where(TallyEvent.delta == -1))[0]
    response = client.post("/frontdesk/taps/undo", data={"event": str(off.id)})
    assert response.status_code == 303
    assert total(fetch, items["meals"]) == 1


def test_undo_cannot_go_below_zero(client, sign_in_as, items, fetch):
    sign_in_as("frontdesk")
    tap(client, items["meals"], key="add-key-0000000000001")
    tap(client, items["meals"], key="off-key-0000000000002", change="off")
    first = fetch(select(TallyEvent).where(TallyEvent.delta == 1))[0]
    response = client.post("/frontdesk/taps/undo", data={"event": str(first.id)}, headers=HTMX)
    assert "cannot be undone" in response.get_data(as_text=True)
    assert total(fetch, items["meals"]) == 0
    assert len(fetch(select(TallyEvent))) == 2


def test_undo_of_something_else_is_not_found(
    client, sign_in_as, items, db_session, fetch, frozen_clock
):
    sign_in_as("frontdesk")
    from datetime import date

    [yesterday] = make_taps(db_session, items["meals"], day=date(2026, 3, 2))
    assert client.post("/frontdesk/taps/undo", data={"event": str(yesterday.id)}).status_code == 404
    assert client.post("/frontdesk/taps/undo", data={"event": "99999"}).status_code == 404
    assert client.post("/frontdesk/taps/undo", data={"event": "x"}).status_code == 404
    tap(client, items["meals"])
    [today] = fetch(select(TallyEvent).where(TallyEvent.day == date(2026, 3, 3)))
    client.post("/frontdesk/taps/undo", data={"event": str(today.id)})
    undo = fetch(select(TallyEvent).where(TallyEvent.undoes_id == today.id))[0]
    assert client.post("/frontdesk/taps/undo", data={"event": str(undo.id)}).status_code == 404


def test_two_desks_keep_their_own_recent_taps(client, sign_in_as, items, fetch):
    sign_in_as("frontdesk")
    tap(client, items["meals"], key="desk-one-key-00000001")
    response = client.post("/frontdesk/desk", data={"desk": "2"})
    assert response.status_code == 303
    assert "peerdesk_desk=2" in response.headers["Set-Cookie"]
    page = text_of(client.get("/frontdesk").get_data(as_text=True))
    assert "This screen is desk two" in page
    assert "No taps at this desk yet today." in page
    tap(client, items["packs"], key="desk-two-key-00000002")
    desks = {e.item_id: e.desk for e in fetch(select(TallyEvent))}
    assert desks == {items["meals"].id: 1, items["packs"].id: 2}
    assert client.post("/frontdesk/desk", data={"desk": "7"}).status_code == 400


def test_counts_on_the_screen_are_todays_sums(client, sign_in_as, items, db_session, frozen_clock):
    from datetime import date

    make_taps(db_session, items["meals"], 5)
    make_taps(db_session, items["meals"], 1, delta=-1)
    make_taps(db_session, items["meals"], 9, day=date(2026, 3, 2))
    sign_in_as("frontdesk")
    html = client.get("/frontdesk").get_data(as_text=True)
    assert f'id="count-{items["meals"].id}">4<' in html


def test_the_total_is_the_sum_of_events(db_session, items, fetch, app):
    make_taps(db_session, items["meals"], 3)
    with app.app_context():
        from app.frontdesk.tally import total_for

        assert total_for(items["meals"].id, fetch(select(TallyEvent))[0].day) == 3
    assert db_session.scalar(select(func.count()).select_from(TallyEvent)) == 3
