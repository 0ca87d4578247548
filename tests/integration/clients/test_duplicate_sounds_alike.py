"""Issue 17: the duplicate check works on what a low-threshold intake has. A second "Louisa"
(same worker, same day, no date of birth) was made without a word; names that sound alike,
a nickname, a guessed age, the worker and the day now find the first file."""

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from app import clock
from app.models import AuditEvent, Client
from tests.factories import make_user
from tests.factories.clients import make_client
from tests.pagecheck import text_of

WARNING = "Is this someone we know?"


def register(client, **name) -> int:
    """A new registration with only a name (and maybe an age); its draft number."""
    draft_id = int(client.post("/clients/new").headers["Location"].split("/")[3])
    age = name.pop("age", None)
    client.post(f"/clients/new/{draft_id}/name", data=name)
    if age:
        client.post(f"/clients/new/{draft_id}/birth", data={"birth_year_estimate": age})
    return draft_id


def check_page(client, draft_id) -> str:
    return client.get(f"/clients/new/{draft_id}/check").get_data(as_text=True)


@pytest.mark.parametrize("typed", ["Luisa", "Louise", "Louisa"])
def test_a_name_that_sounds_alike_the_same_worker_and_day_is_flagged(
    client, sign_in_as, db_session, frozen_clock, typed
):
    me = sign_in_as("worker")
    first = make_client(db_session, me, given_name="Louisa")
    draft_id = register(client, given_name=typed)
    page = text_of(check_page(client, draft_id))
    assert WARNING in page
    assert "Louisa" in page and "Look at their file" in page
    assert "Make the file" not in page
    # Saying it is the same person goes to the first file; no second one is made.
    response = client.post(f"/clients/new/{draft_id}/check", data={"action": f"same:{first.id}"})
    assert response.headers["Location"].endswith(f"/clients/{first.id}")


def test_someone_else_lets_the_worker_go_on_and_make_the_file(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    me = sign_in_as("worker")
    first = make_client(db_session, me, given_name="Louisa")
    draft_id = register(client, given_name="Luisa")
    client.post(f"/clients/new/{draft_id}/check", data={"action": f"someone_else:{first.id}"})
    assert "Make the file" in text_of(check_page(client, draft_id))
    client.post(f"/clients/new/{draft_id}/check", data={"action": "make"})
    assert sorted(c.given_name for c in fetch(select(Client))) == ["Louisa", "Luisa"]


@pytest.mark.parametrize(
    ("on_file", "typed"),
    [
        ({"given_name": "Louisa"}, {"nickname": "Lou"}),
        ({"nickname": "Lou"}, {"given_name": "Louisa"}),
    ],
)
def test_a_nickname_matches_the_name_it_is_short_for(
    client, sign_in_as, db_session, frozen_clock, on_file, typed
):
    me = sign_in_as("worker")
    make_client(db_session, me, **on_file)
    assert WARNING in text_of(check_page(client, register(client, **typed)))


def test_two_letters_are_too_few_to_be_a_nickname(client, sign_in_as, db_session, frozen_clock):
    me = sign_in_as("worker")
    make_client(db_session, me, given_name="Louisa")
    assert WARNING not in text_of(check_page(client, register(client, nickname="Lu")))


@pytest.mark.parametrize("typed", ["Laura", "Lucy", "Maria", "Leah"])
def test_names_that_do_not_sound_alike_are_not_flagged(
    client, sign_in_as, db_session, frozen_clock, typed
):
    me = sign_in_as("worker")
    make_client(db_session, me, given_name="Louisa")
    page = text_of(check_page(client, register(client, given_name=typed)))
    assert WARNING not in page and "Make the file" in page


def test_a_close_age_finds_an_old_file_of_another_worker(
    client, sign_in_as, db_session, frozen_clock
):
    """A file made long ago by someone else, not seen lately: only a close age finds it."""
    dan = make_user(db_session, "worker", display_name="Dan")
    long_ago = clock.now() - timedelta(days=400)
    make_client(db_session, dan, given_name="Louisa", born_on=date(1995, 6, 1), created_at=long_ago)
    sign_in_as("senior")  # a senior may open every file, so the match is shown in full
    assert WARNING in text_of(
        check_page(client, register(client, given_name="Luisa", age="about 32"))
    )
    assert WARNING not in text_of(check_page(client, register(client, given_name="Luisa")))
    far = text_of(check_page(client, register(client, given_name="Luisa", age="about 60")))
    assert WARNING not in far


def test_ages_far_apart_are_not_flagged_even_the_same_day(
    client, sign_in_as, db_session, frozen_clock
):
    me = sign_in_as("worker")
    make_client(db_session, me, given_name="Louisa", birth_year_estimate=1960)
    page = text_of(check_page(client, register(client, given_name="Luisa", age="about 25")))
    assert WARNING not in page


def test_a_file_you_may_not_open_is_shown_only_as_the_privacy_rule_says(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    dan = make_user(db_session, "worker", display_name="Dan")
    theirs = make_client(
        db_session, dan, given_name="Louisa", family_name="Quartermaine", born_on=date(1993, 4, 5)
    )
    sign_in_as("worker")
    html = check_page(client, register(client, given_name="Luisa"))
    page = text_of(html)
    assert "There may already be a file for this person. Ask Dan or a senior." in page
    for detail in ("Louisa", "Quartermaine", "1993", "5 Apr", "Look at their file", "Last contact"):
        assert detail not in html, detail
    assert f'/clients/{theirs.id}"' not in html
    [audited] = [
        e.detail
        for e in fetch(select(AuditEvent).where(AuditEvent.action == "client.duplicates_shown"))
    ]
    assert audited["shown"] == [theirs.id] and audited["others"] == 1


def test_the_check_asks_the_same_few_queries_however_many_files_there_are(
    app, client, sign_in_as, db_session, frozen_clock
):
    """Names are compared only on a few files narrowed in SQL, not on every file."""
    from tests.query_counter import counting_queries

    dan = make_user(db_session, "worker", display_name="Dan")
    me = sign_in_as("worker")
    make_client(db_session, me, given_name="Louisa")
    draft_id = register(client, given_name="Luisa")
    check_page(client, draft_id)  # the first look may load the session once
    with counting_queries(app) as few:
        check_page(client, draft_id)
    long_ago = clock.now() - timedelta(days=400)
    for number in range(40):
        make_client(db_session, dan, given_name=f"Mara{number}", created_at=long_ago)
        make_client(db_session, dan, given_name="Lucy", created_at=long_ago)
    with counting_queries(app) as many:
        page = text_of(check_page(client, draft_id))
    assert page.count("Look at their file") == 1
    assert len(many) == len(few)
