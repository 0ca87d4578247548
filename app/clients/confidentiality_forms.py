"""The forms for confidentiality (a disclosure the law compels) and for a worker who knows
the person outside work (the rest of the client forms are in forms.py)."""

from __future__ import annotations

from wtforms import SelectField, StringField, TextAreaField

from app.clients import confidentiality, known_outside_work
from app.forms import ChoiceField, DateField, Form, at_most, required


class DisclosureForm(Form):
    kind = ChoiceField(
        "Who is asking?",
        choices=list(confidentiality.KINDS.items()),
        validators=[required("Choose who is asking")],
    )
    asked_by = StringField(
        "Their name or office",
        [required("Write who asked"), at_most(200, "Who asked")],
        description="For example: ACT Magistrates Court, or Constable Lee at City police station",
    )
    authority = StringField(
        "The authority: the subpoena, warrant or law",
        [required(confidentiality.NO_AUTHORITY), at_most(300, "The authority")],
        description="For example: subpoena number 1234 of 2026. Without one we give nothing.",
    )
    asked_on = DateField(
        "The day the request came", [required("Enter the day it came")], allow_future=False
    )
    what_given = TextAreaField(
        "What we give them",
        [required("Write what we give them"), at_most(2000, "What we give")],
        description="Only what the authority asks for. For example: case notes from March.",
    )


class KnownOutsideWorkForm(Form):
    worker_id = SelectField("Which worker knows them?", coerce=int, choices=[])
    how = ChoiceField(
        "How do they know each other?",
        choices=list(known_outside_work.HOW.items()),
        validators=[required("Choose how they know each other")],
    )
    note = StringField("Anything a senior should know (optional)", [at_most(300, "This")])


class EndKnownForm(Form):
    reason = StringField(
        "Why it was a mistake",
        [required("Write why it was a mistake"), at_most(300, "The reason")],
    )
