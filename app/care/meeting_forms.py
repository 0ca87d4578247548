"""The form for a care coordination meeting: when, who came, services, what was agreed, and
up to three actions (what, who, by when). The view fills the lists."""

from __future__ import annotations

from wtforms import BooleanField, StringField, TextAreaField
from wtforms.validators import ValidationError

from app.care.forms import OTHERS_NOT_ASKED, PickField, a_time
from app.forms import ChoiceField, DateField, Form, TickListField, at_most, required

ACTIONS = 3
PERSON = "person"  # an action for the person themselves
SOMEONE_ELSE = "other"  # an action for someone not on our staff: their name is typed


class MeetingForm(Form):
    on_day = DateField("Day", [required("Enter the day of the meeting")], allow_future=False)
    at_time = StringField("Time", [required("Enter the time of the meeting"), a_time])
    person_came = BooleanField("They came to the meeting", default=True)
    staff = TickListField("Our staff who came", coerce=int)
    partner_ids = TickListField("Services from the partners directory", coerce=int)
    typed_service = StringField(
        "Another service, not in the directory (optional)", [at_most(200, "The service")]
    )
    consent_id = ChoiceField("Which of their consents covers this service?", choices=[])
    others_present = StringField(
        "Other people who came, by name (optional)", [at_most(300, "The names")]
    )
    others_agreed = BooleanField("They said yes to these people being there")
    agreed = TextAreaField(
        "What was agreed", [required("Write what was agreed"), at_most(10_000, "What was agreed")]
    )

    def validate_others_agreed(self, field):
        if (self.others_present.data or "").strip() and not field.data:
            raise ValidationError(OTHERS_NOT_ASKED)

    def actions(self) -> list[tuple[int, dict]]:
        """[(number, {what, who, who_name, due_on fields})] for each action row."""
        return [
            (n, {k: getattr(self, f"action{n}_{k}") for k in ("what", "who", "who_name", "due_on")})
            for n in range(1, ACTIONS + 1)
        ]

    def validate(self, extra_validators=None):
        ok = super().validate(extra_validators)
        for n, f in self.actions():
            started = (
                (f["what"].data or "").strip()
                or f["who"].data
                or (f["who_name"].data or "").strip()
                or f["due_on"].data
            )
            if not started:
                continue
            problems = [
                (
                    f["what"],
                    not (f["what"].data or "").strip(),
                    f"Action {n}: write what will be done",
                ),
                (f["who"], not f["who"].data, f"Action {n}: choose who will do it"),
                (
                    f["who_name"],
                    f["who"].data == SOMEONE_ELSE and not (f["who_name"].data or "").strip(),
                    f"Action {n}: write the name of who will do it",
                ),
                (
                    f["due_on"],
                    f["due_on"].data is None and not f["due_on"].errors,
                    f"Action {n}: enter the date it is due by",
                ),
            ]
            for field, wrong, message in problems:
                if wrong:
                    field.errors.append(message)
                    ok = False
        return ok


for _n in range(1, ACTIONS + 1):
    setattr(
        MeetingForm,
        f"action{_n}_what",
        TextAreaField(f"Action {_n}: what will be done", [at_most(2000, "The action")]),
    )
    setattr(MeetingForm, f"action{_n}_who", PickField(f"Action {_n}: who will do it"))
    setattr(
        MeetingForm,
        f"action{_n}_who_name",
        StringField(f"Action {_n}: their name, if someone else", [at_most(120, "The name")]),
    )
    setattr(MeetingForm, f"action{_n}_due_on", DateField(f"Action {_n}: by when"))
