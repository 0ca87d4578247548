"""Forms of the training area: reflections, hours, certificates, sign-offs, and the trainer's
item, module and agreement forms. Plain messages in the question's own words."""

from datetime import date

from wtforms import BooleanField, StringField, TextAreaField
from wtforms.validators import Optional, Regexp, StopValidation, ValidationError

from app.core.numbers import whole_number
from app.forms import ChoiceField, DateField, Form, at_most, required
from app.locking import VersionField
from app.models.training import CERTIFICATE_KINDS, ITEM_KINDS
from app.training.progress import REFLECTION_LIMIT


def filled(message: str) -> list:
    """Required, and more than spaces (text is trimmed before it is checked)."""

    def check(form, field):
        if not field.data:
            raise StopValidation(message)

    return [required(message), check]


KIND_CHOICES = [(key, label) for key, (label, _icon) in ITEM_KINDS.items()]
CERTIFICATE_CHOICES = list(CERTIFICATE_KINDS.items())
TIME_CHOICES = [
    ("30", "Half an hour"),
    ("60", "1 hour"),
    ("90", "1 and a half hours"),
    ("120", "2 hours"),
    ("180", "3 hours"),
    ("240", "4 hours"),
    ("360", "6 hours"),
    ("480", "A full day"),
]


class ReflectionForm(Form):
    text = TextAreaField(
        "What did you learn, or what do you think?",
        [
            *filled("Write a few words about what you learned"),
            at_most(REFLECTION_LIMIT, "Your reflection"),
        ],
    )


class SignOffForm(Form):
    note = TextAreaField("A note (you can leave this empty)", [at_most(1000, "The note")])


class AcceptForm(Form):
    agree = BooleanField(
        "I have read or heard these agreements, and I agree to them",
        [required("Tick the box to say you agree")],
    )


class CertificateForm(Form):
    kind = ChoiceField(
        "Which certificate or check?",
        choices=CERTIFICATE_CHOICES,
        validators=[required("Choose which certificate or check it is")],
    )
    issued_on = DateField(
        "When was it given?",
        [required("Enter the day it was given")],
        allow_future=False,
    )
    expires_on = DateField("When does it run out?", [Optional()], min_year=2000)
    note = StringField("A short note (you can leave this empty)", [at_most(200, "The note")])

    @property
    def expires_value(self) -> date | None:
        # app.forms.DateField leaves wtforms' "unset" marker when the boxes were not sent.
        value = self.expires_on.data
        return value if isinstance(value, date) else None

    def validate_expires_on(self, field):
        if field.data and self.issued_on.data and field.data < self.issued_on.data:
            raise ValidationError("The day it runs out must be after the day it was given")


def certificate_fields(form: CertificateForm) -> dict:
    """What a sent certificate form says, in the words `records.create_certificate` takes.

    A trainee adding their own certificate and a trainer adding one for them send the same
    form; one mapping keeps the expiry and empty-note rules the same for both."""
    return {
        "kind": form.kind.data,
        "issued_on": form.issued_on.data,
        "expires_on": form.expires_value,
        "note": form.note.data or "",
    }


class SessionForm(Form):
    day = DateField("Which day?", [required("Enter the day")], allow_future=False)
    minutes = ChoiceField(
        "How long?", choices=TIME_CHOICES, validators=[required("Choose how long it was")]
    )
    what = StringField(
        "What did you do?",
        [*filled("Say in a few words what you did"), at_most(200, "This")],
        description="For example: module 3 readings at home",
    )


def session_fields(form: SessionForm) -> dict:
    """What a sent time form says, in the words `records.create_session` takes.

    A trainee logging their own time and a trainer logging it for them send the same form;
    one mapping reads the minutes the same way for both."""
    return {
        "day": form.day.data,
        "minutes": whole_number(form.minutes.data),
        "what": form.what.data,
    }


class ItemForm(Form):
    version = VersionField()
    kind = ChoiceField(
        "What kind of item?",
        choices=KIND_CHOICES,
        validators=[required("Choose what kind of item it is")],
    )
    title = StringField("Title", [*filled("Enter a title"), at_most(200, "The title")])
    body = TextAreaField("What to do, in plain words", [at_most(2000, "This")])
    link = StringField(
        "A link to a file or page (you can leave this empty)",
        [
            Optional(),
            at_most(500, "The link"),
            Regexp(
                r"^(https?://|/)\S+$",
                message="Start the link with https:// or with / for a page on this site",
            ),
        ],
    )
    minutes = StringField(
        "About how many minutes does it take? (you can leave this empty)",
        [Optional(), Regexp(r"^[0-9]{1,4}$", message="Enter a number of minutes, like 30")],
        description="A guess is fine",
    )

    @property
    def minutes_value(self) -> int | None:
        return whole_number(self.minutes.data)


class ModuleForm(Form):
    version = VersionField()
    title = StringField("Title", [*filled("Enter a title"), at_most(120, "The title")])
    summary = TextAreaField("What it is about, in one or two lines", [at_most(1000, "This")])


class AgreementForm(Form):
    version = VersionField()
    text = TextAreaField(
        "The new text",
        [*filled("Enter the text of the agreement"), at_most(20000, "The text")],
        description="Leave an empty line between parts.",
    )
    change_note = StringField(
        "What changed?",
        [*filled("Say in a few words what changed"), at_most(300, "This")],
    )
