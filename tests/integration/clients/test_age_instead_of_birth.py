"""Issue 17: at registration (or when changing details) an age such as "about 57" may be given
instead of a date of birth; it is kept as a year of birth that is a guess."""

import pytest
from sqlalchemy import select

from app.models import Client, RegistrationDraft
from tests.factories.clients import make_client
from tests.pagecheck import text_of


@pytest.fixture
def draft(client, sign_in_as, frozen_clock):  # 3 March 2026
    sign_in_as("worker")
    response = client.post("/clients/new")
    return int(response.headers["Location"].split("/")[3])


@pytest.mark.parametrize("typed", ["about 57", "About 57", "aged 57", "57 years old"])
def test_an_age_is_kept_as_a_year_that_is_a_guess(client, draft, fetch, typed):
    response = client.post(
        f"/clients/new/{draft}/birth", data={"birth_year_estimate": typed, "gender": "male"}
    )
    assert response.status_code == 303
    answers = fetch(select(RegistrationDraft))[0].answers
    assert answers["birth_year_estimate"] == 1969 and not answers.get("born_on")


@pytest.mark.parametrize("typed", ["57", "about 130", "about fifty"])
def test_an_unclear_age_is_refused(client, draft, fetch, typed):
    response = client.post(f"/clients/new/{draft}/birth", data={"birth_year_estimate": typed})
    page = text_of(response.text)
    assert response.status_code == 200 and "There is a problem" in page
    assert "birth_year_estimate" not in (fetch(select(RegistrationDraft))[0].answers or {})


def test_an_age_on_a_file_shows_as_a_guessed_year(client, sign_in_as, db_session, fetch):
    me = sign_in_as("worker")
    person = make_client(db_session, me, given_name="Robert", family_name="Brown")
    client.post(
        f"/clients/{person.id}/details/birth",
        data={"version": "1", "birth_year_estimate": "about 57", "gender": "male"},
    )
    saved = fetch(select(Client))[0]
    assert saved.birth_year_estimate is not None and saved.born_on is None
    page = text_of(client.get(f"/clients/{person.id}/details").text)
    assert f"About {saved.birth_year_estimate} (a guess)" in page
