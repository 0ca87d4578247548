"""Forms of the safety area. Plain messages in the question's own words."""

from __future__ import annotations

from datetime import date

from wtforms import SelectField, StringField, TextAreaField
from wtforms.validators import Optional, ValidationError

from app import clock
from app.forms import (
    ChoiceField,
    DateField,
    Form,
    TickListField,
    TimeOfDayField,
    at_most,
    required,
)
from app.locking import VersionField
from app.safety.words import (
    COMPLAINT_FROM,
    CRITICAL_KINDS,
    NOTIFIED,
    PLACES,
    TAKEN_UP,
    TOLD,
    YES_NO,
)

TEXT_LIMIT = 4000


def _other(form, field, choice: str, message: str) -> None:
    """The words of "Someone else" / "Somewhere else" when that answer is chosen."""
    chosen = form[choice].data
    picked = chosen == "other" or (isinstance(chosen, list) and "other" in chosen)
    if picked and not (field.data or "").strip():
        raise ValidationError(message)


class IncidentForm(Form):
    happened_on = DateField(
        "What day did it happen?",
        [required("Enter the day it happened")],
        allow_future=False,
        min_year=2000,
        default=clock.today,
    )
    happened_time = TimeOfDayField(
        "About what time?",
        [required("Enter about what time it happened, like 2:30pm")],
    )
    place = ChoiceField(
        "Where did it happen?",
        choices=list(PLACES.items()),
        validators=[required("Choose where it happened")],
    )
    place_other = StringField("Where was that?", [at_most(120, "Where it happened")])
    what_happened = TextAreaField(
        "What happened?",
        [required("Write what happened"), at_most(TEXT_LIMIT, "What happened")],
    )
    who_involved = TextAreaField(
        "Who was involved?",
        [
            required("Write who was involved, like a visitor or a volunteer"),
            at_most(1000, "Who was involved"),
        ],
    )
    de_escalation = TextAreaField(
        "What did you try, to calm things down?",
        [Optional(), at_most(TEXT_LIMIT, "What you tried")],
    )
    anyone_hurt = ChoiceField(
        "Was anyone hurt?",
        choices=list(YES_NO.items()),
        validators=[required("Say if anyone was hurt")],
    )
    first_aid = TextAreaField(
        "Who was hurt, and what first aid was given?",
        [at_most(TEXT_LIMIT, "The first aid")],  # needed when someone was hurt
    )
    told = TickListField("Who was told?", choices=list(TOLD.items()))
    told_other = StringField("Who else was told?", [at_most(120, "Who else was told")])

    def validate_place_other(self, field):
        _other(self, field, "place", "Write where it happened")

    def validate_told_other(self, field):
        _other(self, field, "told", "Write who else was told")

    def validate_first_aid(self, field):
        if self.anyone_hurt.data == "yes" and not (field.data or "").strip():
            raise ValidationError("Write who was hurt and what first aid was given")


class ReviewForm(Form):
    """A senior's or the manager's review: what was learned, and the debrief offered."""

    version = VersionField()
    learned = TextAreaField(
        "What was learned?", [Optional(), at_most(TEXT_LIMIT, "What was learned")]
    )
    debrief_offered_on = DateField("Debrief offered on", allow_future=False, min_year=2000)
    debrief_taken_up = ChoiceField(
        "Did they take up the debrief?", choices=list(TAKEN_UP.items()), default=""
    )
    debrief_by_id = SelectField("Who offered it?", choices=[("", "Nobody yet")], default="")

    def validate_debrief_by_id(self, field):
        if field.data and field.data not in {str(value) for value, _ in field.choices}:
            raise ValidationError("Choose someone from the list")

    def validate_debrief_taken_up(self, field):
        if field.data in ("yes", "no") and not isinstance(self.debrief_offered_on.data, date):
            raise ValidationError("Enter the day the debrief was offered")


class ComplaintForm(Form):
    from_kind = ChoiceField(
        "Who is the complaint from?",
        choices=list(COMPLAINT_FROM.items()),
        validators=[required("Choose who the complaint is from")],
    )
    from_who = StringField(
        "Their name or service (optional)",
        [at_most(120, "The name")],
        description="Only if they are happy to be named.",
    )
    about = TextAreaField(
        "What is the complaint about?",
        [required("Write what the complaint is about"), at_most(TEXT_LIMIT, "The complaint")],
    )
    received_on = DateField(
        "What day did we get it?",
        [required("Enter the day we got the complaint")],
        allow_future=False,
        min_year=2000,
        default=clock.today,
    )


class StepForm(Form):
    """The next step of a complaint, with its date and who did it."""

    version = VersionField()
    step = ChoiceField("Which step?", choices=[], validators=[required("Choose the step")])
    done_on = DateField(
        "What day?",
        [required("Enter the day of this step")],
        allow_future=False,
        min_year=2000,
        default=clock.today,
    )
    by_id = SelectField("Who did it?", choices=[], validators=[required("Choose who did it")])
    note = TextAreaField("Notes", [Optional(), at_most(TEXT_LIMIT, "The notes")])

    def validate_by_id(self, field):
        if field.data not in {str(value) for value, _ in field.choices if value}:
            raise ValidationError("Choose who did it")


class CriticalForm(Form):
    kind = ChoiceField(
        "What kind of critical incident was it?",
        choices=list(CRITICAL_KINDS.items()),
        validators=[required("Choose what kind of critical incident it was")],
    )
    happened_on = DateField(
        "What day did it happen?",
        [required("Enter the day it happened")],
        allow_future=False,
        min_year=2000,
        default=clock.today,
    )
    happened_time = TimeOfDayField(
        "About what time?", [required("Enter about what time it happened, like 2:30pm")]
    )
    place = StringField(
        "Where did it happen?",
        [required("Write where it happened"), at_most(200, "Where it happened")],
    )
    what_happened = TextAreaField(
        "What happened?", [required("Write what happened"), at_most(TEXT_LIMIT, "What happened")]
    )
    response = TextAreaField(
        "What was done to help?",
        [required("Write what was done to help"), at_most(TEXT_LIMIT, "What was done")],
    )
    ambulance_at = TimeOfDayField("Time the ambulance was called")
    police_at = TimeOfDayField("Time the police were told")
    manager_at = TimeOfDayField("Time the manager was told")
    family_at = TimeOfDayField("Time family or next of kin were told")

    TOLD_FIELDS = {
        "ambulance": "ambulance_at",
        "police": "police_at",
        "manager": "manager_at",
        "family": "family_at",
    }


class FollowUpForm(Form):
    """The manager's follow-up of a critical incident, and what was learned."""

    version = VersionField()
    follow_up = TextAreaField("Follow-up", [Optional(), at_most(TEXT_LIMIT, "The follow-up")])
    learned = TextAreaField(
        "What was learned?", [Optional(), at_most(TEXT_LIMIT, "What was learned")]
    )


class NoticeForm(Form):
    """Someone told about a critical incident, and when."""

    who = ChoiceField(
        "Who was told?",
        choices=list(NOTIFIED.items()),
        validators=[required("Choose who was told")],
    )
    who_other = StringField("Who was that?", [at_most(120, "Who was told")])
    told_on = DateField(
        "What day?",
        [required("Enter the day they were told")],
        allow_future=False,
        min_year=2000,
        default=clock.today,
    )
    told_time = TimeOfDayField("What time?", [required("Enter the time, like 2:30pm")])

    def validate_who_other(self, field):
        _other(self, field, "who", "Write who was told")
