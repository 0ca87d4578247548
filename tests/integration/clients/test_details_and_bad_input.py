"""Changing details (versions, two people saving at once) and every kind of bad input."""

from datetime import date

import pytest
from sqlalchemy import select

from app.models import Client, ClientChange, RegistrationDraft
from tests.factories.clients import make_client
from tests.pagecheck import text_of
from tests.versions import version_at, version_in


def test_a_change_is_a_new_version_and_the_old_answer_is_kept(
    client, sign_in_as, db_session, fetch
):
    me = sign_in_as("worker")
    person = make_client(db_session, me, phone="0400 000 001")
    html = client.get(f"/clients/{person.id}/details/reach").get_data(as_text=True)
    assert version_in(html).split(":")[0] == "1"
    response = client.post(
        f"/clients/{person.id}/details/reach",
        data={"version": "1", "phone": "0400 000 002", "reason": "They asked us to correct it"},
    )
    assert response.status_code == 303
    [saved] = fetch(select(Client))
    assert saved.phone == "0400 000 002" and saved.version == 2
    [change] = fetch(select(ClientChange))
    assert change.changes["phone"] == ["0400 000 001", "0400 000 002"]
    assert change.reason == "They asked us to correct it"
    page = text_of(client.get(f"/clients/{person.id}/details").get_data(as_text=True))
    assert "0400 000 001" in page and "They asked us to correct it" in page


def test_two_workers_saving_the_same_file_at_once(client, sign_in_as, db_session, fetch):
    me = sign_in_as("worker")
    person = make_client(db_session, me, given_name="Ash")
    url = f"/clients/{person.id}/details/reach"
    # Both open version 1. The first saves a new phone number.
    opened = version_at(client, url)
    client.post(url, data={"version": opened, "phone": "0411 111 111"})
    # The second saves from version 1 too: refused, shown what changed, their words kept.
    response = client.post(
        url, data={"version": opened, "phone": "0422 222 222", "email": "ash@example.com"}
    )
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    page = text_of(html)
    assert "Someone else changed this" in page
    assert "Phone number: now 0411 111 111" in page
    assert 'value="0422 222 222"' in html and 'value="ash@example.com"' in html
    assert version_in(html).split(":")[0] == "2"
    assert fetch(select(Client))[0].phone == "0411 111 111"  # nothing silently overwritten
    # Saving again, knowing what changed, keeps their own words.
    client.post(
        url,
        data={"version": version_in(html), "phone": "0422 222 222", "email": "ash@example.com"},
    )
    saved = fetch(select(Client))[0]
    assert (saved.phone, saved.email, saved.version) == ("0422 222 222", "ash@example.com", 3)
    assert len(fetch(select(ClientChange))) == 2


def test_a_change_updates_the_slk_and_search_columns(client, sign_in_as, db_session, fetch):
    me = sign_in_as("worker")
    person = make_client(db_session, me, given_name="Liz")
    client.post(
        f"/clients/{person.id}/details/name",
        data={"version": "1", "given_name": "Elizabeth", "family_name": "Smith"},
    )
    client.post(
        f"/clients/{person.id}/details/birth",
        data={
            "version": "2",
            "born_on-day": "5",
            "born_on-month": "3",
            "born_on-year": "1980",
            "gender": "female",
        },
    )
    saved = fetch(select(Client))[0]
    assert saved.slk581 == "MIHLI050319802"
    assert (saved.search_given, saved.search_family) == ("elizabeth", "smith")


def test_an_estimated_year_gives_an_slk_from_the_first_of_january(
    client, sign_in_as, db_session, fetch
):
    me = sign_in_as("worker")
    person = make_client(db_session, me, given_name="Robert", family_name="Brown")
    client.post(
        f"/clients/{person.id}/details/birth",
        data={"version": "1", "birth_year_estimate": "1975", "gender": "male"},
    )
    assert fetch(select(Client))[0].slk581 == "RONOB010119751"


BIRTH = "/clients/new/{draft}/birth"


@pytest.fixture
def draft(client, sign_in_as):
    sign_in_as("worker")
    response = client.post("/clients/new")
    return int(response.headers["Location"].split("/")[3])


def post_step(client, draft, key, **data):
    return client.post(f"/clients/new/{draft}/{key}", data=data)


@pytest.mark.parametrize(
    ("day", "month", "year", "message"),
    [
        ("1", "1", "2099", "The date must be today or in the past"),
        ("1", "1", "1890", "The year must be 1900 or later"),
        ("1", "1", "1901", "less than 120 years ago"),
        ("31", "2", "1990", "Enter a real date"),
        ("", "2", "1990", "The date must include a day"),
    ],
)
def test_bad_dates_of_birth(client, draft, fetch, day, month, year, message):
    response = post_step(
        client, draft, "birth", **{"born_on-day": day, "born_on-month": month, "born_on-year": year}
    )
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert message in html
    assert f'value="{year}"' in html  # what they typed is kept
    assert "born_on" not in fetch(select(RegistrationDraft))[0].answers


@pytest.mark.parametrize("year", ["2099", "1850", "85", "abcd"])
def test_bad_estimated_years(client, draft, year):
    response = post_step(client, draft, "birth", birth_year_estimate=year)
    assert response.status_code == 200
    assert "There is a problem" in response.get_data(as_text=True)


@pytest.mark.parametrize("postcode", ["260", "26170", "ACT1", "2 61"])
def test_postcode_must_be_four_numbers(client, draft, postcode):
    response = post_step(client, draft, "reach", postcode=postcode)
    assert "Enter a postcode of 4 numbers" in response.get_data(as_text=True)


@pytest.mark.parametrize("email", ["liz", "liz@", "liz@example", "a b@example.com", "<b>@x.com"])
def test_email_must_look_like_one(client, draft, email):
    response = post_step(client, draft, "reach", email=email)
    assert "Enter an email address like name@example.com" in response.get_data(as_text=True)


def test_phone_must_be_numbers(client, draft):
    response = post_step(client, draft, "reach", phone="call me maybe")
    assert "Enter a phone number in numbers" in response.get_data(as_text=True)


def test_five_thousand_characters_in_a_name(client, draft, fetch):
    long_name = "A" * 5000
    response = post_step(client, draft, "name", given_name=long_name)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "The first name must be 100 characters or fewer" in html
    assert long_name in html  # kept for them to shorten
    assert "given_name" not in fetch(select(RegistrationDraft))[0].answers


def test_a_name_of_exactly_one_hundred_characters_is_fine(client, draft, fetch):
    response = post_step(client, draft, "name", given_name="B" * 100)
    assert response.status_code == 303


SCRIPT = '<script>alert("x")</script>'


def test_script_tags_in_every_field_are_shown_as_text(client, draft, fetch):
    post_step(
        client,
        draft,
        "name",
        given_name=SCRIPT,
        family_name=SCRIPT,
        nickname=SCRIPT,
        pronouns=SCRIPT[:40],
    )
    post_step(client, draft, "contact", referral_detail=SCRIPT, service_location=SCRIPT)
    post_step(client, draft, "birth", gender="other", gender_other=SCRIPT)
    post_step(client, draft, "reach", address=SCRIPT, phone="0400 000 000")
    post_step(
        client,
        draft,
        "background",
        country_of_birth=SCRIPT,
        preferred_language=SCRIPT,
        accommodation="other",
        accommodation_other=SCRIPT,
        living="other",
        living_other=SCRIPT,
    )
    post_step(
        client,
        draft,
        "drugs",
        main_drug="other",
        main_drug_other=SCRIPT,
        method="other",
        method_other=SCRIPT,
        other_drugs=["other"],
        other_drugs_other=SCRIPT,
    )
    check = client.get(f"/clients/new/{draft}/check").get_data(as_text=True)
    assert "<script>alert" not in check
    assert "&lt;script&gt;alert" in check
    response = client.post(f"/clients/new/{draft}/check", data={"action": "make"})
    [made] = fetch(select(Client))
    assert made.given_name == SCRIPT and made.address == SCRIPT  # stored as typed
    for path in ("", "/details", "/copy"):
        html = client.get(f"/clients/{made.id}{path}").get_data(as_text=True)
        assert "<script>alert" not in html, path
        assert "&lt;script&gt;" in html, path
    assert response.status_code == 303


def test_an_unknown_answer_is_refused_in_plain_words(client, draft):
    response = post_step(client, draft, "birth", gender="robot")
    assert "Choose one of the answers" in response.get_data(as_text=True)


def test_drugs_and_prefer_not_to_say_not_both(client, draft):
    response = post_step(client, draft, "drugs", other_drugs=["heroin", "prefer_not"])
    assert "but not both" in response.get_data(as_text=True)


def test_a_step_that_does_not_exist_is_not_found(client, draft):
    assert client.get(f"/clients/new/{draft}/nope").status_code == 404


def test_a_form_without_its_token_is_refused(client, sign_in_as, db_session, fetch):
    me = sign_in_as("worker")
    person = make_client(db_session, me)
    response = client.post(
        f"/clients/{person.id}/details/reach",
        csrf=False,
        data={"version": "1", "phone": "0400 000 003"},
    )
    assert response.status_code == 400
    assert fetch(select(Client))[0].phone is None


def test_script_in_a_consent_and_assessment_is_text(client, sign_in_as, db_session):
    me = sign_in_as("worker")
    person = make_client(db_session, me)
    url = f"/clients/{person.id}/assessment"
    client.post(
        url,
        data={
            "version": version_at(client, url),
            "met_on-day": "1",
            "met_on-month": "1",
            "met_on-year": "2026",
            "summary": SCRIPT,
            "risks": SCRIPT,
            "need_housing": SCRIPT,
        },
    )
    html = client.get(f"/clients/{person.id}/assessment").get_data(as_text=True)
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    response = client.post(f"/clients/{person.id}/consents/new")
    base = response.headers["Location"].rsplit("/", 1)[0]
    client.post(f"{base}/who", data={"party_name": SCRIPT})
    html = client.get(f"{base}/check").get_data(as_text=True)
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    assert date.today()
