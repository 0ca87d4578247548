"""The AODTS-NMDS episode export, as pure functions: plain facts in, one checked row out.

Nothing here reads the database or the request. The reports area gathers the facts of each
closed episode (`EpisodeFacts`), and `build_row` turns them into the national items, in the
usual order, with the national codes. Each item is checked on the way: a missing or invalid
answer becomes a `Problem` (in plain words, with the part of the file that fixes it), and the
item goes out with the national "not stated" code so the file can still be sent.

Where the episode and the person's file both hold an answer (source of referral, drugs,
method of use, injecting), the episode's code wins: it is what was true for that episode.
When the episode has no real answer ("not stated"), the answer on the file fills the gap, so
fixing the file fixes the export.

No names, no addresses, no free text leave here: a name is read only to make the SLK-581.
Tables of codes live in app/standards/codes.py; the country and language lists below are the
ABS classifications (SACC 2016 and ASCL 2016) for the answers people give most often.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from app.standards import codes
from app.standards.slk import slk581

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


# --- financial years ------------------------------------------------------------------------


def financial_year(start_year: int) -> tuple[date, date]:
    """1 July of `start_year` to 30 June of the next year."""
    return date(start_year, 7, 1), date(start_year + 1, 6, 30)


def financial_year_of(day: date) -> int:
    """The year the financial year holding `day` starts in (30 June 2026 -> 2025)."""
    return day.year if day.month >= 7 else day.year - 1


def financial_year_words(start_year: int) -> str:
    """'2025-26'."""
    return f"{start_year}-{(start_year + 1) % 100:02d}"


def last_full_year(today: date) -> int:
    """The latest financial year that has ended."""
    return financial_year_of(today) - 1


# --- countries (SACC 2016) and languages (ASCL 2016) ----------------------------------------


def plain_name(name: str | None) -> str:
    """Lower case letters and single spaces, no accents or dots ("Viet Nam" -> "viet nam")."""
    if not name:
        return ""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[^a-z]+", " ", text)
    return " ".join(text.split())


# ABS Standard Australian Classification of Countries 2016 (SACC), 4 digits, for METeOR
# 659454 (country of birth). Only the answers people give most often; a name not here is
# listed by the check so it can be added. Codes: check against the ABS list before an
# official submission.
SACC: dict[str, str] = {
    "0000": "Inadequately described",
    "0003": "Not stated",
    "1101": "Australia",
    "1201": "New Zealand",
    "1302": "Papua New Guinea",
    "1502": "Fiji",
    "1505": "Samoa",
    "1508": "Tonga",
    "2100": "United Kingdom, not further defined",
    "2102": "England",
    "2104": "Scotland",
    "2201": "Ireland",
    "2304": "Germany",
    "2308": "Netherlands",
    "3104": "Italy",
    "3207": "Greece",
    "4102": "Egypt",
    "4203": "Iran",
    "4204": "Iraq",
    "4208": "Lebanon",
    "4215": "Turkey",
    "4111": "Sudan",
    "5102": "Cambodia",
    "5104": "Thailand",
    "5105": "Vietnam",
    "5202": "Indonesia",
    "5203": "Malaysia",
    "5204": "Philippines",
    "6101": "China (excludes SARs and Taiwan)",
    "6102": "Hong Kong (SAR of China)",
    "6201": "Japan",
    "6203": "Korea, Republic of (South)",
    "7103": "India",
    "7107": "Sri Lanka",
    "7201": "Afghanistan",
    "8102": "Canada",
    "8104": "United States of America",
    "8206": "Chile",
    "9225": "South Africa",
}
COUNTRY_NOT_STATED = "0003"
COUNTRY_INADEQUATELY_DESCRIBED = "0000"
# Other ways people say the same country.
COUNTRY_ALIASES: dict[str, str] = {
    "aus": "1101",
    "oz": "1101",
    "nz": "1201",
    "aotearoa": "1201",
    "png": "1302",
    "uk": "2100",
    "united kingdom": "2100",
    "great britain": "2100",
    "britain": "2100",
    "viet nam": "5105",
    "china": "6101",
    "hong kong": "6102",
    "south korea": "6203",
    "korea": "6203",
    "usa": "8104",
    "us": "8104",
    "united states": "8104",
    "america": "8104",
}

# ABS Australian Standard Classification of Languages 2016 (ASCL), 4 digits, for METeOR
# 659407 (preferred language). The answers people give most often; check before an
# official submission.
ASCL: dict[str, str] = {
    "0000": "Inadequately described",
    "0002": "Not stated",
    "1201": "English",
    "2201": "Greek",
    "2303": "Spanish",
    "2401": "Italian",
    "4106": "Persian (excluding Dari)",
    "4202": "Arabic",
    "5203": "Hindi",
    "6302": "Vietnamese",
    "6511": "Tagalog",
    "7101": "Cantonese",
    "7104": "Mandarin",
    "7201": "Japanese",
    "7301": "Korean",
    "9701": "Auslan",
}
LANGUAGE_NOT_STATED = "0002"
LANGUAGE_INADEQUATELY_DESCRIBED = "0000"
LANGUAGE_ALIASES: dict[str, str] = {
    "australian english": "1201",
    "eng": "1201",
    "farsi": "4106",
    "persian": "4106",
    "chinese mandarin": "7104",
    "filipino": "6511",
    "sign language": "9701",
    "australian sign language": "9701",
}


def _lookup(name: str | None, table: dict[str, str], aliases: dict[str, str]) -> str | None:
    wanted = plain_name(name)
    if not wanted:
        return None
    if wanted in aliases:
        return aliases[wanted]
    for code, label in table.items():
        if code.startswith("000"):
            continue
        names = {
            plain_name(label),
            plain_name(label.split(",")[0]),
            plain_name(label.split(" (")[0]),
        }
        if wanted in names:
            return code
    return None


# Remembered: the export asks for the same few countries and languages for every episode.
@lru_cache(maxsize=2048)
def country_code(name: str | None) -> str | None:
    """SACC code of a country as a person names it, or None when it is not in our list."""
    return _lookup(name, SACC, COUNTRY_ALIASES)


@lru_cache(maxsize=2048)
def language_code(name: str | None) -> str | None:
    """ASCL code of a language as a person names it, or None when it is not in our list."""
    return _lookup(name, ASCL, LANGUAGE_ALIASES)


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


def _missing(item: str, fix: str) -> Problem:
    return Problem(item, f"{ITEM_WORDS[item]} is missing", fix)


def _not_a_code(item: str, fix: str) -> Problem:
    return Problem(item, f"{ITEM_WORDS[item]} is not one of the national answers", fix)


def _chosen(facts: EpisodeFacts, answer: str | None, field_name: str) -> bool:
    """The person chose not to say (a "prefer not" answer, or the "not said" tick)."""
    return answer == codes.PREFER_NOT or field_name in facts.not_said


# --- each item -----------------------------------------------------------------------------


class _Builder:
    def __init__(self, facts: EpisodeFacts, establishment: str):
        self.facts = facts
        self.row = Row(values={key: "" for key in COLUMN_KEYS})
        self.establishment = establishment

    def put(self, key: str, value) -> None:
        self.row.values[key] = "" if value is None else str(value)

    def problem(self, problem: Problem) -> None:
        self.row.problems.append(problem)

    def not_stated(self, item: str) -> None:
        self.row.not_stated.append(item)

    # person
    def sex(self) -> int:
        gender = self.facts.gender
        code = codes.GENDER[gender].code if gender in codes.GENDER else None
        if code is None:
            self.problem(
                _missing("sex", FIX_BIRTH) if not gender else _not_a_code("sex", FIX_BIRTH)
            )
            code = SEX_NOT_STATED
        if code == SEX_NOT_STATED:
            self.not_stated("sex")
        self.put("sex", code)
        return code

    def born(self) -> date | None:
        f = self.facts
        if f.born_on:
            born, accuracy = f.born_on, codes.DATE_ACCURACY_KNOWN
        elif f.birth_year_estimate:
            born, accuracy = date(f.birth_year_estimate, 1, 1), codes.DATE_ACCURACY_YEAR_ONLY
        else:
            born, accuracy = None, DATE_ACCURACY_UNKNOWN
            self.not_stated("born")
            if "born_on" not in f.not_said:
                self.problem(_missing("born", FIX_BIRTH))
        if born and f.opened_on and born > f.opened_on:
            self.problem(Problem("born", "Date of birth is after the episode began", FIX_BIRTH))
        self.put("born", date_code(born))
        self.put("date_accuracy", accuracy)
        return born

    def _named(self, key, answer, field_name, lookup, not_stated, vague, fix) -> None:
        code = lookup(answer)
        if code is None and not answer:
            code = not_stated
            self.not_stated(key)
            if field_name not in self.facts.not_said:
                self.problem(_missing(key, fix))
        elif code is None:
            code = vague
            self.problem(
                Problem(key, f"{ITEM_WORDS[key]} “{answer[:40]}” is not in our list yet", fix)
            )
        self.put(key, code)

    def country(self) -> None:
        self._named(
            "country",
            self.facts.country_of_birth,
            "country_of_birth",
            country_code,
            COUNTRY_NOT_STATED,
            COUNTRY_INADEQUATELY_DESCRIBED,
            FIX_BACKGROUND,
        )

    def language(self) -> None:
        self._named(
            "language",
            self.facts.preferred_language,
            "preferred_language",
            language_code,
            LANGUAGE_NOT_STATED,
            LANGUAGE_INADEQUATELY_DESCRIBED,
            FIX_BACKGROUND,
        )

    def indigenous(self) -> None:
        answer = self.facts.indigenous
        if answer in codes.INDIGENOUS:
            code = codes.INDIGENOUS[answer].code
        else:
            self.problem(
                _missing("indigenous", FIX_BACKGROUND)
                if not answer
                else _not_a_code("indigenous", FIX_BACKGROUND)
            )
            code = INDIGENOUS_NOT_STATED
        if code == INDIGENOUS_NOT_STATED:
            self.not_stated("indigenous")
        self.put("indigenous", code)

    def slk(self, born: date | None, sex: int) -> None:
        f = self.facts
        for name_field in ("family_name", "given_name"):
            if not getattr(f, name_field) and name_field not in f.not_said:
                self.problem(
                    Problem(
                        name_field,
                        f"{ITEM_WORDS[name_field]} is missing (the linkage key uses it)",
                        FIX_NAME,
                    )
                )
        key = slk581(f.family_name, f.given_name, born, sex)
        if key is None:
            self.not_stated("slk")
        self.put("slk", key)

    # episode
    def client_type(self) -> int | None:
        value = self.facts.client_type
        if value not in codes.CLIENT_TYPE:
            self.problem(_not_a_code("client_type", FIX_EPISODE))
            value = None
        self.put("client_type", value)
        return value

    def referral(self) -> None:
        f = self.facts
        code = f.source_of_referral
        if code not in codes.SOURCE_OF_REFERRAL or code == REFERRAL_NOT_STATED:
            answer = f.referral_source
            if answer in codes.REFERRAL and answer != codes.PREFER_NOT:
                code = codes.REFERRAL[answer].code
            else:
                if not _chosen(f, answer, "referral_source"):
                    self.problem(_missing("referral", FIX_CONTACT))
                code = REFERRAL_NOT_STATED
        if code == REFERRAL_NOT_STATED:
            self.not_stated("referral")
        self.put("referral", code)

    def dates_and_reason(self) -> None:
        f = self.facts
        if f.opened_on is None:
            self.problem(_missing("commenced", FIX_EPISODE))
        if f.closed_on is None:
            self.problem(_missing("ceased", FIX_EPISODE))
        elif f.opened_on and f.closed_on < f.opened_on:
            self.problem(Problem("ceased", "The episode closed before it began", FIX_EPISODE))
        self.put("commenced", date_code(f.opened_on))
        self.put("ceased", date_code(f.closed_on))
        reason = f.reason_for_cessation
        if reason not in codes.REASON_FOR_CESSATION:
            self.problem(
                _missing("reason", FIX_EPISODE)
                if reason is None
                else _not_a_code("reason", FIX_EPISODE)
            )
            reason = REASON_NOT_STATED
        if reason == REASON_NOT_STATED:
            self.not_stated("reason")
        self.put("reason", reason)

    def setting_and_treatment(self) -> None:
        f = self.facts
        setting = f.delivery_setting
        if setting not in codes.DELIVERY_SETTING:
            self.problem(_not_a_code("setting", FIX_EPISODE))
            setting = None
        self.put("setting", setting)
        main = f.main_treatment_type
        if main not in codes.MAIN_TREATMENT_TYPE:
            self.problem(
                _missing("main_treatment", FIX_EPISODE)
                if main is None
                else _not_a_code("main_treatment", FIX_EPISODE)
            )
            main = None
        self.put("main_treatment", main)

    def _coded(self, key, episode_code, table, not_stated_code, answer, answers, field_name):
        """The episode's code; else the file's answer; else not stated (and a problem)."""
        if episode_code in table and episode_code != not_stated_code:
            return episode_code
        if answer in answers and answer != codes.PREFER_NOT:
            return answers[answer].code
        if episode_code is not None and episode_code not in table:
            self.problem(_not_a_code(key, FIX_DRUGS))
        elif not _chosen(self.facts, answer, field_name):
            self.problem(_missing(key, FIX_DRUGS))
        self.not_stated(key)
        return not_stated_code

    def drugs(self) -> None:
        f = self.facts
        self.put(
            "principal_drug",
            self._coded(
                "principal_drug",
                f.principal_drug,
                codes.ASCDC,
                DRUG_NOT_STATED,
                f.main_drug,
                codes.DRUGS,
                "main_drug",
            ),
        )
        self.put(
            "method",
            self._coded(
                "method",
                f.method_of_use,
                codes.METHOD_OF_USE,
                METHOD_NOT_STATED,
                f.method,
                codes.METHOD,
                "method",
            ),
        )
        self.put(
            "injecting",
            self._coded(
                "injecting",
                f.injecting_status,
                codes.INJECTING_STATUS,
                INJECTING_NOT_STATED,
                f.last_injected,
                codes.LAST_INJECTED,
                "last_injected",
            ),
        )
        others = [d for d in f.episode_other_drugs if d != DRUG_NOT_STATED]
        if not others:
            others = [
                codes.DRUGS[d].code
                for d in f.other_drugs
                if d in codes.DRUGS and d != codes.PREFER_NOT
            ]
        if any(d not in codes.ASCDC for d in others):
            self.problem(_not_a_code("other_drugs", FIX_DRUGS))
            others = [d for d in others if d in codes.ASCDC]
        unique = list(dict.fromkeys(d for d in others if d != self.row.values["principal_drug"]))
        for n, drug in enumerate(unique[:OTHER_DRUGS], start=1):
            self.put(f"other_drug_{n}", drug)

    def establishment_id(self) -> None:
        self.put("establishment", self.establishment)


def build_row(facts: EpisodeFacts, establishment: str) -> Row:
    """One closed episode as the national row, with its problems and "not stated" items."""
    b = _Builder(facts, establishment)
    b.establishment_id()
    sex = b.sex()
    born = b.born()
    b.country()
    b.indigenous()
    b.language()
    client_type = b.client_type()
    b.referral()
    b.dates_and_reason()
    b.setting_and_treatment()
    if client_type != 2:
        b.drugs()  # not collected for someone else's drug use (METeOR 270083)
    b.slk(born, sex)
    return b.row


def out_of_scope(facts: EpisodeFacts) -> str | None:
    """Why an episode is outside the collection, or None. People under 10 are out."""
    born = facts.born_on or (
        date(facts.birth_year_estimate, 1, 1) if facts.birth_year_estimate else None
    )
    if born and facts.opened_on:
        age = (
            facts.opened_on.year
            - born.year
            - ((facts.opened_on.month, facts.opened_on.day) < (born.month, born.day))
        )
        if 0 <= age < YOUNGEST:
            return "under 10 when the episode began"
    return None


ESTABLISHMENT_PATTERN = re.compile(r"^[0-9][0-9][0-9A-Z]{1,2}[0-9]{5}$")


def establishment_problem(establishment: str | None) -> str | None:
    """Plain words when the establishment identifier is not in the national shape
    (state, sector, region, then a five-digit number: METeOR 269973, NNX[X]NNNNN)."""
    if not establishment:
        return "The establishment number is not set"
    if not ESTABLISHMENT_PATTERN.match(establishment):
        return "The establishment number is not in the national shape"
    return None
