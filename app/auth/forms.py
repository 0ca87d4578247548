"""Forms for signing in and for a person's own password: plain messages, and a new password
checked with the same rules everywhere (passwords.password_problem)."""

from wtforms import PasswordField, StringField
from wtforms.validators import ValidationError

from app.auth.passwords import password_problem
from app.forms import Form, at_most, required


class SignInForm(Form):
    username = StringField("Username", [required("Enter your username"), at_most(40)])
    password = PasswordField("Password", [required("Enter your password"), at_most(200)])


class NewPasswordForm(Form):
    """Used at first sign-in and when a person changes their own password."""

    password = PasswordField("New password", [required("Enter a new password")])
    confirm = PasswordField(
        "Type the new password again", [required("Type the new password again")]
    )

    def __init__(self, *args, username: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.username = username

    def validate_password(self, field):
        problem = password_problem(field.data or "", username=self.username)
        if problem:
            raise ValidationError(problem)

    def validate_confirm(self, field):
        if field.data != self.password.data:
            raise ValidationError("The two passwords are not the same")


class ChangePasswordForm(NewPasswordForm):
    current = PasswordField("Your password now", [required("Enter your password now")])


class CodeForm(Form):
    code = StringField(
        "Code from your authenticator app",
        [required("Enter the 6 numbers from your authenticator app"), at_most(20)],
    )


class RecoveryCodeForm(Form):
    code = StringField("Recovery code", [required("Enter one of your recovery codes"), at_most(20)])
