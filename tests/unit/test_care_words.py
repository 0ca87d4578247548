"""Respectful language: the words the sector has moved away from are found, with what to say
instead; everyday uses of the same words are left alone."""

import re

import pytest

from app.care.words import RULES, rules_for_browser, suggestions


@pytest.mark.parametrize(
    ("text", "found", "instead"),
    [
        ("He is an addict.", "addict", "person who uses drugs"),
        ("Talked with two drug addicts at the park", "drug addicts", "person who uses drugs"),
        ("Says the junkies hang out there", "junkies", "person who uses drugs"),
        ("Called him a junky", "junky", "person who uses drugs"),
        ("She is a drug abuser", "drug abuser", "person who uses drugs"),
        ("History of substance abuse", "substance abuse", "drug use (or alcohol use)"),
        ("Doctor said drug seeking", "drug seeking", "asked for pain relief"),
        ("Noted as drug-seeking by ED", "drug-seeking", "asked for pain relief"),
        ("Non-compliant with meds", "Non-compliant", "chose not to"),
        ("noncompliant again", "noncompliant", "chose not to"),
        ("Urine was clean", "Urine was clean", "negative result"),
        ("Clean urine today", "Clean urine", "negative result"),
        ("The UDS came back dirty", "UDS came back dirty", "positive result"),
        ("dirty screen on Monday", "dirty screen", "positive result"),
        ("She has been clean for a month", "has been clean", "not using right now"),
        ("Wants to stay clean", "stay clean", "not using right now"),
        ("clean and sober", "clean and sober", "not using right now"),
        ("Relapsed on the weekend", "Relapsed", "returned to use"),
        ("Failed rehab twice", "Failed rehab", "say what happened"),
        ("Her alcoholic father", "alcoholic", "person who drinks alcohol"),
        ("a known ice head", "ice head", "person who uses drugs"),
    ],
)
def test_finds_the_word_and_the_respectful_alternative(text, found, instead):
    result = suggestions(text)
    assert result, text
    assert result[0].found == found
    assert instead in result[0].instead


@pytest.mark.parametrize(
    "text",
    [
        "",
        None,
        "Gave clean clothes and a towel.",
        "The kitchen was clean when we visited.",
        "Her room is clean and tidy.",
        "Clean fits and naloxone given.",
        "Her abuser was at the door, so we called the police.",
        "Referred to the addiction medicine clinic.",
        "Person who uses drugs, doing well. Negative result.",
        "She cleaned the flat.",
        "Took part in the group.",
    ],
)
def test_leaves_everyday_words_alone(text):
    assert suggestions(text) == []


def test_each_phrase_once_in_the_order_typed():
    result = suggestions("Addict. Then: junkie, addict again, and a dirty urine.")
    assert [s.found for s in result] == ["Addict", "junkie", "dirty urine"]


def test_the_words_are_only_a_suggestion_and_keep_their_case_and_spacing():
    [only] = suggestions("urine   was\nclean")
    assert only.found == "urine was clean"


def test_the_browser_gets_the_same_rules_in_a_form_javascript_reads():
    rules = rules_for_browser()
    assert len(rules) == len(RULES)
    for rule in rules:
        assert set(rule) == {"pattern", "instead", "unless"}
        re.compile(rule["pattern"])
        # Nothing only Python understands (named groups, inline flags, possessive forms).
        assert "(?P" not in rule["pattern"] and "(?i" not in rule["pattern"]
