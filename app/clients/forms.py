"""Forms for client files. Registration is one question group per form (see registration.py);
editing details uses the same forms with the version the person started from. Consent forms
are in consent_forms.py."""

from __future__ import annotations

import re
from datetime import date

from wtforms import BooleanField, HiddenField, SelectField, StringField, TextAreaField
from wtforms.validators import Optional, Regexp, ValidationError

from app import clock
from app.core.numbers import whole_number
from app.forms import ChoiceField, DateField, Form, TickListField, at_most, required
from app.locking import VersionField
from app.needs import LIFE_AREAS, URGENCY
from app.standards import codes

EMAIL = re.compile(r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>.]{2,}$")
PHONE = re.compile(r"^[0-9 +()\-]*$")
OLDEST_YEARS = 120
# Not a national item: shown at the top of the file with the language (issue 17).
INTERPRETER: dict[str, codes.Answer] = {
    "yes": codes.Answer("Yes", None),
    "no": codes.Answer("No", None),
    "not_asked": codes.Answer("Not asked yet", None),
}


def _years_ago(years: int) -> date:
    today = clock.today()
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February
        return today.replace(year=today.year - years, day=28)


def not_too_old(form, field):
    if field.data and field.data < _years_ago(OLDEST_YEARS):
        raise ValidationError(f"The date of birth must be less than {OLDEST_YEARS} years ago")


# "about 57", "aged 57", "57 years old": an age given instead of a date of birth (issue 17).
# A bare "57" stays a mistake: it could be a year ('57) or an age.
AGE_TYPED = re.compile(
    r"^(?:(?:about|around|abt|approx(?:imately)?|aged?|~)\s*([0-9]{1,3})"
    r"(?:\s*(?:years?|yrs?)(?:\s*old)?)?"
    r"|([0-9]{1,3})\s*(?:years?|yrs?)(?:\s*old)?)$",
    re.IGNORECASE,
)


def year_from_typed(text: str | None) -> int | None:
    """The year of birth from "1985", or from an age like "about 57" (this year less the age),
    or None when it is neither."""
    text = " ".join((text or "").split())
    found = AGE_TYPED.match(text)
    if found:
        age = whole_number(found.group(1) or found.group(2))
        return clock.today().year - age if age is not None else None
    return whole_number(text) if len(text) == 4 else None


def a_year_of_birth(form, field):
    if not field.data:
        return
    year = year_from_typed(field.data)
    if year is None:
        raise ValidationError("Enter the year as 4 numbers, like 1985, or an age, like about 57")
    this_year = clock.today().year
    if year > this_year:
        raise ValidationError("The year of birth must be this year or before")
    if year < this_year - OLDEST_YEARS:
        raise ValidationError(f"The year of birth must be less than {OLDEST_YEARS} years ago")


def an_email(form, field):
    if field.data and not EMAIL.match(field.data):
        raise ValidationError("Enter an email address like name@example.com")


def a_phone(form, field):
    if not field.data:
        return
    digits = re.sub(r"\D", "", field.data)
    if not PHONE.match(field.data) or len(digits) < 6 or len(digits) > 15:
        raise ValidationError("Enter a phone number in numbers, like 0412 345 678")


def _choice(label: str, table, description: str = "") -> ChoiceField:
    return ChoiceField(
        label, choices=codes.choices(table), validators=[Optional()], description=description
    )


def text_field(label: str, limit: int = 100, thing: str | None = None, **kw) -> StringField:
    return StringField(label, [at_most(limit, thing or label)] + kw.pop("extra", []), **kw)


def _not_said() -> BooleanField:
    return BooleanField("They prefer not to say")


class StepForm(Form):
    """A question group. `version` is used when editing a file (app/locking.py)."""

    version = VersionField(ignore=["reason"])
    reason = StringField(
        "Why it changed (optional)",
        [at_most(200, "The reason")],
        description="For example: they moved, or they asked us to correct it",
    )


class NameForm(StepForm):
    given_name = text_field("First name", thing="The first name")
    given_name_not_said = _not_said()
    family_name = text_field("Family name", thing="The family name")
    family_name_not_said = _not_said()
    nickname = text_field(
        "Name they like to be called, or nickname",
        thing="The nickname",
        description="We use this name first",
    )
    pronouns = text_field(
        "Pronouns", limit=40, description="For example she/her, he/him, they/them"
    )
    pronouns_not_said = _not_said()

    def validate(self, extra_validators=None):
        ok = super().validate(extra_validators)
        if ok and not (self.given_name.data or self.nickname.data):
            self.given_name.errors.append("Enter a first name or a nickname")
            return False
        return ok


class ContactForm(StepForm):
    contact_date = DateField(
        "Date of contact", [Optional()], allow_future=False, description="For example 27 3 2026"
    )
    service_location = _choice("Where did you meet them?", codes.SERVICE_LOCATION)
    service_location_other = text_field("If somewhere else, where", limit=200, thing="The place")
    referral_source = _choice("Who sent them to us?", codes.REFERRAL)
    referral_detail = text_field(
        "Name of the person or service who sent them (optional)", limit=200, thing="The name"
    )

    def validate_service_location_other(self, field):
        if self.service_location.data == "other" and not (field.data or "").strip():
            raise ValidationError("Say where you met them")


class BirthForm(StepForm):
    born_on = DateField(
        "Date of birth",
        [Optional(), not_too_old],
        allow_future=False,
        description="For example 5 3 1980",
    )
    birth_year_estimate = StringField(
        "Not sure of the date? The year they think they were born, or their age",
        [a_year_of_birth],
        description="For example 1985, or about 57",
    )
    born_on_not_said = _not_said()
    gender = _choice("Gender", codes.GENDER)
    gender_other = text_field("If other, their words", thing="The gender")


class ReachForm(StepForm):
    phone = text_field("Phone number", limit=40, thing="The phone number", extra=[a_phone])
    phone_not_said = _not_said()
    phone_none = BooleanField("They have no phone")  # kept as "no_phone" in not_said
    phone2 = text_field("Another phone number", limit=40, thing="The phone number", extra=[a_phone])
    email = text_field("Email", limit=254, thing="The email address", extra=[an_email])
    email_not_said = _not_said()
    ok_to_call = _choice("OK to call them?", codes.CONTACT_OK)
    ok_to_text = _choice("OK to send them a text message?", codes.CONTACT_OK)
    ok_to_email = _choice("OK to email them?", codes.CONTACT_OK)
    address = text_field("Address", limit=300, thing="The address")
    address_not_said = _not_said()
    postcode = text_field(
        "Postcode",
        limit=20,
        extra=[Regexp(r"^(\d{4})?$", message="Enter a postcode of 4 numbers, like 2617")],
    )


class BackgroundForm(StepForm):
    country_of_birth = text_field("Country of birth", thing="The country")
    country_of_birth_not_said = _not_said()
    preferred_language = text_field("Language they like to use", thing="The language")
    preferred_language_not_said = _not_said()
    interpreter_needed = _choice("Do they need an interpreter?", INTERPRETER)
    nesb = _choice(
        "Do they come from a background where English is not the main language?", codes.NESB
    )
    indigenous = _choice("Are they Aboriginal or Torres Strait Islander?", codes.INDIGENOUS)
    accommodation = _choice("Where do they live now?", codes.ACCOMMODATION)
    accommodation_other = text_field("If other, where", limit=200, thing="The answer")
    living = _choice("Who do they live with?", codes.LIVING)
    living_other = text_field("If other, who", limit=200, thing="The answer")


class DrugsForm(StepForm):
    client_type = _choice("Is the support about their own drug use?", codes.CLIENT_TYPE_ANSWERS)
    main_drug = _choice("Main drug they use (choose one)", codes.DRUGS)
    main_drug_other = text_field("If other, which drug", limit=200, thing="The drug")
    method = _choice("How do they use their main drug?", codes.METHOD)
    method_other = text_field("If other, how", limit=200, thing="The answer")
    other_drugs = TickListField(
        "Other drugs they use (choose any)", choices=codes.choices(codes.DRUGS)
    )
    other_drugs_other = text_field("If other, which drugs", limit=200, thing="The drugs")
    last_injected = _choice("When did they last inject?", codes.LAST_INJECTED)

    def validate_other_drugs(self, field):
        if codes.PREFER_NOT in (field.data or []) and len(field.data) > 1:
            raise ValidationError("Choose drugs, or prefer not to say, but not both")


# --- searching ------------------------------------------------------------------------------


class ClientSearchForm(Form):
    q = StringField(
        "Name, nickname, date of birth or phone",
        [required("Enter a name, date of birth or phone number"), at_most(100, "The search")],
    )


COVER_REASONS: dict[str, str] = {
    "away": "I am covering for their worker, who is away today",
    "here_now": "The person is here and needs help now",
    "safety": "I have a safety concern",
}
OWN_WORDS_MIN_WORDS = 4
OWN_WORDS_MIN_LETTERS = 20


def a_sentence(form, field):
    """A real reason: at least a short sentence, not "x" or "just looking"."""
    text = field.data or ""
    letters = sum(ch.isalpha() for ch in text)
    if len(text.split()) < OWN_WORDS_MIN_WORDS or letters < OWN_WORDS_MIN_LETTERS:
        raise ValidationError(
            "Write a full sentence about what is happening and why you need the file"
        )


class CoverReasonForm(Form):
    kind = ChoiceField(
        "Why do you need to open this file?",
        [required("Choose why you need to open this file")],
        choices=list(COVER_REASONS.items()),
    )
    covering_for = SelectField(
        "If you are covering: which worker is away today?", coerce=str, validate_choice=False
    )
    reason = TextAreaField(
        "In your own words, what is happening?",
        [
            required("Write what is happening, in your own words"),
            at_most(500, "The reason"),
            a_sentence,
        ],
        description="For example: Priya is sick and Tam came in needing a food voucher. "
        "A senior sees this.",
    )

    def validate_covering_for(self, field):
        if self.kind.data == "away" and not field.data:
            raise ValidationError("Choose the worker you are covering for")
        if field.data and field.data not in {value for value, _ in field.choices}:
            raise ValidationError("Choose a worker from the list")


# --- assessment, workers, episodes --------------------------------------------------------


class AssessmentForm(Form):
    version = VersionField(ignore=["met_on"])
    met_on = DateField(
        "Date of this meeting", [required("Enter the date you met")], allow_future=False
    )
    support_level = ChoiceField(
        "Level of support they need", choices=list(URGENCY.items()), validators=[Optional()]
    )
    needs = TickListField("What do they want help with?", choices=list(LIFE_AREAS.items()))
    summary = TextAreaField("What is going on for them, in their words", [at_most(5000, "This")])
    strengths = TextAreaField("Their strengths", [at_most(5000, "This")])
    supports = TextAreaField("People and services already around them", [at_most(5000, "This")])
    risks = TextAreaField("Risks to keep in mind", [at_most(5000, "This")])


# One words box per life area, added to the form class at import.
for _key, _label in LIFE_AREAS.items():
    setattr(
        AssessmentForm,
        f"need_{_key}",
        TextAreaField(f"{_label}: what is happening", [at_most(5000, "This")]),
    )


class AllocateForm(Form):
    version = VersionField()
    worker_id = SelectField("Worker", coerce=int)
    reason = text_field(
        "Why this worker",
        limit=300,
        thing="The reason",
        description="For example: shared experience of methadone or buprenorphine (OMT)",
    )
    preference_reason = text_field(
        "If they do not meet what the person asked for: why this worker",
        limit=300,
        thing="The reason",
        description="At least 4 words. For example: she speaks Vietnamese and he agreed",
    )

    def validate_reason(self, field):
        if not field.data:
            raise ValidationError("Write why this worker")


class EpisodeForm(Form):
    version = VersionField()
    source_of_referral = SelectField(
        "Source of referral", coerce=int, choices=list(codes.SOURCE_OF_REFERRAL.items())
    )
    client_type = SelectField("Client type", coerce=int, choices=list(codes.CLIENT_TYPE.items()))
    main_treatment_type = SelectField(
        "Main treatment type", coerce=int, choices=list(codes.MAIN_TREATMENT_TYPE.items())
    )
    delivery_setting = SelectField(
        "Where the support happens", coerce=int, choices=list(codes.DELIVERY_SETTING.items())
    )
    principal_drug = SelectField("Principal drug of concern", choices=list(codes.ASCDC.items()))


class NewEpisodeForm(Form):
    from_last = BooleanField("Start from their last assessment", default=True)


START_REASON_WORDS = 3


class EpisodeStartForm(Form):
    """Put an episode's start date right (issue 17), with the reason kept."""

    opened_on = DateField(
        "The day the episode began",
        [required("Enter the day the episode began")],
        allow_future=False,
        min_year=1900,
    )
    reason = TextAreaField(
        "Why it changes",
        [required("Say why the start date changes"), at_most(200)],
        description="For example: the first contact was at the outreach van on 2 June",
    )

    def validate_reason(self, field):
        if len((field.data or "").split()) < START_REASON_WORDS:
            raise ValidationError("Say why in a few words, so others know what happened")


# --- requests and copies --------------------------------------------------------------------

REQUEST_KINDS = {"access": "To see their file", "correction": "To correct their file"}


class AccessRequestForm(Form):
    kind = ChoiceField(
        "What did they ask for?",
        choices=list(REQUEST_KINDS.items()),
        validators=[required("Choose what they asked for")],
    )
    received_on = DateField(
        "Date they asked", [required("Enter the date they asked")], allow_future=False
    )
    asked_for = TextAreaField("What they asked for, in their words", [at_most(5000, "This")])


class AccessRequestUpdateForm(Form):
    step = HiddenField()
    on = DateField("Date", [required("Enter the date")], allow_future=False)
    outcome = TextAreaField("What happened (optional)", [at_most(5000, "This")])


# --- the care team --------------------------------------------------------------------------


class CareTeamAddForm(Form):
    """Someone joins the care team; the agreement is checked by the service (one message)."""

    person = SelectField("Who joins the team", choices=[], validate_choice=False)
    role_words = StringField(
        "What they will do in the team",
        [at_most(120, "What they will do")],
        description="In plain words, like: goes to court with them, or learning with their worker",
    )
    agreed = BooleanField("The person agreed")
    agreed_on = DateField("The day they agreed", allow_future=False)
