"""The national data set's episode items: their columns and plain words, the parts of the
file that fix each, the "not stated" codes, and the facts of one episode that fill them.
app/standards/export.py turns the facts into a checked row."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from app.standards import codes

# --- the row ------------------------------------------------------------------------------

OTHER_DRUGS = 5
OTHER_TREATMENTS = 5

# (key, heading) in the usual order of the episode row (../shared/data/aodts-nmds.md).
# The person identifier is left out: people are identified only by SLK-581 (DESIGN.md).
COLUMNS: tuple[tuple[str, str], ...] = (
    ("establishment", "Establishment identifier"),
    ("sex", "Sex"),
    ("born", "Date of birth"),
    ("date_accuracy", "Date accuracy indicator"),
    ("country", "Country of birth"),
    ("indigenous", "Indigenous status"),
    ("language", "Preferred language"),
    ("client_type", "Client type"),
    ("referral", "Source of referral"),
    ("commenced", "Date of commencement"),
    ("ceased", "Date of cessation"),
    ("reason", "Reason for cessation"),
    ("setting", "Treatment delivery setting"),
    ("method", "Method of use for principal drug of concern"),
    ("injecting", "Injecting drug use status"),
    ("principal_drug", "Principal drug of concern"),
    *((f"other_drug_{n}", f"Other drug of concern {n}") for n in range(1, OTHER_DRUGS + 1)),
    ("main_treatment", "Main treatment type"),
    *(
        (f"other_treatment_{n}", f"Other treatment type {n}")
        for n in range(1, OTHER_TREATMENTS + 1)
    ),
    ("slk", "Statistical linkage key 581"),
)
COLUMN_KEYS = tuple(key for key, _ in COLUMNS)
HEADINGS = tuple(heading for _, heading in COLUMNS)

# Plain words for each item, for the check ("Date of birth is missing").
ITEM_WORDS: dict[str, str] = {
    "establishment": "Establishment number",
    "sex": "Gender",
    "born": "Date of birth",
    "date_accuracy": "Date accuracy",
    "country": "Country of birth",
    "indigenous": "Aboriginal or Torres Strait Islander status",
    "language": "Preferred language",
    "client_type": "Whose drug use the support is about",
    "referral": "Who sent them",
    "commenced": "Date the episode began",
    "ceased": "Date the episode closed",
    "reason": "Why the episode closed",
    "setting": "Where the support happens",
    "method": "How they use their main drug",
    "injecting": "When they last injected",
    "principal_drug": "Main drug",
    "other_drugs": "Other drugs",
    "main_treatment": "Main treatment type",
    "slk": "Statistical linkage key",
    "given_name": "First name",
    "family_name": "Family name",
}

# Where a problem is fixed: a step of the person's details, or the episode page.
FIX_NAME, FIX_CONTACT, FIX_BIRTH, FIX_BACKGROUND, FIX_DRUGS = (
    "name",
    "contact",
    "birth",
    "background",
    "drugs",
)
FIX_EPISODE = "episode"

# METeOR 294429, date accuracy indicator: day, month, year each A(ccurate), E(stimated) or
# U(nknown). No date at all: UUU. Check.
DATE_ACCURACY_UNKNOWN = "UUU"

# The national "not stated" codes (what goes out when there is no answer).
SEX_NOT_STATED = 9
INDIGENOUS_NOT_STATED = 9
REFERRAL_NOT_STATED = 99
REASON_NOT_STATED = 99
METHOD_NOT_STATED = 9
INJECTING_NOT_STATED = 9
DRUG_NOT_STATED = "0001"
DRUG_INADEQUATELY_DESCRIBED = "0000"

# Out of scope of the collection: people under 10 when the episode began (METeOR 327302).
YOUNGEST = 10


def date_code(day: date | None) -> str:
    """A national date: DDMMYYYY."""
    return f"{day:%d%m%Y}" if day else ""


# --- the facts of one episode ---------------------------------------------------------------


@dataclass(frozen=True)
class EpisodeFacts:
    """Everything the row needs, as plain values (the person's answers and the episode)."""

    # The person's answers (Appendix Two keys, as stored on the file)
    given_name: str | None = None
    family_name: str | None = None
    born_on: date | None = None
    birth_year_estimate: int | None = None
    gender: str | None = None
    country_of_birth: str | None = None
    preferred_language: str | None = None
    indigenous: str | None = None
    referral_source: str | None = None
    main_drug: str | None = None
    method: str | None = None
    last_injected: str | None = None
    other_drugs: tuple[str, ...] = ()
    not_said: frozenset[str] = frozenset()
    # The episode's national codes
    opened_on: date | None = None
    closed_on: date | None = None
    reason_for_cessation: int | None = None
    source_of_referral: int | None = None
    client_type: int | None = 1
    main_treatment_type: int | None = codes.PTSS_MAIN_TREATMENT_TYPE
    delivery_setting: int | None = 1
    principal_drug: str | None = None
    episode_other_drugs: tuple[str, ...] = ()
    method_of_use: int | None = None
    injecting_status: int | None = None
    # Where it came from, to link the check to the file (never exported)
    client_id: int | None = None
    episode_id: int | None = None


@dataclass(frozen=True)
class Problem:
    item: str  # a key of ITEM_WORDS
    words: str  # what is wrong, in plain words
    fix: str  # FIX_* : the step of the person's details, or the episode


@dataclass
class Row:
    values: dict[str, str]
    problems: list[Problem] = field(default_factory=list)
    not_stated: list[str] = field(default_factory=list)  # items sent as "not stated"

    @property
    def cells(self) -> list[str]:
        return [self.values.get(key, "") for key in COLUMN_KEYS]
