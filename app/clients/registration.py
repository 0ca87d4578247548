"""Registration (Appendix Two, the client contact record) as question groups.

The same groups are the steps of a new registration and the parts of a file a worker can
change later. Answers are kept by the name of the Client column they fill, so a draft's
answers, a form's data and a client's details convert into each other here and only here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from app import clock
from app.clients import forms
from app.standards import codes


@dataclass(frozen=True)
class Step:
    key: str
    title: str
    form: type[forms.StepForm]
    fields: tuple[str, ...]


STEPS: tuple[Step, ...] = (
    Step(
        "name",
        "Their name",
        forms.NameForm,
        ("given_name", "family_name", "nickname", "pronouns"),
    ),
    Step(
        "contact",
        "About this contact",
        forms.ContactForm,
        (
            "contact_date",
            "service_location",
            "service_location_other",
            "referral_source",
            "referral_detail",
        ),
    ),
    Step(
        "birth",
        "Birth and gender",
        forms.BirthForm,
        ("born_on", "birth_year_estimate", "gender", "gender_other"),
    ),
    Step(
        "reach",
        "How to reach them",
        forms.ReachForm,
        (
            "phone",
            "phone2",
            "email",
            "ok_to_call",
            "ok_to_text",
            "ok_to_email",
            "address",
            "postcode",
        ),
    ),
    Step(
        "background",
        "Background and home",
        forms.BackgroundForm,
        (
            "country_of_birth",
            "preferred_language",
            "interpreter_needed",
            "nesb",
            "indigenous",
            "accommodation",
            "accommodation_other",
            "living",
            "living_other",
        ),
    ),
    Step(
        "drugs",
        "Drug use",
        forms.DrugsForm,
        (
            "client_type",
            "main_drug",
            "main_drug_other",
            "method",
            "method_other",
            "other_drugs",
            "other_drugs_other",
            "last_injected",
        ),
    ),
)
STEP_KEYS = tuple(s.key for s in STEPS)
FIELDS = tuple(f for s in STEPS for f in s.fields)
DATE_FIELDS = {"born_on", "contact_date"}
LIST_FIELDS = {"other_drugs"}
# Text questions that have a "They prefer not to say" tick (field + "_not_said").
NOT_SAID_FIELDS = (
    "given_name",
    "family_name",
    "pronouns",
    "born_on",
    "phone",
    "email",
    "address",
    "country_of_birth",
    "preferred_language",
)
# "They have no phone" is an answer, not a gap: the tick phone_none keeps NO_PHONE in not_said.
NO_PHONE = "no_phone"
TABLES = {
    "service_location": codes.SERVICE_LOCATION,
    "referral_source": codes.REFERRAL,
    "gender": codes.GENDER,
    "ok_to_call": codes.CONTACT_OK,
    "ok_to_text": codes.CONTACT_OK,
    "ok_to_email": codes.CONTACT_OK,
    "interpreter_needed": forms.INTERPRETER,
    "nesb": codes.NESB,
    "indigenous": codes.INDIGENOUS,
    "accommodation": codes.ACCOMMODATION,
    "living": codes.LIVING,
    "client_type": codes.CLIENT_TYPE_ANSWERS,
    "main_drug": codes.DRUGS,
    "method": codes.METHOD,
    "other_drugs": codes.DRUGS,
    "last_injected": codes.LAST_INJECTED,
}


def step(key: str) -> Step | None:
    return next((s for s in STEPS if s.key == key), None)


def step_number(key: str) -> int:
    return STEP_KEYS.index(key) + 1


def next_step(key: str) -> str | None:
    number = step_number(key)
    return STEP_KEYS[number] if number < len(STEPS) else None


def previous_step(key: str) -> str | None:
    number = step_number(key)
    return STEP_KEYS[number - 2] if number > 1 else None


# Answers kept on the file outside the question groups (app/clients/preferences.py).
OTHER_LABELS = {
    "worker_preferences": "What they prefer in a worker",
    "contact_frequency": "How often we agreed to meet",
    "not_said": "Prefer not to say, or no phone",
}


def label_of(field: str) -> str:
    if field in OTHER_LABELS:
        return OTHER_LABELS[field]
    for s in STEPS:
        if field in s.fields:
            return str(getattr(s.form, field).args[0])
    return field


# --- converting -------------------------------------------------------------------------


def answers_from_form(form: forms.StepForm, the_step: Step) -> tuple[dict, set[str], set[str]]:
    """(answers, not said ticked, not said unticked) for the step's questions."""
    answers: dict = {}
    for name in the_step.fields:
        value = getattr(form, name).data
        if name in DATE_FIELDS:
            value = value.isoformat() if isinstance(value, date) else None
        elif name in LIST_FIELDS:
            value = list(value or [])
        elif name == "birth_year_estimate":
            value = forms.year_from_typed(value)  # "1985" or an age; forms.a_year_of_birth
        elif name == "service_location_other" and answers.get("service_location") != "other":
            value = None  # only "somewhere else" asks where
        else:
            value = value or None
        answers[name] = value
    said, unsaid = set(), set()
    for name in NOT_SAID_FIELDS:
        tick = getattr(form, f"{name}_not_said", None)
        if tick is None:
            continue
        # A typed answer wins over the tick.
        if (
            tick.data
            and not answers.get(name)
            and not (name == "born_on" and answers.get("birth_year_estimate"))
        ):
            said.add(name)
        else:
            unsaid.add(name)
    no_phone = getattr(form, "phone_none", None)
    if no_phone is not None:
        typed = answers.get("phone") or answers.get("phone2")
        (said if no_phone.data and not typed else unsaid).add(NO_PHONE)
    return answers, said, unsaid


def form_data(answers: dict, not_said: list[str] | set[str]) -> dict:
    """What a step form is filled with, from stored answers."""
    data = {}
    for name in FIELDS:
        value = answers.get(name)
        if name in DATE_FIELDS and value:
            value = date.fromisoformat(value) if isinstance(value, str) else value
        if name == "birth_year_estimate" and value:
            value = str(value)
        data[name] = value
    for name in NOT_SAID_FIELDS:
        data[f"{name}_not_said"] = name in not_said
    data["phone_none"] = NO_PHONE in not_said
    return data


def starting_data(step_key: str, answers: dict) -> dict:
    """What a registration step starts with: the draft's answers, and the date of contact
    as today (the Canberra day) until someone has saved that step, even empty."""
    data = form_data(answers, answers.get("_not_said", []))
    if step_key == "contact" and "contact_date" not in answers:
        data["contact_date"] = clock.today()
    return data


def answers_of_client(client) -> dict:
    answers = {}
    for name in FIELDS:
        value = getattr(client, name)
        if isinstance(value, date):
            value = value.isoformat()
        elif name in LIST_FIELDS:
            value = list(value or [])
        answers[name] = value
    return answers


def phone_digits(phone: str | None) -> str | None:
    """Digits only, with +61 written as 0, so "0412 345 678" and "+61412345678" match."""
    if not phone:
        return None
    digits = re.sub(r"\D", "", phone)
    if digits.startswith("61") and len(digits) == 11:
        digits = "0" + digits[2:]
    return digits or None


def search_text(value: str | None) -> str | None:
    """Lower-case letters and digits only, for the search columns ("O'Mara" -> "omara")."""
    if not value:
        return None
    from app.standards.slk import letters_only

    return letters_only(value).lower() or None


# --- showing ----------------------------------------------------------------------------


def display(field: str, answers: dict, not_said=()) -> str:
    """An answer in words, for "Check your answers" and the file."""
    if field in not_said:
        return "Prefers not to say"
    if field == "phone" and NO_PHONE in not_said and not answers.get("phone"):
        return "No phone"
    value = answers.get(field)
    if field == "born_on" and not value and answers.get("birth_year_estimate"):
        return f"About {answers['birth_year_estimate']} (a guess)"
    if value in (None, "", []):
        return ""
    if field in DATE_FIELDS:
        day = date.fromisoformat(value) if isinstance(value, str) else value
        return f"{day.day} {day:%B %Y}"
    if field in TABLES:
        table = TABLES[field]
        if isinstance(value, list):
            return ", ".join(codes.label(table, v) for v in value)
        return codes.label(table, value)
    return str(value)


def summary_rows(answers: dict, not_said=()) -> list[tuple[Step, list[tuple[str, str]]]]:
    """(step, [(question, answer)]) for every question group."""
    rows = []
    for s in STEPS:
        shown = []
        for name in s.fields:
            if name == "birth_year_estimate":
                continue
            if name == "service_location_other" and answers.get("service_location") != "other":
                continue
            shown.append((label_of(name), display(name, answers, not_said)))
        rows.append((s, shown))
    return rows


# What the file says is still to ask, in the order a worker might ask it.
MISSING_CHECKS: tuple[tuple[str, str, str], ...] = (
    ("family_name", "family name", "name"),
    ("contact_date", "date of contact", "contact"),
    ("referral_source", "who sent them", "contact"),
    ("born_on", "date of birth", "birth"),
    ("gender", "gender", "birth"),
    ("phone", "a way to reach them", "reach"),
    ("indigenous", "Aboriginal or Torres Strait Islander", "background"),
    ("country_of_birth", "country of birth", "background"),
    ("accommodation", "where they live", "background"),
    ("living", "who they live with", "background"),
    ("main_drug", "main drug", "drugs"),
    ("method", "how they use it", "drugs"),
    ("last_injected", "last injected", "drugs"),
)


def missing(answers: dict, not_said=()) -> list[tuple[str, str]]:
    """(words, step key) for each question not answered yet (prefer not to say counts)."""
    gaps = []
    for field, words, step_key in MISSING_CHECKS:
        if field in not_said:
            continue
        if field == "born_on" and answers.get("birth_year_estimate"):
            continue
        if field == "phone" and any(
            answers.get(f) or f in not_said
            for f in ("phone", "phone2", "email", "address", NO_PHONE)
        ):
            continue
        if field == "method" and answers.get("client_type") == "other":
            continue
        if field == "last_injected" and answers.get("client_type") == "other":
            continue
        if not answers.get(field):
            gaps.append((words, step_key))
    return gaps
