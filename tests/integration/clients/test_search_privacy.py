"""Search and the duplicate check show no more than they must (issue 13).

A worker sees their own people in full. A file they may not open shows only that someone
with this name exists and who their worker is, and only for three letters of a name or
more. Seniors and the manager see every match. Every search is in the audit log.
"""

import re
import string
from datetime import date

import pytest
from sqlalchemy import select

from app.models import AuditEvent
from tests.factories import make_user
from tests.factories.clients import make_client
from tests.pagecheck import text_of

SECRET_DETAILS = ("Marnie", "Moo", "Lee-Archer", "1984", "Ainslie", "0499 876 543")


@pytest.fixture
def dans_client(db_session):
    """Someone else's client, with every detail a search could give away."""
    dan = make_user(db_session, "worker", display_name="Dan")
    return make_client(
        db_session,
        dan,
        id=987654,  # a file number that cannot be mistaken for anything else on the page
        given_name="Marnie",
        family_name="Lee-Archer",
        nickname="Moo",
        born_on=date(1984, 7, 9),
        address="12 Wattle St, Ainslie",
        phone="0499 876 543",
    )


def search(client, words) -> str:
    return client.post("/clients/search", data={"q": words}).get_data(as_text=True)


def assert_nothing_of(html: str, person, typed: str = "") -> None:
    """No detail of the person on the page, other than what the worker typed themselves."""
    html = html.replace(f'value="{typed}"', "")
    # Random tokens (CSRF, form keys) can spell a detail by chance ("Moo"): not the person's.
    html = re.sub(r'<input type="hidden"[^>]*>', "", html)
    for detail in SECRET_DETAILS:
        assert detail not in html, detail
    assert str(person.id) not in text_of(html)


def searches_audited(fetch) -> list[dict]:
    events = fetch(
        select(AuditEvent).where(AuditEvent.action == "client.searched").order_by(AuditEvent.id)
    )
    return [e.detail for e in events]


def test_a_worker_sees_their_own_people_in_full(client, sign_in_as, db_session):
    me = sign_in_as("worker")
    mine = make_client(
        db_session, me, given_name="Marla", nickname="Mags", born_on=date(1990, 2, 3)
    )
    page = text_of(search(client, "ma"))
    assert "Mags (Marla)" in page and "3 Feb 1990" in page
    assert "Open the file" in page
    assert f"/clients/{mine.id}" in search(client, "mags")


def test_someone_elses_file_shows_only_someone_with_this_name_and_their_worker(
    client, sign_in_as, dans_client
):
    sign_in_as("worker")
    html = search(client, "marnie")
    assert "Someone with this name. Their worker is Dan." in text_of(html)
    assert_nothing_of(html, dans_client)
    # The way in with a reason is still there.
    assert f'href="/clients/{dans_client.id}/cover"' in html
    assert "Not your file: open with a reason" in text_of(html)


def test_one_or_two_letters_show_only_your_own_people(client, sign_in_as, db_session, dans_client):
    me = sign_in_as("worker")
    make_client(db_session, me, given_name="Mina")
    for letter in string.ascii_lowercase:
        html = search(client, letter)
        assert "Someone with this name" not in html, letter
        assert_nothing_of(html, dans_client)
        assert f"/clients/{dans_client.id}/cover" not in html
    html = search(client, "ma")
    assert "Someone with this name" not in html
    page = text_of(search(client, "m"))
    assert "Mina" in page
    assert "Type at least 3 letters of a name to look wider" in page


def test_a_phone_number_or_date_of_birth_alone_shows_only_your_own_people(
    client, sign_in_as, dans_client
):
    sign_in_as("worker")
    for words in ("0499 876 543", "9/7/1984", "mo 9/7/1984"):
        html = search(client, words)
        assert "Someone with this name" not in html, words
        assert_nothing_of(html, dans_client, typed=words)
        assert "Type at least 3 letters of a name to look wider" in text_of(html)


@pytest.mark.parametrize("role", ["senior", "manager"])
def test_seniors_and_the_manager_see_every_match_in_full(client, sign_in_as, dans_client, role):
    sign_in_as(role)
    page = text_of(search(client, "m"))
    assert "Moo (Marnie Lee-Archer)" in page and "Dan" in page
    assert "Someone with this name" not in page
    assert "Type at least 3 letters" not in page
    assert "Moo" in text_of(search(client, "0499876543"))


def test_every_search_is_audited_with_what_was_searched_for_and_what_was_shown(
    client, sign_in_as, db_session, fetch, dans_client
):
    me = sign_in_as("worker")
    mine = make_client(db_session, me, given_name="Marnie", family_name="Ng")
    search(client, "marnie")
    search(client, "m")
    long_search = "marnie " + "x" * 80
    search(client, long_search)
    first, short, cut = searches_audited(fetch)
    assert first == {
        "searched_for": "marnie",
        "shown": [mine.id, dans_client.id],
        "own": 1,
        "others": 1,
    }
    assert short == {"searched_for": "m", "shown": [mine.id], "own": 1, "others": 0}
    assert cut["searched_for"] == long_search[:60] and cut["shown"] == []


def test_the_duplicate_check_does_not_show_who_has_a_phone_number(
    client, sign_in_as, dans_client, fetch
):
    sign_in_as("worker")
    draft_id = int(client.post("/clients/new").headers["Location"].split("/")[3])
    client.post(f"/clients/new/{draft_id}/name", data={"given_name": "Bo"})
    client.post(f"/clients/new/{draft_id}/reach", data={"phone": "0499876543"})
    html = client.get(f"/clients/new/{draft_id}/check").get_data(as_text=True)
    page = text_of(html)
    assert "There may already be a file for this person. Ask Dan or a senior." in page
    for detail in ("Marnie", "Moo", "Lee-Archer", "1984", "9 Jul", "Ainslie"):
        assert detail not in html, detail
    # What they typed is still theirs to check; the match is named only by its worker.
    assert "Make the file" not in page
    [audited] = [
        e.detail
        for e in fetch(select(AuditEvent).where(AuditEvent.action == "client.duplicates_shown"))
    ]
    assert audited["shown"] == [dans_client.id] and audited["others"] == 1


def test_the_duplicate_check_shows_a_file_you_may_open_as_before(client, sign_in_as, dans_client):
    sign_in_as("senior")
    draft_id = int(client.post("/clients/new").headers["Location"].split("/")[3])
    client.post(f"/clients/new/{draft_id}/name", data={"given_name": "Bo"})
    client.post(f"/clients/new/{draft_id}/reach", data={"phone": "0499876543"})
    page = text_of(client.get(f"/clients/new/{draft_id}/check").get_data(as_text=True))
    assert "Moo Lee-Archer" in page and "Born 9 Jul 1984" in page and "Worker: Dan" in page
    assert "There may already be a file" not in page


@pytest.mark.parametrize("typed", ["marnie 1/1/1990", "marnie 0400 000 111"])
def test_a_date_of_birth_or_phone_beside_a_name_is_never_confirmed_for_someone_elses_file(
    client, sign_in_as, dans_client, typed
):
    """Others are matched by name alone, so typing a guess beside the name tells nothing:
    the same "someone with this name" shows whether the guess is right or wrong."""
    sign_in_as("worker")
    wrong = text_of(search(client, typed))
    right = text_of(search(client, "marnie 9/7/1984" if "/" in typed else "marnie 0499 876 543"))
    assert "Someone with this name. Their worker is Dan." in wrong
    assert "Someone with this name. Their worker is Dan." in right
