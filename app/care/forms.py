"""Forms for care work: plans, notes, appointments, referrals, aid, advocacy. (Closing an
episode: app/care/closing_forms.py.)"""

from __future__ import annotations

from datetime import time, timedelta

from wtforms import BooleanField, HiddenField, SelectField, StringField, TextAreaField
from wtforms.validators import Optional, ValidationError

from app import clock
from app.care.notes import NOTE_LIMIT
from app.care.plans import PRIORITIES, STEP_TOO_EARLY
from app.core.numbers import whole_number
from app.forms import ChoiceField, DateField, Form, at_most, parse_time, required
from app.locking import VersionField
from app.models.care import AID_KINDS, COMPLAINT_BODIES, NOTE_KINDS, STEP_WHO, TRANSPORT

YES_NO = [("yes", "Yes"), ("no", "No")]


def a_time(form, field):
    if field.data and parse_time(field.data) is None:
        raise ValidationError("Enter a time like 2:30pm or 14:30")


def a_number_from(low: int, high: int, thing: str):
    """A whole number from `low` to `high` (ASCII digits only), when one is given."""

    def check(form, field):
        if field.data and whole_number(field.data, low=low, high=high) is None:
            raise ValidationError(f"{thing} must be a number from {low} to {high}")

    return check


def a_version(form, field):
    """A button's plan version: a page that sends none, or a garbled one, is refused (400)."""
    number, _, _ = str(field.data or "").partition(":")
    if whole_number(number) is None:
        raise ValidationError("This page is out of date. Open it again.")


class PickField(SelectField):
    """A drop-down list with a plain message for an answer that is not on it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.type = "SelectField"  # drawn by the field() macro as a drop-down list

    def pre_validate(self, form):
        if self.data in (None, ""):
            return
        if not any(str(self.data) == str(value) for value, _ in self.choices):
            raise ValidationError("Choose from the list")


def _words(label: str, limit: int = 5000, thing: str = "This", **kw) -> TextAreaField:
    return TextAreaField(label, [at_most(limit, thing)] + kw.pop("extra", []), **kw)


def _line(label: str, limit: int = 200, thing: str = "This", **kw) -> StringField:
    return StringField(label, [at_most(limit, thing)] + kw.pop("extra", []), **kw)


# --- the plan -------------------------------------------------------------------------------


class PlanStartForm(Form):
    agreed_on = DateField(
        "Day you agreed the plan",
        [required("Enter the day you agreed the plan")],
        allow_future=False,
        default=clock.today,
    )
    review_on = DateField(
        "Day to look at it again", [Optional()], description="Leave empty for three months on"
    )

    def validate_review_on(self, field):
        if field.data and self.agreed_on.data and field.data <= self.agreed_on.data:
            raise ValidationError("The review day must be after the day you agreed the plan")


class PlanButtonForm(Form):
    """A button on the plan page: only the version of the plan the worker was looking at."""

    version = VersionField(validators=[a_version])


class PlanForm(Form):
    """A form that changes the plan: it carries the plan's version (app/locking.py)."""

    version = VersionField()


class PlanDatesForm(PlanForm):
    agreed_on = DateField(
        "Day you agreed the plan", [required("Enter the day you agreed the plan")]
    )
    review_on = DateField("Day to look at it again", [required("Enter the review day")])

    def validate_review_on(self, field):
        if field.data and self.agreed_on.data and field.data <= self.agreed_on.data:
            raise ValidationError("The review day must be after the day you agreed the plan")


class StepDates:
    """The view sets `plan_start`, so a step cannot be due before the plan began."""

    plan_start = None

    def _check_due(self, field):
        if field.data and self.plan_start and field.data < self.plan_start:
            raise ValidationError(f"{STEP_TOO_EARLY} ({clock.day_words(self.plan_start)})")


class GoalEditForm(PlanForm):
    words = _words(
        "The goal, in their words",
        1000,
        "The goal",
        extra=[required("Write the goal in their words")],
        description="For example: get my kids back, or find a doctor who listens",
    )
    why = _words("Why it matters to them", thing="This")
    priority = ChoiceField(
        "How soon?",
        choices=[(str(k), v) for k, v in PRIORITIES.items()],
        validators=[required("Choose how soon")],
        default="2",
    )
    risks = _words("Risks and challenges", description="What could get in the way")
    strategies = _words("What will help", description="Ways around the risks and challenges")


class GoalForm(StepDates, GoalEditForm):
    step_what = _line("First step (optional)", 500, "The step")
    step_who = ChoiceField("Who does this step?", choices=list(STEP_WHO.items()), default="person")
    step_service = _line("Which service?", 200, "The service", description="When a service does it")
    step_due = DateField("Do it by (optional)", [Optional()])

    def validate_step_due(self, field):
        self._check_due(field)

    def validate_step_service(self, field):
        if self.step_what.data and self.step_who.data == "service" and not field.data:
            raise ValidationError("Write which service does the step")


class GoalChangeForm(PlanForm):
    words = _words(
        "Their new goal, in their words",
        1000,
        "The goal",
        extra=[required("Write the new goal in their words")],
    )
    why = _words("Why it matters to them now (optional)")


class StepForm(StepDates, PlanForm):
    what = _line("The step", 500, "The step", extra=[required("Write what the step is")])
    who = ChoiceField(
        "Who does it?", choices=list(STEP_WHO.items()), validators=[required("Choose who does it")]
    )
    service = _line("Which service?", 200, "The service", description="When a service does it")
    due_on = DateField("Do it by (optional)", [Optional()])

    def validate_due_on(self, field):
        self._check_due(field)

    def validate_service(self, field):
        if self.who.data == "service" and not field.data:
            raise ValidationError("Write which service does the step")


# --- case notes -----------------------------------------------------------------------------


class NoteForm(Form):
    contact_on = DateField(
        "Day of the contact", [required("Enter the day of the contact")], allow_future=False
    )
    contact_time = StringField(
        "Time of the contact", [required("Enter the time of the contact"), a_time]
    )
    kind = ChoiceField(
        "Kind of contact",
        choices=list(NOTE_KINDS.items()),
        validators=[required("Choose the kind of contact")],
    )
    minutes = StringField("How long, in minutes (optional)", [a_number_from(1, 1440, "How long")])
    who_was_there = _line("Who was there (optional)", 300, "Who was there")
    others_agreed = BooleanField("They said yes to these people being there")
    # A letter or form sent for them (issue 17): to whom, and the consent that covers it.
    sent_to = _line("Sent to", 300, "Sent to")
    consent_id = ChoiceField("Which of their consents covers it?", choices=[])
    text = _words(
        "The note",
        NOTE_LIMIT,
        "The note",
        extra=[required("Write the note")],
        description="Brief, fair and factual: what happened and what comes next",
    )

    def validate_contact_time(self, field):
        moment = parse_time(field.data)
        day = self.contact_on.data
        if moment and day == clock.today() and moment > _in_a_few_minutes():
            raise ValidationError("The time must be now or earlier")

    def validate_others_agreed(self, field):
        if self.kind.data != "letter" and (self.who_was_there.data or "").strip():
            if not field.data:
                raise ValidationError(OTHERS_NOT_ASKED)

    def validate_sent_to(self, field):
        if self.kind.data == "letter" and not (field.data or "").strip():
            raise ValidationError("Enter who the letter or form was sent to")


# Someone else there: the person must have said yes to them (issue 17).
OTHERS_NOT_ASKED = "Tick the box to say they said yes, or take the name out"


def _in_a_few_minutes() -> time:
    return (clock.local_now() + timedelta(minutes=5)).time()


class NoteCorrectForm(NoteForm):
    version = VersionField(ignore=["why_changed"])
    why_changed = _line(
        "Why you are correcting it",
        300,
        "The reason",
        extra=[required("Write why you are correcting the note")],
    )


# --- appointments ---------------------------------------------------------------------------


class AppointmentForm(Form):
    on_day = DateField("Day", [required("Enter the day of the appointment")])
    at_time = StringField("Time", [required("Enter the time of the appointment"), a_time])
    partner_id = PickField("Service", description="Or choose someone else and write who below")
    with_whom = _line("Who it is with, if not a service on the list", 200, "Who it is with")
    place = _line("Where (optional)", 300, "Where", description="For example their street address")
    transport = ChoiceField(
        "Transport", choices=list(TRANSPORT.items()), validators=[required("Choose the transport")]
    )
    worker_id = PickField("Worker going")
    questions = _words(
        "Questions they want to ask (optional)",
        description="So nothing is forgotten on the day",
    )
    referral_id = HiddenField()
    # A service typed by hand: the consent that covers it (issue 17). Choices come from the view.
    consent_id = ChoiceField("Which of their consents covers this?", choices=[])
    others_present = _line("Who else is coming or sitting in (optional)", 200, "Who else is coming")
    others_agreed = BooleanField("They said yes to this person being there")

    def validate_others_agreed(self, field):
        if (self.others_present.data or "").strip() and not field.data:
            raise ValidationError(OTHERS_NOT_ASKED)

    def validate_on_day(self, field):
        today = clock.today()
        if field.data and not today - timedelta(days=365) <= field.data <= today + timedelta(
            days=730
        ):
            raise ValidationError("The date must be in the last year or the next two years")

    def validate_with_whom(self, field):
        if not self.partner_id.data and not field.data:
            raise ValidationError("Choose the service, or write who it is with")


class OutcomeForm(Form):
    version = VersionField(ignore=["as_note"])
    attended = ChoiceField(
        "Did they go?", choices=YES_NO, validators=[required("Choose yes or no")]
    )
    what_happened = _words("What happened", 10_000)
    follow_up = _words("What comes next (optional)", description="For example: blood test results")
    as_note = BooleanField("Save this as a case note too", default=True)


# --- referrals, aid, advocacy ---------------------------------------------------------------


class ReferralForm(Form):
    """A service from the directory, or one typed by hand with the consent that covers it
    (issue 17). The view fills the lists: partners, and the person's typed consents."""

    partner_id = PickField(
        "Service",
        description=(
            "Not in the list? Type it below. "
            "Ask a senior if you are not sure it is the right service."
        ),
    )
    service_name = _line(
        "Not in the list? Type the service",
        200,
        "The name of the service",
        description="Its name, for example Legal Aid ACT duty lawyer",
    )
    service_contact = _line(
        "How to contact them",
        300,
        "The contact details",
        description="A phone number, email or address",
    )
    consent_id = ChoiceField("Which of their consents covers this service?", choices=[])
    suggest = BooleanField("Suggest this service for our directory")
    what_they_do = _line(
        "What they do (for the directory, optional)",
        300,
        "What they do",
        description="A senior or the manager checks it before it goes on the list",
    )
    reason = _words(
        "Why they are being referred",
        extra=[required("Write why they are being referred")],
        description="In words they agree with",
    )
    appointment_made = BooleanField("An appointment is made")

    def validate_partner_id(self, field):
        if not field.data and not self.service_name.data:
            raise ValidationError("Choose a service from the list, or type the service")

    def validate_service_name(self, field):
        if field.data and self.partner_id.data:
            raise ValidationError(
                "Choose a service from the list, or type one, not both. "
                "One referral is to one service"
            )


class ReferralUpdateForm(Form):
    version = VersionField()
    appointment_made = BooleanField("An appointment is made")
    attended = ChoiceField(
        "Did they go?",
        choices=[("yes", "Yes"), ("no", "No"), ("not_yet", "Not yet")],
        default="not_yet",
    )
    outcome = _words("What happened")


class AidForm(Form):
    kind = ChoiceField(
        "What did they get?", choices=list(AID_KINDS.items()), validators=[required("Choose what")]
    )
    quantity = StringField(
        "How many", [required("Enter how many"), a_number_from(1, 999, "How many")], default="1"
    )
    partner_id = PickField("Where it came from")
    given_on = DateField(
        "Day given", [required("Enter the day")], allow_future=False, default=clock.today
    )
    note = _line("Anything to note (optional)", 500, "The note")


ISSUE_KINDS = [("individual", "For them, with a service"), ("complaint", "Help with a complaint")]


class AdvocacyForm(Form):
    kind = ChoiceField(
        "What kind of help?", choices=ISSUE_KINDS, validators=[required("Choose the kind of help")]
    )
    partner_id = PickField("Which service")
    service = _line("Another service (optional)", 200, "The service")
    # A service typed by hand: the consent that covers it (issue 17). Choices come from the view.
    consent_id = ChoiceField("Which of their consents covers it?", choices=[])
    complaint_body = ChoiceField("Who is the complaint to?", choices=list(COMPLAINT_BODIES.items()))
    issue = _words("What is the issue?", extra=[required("Write what the issue is")])
    what_happened = _words("What has happened so far (optional)")

    def validate_complaint_body(self, field):
        if self.kind.data == "complaint" and not field.data:
            raise ValidationError("Choose who the complaint is to")


class AdvocacyUpdateForm(Form):
    version = VersionField()
    progress = ChoiceField("Where is it up to?", validators=[required("Choose where it is up to")])
    what_happened = _words("What has happened")
    systemic_id = PickField("Part of a problem for many people?")


class SystemicForm(Form):
    issue = _words(
        "What is the problem?",
        extra=[required("Write what the problem is")],
        description="What keeps happening, and to whom. No names.",
    )
    partner_id = PickField("Which service (optional)")
    service = _line("Another service (optional)", 200, "The service")


class SystemicUpdateForm(Form):
    version = VersionField()
    progress = ChoiceField("Where is it up to?", validators=[required("Choose where it is up to")])
    what_happened = _words("What has happened")
