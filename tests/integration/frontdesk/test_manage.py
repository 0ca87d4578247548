"""The manager edits what is counted and the daily tasks; everyone ticks the tasks."""

import pytest
from sqlalchemy import select

from app.models import DailyTask, DailyTaskTick, TallyItem
from tests.factories.frontdesk import make_item, make_taps, make_task
from tests.integration.frontdesk.conftest import HTMX
from tests.pagecheck import text_of
from tests.versions import version_at

MANAGER_PAGES = ["/frontdesk/items", "/frontdesk/items/new", "/frontdesk/daily-tasks"]


@pytest.mark.parametrize("role", ["frontdesk", "trainee", "worker", "senior"])
def test_only_the_manager_edits_the_lists(client, sign_in_as, items, role):
    sign_in_as(role)
    for path in MANAGER_PAGES + [f"/frontdesk/items/{items['meals'].id}"]:
        assert client.get(path).status_code == 404, path
    assert client.post("/frontdesk/items/new", data={"label": "x"}).status_code == 404
    assert client.post(f"/frontdesk/items/{items['meals'].id}/retire").status_code == 404


def test_the_manager_sees_the_lists(client, sign_in_as, items):
    sign_in_as("manager")
    for path in MANAGER_PAGES + [f"/frontdesk/items/{items['meals'].id}"]:
        assert client.get(path).status_code == 200, path
    page = text_of(client.get("/frontdesk/items").get_data(as_text=True))
    assert "People Visitors" in page and "Food and drink Meals" in page


def test_add_a_thing_to_count(client, sign_in_as, items, fetch):
    sign_in_as("manager")
    response = client.post(
        "/frontdesk/items/new", data={"label": "Showers", "group": "other", "icon": "shower"}
    )
    assert response.status_code == 303
    added = fetch(select(TallyItem).where(TallyItem.label == "Showers"))[0]
    assert (added.group, added.icon, added.active) == ("other", "shower", True)
    assert "Showers" in text_of(client.get("/frontdesk").get_data(as_text=True))


def test_adding_needs_a_name_group_and_picture(client, sign_in_as, items, fetch):
    sign_in_as("manager")
    response = client.post("/frontdesk/items/new", data={"label": "", "icon": "rocket"})
    assert response.status_code == 200
    page = text_of(response.get_data(as_text=True))
    assert "Enter what is counted" in page
    assert "Choose a group" in page
    assert "Choose one of the answers" in page
    assert len(fetch(select(TallyItem))) == 3


def test_rename_and_regroup_keeps_the_history(client, sign_in_as, items, db_session, fetch):
    make_taps(db_session, items["meals"], 4)
    sign_in_as("manager")
    url = f"/frontdesk/items/{items['meals'].id}"
    response = client.post(
        url,
        data={
            "label": "Hot meals",
            "group": "other",
            "icon": "meal",
            "version": version_at(client, url),
        },
    )
    assert response.status_code == 303
    saved = fetch(select(TallyItem).where(TallyItem.id == items["meals"].id))[0]
    assert (saved.label, saved.group) == ("Hot meals", "other")
    html = client.get("/frontdesk").get_data(as_text=True)
    assert f'id="count-{saved.id}">4<' in html


def test_move_up_and_down_within_the_group(client, sign_in_as, db_session, fetch):
    first = make_item(db_session, "Fit packs", "nsp")
    second = make_item(db_session, "Sharps bins", "nsp")
    sign_in_as("manager")
    client.post(f"/frontdesk/items/{second.id}/move", data={"direction": "up"})
    order = [i.label for i in fetch(select(TallyItem).order_by(TallyItem.position))]
    assert order == ["Sharps bins", "Fit packs"]
    client.post(f"/frontdesk/items/{second.id}/move", data={"direction": "down"})
    order = [i.label for i in fetch(select(TallyItem).order_by(TallyItem.position))]
    assert order == ["Fit packs", "Sharps bins"]
    assert (
        client.post(f"/frontdesk/items/{first.id}/move", data={"direction": "sideways"}).status_code
        == 400
    )


def test_retire_and_bring_back(client, sign_in_as, items, db_session, fetch):
    make_taps(db_session, items["meals"], 2)
    sign_in_as("manager")
    client.post(f"/frontdesk/items/{items['meals'].id}/retire")
    assert fetch(select(TallyItem).where(TallyItem.id == items["meals"].id))[0].active is False
    html = client.get("/frontdesk").get_data(as_text=True)
    assert f'id="item-{items["meals"].id}"' not in html
    assert "Meals" in text_of(client.get("/frontdesk/items").get_data(as_text=True))
    client.post(f"/frontdesk/items/{items['meals'].id}/restore")
    html = client.get("/frontdesk").get_data(as_text=True)
    assert f'id="count-{items["meals"].id}">2<' in html


def test_the_usual_list_for_a_new_organisation(client, sign_in_as, fetch):
    sign_in_as("manager")
    assert "Start with the usual list" in text_of(client.get("/frontdesk/items").data.decode())
    client.post("/frontdesk/usual-lists")
    labels = [i.label for i in fetch(select(TallyItem))]
    assert "Visitors" in labels and "Naloxone kits" in labels and len(labels) == 12
    assert len(fetch(select(DailyTask))) == 6
    client.post("/frontdesk/usual-lists")  # twice adds nothing more
    assert len(fetch(select(TallyItem))) == 12


def test_daily_tasks_add_rename_move_retire(client, sign_in_as, fetch):
    sign_in_as("manager")
    response = client.post("/frontdesk/daily-tasks", data={"label": "Client area tidy"})
    assert response.status_code == 303
    client.post("/frontdesk/daily-tasks", data={"label": "Kitchenette has coffee"})
    response = client.post("/frontdesk/daily-tasks", data={"label": ""})
    assert "Enter the task" in text_of(response.get_data(as_text=True))
    tidy, coffee = fetch(select(DailyTask).order_by(DailyTask.id))
    client.post(f"/frontdesk/daily-tasks/{coffee.id}/move", data={"direction": "up"})
    assert [t.label for t in fetch(select(DailyTask).order_by(DailyTask.position))] == [
        "Kitchenette has coffee",
        "Client area tidy",
    ]
    url = f"/frontdesk/daily-tasks/{tidy.id}"
    client.post(
        url, data={"label": "Client area clean and tidy", "version": version_at(client, url)}
    )
    client.post(f"/frontdesk/daily-tasks/{coffee.id}/retire")
    html = client.get("/frontdesk").get_data(as_text=True)
    tasks = text_of(html[html.index('id="daily-tasks"') : html.index('id="in-today-heading"')])
    assert "Client area clean and tidy" in tasks and "Kitchenette has coffee" not in tasks


def test_ticking_and_unticking_is_kept(client, sign_in_as, db_session, fetch):
    task = make_task(db_session, "Client area tidy")
    me = sign_in_as("frontdesk", display_name="Kim Nguyen")
    response = client.post(f"/frontdesk/daily-tasks/{task.id}/tick", data={"ticked": "1"})
    assert response.status_code == 303
    page = text_of(client.get("/frontdesk").get_data(as_text=True))
    assert "Ticked by Kim Nguyen at" in page
    response = client.post(
        f"/frontdesk/daily-tasks/{task.id}/tick", data={"ticked": "1"}, headers=HTMX
    )  # a double tap changes nothing
    client.post(f"/frontdesk/daily-tasks/{task.id}/tick", data={"ticked": "0"}, headers=HTMX)
    ticks = fetch(select(DailyTaskTick).order_by(DailyTaskTick.id))
    assert [t.ticked for t in ticks] == [True, False]
    assert all(t.created_by_id == me.id for t in ticks)


def test_a_tick_with_htmx_sends_back_the_task(client, sign_in_as, db_session):
    task = make_task(db_session, "Client area tidy")
    sign_in_as("frontdesk")
    response = client.post(
        f"/frontdesk/daily-tasks/{task.id}/tick", data={"ticked": "1"}, headers=HTMX
    )
    html = response.get_data(as_text=True)
    assert f'id="task-{task.id}" data-hx-swap-oob="true"' in html
    assert 'aria-pressed="true"' in html
    assert "Ticked: Client area tidy." in html


def test_bad_ticks(client, sign_in_as, db_session, fetch):
    task = make_task(db_session, "Client area tidy")
    old = make_task(db_session, "Old job", active=False)
    sign_in_as("frontdesk")
    assert client.post("/frontdesk/daily-tasks/999/tick", data={"ticked": "1"}).status_code == 404
    assert (
        client.post(f"/frontdesk/daily-tasks/{task.id}/tick", data={"ticked": "yes"}).status_code
        == 400
    )
    client.post(f"/frontdesk/daily-tasks/{old.id}/tick", data={"ticked": "1"})
    assert "not on the list any more" in text_of(client.get("/frontdesk").data.decode())
    assert fetch(select(DailyTaskTick)) == []
