"""Every answer maps onto a national code, in one place (app/standards/codes.py)."""

import re
from pathlib import Path

import pytest

from app.standards import codes


def test_every_national_table_names_its_meteor_id_or_source():
    source = Path(codes.__file__).read_text()
    for name in (
        "REASON_FOR_CESSATION",
        "MAIN_TREATMENT_TYPE",
        "DELIVERY_SETTING",
        "SOURCE_OF_REFERRAL",
        "CLIENT_TYPE",
        "METHOD_OF_USE",
        "INJECTING_STATUS",
        "INDIGENOUS_STATUS",
        "SEX",
        "ASCDC",
    ):
        block = source[: source.index(f"\n{name}:")]
        comment = block.rsplit("\n\n", 1)[-1]
        assert re.search(r"METeOR|ASCDC", comment), name


@pytest.mark.parametrize(
    ("gender", "sex"),
    [
        ("female", 2),
        ("male", 1),
        ("trans_woman", 2),
        ("trans_man", 1),
        ("non_binary", 3),
        ("intersex", 3),
        ("not_stated", 9),
        ("other", 9),
        (None, 9),
        ("", 9),
    ],
)
def test_sex_code_from_gender(gender, sex):
    assert codes.sex_code(gender) == sex


def test_gender_has_exactly_the_appendix_options():
    assert [a.label.split(" (")[0] for a in codes.GENDER.values()] == [
        "Female",
        "Male",
        "Trans woman",
        "Trans man",
        "Non-binary",
        "Intersex",
        "Not stated",
        "Other",
    ]


@pytest.mark.parametrize(
    ("answer", "code"),
    [
        ("aboriginal", 1),
        ("torres_strait", 2),
        ("both", 3),
        ("neither", 4),
        ("not_stated", 9),
        (None, 9),
    ],
)
def test_indigenous_status(answer, code):
    assert codes.indigenous_code(answer) == code


@pytest.mark.parametrize(
    ("drug", "code"),
    [
        ("heroin", "1202"),
        ("opiates", "1000"),
        ("methadone", "1304"),
        ("bupe", "1201"),
        ("benzos", "2400"),
        ("cannabis", "7101"),
        ("methamphetamine", "3103"),
        ("ecstasy", "3405"),
        ("cocaine", "3903"),
        ("alcohol", "2101"),
        ("tobacco", "3906"),
        ("other", "0000"),
        ("prefer_not", "0001"),
        (None, "0001"),
    ],
)
def test_drugs_map_to_ascdc(drug, code):
    assert codes.drug_code(drug) == code
    assert code in codes.ASCDC


@pytest.mark.parametrize(
    ("method", "code"),
    [
        ("eat_drink", 1),
        ("smokes", 2),
        ("injects", 3),
        ("snorts", 4),
        ("inhales", 5),
        ("other", 6),
        ("prefer_not", 9),
        (None, 9),
    ],
)
def test_method_of_use(method, code):
    assert codes.method_code(method) == code
    assert code in codes.METHOD_OF_USE


@pytest.mark.parametrize(
    ("answer", "code"),
    [
        ("0_3_months", 1),
        ("3_12_months", 2),
        ("over_12_months", 3),
        ("never", 4),
        ("prefer_not", 9),
        (None, 9),
    ],
)
def test_last_injected(answer, code):
    assert codes.injecting_code(answer) == code
    assert code in codes.INJECTING_STATUS


def test_referral_answers_map_to_source_of_referral():
    assert codes.referral_code("self") == 1
    assert codes.referral_code(None) == 99
    for answer in codes.REFERRAL.values():
        assert answer.code in codes.SOURCE_OF_REFERRAL


def test_service_location_maps_to_delivery_setting():
    assert codes.delivery_setting_code("drop_in") == 1
    assert codes.delivery_setting_code("outreach") == 4
    assert codes.delivery_setting_code("home") == 3
    for answer in codes.SERVICE_LOCATION.values():
        assert answer.code in codes.DELIVERY_SETTING


def test_client_type():
    assert codes.client_type_code("own") == 1
    assert codes.client_type_code("other") == 2
    assert codes.client_type_code(None) == 1


def test_accommodation_and_living_have_the_appendix_lists_and_prefer_not():
    assert len(codes.ACCOMMODATION) == 11 and "prefer_not" in codes.ACCOMMODATION
    assert len(codes.LIVING) == 11 and "prefer_not" in codes.LIVING
    assert codes.code(codes.LIVING, "alone") == 1
    assert codes.code(codes.LIVING, "prefer_not") == 9
    assert all(a.code in (1, 2, 9) for a in codes.LIVING.values())


def test_every_choice_question_has_prefer_not_to_say_or_not_stated():
    for name, table in codes.ANSWER_TABLES.items():
        if name in ("service_location", "client_type"):
            continue  # staff answers, not questions for the person
        assert "prefer_not" in table or "not_stated" in table, name


def test_tables_are_complete():
    assert sorted(codes.REASON_FOR_CESSATION) == [*range(1, 14), 98, 99]
    assert sorted(codes.MAIN_TREATMENT_TYPE) == list(range(1, 9))
    assert codes.PTSS_MAIN_TREATMENT_TYPE == 5
    assert sorted(codes.SEX) == [1, 2, 3, 9]
    assert set(codes.REASON_FOR_CESSATION_WORDS) == set(codes.REASON_FOR_CESSATION)
    assert codes.REASON_FOR_CESSATION_WORDS[8] == "Asked to leave the service"
    assert codes.label(codes.GENDER, "female") == "Female"
    assert codes.label(codes.GENDER, "nope") == ""
    assert codes.choices(codes.NESB)[0] == ("yes", "Yes")
