"""The word game (and its list without JavaScript), and editing the programme."""

from sqlalchemy import select

from app import glossary
from app.models import LearningItem, Level, Progress
from tests.factories import make_user, training
from tests.pagecheck import text_of
from tests.versions import version_at


def test_the_word_game_page_has_the_game_and_the_list(client, sign_in_as, programme):
    sign_in_as("trainee")
    module = training.module(programme, 1, 1)
    html = client.get(f"/training/modules/{module.id}/words").get_data(as_text=True)
    assert 'id="match-game"' in html and "js/training.js" in html
    assert 'id="match-fallback"' in html
    page = text_of(html)
    assert "Only you see how you did." in page
    for word in module.words:
        assert f"What does {word} mean?" in page
        assert glossary.meaning(word) in page


def test_the_list_answers_right_and_wrong_without_keeping_a_score(
    client, sign_in_as, programme, app
):
    sign_in_as("trainee")
    module = training.module(programme, 1, 1)
    url = f"/training/modules/{module.id}/words"
    right = text_of(client.get(f"{url}?word=2&meaning=2").get_data(as_text=True))
    assert "Yes, that is right." in right
    wrong = text_of(client.get(f"{url}?word=2&meaning=3").get_data(as_text=True))
    assert "Not quite. Have another go." in wrong
    # Nonsense is simply ignored.
    assert client.get(f"{url}?word=99&meaning=x").status_code == 200


def test_programme_page_for_trainers_only(client, sign_in_as, programme):
    sign_in_as("senior")
    page = text_of(client.get("/training/programme").get_data(as_text=True))
    assert "The training programme" in page
    assert "Level 5: Further employment / education" in page
    assert "Only the manager can change the words." in page
    for role in ("trainee", "frontdesk", "worker"):
        sign_in_as(role)
        assert client.get("/training/programme").status_code == 404


def test_loading_the_programme_from_an_empty_database(client, sign_in_as, fetch):
    sign_in_as("manager")
    page = text_of(client.get("/training/programme").get_data(as_text=True))
    assert "The programme is empty." in page
    assert client.post("/training/programme/load").status_code == 303
    assert len(fetch(select(Level))) == 5
    client.post("/training/programme/load")  # a second time adds nothing
    assert len(fetch(select(Level))) == 5


def test_add_change_reorder_and_retire_an_item(client, sign_in_as, programme, fetch):
    sign_in_as("senior")
    module = training.module(programme, 1, 2)
    url = f"/training/programme/modules/{module.id}"
    assert "Change: Module 2: The front desk" in text_of(client.get(url).get_data(as_text=True))
    assert client.get(f"{url}/items/new").status_code == 200
    response = client.post(
        f"{url}/items/new",
        data={
            "kind": "watch",
            "title": "Video: the daily sheet",
            "body": "Five minutes.",
            "link": "https://example.org/sheet",
            "minutes": "5",
        },
    )
    assert response.status_code == 303
    [new] = fetch(select(LearningItem).where(LearningItem.title == "Video: the daily sheet"))
    assert (new.kind, new.minutes, new.link, new.position) == (
        "watch",
        5,
        "https://example.org/sheet",
        20,
    )

    client.post(f"/training/programme/items/{new.id}/up")
    [new] = fetch(select(LearningItem).where(LearningItem.id == new.id))
    assert new.position == 19

    item_url = f"/training/programme/items/{new.id}"
    response = client.post(
        item_url,
        data={
            "kind": "read",
            "title": "The daily sheet",
            "body": "",
            "link": "",
            "minutes": "",
            "version": version_at(client, item_url),
        },
    )
    assert response.status_code == 303
    [new] = fetch(select(LearningItem).where(LearningItem.id == new.id))
    assert (new.kind, new.title, new.minutes, new.link) == ("read", "The daily sheet", None, None)


def test_item_form_messages(client, sign_in_as, programme):
    sign_in_as("senior")
    module = training.module(programme, 1, 2)
    html = client.post(
        f"/training/programme/modules/{module.id}/items/new",
        data={"kind": "nope", "title": " ", "link": "ftp:x", "minutes": "ten"},
    ).get_data(as_text=True)
    assert "Choose one of the answers" in html
    assert "Enter a title" in html
    assert "Start the link with https://" in html
    assert "Enter a number of minutes, like 30" in html


def test_a_retired_item_keeps_what_people_did(client, sign_in_as, programme, db_session, fetch):
    jordan = make_user(db_session, "trainee")
    module = training.module(db_session, 1, 1)
    first = training.items(db_session, module)[0]
    training.mark_done(db_session, jordan, [first])
    sign_in_as("senior")
    assert client.post(f"/training/programme/items/{first.id}/retire").status_code == 303
    [row] = fetch(select(LearningItem).where(LearningItem.id == first.id))
    assert row.retired_at is not None
    assert len(fetch(select(Progress))) == 1
    # The trainee no longer sees it; the trainer still sees it was done.
    page = text_of(
        client.get(f"/training/people/{jordan.id}/modules/{module.id}").get_data(as_text=True)
    )
    assert "Our code of conduct" in page and "No longer in the programme" in page
    assert "0 of 19 done" in page
    client.post(f"/training/programme/items/{first.id}/restore")
    assert fetch(select(LearningItem).where(LearningItem.id == first.id))[0].retired_at is None


def test_changing_a_module(client, sign_in_as, programme, fetch):
    sign_in_as("manager")
    module = training.module(programme, 2, 2)
    url = f"/training/programme/modules/{module.id}"
    response = client.post(
        url,
        data={
            "title": "Module 4: About us",
            "summary": "Who we are.",
            "version": version_at(client, url),
        },
    )
    assert response.status_code == 303
    page = text_of(client.get("/training/programme").get_data(as_text=True))
    assert "Module 4: About us" in page


def test_trainees_cannot_change_the_programme(client, sign_in_as, programme):
    sign_in_as("trainee")
    item = training.items(programme, training.module(programme, 1, 1))[0]
    assert client.post(f"/training/programme/items/{item.id}/retire").status_code == 404
    assert client.get(f"/training/programme/items/{item.id}").status_code == 404
