"""Form pieces every area shares: plain error messages, a date in three boxes, tick lists,
a time of day as people type it."""

from __future__ import annotations

import re
from datetime import date, time

from flask import has_request_context, request
from flask_wtf import FlaskForm
from wtforms import Field, RadioField, SelectMultipleField, StringField, TextAreaField, TimeField
from wtforms.utils import unset_value
from wtforms.validators import Length, StopValidation, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from app import clock
from app.core.saving import mark_refused


def strip(value):
    return value.strip() if isinstance(value, str) else value


class Form(FlaskForm):
    """Every form trims what was typed and carries its CSRF token. A form sent with problems
    marks the request refused, so nothing of it is saved (app/core/saving.py)."""

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        if not valid and has_request_context() and request.method == "POST":
            mark_refused()
        return valid

    class Meta:
        def bind_field(self, form, unbound_field, options):
            filters = list(unbound_field.kwargs.get("filters", ()))
            if issubclass(unbound_field.field_class, (StringField, TextAreaField)):
                filters.append(strip)
            return unbound_field.bind(form=form, filters=filters, **options)


class Required:
    """Answered: something typed (more than spaces), chosen, ticked or a whole date.

    The message is in the field's own words: "Enter the person's first name".
    """

    def __init__(self, message: str):
        self.message = message

    def __call__(self, form, field):
        data = field.data
        empty = (
            (isinstance(field, ChoiceField) and not field.answered())
            or data is None
            or data is False
            or (isinstance(data, str) and not data.strip())
            or (isinstance(data, list | tuple | set) and not data)
        )
        if empty:
            raise StopValidation(self.message)


def required(message: str) -> Required:
    """A field that must be answered, with the message in the field's own words."""
    return Required(message)


def at_most(limit: int, thing: str = "This") -> Length:
    return Length(max=limit, message=f"{thing} must be {limit:,} characters or fewer")


class TickListField(SelectMultipleField):
    """Several answers, shown as big tick boxes."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()

    def pre_validate(self, form):
        allowed = {str(value) for value, _ in self.choices}
        for value in self.data or []:
            if str(value) not in allowed:
                raise ValidationError("Choose from the list")


class ChoiceField(RadioField):
    """One answer, shown as big cards. An unknown value gets a plain message, not a crash."""

    def answered(self) -> bool:
        # WTForms turns "nothing sent" into the text "None", so look at what was sent.
        return bool(self.raw_data and self.raw_data[0])

    def pre_validate(self, form):
        if not self.answered():
            return  # no answer: `required(...)` says so in the question's own words
        if not any(str(self.data) == str(value) for value, _ in self.choices):
            raise ValidationError("Choose one of the answers")


class DateField(Field):
    """A date as day, month and year boxes (GOV.UK style): name-day, name-month, name-year."""

    def __init__(self, label=None, validators=None, *, allow_future=True, min_year=1900, **kw):
        super().__init__(label, validators, **kw)
        self.allow_future = allow_future
        self.min_year = min_year
        self.parts = {"day": "", "month": "", "year": ""}
        self.part_errors: set[str] = set()

    def process(self, formdata, data=None, extra_filters=None):
        self.process_errors = []
        self.data = self.default() if callable(self.default) else self.default
        if data is not None and data is not unset_value:
            self.data = data
        if formdata is not None and any(f"{self.name}-{p}" in formdata for p in self.parts):
            self.parts = {p: formdata.get(f"{self.name}-{p}", "").strip() for p in self.parts}
            filled = " ".join(v for v in self.parts.values() if v)
            self.raw_data = [filled] if filled else []
            self.data = None
            self._parse()
        elif isinstance(self.data, date):
            self.parts = {
                "day": str(self.data.day),
                "month": str(self.data.month),
                "year": str(self.data.year),
            }

    def _parse(self) -> None:
        if not any(self.parts.values()):
            return
        missing = [p for p, v in self.parts.items() if not v]
        if missing:
            self.part_errors = set(missing)
            self.process_errors.append(f"The date must include a {' and a '.join(missing)}")
            return
        try:
            day, month, year = (int(self.parts[p]) for p in ("day", "month", "year"))
            self.data = date(year, month, day)
        except (ValueError, OverflowError):
            self.part_errors = set(self.parts)
            self.process_errors.append("Enter a real date, like 27 3 1990")
            return
        if year < self.min_year:
            self.part_errors = {"year"}
            self.process_errors.append(f"The year must be {self.min_year} or later")
            self.data = None
        elif not self.allow_future and self.data > clock.today():
            self.part_errors = set(self.parts)
            self.process_errors.append("The date must be today or in the past")
            self.data = None

    def _value(self):
        return ""


# --- a time of day, as people type it ---------------------------------------------------

TIME_TYPED = re.compile(r"^([0-9]{1,2})(?:[:.]?([0-9]{2}))?(am|pm)?$")


def parse_time(text: str | None) -> time | None:
    """'14:30', '2:30pm', '2.30 pm', '9am', '1400', '14' as a time of day; None when it is not
    one. The one reading of a typed time for every area (ASCII digits only)."""
    typed = (text or "").strip().lower().replace(" ", "")
    typed = typed.replace("a.m.", "am").replace("p.m.", "pm")
    match = TIME_TYPED.match(typed)
    if not match:
        return None
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    if match.group(3):
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if match.group(3) == "pm" else 0)
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


class TimeOfDayField(TimeField):
    """A time like 09:30 (the browser's time box), or typed as 9:30am, 2pm or 1400."""

    def __init__(self, label=None, validators=None, **kwargs):
        super().__init__(label, validators, format="%H:%M", **kwargs)

    def process_formdata(self, valuelist):
        if not valuelist or not valuelist[0].strip():
            self.data = None
            return
        self.data = parse_time(valuelist[0])
        if self.data is None:
            raise ValueError("Enter a time like 09:30 or 2pm")
