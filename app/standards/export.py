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
Tables of codes live in app/standards/codes.py; countries and languages in
app/standards/countries_languages.py; financial years in app/standards/financial_years.py.
"""

from __future__ import annotations

import re
from datetime import date

from app.standards import codes
from app.standards.countries_languages import (
    COUNTRY_INADEQUATELY_DESCRIBED,
    COUNTRY_NOT_STATED,
    LANGUAGE_INADEQUATELY_DESCRIBED,
    LANGUAGE_NOT_STATED,
    country_code,
    language_code,
)
from app.standards.nmds_items import (  # noqa: F401  (also read as export.X by reports)
    COLUMN_KEYS,
    COLUMNS,
    DATE_ACCURACY_UNKNOWN,
    DRUG_INADEQUATELY_DESCRIBED,
    DRUG_NOT_STATED,
    FIX_BACKGROUND,
    FIX_BIRTH,
    FIX_CONTACT,
    FIX_DRUGS,
    FIX_EPISODE,
    FIX_NAME,
    HEADINGS,
    INDIGENOUS_NOT_STATED,
    INJECTING_NOT_STATED,
    ITEM_WORDS,
    METHOD_NOT_STATED,
    OTHER_DRUGS,
    OTHER_TREATMENTS,
    REASON_NOT_STATED,
    REFERRAL_NOT_STATED,
    SEX_NOT_STATED,
    YOUNGEST,
    EpisodeFacts,
    Problem,
    Row,
    date_code,
)
from app.standards.slk import slk581


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
