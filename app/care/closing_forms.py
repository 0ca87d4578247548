"""Forms for closing an episode of care: one question a page (the national codes in plain
words), for app/care/closing_routes.py."""

from __future__ import annotations

from wtforms import TextAreaField
from wtforms.validators import Optional

from app.care import closing, closing_checks
from app.care.forms import PickField
from app.forms import ChoiceField, DateField, Form, at_most, required
from app.standards import codes


class CloseReasonForm(Form):
    reason = ChoiceField(
        "Why is the episode closing?",
        choices=[(str(k), v) for k, v in closing.REASON_WORDS.items()],
        validators=[required("Choose why the episode is closing")],
    )


class CloseTreatmentForm(Form):
    main_treatment_type = ChoiceField(
        "The main kind of support",
        choices=[(str(k), v) for k, v in codes.MAIN_TREATMENT_TYPE.items()],
        validators=[required("Choose the main kind of support")],
    )


class CloseSettingForm(Form):
    delivery_setting = ChoiceField(
        "Where the support happened",
        choices=[(str(k), v) for k, v in closing.SETTING_WORDS.items()],
        validators=[required("Choose where the support happened")],
    )


class CloseDrugForm(Form):
    principal_drug = PickField(
        "Their main drug of concern",
        choices=[("", "Not collected (support for someone else's drug use)")]
        + [(k, v) for k, v in codes.ASCDC.items()],
    )


class CloseDateForm(Form):
    closed_on = DateField(
        "The day it closed", [required("Enter the day it closed")], allow_future=False
    )


CLOSE_FORMS = {
    "reason": CloseReasonForm,
    "treatment": CloseTreatmentForm,
    "setting": CloseSettingForm,
    "drug": CloseDrugForm,
    "date": CloseDateForm,
}


class CloseUnsureForm(Form):
    """Not sure of the closing: it goes to the manager, who says yes or talks it over."""

    unsure_why = TextAreaField(
        "What are you not sure of? (optional)",
        validators=[Optional(), at_most(closing_checks.UNSURE_LIMIT, "What you are not sure of")],
    )


class ClosingDecisionForm(Form):
    decision = ChoiceField(
        "Close this episode?",
        choices=[("close", "Yes, close it"), ("send_back", "No, keep it open")],
        validators=[required("Choose yes or no")],
    )


class AppointmentOnClosingForm(Form):
    choice = ChoiceField(
        "Cancel or keep it?",
        choices=[("cancel", "Cancel it"), ("keep", "Keep it")],
        validators=[required("Choose cancel or keep")],
    )
