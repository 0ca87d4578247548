"""Forms of the partners directory."""

from __future__ import annotations

import re
from datetime import date

from wtforms import SearchField, SelectField, StringField, TextAreaField
from wtforms.validators import Optional, ValidationError

from app.core.numbers import whole_number
from app.forms import ChoiceField, DateField, Form, TimeOfDayField, at_most, required
from app.locking import VersionField
from app.partners.directory import ORDINALS, REPEATS, WEEKDAYS

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
WEBSITE = re.compile(r"^(https?://)?[^\s/$.?#][^\s]*\.[^\s]+$", re.I)


class SearchForm(Form):
    class Meta:
        csrf = False  # a search, sent by GET; it changes nothing

    q = SearchField("Search partners", [Optional(), at_most(100, "The search")])


class PartnerForm(Form):
    version = VersionField()
    name = StringField(
        "Name", [required("Enter the name of the service"), at_most(120, "The name")]
    )
    what_they_do = TextAreaField(
        "What they do, in plain words",
        [required("Enter what they do"), at_most(2000, "What they do")],
        description="For example: free legal advice about fines, court and police.",
    )
    address = StringField("Address", [Optional(), at_most(200, "The address")])
    phone = StringField("Phone", [Optional(), at_most(40, "The phone number")])
    email = StringField("Email", [Optional(), at_most(120, "The email")])
    website = StringField("Website", [Optional(), at_most(200, "The website")])
    opening_hours = TextAreaField("Opening hours", [Optional(), at_most(500, "The opening hours")])
    welcome_note = TextAreaField(
        "How safe and welcoming are they for our community?",
        [Optional(), at_most(2000, "The note")],
        description="What our people say. Who to ask for. What to watch out for.",
    )

    def validate_email(self, field):
        if field.data and not EMAIL.match(field.data):
            raise ValidationError("Enter an email address like name@example.org")

    def validate_website(self, field):
        if field.data and not WEBSITE.match(field.data):
            raise ValidationError("Enter a website like www.example.org")


class SuggestForm(Form):
    """A service a worker suggests for the directory; a senior or the manager approves it."""

    name = StringField(
        "Name of the service", [required("Enter the name of the service"), at_most(120, "The name")]
    )
    contact = StringField(
        "How to reach them (optional)",
        [Optional(), at_most(300, "How to reach them")],
        description="A phone number, an email or an address",
    )
    what_they_do = TextAreaField(
        "What they do, in plain words (optional)",
        [Optional(), at_most(2000, "What they do")],
    )


class InReachForm(Form):
    what = StringField(
        "What they offer at the centre",
        [Optional(), at_most(120, "This")],
        description="For example: GP and nurse clinic",
    )
    weekday = ChoiceField(
        "Which day of the week?",
        choices=[(str(n), name) for n, name in enumerate(WEEKDAYS)],
        validators=[required("Choose the day of the week")],
    )
    repeat = ChoiceField(
        "How often?", choices=list(REPEATS.items()), validators=[required("Choose how often")]
    )
    week_of_month = SelectField(
        "Which one in the month? (once a month only)",
        choices=[("", "Choose")] + [(str(n), word.capitalize()) for n, word in ORDINALS.items()],
        validate_choice=False,
    )
    from_day = DateField("The next day they come (every second week only)", min_year=2000)
    starts_at = TimeOfDayField("Starts at")
    ends_at = TimeOfDayField("Ends at")

    def validate_week_of_month(self, field):
        if self.repeat.data == "monthly" and field.data not in {str(n) for n in ORDINALS}:
            raise ValidationError("Choose which one in the month")

    def validate_from_day(self, field):
        if self.repeat.data != "fortnightly" or field.errors:
            return
        if not isinstance(field.data, date):
            raise ValidationError("Enter the next day they come")
        weekday = whole_number(self.weekday.data, high=6)
        if weekday is not None and field.data.weekday() != weekday:
            raise ValidationError("That date is not on the day of the week you chose")

    def validate_starts_at(self, field):
        if field.data is None and not field.errors:
            raise ValidationError("Enter the start time, like 10:00")

    def validate_ends_at(self, field):
        if field.data is None:
            if not field.errors:
                raise ValidationError("Enter the end time, like 13:00")
            return
        if self.starts_at.data and field.data <= self.starts_at.data:
            raise ValidationError("The end time must be after the start time")
