from wtforms import TextAreaField
from wtforms.validators import Optional, ValidationError

from app.forms import ChoiceField, DateField, Form, TickListField, at_most, required

KINDS = {
    "line": "Line supervision (one to one, with the manager)",
    "clinical": "Clinical supervision (one to one, with a clinician)",
    "group": "Group supervision (the team, every two weeks)",
}
TOPICS = {
    "boundaries": "Boundaries",
    "confidentiality": "Confidentiality",
    "conflicts": "Conflicts of interest",
    "self_care": "Self-care and vicarious trauma",
    "stress": "Stress",
    "balance": "Work and life balance",
    "workload": "Workload and caseload",
    "learning": "Learning and training",
}


class SupervisionForm(Form):
    kind = ChoiceField(
        "What kind of supervision",
        choices=list(KINDS.items()),
        validators=[required("Choose what kind of supervision")],
    )
    held_on = DateField("Date", [required("Enter the date")], allow_future=False)
    workers = TickListField(
        "Who was supervised", coerce=int, validators=[required("Choose who was supervised")]
    )
    topics = TickListField("What you talked about", choices=list(TOPICS.items()))
    other_topics = TextAreaField("Anything else you talked about", [Optional(), at_most(2000)])
    notes = TextAreaField(
        "Private notes",
        [Optional(), at_most(20000, "The notes")],
        description="Only the worker, the supervisor and the manager can read these",
    )
    next_on = DateField("Next supervision")

    def validate_workers(self, field):
        if self.kind.data != "group" and len(field.data or []) > 1:
            raise ValidationError("One to one supervision is with one worker. Choose one")

    def validate_next_on(self, field):
        if field.data and self.held_on.data and field.data <= self.held_on.data:
            raise ValidationError("The next supervision must be after this one")
