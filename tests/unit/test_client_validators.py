"""Validators and conversions of the client forms, without a request."""

from datetime import date

import pytest
from wtforms.validators import ValidationError

from app import clock
from app.clients import forms, registration


class Field:
    def __init__(self, data):
        self.data = data


@pytest.fixture(autouse=True)
def frozen_today(monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: date(2026, 3, 3))


@pytest.mark.parametrize("email", ["sam@example.com", "s.lee+x@mail.co", "a@b.com.au"])
def test_good_emails(email):
    forms.an_email(None, Field(email))


@pytest.mark.parametrize("email", ["sam", "sam@", "@x.com", "sam@x", "s m@x.com", "a@b.c"])
def test_bad_emails(email):
    with pytest.raises(ValidationError):
        forms.an_email(None, Field(email))


@pytest.mark.parametrize("phone", ["0412 345 678", "(02) 6253 3643", "+61 412 345 678", ""])
def test_good_phones(phone):
    forms.a_phone(None, Field(phone))


@pytest.mark.parametrize("phone", ["12345", "call me", "0412-345-678-999-000-1"])
def test_bad_phones(phone):
    with pytest.raises(ValidationError):
        forms.a_phone(None, Field(phone))


def test_dates_of_birth_over_120_years_ago():
    forms.not_too_old(None, Field(date(1906, 3, 3)))
    with pytest.raises(ValidationError):
        forms.not_too_old(None, Field(date(1906, 3, 2)))


@pytest.mark.parametrize("year", ["1985", "2026", "1906"])
def test_good_years(year):
    forms.a_year_of_birth(None, Field(year))


@pytest.mark.parametrize("year", ["2027", "1905", "85", "19x5"])
def test_bad_years(year):
    with pytest.raises(ValidationError):
        forms.a_year_of_birth(None, Field(year))


@pytest.mark.parametrize(
    ("phone", "digits"),
    [
        ("0412 345 678", "0412345678"),
        ("+61 412 345 678", "0412345678"),
        ("(02) 6253 3643", "0262533643"),
        ("", None),
        (None, None),
    ],
)
def test_phone_digits(phone, digits):
    assert registration.phone_digits(phone) == digits


def test_search_text_keeps_letters_only():
    assert registration.search_text("O'Mara") == "omara"
    assert registration.search_text("Lee-Archer") == "leearcher"
    assert registration.search_text("") is None


def test_missing_lists_what_is_still_to_ask_and_respects_prefer_not():
    gaps = dict(registration.missing({"given_name": "Sam"}))
    assert "date of birth" in gaps and "family name" in gaps
    gaps = dict(
        registration.missing({"given_name": "Sam", "birth_year_estimate": 1980}, ["family_name"])
    )
    assert "date of birth" not in gaps and "family name" not in gaps
    gaps = dict(registration.missing({"client_type": "other"}))
    assert "last injected" not in gaps


def test_every_step_has_its_fields_on_its_form():
    for step in registration.STEPS:
        for name in step.fields:
            assert hasattr(step.form, name), (step.key, name)
    assert len(registration.STEPS) == 6
    assert registration.next_step("drugs") is None
    assert registration.previous_step("name") is None


def test_display_of_answers():
    assert registration.display("born_on", {"born_on": "1980-03-05"}) == "5 March 1980"
    assert registration.display("born_on", {"birth_year_estimate": 1980}) == "About 1980 (a guess)"
    assert registration.display("gender", {"gender": "trans_man"}) == "Trans man"
    assert registration.display("other_drugs", {"other_drugs": ["heroin", "benzos"]}) == (
        "Heroin, Benzos"
    )
    assert registration.display("email", {}, ["email"]) == "Prefers not to say"
