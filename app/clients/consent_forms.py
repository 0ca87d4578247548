"""Forms for consent to share information (Appendix One): who, what, how, and taking it
back; SHARES and HOW_GIVEN are the answers' words (the scale area uses them too)."""

from __future__ import annotations

from wtforms import SelectField, TextAreaField
from wtforms.validators import Optional, ValidationError

from app.clients.consents import NOBODY_CHOSEN
from app.clients.forms import text_field
from app.clients.signatures import SignatureFields
from app.forms import ChoiceField, DateField, Form, TickListField, at_most, required
from app.locking import VersionField

SHARES: dict[str, str] = {
    "client_here": "That they come to us for support",
    "contact": "Their contact details",
    "appointments": "Appointments and whether they came",
    "plan": "Their goals and plan",
    "drug_treatment": "Drug treatment, including OMT",
    "health": "Physical health",
    "mental_health": "Mental health",
    "housing": "Housing",
    "children": "Children and child protection (CYF)",
    "money": "Centrelink and money",
    "legal": "Legal matters and court",
    "other": "Something else (say what below)",
}
HOW_GIVEN: dict[str, str] = {
    "signed_paper": "Signed a paper copy",
    "signed_screen": "Signed on the screen",
    "verbal": "Said yes out loud, with a witness",
}


class ConsentWhoForm(Form):
    """A service chosen from the partners directory, or someone typed who is not in it. The
    view fills the list (`partner_id.choices`) with the active partners, by name."""

    partner_id = SelectField(
        "A service from our list",
        choices=[("", "Choose a service")],
        validate_choice=False,  # checked against the list in validate_partner_id
        description="Not in the list? Type who it is below.",
    )
    party_name = text_field(
        "Not on our list? Type the name of the person or service",
        limit=200,
        thing="The name",
        description="An organisation or a person, for example their sister Jo",
    )
    relationship_to = text_field(
        "Their relationship, or the organisation",
        limit=200,
        thing="The relationship",
        description="For example caseworker at Housing ACT, or sister",
    )
    contact_details = text_field("How to contact them", limit=300, thing="The contact details")

    def validate_partner_id(self, field):
        if field.data and not any(field.data == value for value, _ in field.choices[1:]):
            raise ValidationError("Choose a service from the list")
        if not field.data and not self.party_name.data:
            raise ValidationError(NOBODY_CHOSEN)

    def validate_party_name(self, field):
        if field.data and self.partner_id.data:
            raise ValidationError(
                "Choose a service from the list, or type who it is, not both. "
                "One consent is for one service or person"
            )


class ConsentWhatForm(Form):
    shares = TickListField("What may we talk about with them?", choices=list(SHARES.items()))
    shares_other = TextAreaField("Anything else, in their words", [at_most(500, "The words")])

    def validate_shares(self, field):
        if not field.data and not self.shares_other.data:
            raise ValidationError("Choose what we may talk about, or write it in their words")


class ConsentHowForm(SignatureFields, Form):
    how_given = ChoiceField(
        "How did they give consent?",
        choices=list(HOW_GIVEN.items()),
        validators=[required("Choose how they gave consent")],
    )
    witness = text_field("Name of the witness (for a yes out loud)", thing="The name")
    given_on = DateField(
        "Date given", [required("Enter the date they gave consent")], allow_future=False
    )
    expires_on = DateField(
        "Review or end date",
        [Optional()],
        description="Leave empty for 12 months from the date given",
    )

    def validate_witness(self, field):
        if self.how_given.data == "verbal" and not field.data:
            raise ValidationError("Enter the name of the witness")

    def validate_expires_on(self, field):
        if field.data and self.given_on.data and field.data <= self.given_on.data:
            raise ValidationError("The review date must be after the date given")


class ConsentWithdrawForm(Form):
    version = VersionField()
    withdrawn_on = DateField(
        "Date they took it back", [required("Enter the date")], allow_future=False
    )
    withdrawn_note = text_field("Anything to note (optional)", limit=300, thing="The note")
