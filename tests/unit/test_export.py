"""The AODTS-NMDS episode row: a worked example per code table, the checks, the gaps filled
from the file, and the "not stated" codes."""

from datetime import date

import pytest

from app.standards import codes, countries_languages, export, financial_years
from app.standards.export import EpisodeFacts, build_row

ESTABLISHMENT = "810100001"

# Elizabeth Smith, born 5 March 1980, female (the SLK-581 example of aodts-nmds.md).
ELIZABETH = dict(
    given_name="Elizabeth",
    family_name="Smith",
    born_on=date(1980, 3, 5),
    gender="female",
    country_of_birth="Australia",
    preferred_language="English",
    indigenous="neither",
    referral_source="self",
    main_drug="heroin",
    method="injects",
    last_injected="0_3_months",
    other_drugs=("cannabis",),
    opened_on=date(2025, 8, 4),
    closed_on=date(2026, 2, 27),
    reason_for_cessation=1,
    source_of_referral=1,
    client_type=1,
    main_treatment_type=5,
    delivery_setting=1,
    principal_drug="1202",
    episode_other_drugs=("7101",),
    method_of_use=3,
    injecting_status=1,
)


def row_of(**changes):
    return build_row(EpisodeFacts(**{**ELIZABETH, **changes}), ESTABLISHMENT)


def test_a_complete_episode_is_one_row_in_the_usual_order():
    row = row_of()
    assert row.problems == [] and row.not_stated == []
    assert row.cells == [
        "810100001",  # establishment
        "2",  # sex: female
        "05031980",  # date of birth DDMMYYYY
        "AAA",  # date accuracy
        "1101",  # Australia (SACC)
        "4",  # neither Aboriginal nor Torres Strait Islander
        "1201",  # English (ASCL)
        "1",  # own drug use
        "1",  # self referred
        "04082025",  # commenced
        "27022026",  # ceased
        "1",  # treatment completed
        "1",  # non-residential treatment facility
        "3",  # injects
        "1",  # injected in the last three months
        "1202",  # heroin
        "7101",  # cannabis
        "",
        "",
        "",
        "",
        "5",  # support and case management only
        "",
        "",
        "",
        "",
        "",
        "MIHLI050319802",  # SLK-581
    ]
    assert len(export.HEADINGS) == len(row.cells)
    assert export.HEADINGS[0] == "Establishment identifier"
    assert export.HEADINGS[-1] == "Statistical linkage key 581"


def test_the_row_holds_no_names_and_no_free_text():
    row = row_of(given_name="Jasmine", family_name="O'Connor", main_drug="other")
    text = " ".join(row.cells).lower()
    assert "jasmine" not in text and "connor" not in text
    assert all(len(cell) <= 14 for cell in row.cells)


# --- a worked example per code table --------------------------------------------------------


@pytest.mark.parametrize(
    ("gender", "code"),
    [
        ("female", "2"),
        ("male", "1"),
        ("trans_woman", "2"),
        ("trans_man", "1"),
        ("non_binary", "3"),
        ("intersex", "3"),
        ("not_stated", "9"),
        ("other", "9"),
    ],
)
def test_sex_from_the_gender_the_person_gave(gender, code):
    assert row_of(gender=gender).values["sex"] == code
    assert set(codes.GENDER) == {
        "female",
        "male",
        "trans_woman",
        "trans_man",
        "non_binary",
        "intersex",
        "not_stated",
        "other",
    }


@pytest.mark.parametrize(
    ("answer", "code"),
    [
        ("aboriginal", "1"),
        ("torres_strait", "2"),
        ("both", "3"),
        ("neither", "4"),
        ("not_stated", "9"),
    ],
)
def test_indigenous_status(answer, code):
    assert row_of(indigenous=answer).values["indigenous"] == code


def test_principal_and_other_drugs_are_ascdc_codes():
    row = row_of(principal_drug="3103", episode_other_drugs=("2101", "7101", "3103"))
    assert row.values["principal_drug"] == "3103"  # methamphetamine
    # alcohol and cannabis; the principal drug is not repeated as another drug
    assert [row.values[f"other_drug_{n}"] for n in (1, 2, 3)] == ["2101", "7101", ""]


@pytest.mark.parametrize(("answer", "code"), [(k, a.code) for k, a in codes.DRUGS.items()])
def test_the_appendix_drug_list_maps_onto_ascdc(answer, code):
    row = row_of(principal_drug=None, main_drug=answer)
    assert row.values["principal_drug"] == code
    assert code in codes.ASCDC


def test_method_of_use_and_injecting_status():
    row = row_of(
        method_of_use=None, injecting_status=None, method="snorts", last_injected="3_12_months"
    )
    assert row.values["method"] == "4"  # sniffs (powder)
    assert row.values["injecting"] == "2"  # three to twelve months ago


@pytest.mark.parametrize(("code", "label"), list(codes.REASON_FOR_CESSATION.items()))
def test_reason_for_cessation(code, label):
    row = row_of(reason_for_cessation=code)
    assert row.values["reason"] == str(code)
    assert label


def test_source_of_referral_setting_and_treatment_type():
    row = row_of(source_of_referral=8, delivery_setting=4, main_treatment_type=2)
    assert row.values["referral"] == "8"  # correctional service
    assert row.values["setting"] == "4"  # outreach setting
    assert row.values["main_treatment"] == "2"  # counselling


def test_country_and_language_codes():
    assert countries_languages.country_code("New Zealand") == "1201"
    assert countries_languages.country_code("  viet nam ") == "5105"
    assert countries_languages.country_code("UK") == "2100"
    assert countries_languages.country_code("Narnia") is None
    assert countries_languages.language_code("Mandarin") == "7104"
    assert countries_languages.language_code("Farsi") == "4106"
    row = row_of(country_of_birth="Vietnam", preferred_language="Vietnamese")
    assert (row.values["country"], row.values["language"]) == ("5105", "6302")


def test_date_accuracy_for_a_guessed_year():
    row = row_of(born_on=None, birth_year_estimate=1970)
    assert row.values["born"] == "01011970"
    assert row.values["date_accuracy"] == "UUE"
    assert row.values["slk"] == "MIHLI010119702"


def test_someone_elses_drug_use_leaves_the_drug_items_empty():
    row = row_of(client_type=2, principal_drug=None, method_of_use=None, injecting_status=None)
    assert row.values["client_type"] == "2"
    assert row.values["principal_drug"] == row.values["method"] == row.values["injecting"] == ""
    assert row.problems == []


# --- the check -------------------------------------------------------------------------------


def test_missing_answers_are_problems_and_go_as_not_stated():
    row = row_of(indigenous=None, country_of_birth=None, gender=None)
    words = {p.words for p in row.problems}
    assert "Aboriginal or Torres Strait Islander status is missing" in words
    assert "Country of birth is missing" in words
    assert "Gender is missing" in words
    assert {p.fix for p in row.problems} == {"background", "birth"}
    assert row.values["indigenous"] == "9"
    assert row.values["country"] == "0003"
    assert row.values["sex"] == "9"
    assert sorted(row.not_stated) == ["country", "indigenous", "sex"]


def test_prefer_not_to_say_is_not_a_problem_but_is_counted():
    row = row_of(
        indigenous="not_stated",
        country_of_birth=None,
        not_said=frozenset({"country_of_birth"}),
        principal_drug="0001",
        main_drug="prefer_not",
    )
    assert row.problems == []
    assert sorted(row.not_stated) == ["country", "indigenous", "principal_drug"]


def test_the_file_fills_the_episodes_gaps():
    """The episode was opened before the drug questions were asked; they were answered later."""
    row = row_of(principal_drug="0001", method_of_use=9, injecting_status=9, source_of_referral=99)
    assert row.problems == []
    assert (row.values["principal_drug"], row.values["method"], row.values["injecting"]) == (
        "1202",
        "3",
        "1",
    )
    assert row.values["referral"] == "1"


def test_no_answer_anywhere_is_a_problem_to_fix_in_the_drug_questions():
    row = row_of(principal_drug="0001", main_drug=None, method_of_use=None, method=None)
    assert {(p.item, p.fix) for p in row.problems} == {
        ("principal_drug", "drugs"),
        ("method", "drugs"),
    }
    assert row.values["principal_drug"] == "0001" and row.values["method"] == "9"


def test_invalid_codes_are_named_in_plain_words():
    row = row_of(reason_for_cessation=42, delivery_setting=7, principal_drug="9999", main_drug=None)
    words = {p.words for p in row.problems}
    assert "Why the episode closed is not one of the national answers" in words
    assert "Where the support happens is not one of the national answers" in words
    assert "Main drug is not one of the national answers" in words
    assert row.values["reason"] == "99"


def test_dates_are_checked():
    row = row_of(closed_on=date(2025, 1, 1))
    assert [p.words for p in row.problems] == ["The episode closed before it began"]
    row = row_of(born_on=date(2026, 1, 1))
    assert "Date of birth is after the episode began" in [p.words for p in row.problems]


def test_no_date_of_birth_means_no_linkage_key():
    row = row_of(born_on=None)
    assert row.values["slk"] == "" and row.values["born"] == ""
    assert row.values["date_accuracy"] == "UUU"
    assert [(p.item, p.fix) for p in row.problems] == [("born", "birth")]
    assert "slk" in row.not_stated


def test_a_missing_name_weakens_the_key_and_is_listed():
    row = row_of(family_name=None)
    assert row.values["slk"] == "999LI050319802"
    assert [p.words for p in row.problems] == ["Family name is missing (the linkage key uses it)"]
    assert not row_of(family_name=None, not_said=frozenset({"family_name"})).problems


def test_a_country_not_in_our_list_is_listed_and_sent_as_inadequately_described():
    row = row_of(country_of_birth="Narnia")
    assert row.values["country"] == "0000"
    assert row.problems[0].words == "Country of birth “Narnia” is not in our list yet"


# --- years and scope ---------------------------------------------------------------------------


def test_financial_years():
    assert financial_years.financial_year(2025) == (date(2025, 7, 1), date(2026, 6, 30))
    assert financial_years.financial_year_of(date(2026, 6, 30)) == 2025
    assert financial_years.financial_year_of(date(2026, 7, 1)) == 2026
    assert financial_years.financial_year_words(2025) == "2025-26"
    assert financial_years.financial_year_words(2099) == "2099-00"
    assert financial_years.last_full_year(date(2026, 3, 3)) == 2024


def test_children_under_ten_are_out_of_scope():
    assert export.out_of_scope(EpisodeFacts(born_on=date(2017, 1, 1), opened_on=date(2026, 1, 1)))
    assert not export.out_of_scope(
        EpisodeFacts(born_on=date(2016, 1, 1), opened_on=date(2026, 1, 1))
    )
    assert not export.out_of_scope(EpisodeFacts(opened_on=date(2026, 1, 1)))


def test_the_establishment_number_has_the_national_shape():
    assert export.establishment_problem("810100001") is None
    assert export.establishment_problem("81A00001") is None
    assert export.establishment_problem("") == "The establishment number is not set"
    assert (
        export.establishment_problem("ABC")
        == "The establishment number is not in the national shape"
    )
