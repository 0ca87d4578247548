"""SLK-581 (METeOR 686238): the rules and worked examples of ../shared/data/aodts-nmds.md."""

from datetime import date

import pytest

from app.standards.slk import family_part, given_part, letters_only, slk581


def test_the_worked_example():
    assert slk581("Smith", "Elizabeth", date(1980, 3, 5), 2) == "MIHLI050319802"


@pytest.mark.parametrize(
    ("family", "part"),
    [
        ("Smith", "MIH"),
        ("Brown", "RON"),
        ("Thompson", "HOP"),
        ("Farr", "AR2"),
        ("Hua", "UA2"),
        ("Jo", "O22"),
        ("L", "222"),
        ("Lee-Archer", "EER"),
        ("O'Mara", "MAA"),
        ("De Vries", "EVI"),
        ("D'Arcy", "ARY"),
        ("o’mara", "MAA"),  # a curly apostrophe
        ("Nguyễn", "GUE"),  # accents go, the letter stays
        ("", "999"),
        (None, "999"),
        ("  -' ", "999"),  # nothing but marks is no name
    ],
)
def test_family_name_letters_two_three_and_five(family, part):
    assert family_part(family) == part


@pytest.mark.parametrize(
    ("given", "part"),
    [
        ("Elizabeth", "LI"),
        ("Robert", "OB"),
        ("Jo", "O2"),
        ("J", "22"),
        ("Jo-Anne", "OA"),
        ("", "99"),
        (None, "99"),
    ],
)
def test_given_name_letters_two_and_three(given, part):
    assert given_part(given) == part


def test_missing_names_use_999_and_99():
    assert slk581(None, None, date(1990, 12, 31), 1) == "99999311219901"


def test_short_names_fill_with_2():
    assert slk581("Hua", "Jo", date(2001, 1, 9), 1) == "UA2O2090120011"


def test_hyphenated_and_apostrophe_names():
    assert slk581("Lee-Archer", "Jo-Anne", date(1975, 6, 30), 2) == "EEROA300619752"
    assert slk581("O'Mara", "D'Arcy", date(1975, 6, 30), 9) == "MAAAR300619759"


def test_unknown_or_strange_sex_codes_become_9():
    assert slk581("Smith", "Elizabeth", date(1980, 3, 5), None).endswith("9")
    assert slk581("Smith", "Elizabeth", date(1980, 3, 5), 7).endswith("9")
    assert slk581("Smith", "Elizabeth", date(1980, 3, 5), 3).endswith("3")


def test_no_date_of_birth_no_key():
    assert slk581("Smith", "Elizabeth", None, 2) is None


def test_always_fourteen_characters():
    for family, given in (("", ""), ("Smith", "Elizabeth"), ("X", "Y"), ("Lee-Archer", "Al")):
        assert len(slk581(family, given, date(1999, 9, 9), 1)) == 14


def test_letters_only():
    assert letters_only("De Vries-O'Neil 3rd") == "DEVRIESONEILRD"
