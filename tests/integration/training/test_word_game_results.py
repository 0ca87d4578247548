"""A finished word game keeps its score and marks the module's word game item done."""

from sqlalchemy import select

from app.models import LearningItem, Progress, WordGameResult
from tests.factories import training
from tests.pagecheck import text_of


def words_item(session, module):
    return session.scalars(
        select(LearningItem).where(
            LearningItem.module_id == module.id, LearningItem.special == "words"
        )
    ).one()


def test_a_finished_game_is_kept_marks_the_item_done_and_shows_the_best(
    client, sign_in_as, programme, fetch, frozen_clock
):
    me = sign_in_as("trainee")
    module = training.module(programme, 1, 1)
    item = words_item(programme, module)
    out_of = len(module.words)
    url = f"/training/modules/{module.id}/words"
    assert "Your best" not in text_of(client.get(url).get_data(as_text=True))

    response = client.post(f"{url}/result", data={"score": str(out_of - 1)})
    assert response.status_code == 303
    [result] = fetch(select(WordGameResult))
    assert (result.user_id, result.module_id, result.score, result.out_of) == (
        me.id,
        module.id,
        out_of - 1,
        out_of,
    )
    [done] = fetch(select(Progress).where(Progress.item_id == item.id))
    assert done.user_id == me.id and done.done_at is not None
    page = text_of(client.get(url).get_data(as_text=True))
    assert f"Your score is kept: {out_of - 1} of {out_of}." in page
    assert f"Your best: {out_of - 1} of {out_of}" in page

    client.post(f"{url}/result", data={"score": "2"})  # a worse game keeps the best
    item_page = text_of(client.get(f"/training/items/{item.id}").get_data(as_text=True))
    assert f"Your best: {out_of - 1} of {out_of}" in item_page and "Done" in item_page
    assert len(fetch(select(WordGameResult))) == 2


def test_the_game_sends_its_score_with_htmx_and_gets_the_best_back(
    client, sign_in_as, programme, fetch
):
    sign_in_as("trainee")
    module = training.module(programme, 1, 1)
    out_of = len(module.words)
    response = client.post(
        f"/training/modules/{module.id}/words/result",
        data={"score": str(out_of)},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert 'id="word-best"' in html and f"Your best: {out_of} of {out_of}" in html
    assert "Marked as done: Play the word game." in html


def test_a_score_out_of_range_or_not_a_number_is_not_kept(client, sign_in_as, programme, fetch):
    sign_in_as("trainee")
    module = training.module(programme, 1, 1)
    url = f"/training/modules/{module.id}/words/result"
    for score in ("", "-1", "x", str(len(module.words) + 1), "²"):
        response = client.post(url, data={"score": score})
        assert response.status_code == 303
    assert fetch(select(WordGameResult)) == [] and fetch(select(Progress)) == []
    assert (
        client.post("/training/modules/999999/words/result", data={"score": "1"}).status_code == 404
    )


def test_a_game_in_a_level_not_reached_keeps_the_score_but_marks_nothing(
    client, sign_in_as, programme, fetch
):
    sign_in_as("trainee")
    later = training.module(programme, 2, 1)  # level 2: a trainee starts at level 1
    assert words_item(programme, later) is not None
    response = client.post(f"/training/modules/{later.id}/words/result", data={"score": "1"})
    assert response.status_code == 303
    assert len(fetch(select(WordGameResult))) == 1 and fetch(select(Progress)) == []
