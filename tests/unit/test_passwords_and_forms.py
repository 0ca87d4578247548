from datetime import date

import pytest
from werkzeug.datastructures import MultiDict

from app.auth.passwords import (
    check_password,
    hash_password,
    password_problem,
    suggest_password,
)
from app.forms import DateField, Form


def test_passwords_are_argon2id_and_check_both_ways():
    hashed = hash_password("harbor violet pickle")
    assert hashed.startswith("$argon2id$")
    assert check_password(hashed, "harbor violet pickle")
    assert not check_password(hashed, "harbor violet pickles")
    assert not check_password(None, "anything at all")


@pytest.mark.parametrize(
    ("password", "problem"),
    [
        ("short", "at least 12"),
        ("passwordpassword", "too easy"),
        ("aaaaaaaaaaaaaaaa", "too easy"),
        ("kim.nguyen is great", "username"),
        ("x" * 201, "200"),
    ],
)
def test_password_problems_in_plain_words(password, problem):
    assert problem in password_problem(password, username="kim.nguyen")


def test_a_long_plain_password_is_fine_with_no_other_rules():
    assert password_problem("three plain words") is None


def test_suggestion_is_three_plain_words_that_pass():
    suggestion = suggest_password()
    assert len(suggestion.split()) == 3
    assert password_problem(suggestion.ljust(12, "x")) is None


class BirthForm(Form):
    class Meta:
        csrf = False

    born = DateField("Date of birth", allow_future=False)


def _born(app, **parts):
    data = MultiDict({f"born-{k}": v for k, v in parts.items()})
    with app.test_request_context():
        form = BirthForm(formdata=data)
        form.validate()
        return form.born


def test_date_in_three_boxes(app):
    field = _born(app, day="5", month="3", year="1980")
    assert field.data == date(1980, 3, 5) and not field.errors


@pytest.mark.parametrize(
    ("parts", "message"),
    [
        ({"day": "31", "month": "2", "year": "1990"}, "Enter a real date"),
        ({"day": "1", "month": "", "year": "1990"}, "must include a month"),
        ({"day": "1", "month": "1", "year": "1850"}, "1900 or later"),
        ({"day": "1", "month": "1", "year": "2999"}, "today or in the past"),
        ({"day": "x", "month": "1", "year": "1990"}, "Enter a real date"),
    ],
)
def test_date_problems_keep_what_was_typed(app, parts, message):
    field = _born(app, **parts)
    assert field.data is None
    assert message in field.errors[0]
    assert field.parts["day"] == parts["day"]


def test_an_empty_date_is_no_answer(app):
    field = _born(app, day="", month="", year="")
    assert field.data is None and not field.errors
