"""The file audit's completeness score is computed from the checklist, never typed."""

from datetime import date

from app.team.completeness import (
    CHECKS,
    DOES_NOT_APPLY,
    NO,
    YES,
    FileFacts,
    Score,
    combined,
    score,
    suggested_answers,
    unanswered,
    what_the_file_shows,
)

TODAY = date(2026, 3, 3)

A_GOOD_FILE = FileFacts(
    consents=1,
    current_consents=1,
    assessed=True,
    told_confidential=True,
    open_episode=True,
    plan_review_on=date(2026, 5, 1),
    referrals=2,
    notes=12,
)


def test_every_check_yes_is_full_marks():
    answers = dict.fromkeys(CHECKS, YES)
    assert score(answers) == Score(met=11, counted=11)
    assert score(answers).percent == 100
    assert score(answers).words == "11 of 11 (100%)"


def test_does_not_apply_and_unanswered_checks_are_not_counted():
    answers = {"registration": YES, "statistics": NO, "plan": DOES_NOT_APPLY, "consent": None}
    assert score(answers) == Score(met=1, counted=2)
    assert score(answers).percent == 50


def test_an_unknown_answer_or_check_is_ignored():
    assert score({"registration": "maybe", "typed_score": YES}) == Score(0, 0)
    assert score({}).percent is None
    assert score({}).words == "Nothing to score"


def test_percent_rounds_to_a_whole_number():
    answers = {"registration": YES, "statistics": YES, "consent": NO}
    assert score(answers).percent == 67


def test_a_workers_score_adds_up_their_files():
    files = [Score(9, 10), Score(3, 4), Score(0, 0)]
    assert combined(files) == Score(12, 14)
    assert combined(files).percent == 86
    assert combined([]).percent is None


def test_a_good_file_suggests_yes_and_leaves_the_notes_to_the_senior():
    suggested = suggested_answers(A_GOOD_FILE, TODAY)
    assert list(suggested) == list(CHECKS)
    assert suggested["registration"] == suggested["statistics"] == YES
    assert suggested["consent"] == suggested["assessment"] == suggested["plan"] == YES
    assert suggested["referrals"] == suggested["notes_timely"] == YES
    assert suggested["confidentiality"] == YES
    for judged in ("notes_complete", "notes_accurate", "notes_objective"):
        assert suggested[judged] is None
    assert unanswered(suggested) == ["notes_complete", "notes_accurate", "notes_objective"]


def test_gaps_in_a_file_are_shown_in_plain_words():
    facts = FileFacts(
        registration_gaps=(
            "family name",
            "date of birth",
            "gender",
            "country of birth",
            "main drug",
        ),
        statistics_gaps=("Country of birth",),
        consents=2,
        current_consents=0,
        open_episode=True,
        plan_review_on=date(2026, 2, 1),
        referrals=3,
        referrals_without_consent=1,
        notes=5,
        late_notes=2,
    )
    found = what_the_file_shows(facts, TODAY)
    assert found["registration"].answer == NO
    assert found["registration"].words == (
        "Still to ask: family name, date of birth, gender, country of birth and 1 more"
    )
    assert found["statistics"].words == "Missing: Country of birth"
    assert found["consent"].words == "No consent is current now"
    assert found["assessment"].words == "No assessment yet"
    assert found["plan"].words == "The review was due on 1 February 2026"
    assert found["referrals"].words == "1 referral without a current consent"
    assert found["notes_timely"].words == "2 notes written late"
    # Model of care: "Service users are informed that their client file is confidential".
    assert found["confidentiality"].words == "Nobody has written down that they were told"
    assert score(suggested_answers(facts, TODAY)) == Score(met=0, counted=8)


def test_checks_that_do_not_apply():
    found = what_the_file_shows(FileFacts(), TODAY)
    assert found["plan"].answer == DOES_NOT_APPLY  # no open episode
    assert found["referrals"].answer == DOES_NOT_APPLY
    assert found["notes_timely"].answer == DOES_NOT_APPLY
    assert found["consent"].words == "No consent on file"
    assert what_the_file_shows(FileFacts(open_episode=True), TODAY)["plan"].words == "No plan yet"


def test_a_plan_reviewed_today_is_still_current():
    facts = FileFacts(open_episode=True, plan_review_on=TODAY)
    assert suggested_answers(facts, TODAY)["plan"] == YES
