"""The file audit checklist and its completeness score, as pure functions.

The model of care asks that files hold everything about the person: registration,
statistical data, assessment, consent and referral forms; and that case notes are complete,
accurate, timely and objective. A senior answers each check yes, no or "does not apply".
What the file itself shows is worked out first (`what_the_file_shows`), so the senior starts
from the facts; the notes are read and judged by the senior.

The score is computed from the answers, never typed: the checks answered yes, out of the
checks that apply. A worker's score adds up the latest check of each of their files.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

YES, NO, DOES_NOT_APPLY = "yes", "no", "na"
ANSWERS = {YES: "Yes", NO: "No", DOES_NOT_APPLY: "Does not apply"}

# key -> the question, in the order of the checklist.
CHECKS: dict[str, str] = {
    "registration": "Registration is complete",
    "statistics": "The national data is complete",
    "consent": "Consent is on file and current",
    # Model of care: "Service users are informed that their client file is confidential".
    "confidentiality": "They were told their file is confidential",
    "assessment": "The assessment is done",
    "plan": "The plan is current, with a review date",
    "referrals": "Each referral has its consent form",
    "notes_complete": "Case notes are complete",
    "notes_accurate": "Case notes are accurate",
    "notes_timely": "Case notes are on time (within 48 hours)",
    "notes_objective": "Case notes are objective",
}
# Checks only a person reading the notes can answer.
JUDGED = ("notes_complete", "notes_accurate", "notes_objective")


@dataclass(frozen=True)
class FileFacts:
    """What a file holds, as counts and dates (gathered by app.team.audits)."""

    registration_gaps: tuple[str, ...] = ()  # questions still to ask, in words
    statistics_gaps: tuple[str, ...] = ()  # national items missing, in words
    consents: int = 0  # consents on file, of any state
    current_consents: int = 0
    assessed: bool = False
    told_confidential: bool = False  # a worker told them their file is confidential
    open_episode: bool = False
    plan_review_on: date | None = None  # the open episode's plan, if there is one
    referrals: int = 0
    referrals_without_consent: int = 0  # no consent current on the day of the referral
    notes: int = 0  # current case notes
    late_notes: int = 0


@dataclass(frozen=True)
class Finding:
    answer: str | None  # the answer the facts suggest; None when a person must judge
    words: str  # what the file shows, in plain words


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _list(words: Iterable[str]) -> str:
    items = list(words)
    shown = ", ".join(items[:4])
    return shown + (f" and {len(items) - 4} more" if len(items) > 4 else "")


def what_the_file_shows(facts: FileFacts, today: date) -> dict[str, Finding]:
    """For each check: the answer the file suggests, and why, in plain words."""
    found: dict[str, Finding] = {}
    if facts.registration_gaps:
        found["registration"] = Finding(NO, f"Still to ask: {_list(facts.registration_gaps)}")
    else:
        found["registration"] = Finding(YES, "Every question is answered")
    if facts.statistics_gaps:
        found["statistics"] = Finding(NO, f"Missing: {_list(facts.statistics_gaps)}")
    else:
        found["statistics"] = Finding(YES, "Every national item is there")
    if facts.current_consents:
        found["consent"] = Finding(
            YES, _count(facts.current_consents, "current consent", "current consents")
        )
    elif facts.consents:
        found["consent"] = Finding(NO, "No consent is current now")
    else:
        found["consent"] = Finding(NO, "No consent on file")
    found["confidentiality"] = (
        Finding(YES, "The file says when they were told")
        if facts.told_confidential
        else Finding(NO, "Nobody has written down that they were told")
    )
    found["assessment"] = (
        Finding(YES, "An assessment is on file")
        if facts.assessed
        else Finding(NO, "No assessment yet")
    )
    if not facts.open_episode:
        found["plan"] = Finding(DOES_NOT_APPLY, "No open episode")
    elif facts.plan_review_on is None:
        found["plan"] = Finding(NO, "No plan yet")
    elif facts.plan_review_on < today:
        found["plan"] = Finding(NO, f"The review was due on {facts.plan_review_on:%-d %B %Y}")
    else:
        found["plan"] = Finding(YES, f"Review due {facts.plan_review_on:%-d %B %Y}")
    if not facts.referrals:
        found["referrals"] = Finding(DOES_NOT_APPLY, "No referrals")
    elif facts.referrals_without_consent:
        found["referrals"] = Finding(
            NO,
            _count(
                facts.referrals_without_consent,
                "referral without a current consent",
                "referrals without a current consent",
            ),
        )
    else:
        found["referrals"] = Finding(
            YES, _count(facts.referrals, "referral, with consent", "referrals, each with consent")
        )
    if not facts.notes:
        found["notes_timely"] = Finding(DOES_NOT_APPLY, "No case notes yet")
        for key in JUDGED:
            found[key] = Finding(DOES_NOT_APPLY, "No case notes yet")
    else:
        found["notes_timely"] = (
            Finding(NO, f"{_count(facts.late_notes, 'note', 'notes')} written late")
            if facts.late_notes
            else Finding(YES, "Every note written within 48 hours")
        )
        for key in JUDGED:
            found[key] = Finding(None, "Read the notes to answer")
    return {key: found[key] for key in CHECKS}


def suggested_answers(facts: FileFacts, today: date) -> dict[str, str | None]:
    return {key: f.answer for key, f in what_the_file_shows(facts, today).items()}


@dataclass(frozen=True)
class Score:
    met: int
    counted: int

    @property
    def percent(self) -> int | None:
        """Whole percent, or None when no check applied."""
        if not self.counted:
            return None
        return round(100 * self.met / self.counted)

    @property
    def words(self) -> str:
        if not self.counted:
            return "Nothing to score"
        return f"{self.met} of {self.counted} ({self.percent}%)"


def score(answers: Mapping[str, str | None]) -> Score:
    """Checks answered yes, out of the checks answered yes or no. Unknown keys, unanswered
    checks and "does not apply" do not count."""
    counted = [answers.get(key) for key in CHECKS if answers.get(key) in (YES, NO)]
    return Score(met=sum(1 for a in counted if a == YES), counted=len(counted))


def combined(scores: Iterable[Score]) -> Score:
    """A worker's score: every check of their files added together (a file with more checks
    that apply weighs more)."""
    met = counted = 0
    for s in scores:
        met += s.met
        counted += s.counted
    return Score(met=met, counted=counted)


def unanswered(answers: Mapping[str, str | None]) -> list[str]:
    """The checks that still need an answer before the audit can be finished."""
    return [key for key in CHECKS if answers.get(key) not in ANSWERS]
