"""Closing reasons: the words a worker reads lead to the right national code (METeOR 270011)
without knowing the codes, and the check page shows the code."""

import pytest
from sqlalchemy import select

from app.care import closing
from app.models import Episode
from app.standards import codes
from tests.factories.care import make_person
from tests.pagecheck import text_of

# For each national code: words its plain wording must hold, and words it must not.
EXPECTED = {
    1: (["plan is done"], ["another", "stays with us"]),
    2: (["stays with us", "kind of support"], ["another organisation"]),
    3: (["stays with us", "different place"], ["rehab", "another organisation"]),
    4: (["stays with us", "drug of concern"], ["another organisation"]),
    5: (["another organisation", "rehab"], ["stays with us"]),
    6: (["chose to stop", "against our advice"], []),
    7: (["stopped coming", "without telling us"], []),
    8: (["asked to leave"], []),
    9: (["diversion order"], ["drug court"]),
    10: (["agreed together"], []),
    11: (["drug court"], []),
    12: (["prison", "not through a drug court"], []),
    13: (["died"], []),
    98: (["another reason"], []),
    99: (["not known"], []),
}


def to_check(client, person_id: int, reason: int) -> str:
    """Answer the journey with this reason (the rest from the episode); the check page's URL."""
    response = client.post(f"/clients/{person_id}/close")
    assert response.status_code == 303
    base = response.headers["Location"].rsplit("/", 1)[0]
    response = client.post(f"{base}/reason", data={"reason": str(reason), "then": "check"})
    assert response.headers["Location"].endswith("/check")
    return f"{base}/check"


def test_every_national_reason_is_worded_and_tested():
    assert set(EXPECTED) == set(codes.REASON_FOR_CESSATION) == set(closing.REASON_WORDS)


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_each_reasons_words_lead_to_its_code(code):
    words = closing.REASON_WORDS[code].lower()
    must, must_not = EXPECTED[code]
    assert all(w in words for w in must), (code, words)
    assert not any(w in words for w in must_not), (code, words)


def test_rehab_at_another_organisation_reads_as_transferred_not_a_new_setting():
    """The reason the words were changed: a person going to rehab elsewhere is code 5
    (transferred to another service provider), not code 3 (change in delivery setting)."""
    mentions_rehab = [c for c, w in closing.REASON_WORDS.items() if "rehab" in w.lower()]
    assert mentions_rehab == [5]
    assert codes.REASON_FOR_CESSATION[5] == "Transferred to another service provider"
    assert "stays with us" in closing.REASON_WORDS[3].lower()


@pytest.mark.parametrize("code", [3, 5, 7])
def test_the_check_page_shows_the_national_code_and_it_is_kept(
    client, sign_in_as, db_session, fetch, frozen_clock, code
):
    me = sign_in_as("worker")
    person, _ = make_person(db_session, me)
    check = to_check(client, person.id, code)
    page = text_of(client.get(check).get_data(as_text=True))
    assert (
        f"{closing.REASON_WORDS[code]} (national code {code}: "
        f"{codes.REASON_FOR_CESSATION[code]})" in page
    )
    assert client.post(check, data={"then": "close"}).status_code == 303
    [episode] = fetch(select(Episode))
    assert episode.reason_for_cessation == code and not episode.is_open


def test_the_reason_question_offers_every_reason_in_words(client, sign_in_as, db_session):
    me = sign_in_as("worker")
    person, _ = make_person(db_session, me)
    base = client.post(f"/clients/{person.id}/close").headers["Location"]
    page = text_of(client.get(base).get_data(as_text=True))
    assert all(words in page for words in closing.REASON_WORDS.values())
    assert "Ceased to participate" not in page  # national labels only on the check page


def test_a_reason_that_is_not_on_the_list_is_refused_and_nothing_changes(
    client, sign_in_as, db_session, fetch, frozen_clock
):
    me = sign_in_as("worker")
    person, _ = make_person(db_session, me)
    base = client.post(f"/clients/{person.id}/close").headers["Location"]
    response = client.post(base, data={"reason": "14", "then": "check"})
    assert response.status_code == 200
    page = text_of(response.get_data(as_text=True))
    assert "There is a problem" in page and "Choose one of the answers" in page
    assert fetch(select(Episode))[0].is_open
