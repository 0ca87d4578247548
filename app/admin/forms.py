"""Forms of the manager's pages: a new account, changing one, the audit log's filter, and
deleting an old file."""

from wtforms import BooleanField, SelectField, StringField
from wtforms.validators import Regexp, ValidationError

from app.access import ROLES
from app.admin.settings import establishment_refusal
from app.auth import public as auth
from app.forms import ChoiceField, DateField, Form, at_most, required
from app.locking import VersionField

ROLE_CHOICES = list(ROLES.items())


class UserCreateForm(Form):
    display_name = StringField("Their name", [required("Enter their name"), at_most(80)])
    username = StringField(
        "Username",
        [
            required("Enter a username"),
            at_most(40),
            Regexp(r"^[a-zA-Z0-9._-]+$", message="Use only letters, numbers, dots and dashes"),
        ],
        description="What they type to sign in, like sam.k",
    )
    role = ChoiceField(
        "What they do here", choices=ROLE_CHOICES, validators=[required("Choose what they do here")]
    )
    # A student on placement only: the course they are on and who supervises them here.
    programme = StringField("Their course (students on placement)", [at_most(200, "Their course")])
    supervisor = SelectField(
        "Their supervisor here (students on placement)", choices=[], validate_choice=False
    )

    def validate_username(self, field):
        if auth.get_user_by_username(field.data or ""):
            raise ValidationError("That username is taken. Try another")


class UserEditForm(Form):
    version = VersionField()
    display_name = StringField("Their name", [required("Enter their name"), at_most(80)])
    role = ChoiceField(
        "What they do here", choices=ROLE_CHOICES, validators=[required("Choose what they do here")]
    )


class AuditFilterForm(Form):
    """A search of the log, sent by GET: it changes nothing. Names, not codes."""

    class Meta:
        csrf = False

    person = StringField(
        "Whose file", [at_most(60)], description="A name or a file number, like Tam or 12"
    )
    staff = SelectField("Staff member", choices=[], validate_choice=False)
    kind = SelectField("Kind", choices=[], validate_choice=False)
    since = DateField("From", allow_future=False)
    until = DateField("To")


class DeleteFileForm(Form):
    confirm = BooleanField(
        "I have checked this file. It is more than 7 years since we last saw this person, "
        "and nothing needs it kept",
        [required("Tick the box to say you have checked the file")],
    )


class EstablishmentForm(Form):
    establishment_id = StringField(
        "Establishment number",
        [required("Enter the establishment number"), at_most(20)],
        description="From the health department: 9 or 10 characters, like 810100001",
    )

    def validate_establishment_id(self, field):
        # The same check the saving does (app/admin/settings.py), shown next to the box.
        refusal = establishment_refusal(field.data)
        if refusal:
            raise ValidationError(refusal)
