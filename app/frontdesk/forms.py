"""Forms of the front desk. Plain messages in the question's own words."""

from __future__ import annotations

import re
from datetime import date, timedelta

from wtforms import HiddenField, SelectField, StringField, TextAreaField
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
from app.frontdesk.day_numbers import LONGEST_RANGE
from app.frontdesk.lists import CLOSE_REASONS, DESKS, GROUPS, ITEM_ICONS, REACH
from app.locking import VersionField
from app.needs import NEEDS, URGENCY

NOTE_LIMIT = 2000
PHONE = re.compile(r"^\+?[0-9 ()-]{6,24}$")


class TapForm(Form):
    """One tally button: add one, or take one off. `key` makes a repeat count once."""

    item = HiddenField()
    change = HiddenField()
    key = HiddenField()
    day = HiddenField()  # only for a manager fixing an earlier day
    tapped_at = HiddenField()  # when the person tapped (ISO time), sent by the screen's queue


class DeskForm(Form):
    desk = HiddenField()

    def validate_desk(self, field):
        if field.data not in {str(n) for n in DESKS}:
            raise ValidationError("Choose desk one or desk two")


class TaskTickForm(Form):
    ticked = HiddenField()


class HandoverForm(Form):
    name = StringField(
        "Their first name or a nickname",
        [Optional(), at_most(60, "The name")],
        description="Leave it empty if they would rather not say.",
    )
    needs = TickListField(
        "What do they want help with?",
        choices=list(NEEDS.items()),
        validators=[required("Choose at least one thing they want help with")],
        description="Choose all that fit.",
    )
    urgency = ChoiceField(
        "How soon do they need help, and how much?",
        choices=list(URGENCY.items()),
        validators=[required("Choose how soon they need help")],
    )
    reach = ChoiceField(
        "Where are they?",
        choices=list(REACH.items()),
        validators=[required("Choose where they are")],
    )
    phone = StringField(
        "Phone number",
        [at_most(30, "The phone number")],
        description="Like 0412 345 678",
    )
    note = TextAreaField(
        "Anything else the worker should know (optional)",
        [Optional(), at_most(NOTE_LIMIT, "The note")],
    )

    def validate_phone(self, field):
        if self.reach.data == "phone":
            if not field.data:
                raise ValidationError("Enter their phone number")
            if not PHONE.match(field.data):
                raise ValidationError("Enter a phone number using numbers, like 0412 345 678")


class CloseHandoverForm(Form):
    reason = ChoiceField(
        "Why are you closing it?",
        choices=list(CLOSE_REASONS.items()),
        validators=[required("Choose why you are closing it")],
    )


class TallyItemForm(Form):
    version = VersionField()
    label = StringField(
        "What is counted",
        [required("Enter what is counted"), at_most(60, "The name")],
        description="A word or two, like Meals or Showers",
    )
    group = ChoiceField(
        "Group on the screen",
        choices=list(GROUPS.items()),
        validators=[required("Choose a group")],
    )
    icon = ChoiceField(
        "Picture", choices=list(ITEM_ICONS.items()), validators=[required("Choose a picture")]
    )


class DailyTaskForm(Form):
    version = VersionField()
    label = StringField(
        "The task",
        [required("Enter the task"), at_most(120, "The task")],
        description="Short and clear, like Kitchenette has coffee, tea and sugar",
    )


class DayForm(Form):
    class Meta:
        csrf = False  # a choice of day, sent by GET; it changes nothing

    on = DateField("Day", allow_future=False, min_year=2000)


class RangeForm(Form):
    class Meta:
        csrf = False  # a choice of dates, sent by GET; it changes nothing

    start = DateField("From", allow_future=False, min_year=2000)
    end = DateField("To", allow_future=False, min_year=2000)

    def validate_end(self, field):
        if self.start.data and field.data:
            if field.data < self.start.data:
                raise ValidationError("The To date must be the same as or after the From date")
            if field.data - self.start.data > timedelta(days=LONGEST_RANGE - 1):
                raise ValidationError("Choose a year or less")


class ShiftRecordForm(Form):
    person = SelectField("Who did the shift", validate_choice=False)
    day = DateField("Day", allow_future=False, min_year=2000)
    starts = TimeOfDayField("Started at")
    ends = TimeOfDayField("Ended at")

    def validate_person(self, field):
        if not field.data or field.data == "0" or field.data not in {v for v, _ in field.choices}:
            raise ValidationError("Choose who did the shift")

    def validate_day(self, field):
        if not isinstance(field.data, date) and not field.errors:
            raise ValidationError("Enter the day of the shift")

    def validate_starts(self, field):
        if field.data is None and not field.errors:
            raise ValidationError("Enter the time the shift started, like 09:30")

    def validate_ends(self, field):
        if field.data is None:
            if not field.errors:
                raise ValidationError("Enter the time the shift ended, like 13:00")
            return
        if self.starts.data and field.data <= self.starts.data:
            raise ValidationError("The end time must be after the start time")
        if self.day.data == clock.today() and field.data > clock.local_now().time().replace(
            second=59, microsecond=0
        ):
            raise ValidationError("The end time must not be later than now")


class ShiftEndForm(Form):
    class Meta:
        csrf = False  # one form per open shift (with a prefix); CSRFProtect checks every POST

    ends = TimeOfDayField("Ended at")

    def validate_ends(self, field):
        if field.data is None and not field.errors:
            raise ValidationError("Enter the time the shift ended, like 13:00")


class ShadowShiftForm(ShiftRecordForm):
    """A trainee's time at the desk beside the volunteer on duty, who confirms it."""

    person = SelectField(
        "Who was on duty at the desk",
        validate_choice=False,
        description="They will be asked to say you were with them.",
    )

    def validate_person(self, field):
        if not field.data or field.data == "0" or field.data not in {v for v, _ in field.choices}:
            raise ValidationError("Choose who was on duty at the desk")
