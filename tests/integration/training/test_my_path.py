"""A learner's own pages: my path, modules, items, marking done, reflections, levels."""

from sqlalchemy import select

from app.models import Progress, Reflection
from tests.factories import make_user, training
from tests.pagecheck import text_of


def test_a_stranger_is_sent_to_sign_in(client):
    response = client.get("/training/")
    assert response.status_code == 302
    assert "/sign-in" in response.headers["Location"]


def test_my_path_shows_the_five_steps_and_where_i_am(client, sign_in_as, programme):
    sign_in_as("trainee")
    html = client.get("/training/").get_data(as_text=True)
    page = text_of(html)
    assert "My training" in page
    for step in (
        "Trainee",
        "Volunteer",
        "Volunteer or casual worker",
        "Project work or consumer rep",
        "PTSS worker",
    ):
        assert step in page
    assert "You are here" in page
    assert 'aria-current="step"' in html
    assert "Level 1: Training" in page
    assert "0 of 20 done" in page  # module one, in plain counts
    assert "%" not in page
    assert "Now: Module 1: Our rules and you" in page
    assert "You can cover the front desk on your own for a few hours." in page
    assert "Level 2: Learn about harm reduction" in page  # what is next


def test_each_card_has_an_icon_a_kind_and_a_read_aloud_button(client, sign_in_as, programme):
    sign_in_as("trainee")
    module = training.module(programme, 1, 1)
    first = training.items(programme, module)[0]
    html = client.get(f"/training/modules/{module.id}").get_data(as_text=True)
    assert f'id="item-{first.id}"' in html
    assert f'data-read-aloud="item-{first.id}-text"' in html
    assert "icons/read.svg" in html and "icons/talk.svg" in html
    page = text_of(html)
    assert "Our code of conduct" in page
    assert "This takes about 20 minutes." in page
    assert "What the model of care says" in page


def test_marking_an_item_done_and_undoing_it(client, sign_in_as, programme, fetch):
    me = sign_in_as("trainee")
    module = training.module(programme, 1, 1)
    item = training.items(programme, module)[0]
    response = client.post(f"/training/items/{item.id}/done", data={"back": "module"})
    assert response.status_code == 303
    assert response.headers["Location"].endswith(f"/training/modules/{module.id}#item-{item.id}")
    [row] = fetch(select(Progress).where(Progress.user_id == me.id))
    assert row.done_at is not None
    page = text_of(client.get(f"/training/modules/{module.id}").get_data(as_text=True))
    assert "1 of 20 done" in page
    assert "Marked as done: Our code of conduct." in page

    client.post(f"/training/items/{item.id}/not-done", data={"back": "module"})
    [row] = fetch(select(Progress).where(Progress.user_id == me.id))
    assert row.done_at is None


def test_marking_done_with_htmx_gives_back_the_card(client, sign_in_as, programme):
    sign_in_as("trainee")
    item = training.items(programme, training.module(programme, 1, 1))[1]
    response = client.post(
        f"/training/items/{item.id}/done",
        data={"back": "path"},
        headers={"HX-Request": "true", "HX-Target": f"item-{item.id}"},
    )
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert html.strip().startswith(f'<li class="item-card item-card-done" id="item-{item.id}"')
    assert "Not done yet" in html
    assert 'data-hx-swap-oob="innerHTML:#status"' in html
    assert "<html" not in html


def test_an_item_of_a_level_not_reached_cannot_be_marked_done(client, sign_in_as, programme, fetch):
    sign_in_as("trainee")
    later = training.items(programme, training.module(programme, 3, 1))[0]
    response = client.post(f"/training/items/{later.id}/done")
    assert response.status_code == 409
    assert "You have not reached this level yet" in response.get_data(as_text=True)
    assert fetch(select(Progress)) == []
    # Looking ahead is fine; the card says when it can be done.
    page = text_of(client.get(f"/training/modules/{later.module_id}").get_data(as_text=True))
    assert "You can do this at level 3." in page
    assert "Mark as done" not in page


def test_a_reflection_is_saved(client, sign_in_as, programme, fetch):
    me = sign_in_as("trainee")
    item = training.items(programme, training.module(programme, 1, 1))[5]
    response = client.post(f"/training/items/{item.id}", data={"text": "Lines keep us safe."})
    assert response.status_code == 303
    [row] = fetch(select(Reflection))
    assert (row.user_id, row.item_id, row.text) == (me.id, item.id, "Lines keep us safe.")
    page = text_of(client.get(f"/training/items/{item.id}").get_data(as_text=True))
    assert "Lines keep us safe." in page
    assert "Your reflection is saved." in page


def test_a_reflection_of_50000_characters_gets_a_plain_message_and_is_kept(
    client, sign_in_as, programme, fetch
):
    sign_in_as("trainee")
    item = training.items(programme, training.module(programme, 1, 1))[5]
    long_text = "I learned a lot. " * 2942 + "end"
    assert len(long_text) >= 50000
    response = client.post(f"/training/items/{item.id}", data={"text": long_text})
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "<title>Error: " in html
    assert "Your reflection must be 2,000 characters or fewer" in html
    assert long_text in html  # nothing typed is lost
    assert fetch(select(Reflection)) == []


def test_an_empty_reflection_asks_for_words(client, sign_in_as, programme):
    sign_in_as("trainee")
    item = training.items(programme, training.module(programme, 1, 1))[5]
    response = client.post(f"/training/items/{item.id}", data={"text": "   "})
    assert "Write a few words about what you learned" in response.get_data(as_text=True)


def test_all_levels_page_shows_every_level_and_module(client, sign_in_as, programme):
    sign_in_as("frontdesk")
    page = text_of(client.get("/training/levels").get_data(as_text=True))
    for words in (
        "Level 1: Training",
        "Level 2: Volunteering",
        "Level 3: Work placement",
        "Level 4: Project work",
        "Level 5: Further employment / education",
        "Module 1: Our rules and you",
        "Module 2: The front desk",
        "Module 3: Harm reduction",
        "Module 4: Getting to know us",
        "Module 5: Our partners and drug services in the ACT",
        "Module 6: Overdose prevention and brief interventions",
        "Module 7: Project work",
        "Module 8: PTSS basics",
        "Module 9: Policies for one-to-one work",
    ):
        assert words in page


def test_a_trainee_cannot_open_another_trainees_record(client, sign_in_as, programme, db_session):
    other = make_user(db_session, "trainee")
    sign_in_as("trainee")
    assert client.get(f"/training/people/{other.id}").status_code == 404
    module = training.module(programme, 1, 1)
    assert client.get(f"/training/people/{other.id}/modules/{module.id}").status_code == 404
    assert client.get("/training/trainees").status_code == 404


def test_every_role_has_its_own_training_record(client, sign_in_as, programme):
    """Each person sees their own path, with the programme's first level on it."""
    for role in ("frontdesk", "trainee", "worker", "senior", "manager"):
        sign_in_as(role, display_name=f"Person {role}")
        response = client.get("/training/")
        assert response.status_code == 200, role
        assert "Level 1: Training" in text_of(response.get_data(as_text=True)), role


def test_a_missing_item_or_module_is_404(client, sign_in_as, programme):
    sign_in_as("trainee")
    assert client.get("/training/items/99999").status_code == 404
    assert client.get("/training/modules/99999").status_code == 404
    assert client.post("/training/items/99999/done").status_code == 404


def test_my_path_before_the_programme_is_loaded(client, sign_in_as):
    sign_in_as("trainee")
    page = text_of(client.get("/training/").get_data(as_text=True))
    assert "Your training is not set up yet. Ask your trainer." in page
