"""Small things met on the walks (issue 17): the module's "N of M done" follows items marked
done with htmx, and a short shift says its minutes, not "0 hours"."""

from sqlalchemy import select

from app.models import Progress, Shift
from tests.factories import training
from tests.pagecheck import text_of


def mark(client, item, way: str, back: str):
    return client.post(
        f"/training/items/{item.id}/{way}",
        data={"back": back},
        headers={"HX-Request": "true", "HX-Target": f"item-{item.id}"},
    )


def test_the_module_count_changes_as_items_are_marked_done(client, sign_in_as, programme, fetch):
    sign_in_as("trainee")
    module = training.module(programme, 1, 1)
    first, second = training.items(programme, module)[:2]
    html = client.get(f"/training/modules/{module.id}").get_data(as_text=True)
    assert f'id="module-{module.id}-count"' in html and "0 of 20 done" in text_of(html)

    answer = mark(client, first, "done", "module").get_data(as_text=True)
    assert f'<span class="count" id="module-{module.id}-count" data-hx-swap-oob="true">' in answer
    assert "1 of 20 done" in text_of(answer)
    answer = mark(client, second, "done", "path").get_data(as_text=True)
    assert "2 of 20 done" in text_of(answer)
    answer = mark(client, first, "not-done", "module").get_data(as_text=True)
    assert "1 of 20 done" in text_of(answer)
    assert len(fetch(select(Progress).where(Progress.done_at.is_not(None)))) == 1
    # The item's own page has no count to change: none is sent.
    answer = mark(client, first, "done", "item").get_data(as_text=True)
    assert 'data-hx-swap-oob="true"' not in answer
    # The path page shows the same count, with the same id, for htmx to change.
    html = client.get("/training/").get_data(as_text=True)
    assert f'id="module-{module.id}-count"' in html and "2 of 20 done" in text_of(html)


def test_a_short_shift_says_its_minutes(client, sign_in_as, fetch, frozen_clock):
    me = sign_in_as("frontdesk")
    client.post("/frontdesk/shifts/start")
    frozen_clock.advance(minutes=25)
    sign_in_as(user=me)
    client.post("/frontdesk/shifts/end")
    [shift] = fetch(select(Shift))
    assert shift.ended_at is not None
    page = text_of(client.get("/frontdesk").get_data(as_text=True))
    assert "Shift ended: 25 minutes. Thank you!" in page
    assert "0 hours" not in page


def test_a_shift_of_seconds_says_less_than_a_minute(client, sign_in_as, fetch, frozen_clock):
    me = sign_in_as("frontdesk")
    client.post("/frontdesk/shifts/start")
    frozen_clock.advance(seconds=20)
    sign_in_as(user=me)
    client.post("/frontdesk/shifts/end")
    page = text_of(client.get("/frontdesk").get_data(as_text=True))
    assert "Shift ended: less than a minute. Thank you!" in page
