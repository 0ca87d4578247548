"""Forms of the team area, and the choices they offer (supervision topics, what a case
meeting decided), which the scale data and the models name too."""

from wtforms import SelectField, StringField, TextAreaField
from wtforms.validators import Optional, ValidationError

from app import clock
from app.forms import ChoiceField, DateField, Form, TickListField, at_most, required
from app.locking import VersionField
from app.team.completeness import ANSWERS, CHECKS, NO, unanswered
from app.team.reallocation import PERSON_VIEWS, handover_day_problem
from app.team.supervision_schedule import EVERY, NOT_SET

KINDS = {
    "line": "Line supervision (one to one, with the manager)",
    "clinical": "Clinical supervision (one to one, with a clinician)",
    "group": "Group supervision (the team, every two weeks)",
    "basics": "PTSS Basics (the monthly group for workers still learning)",
}
GROUP_KINDS = ("group", "basics")
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

# What the case consultation decided for a person (the words go on their timeline).
OUTCOMES = {
    "keep_going": "Keep going as planned",
    "review_plan": "Review the plan with them",
    "reach_out": "Try again to reach them",
    "close_episode": "Close the episode",
    "renew_consent": "Ask them about consent again",
    "catch_up_notes": "Catch up on notes",
    "new_worker": "Think about a new worker",
    "more_support": "More support for the worker",
    "other": "Something else",
}
# What the case consultation decided for someone waiting at the front desk.
WAITING_OUTCOMES = {
    "pick_up_today": "A worker will pick it up today",
    "call_back": "Call them back",
    "refer": "Refer them to a partner service",
    "close": "Close the handover",
    "other": "Something else",
}
SAMPLE_SIZES = [(str(n), str(n)) for n in (1, 2, 3, 5, 10)]
LONGEST_NOTE = 5000


class PickField(SelectField):
    """A drop-down list where no answer is allowed, with a plain message for one not on it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.type = "SelectField"  # drawn by the field() macro as a drop-down list

    def pre_validate(self, form):
        if self.data in (None, "", "None"):
            return
        if not any(str(self.data) == str(value) for value, _ in self.choices):
            raise ValidationError("Choose from the list")


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
    second_supervisor_id = PickField(
        "Second supervisor (optional)",
        description="For group supervision led by two supervisors",
    )
    external_supervisor = StringField(
        "External supervisor (optional)",
        [Optional(), at_most(120, "The name")],
        description="Their name, when someone from outside our centre gave the supervision",
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
        if self.kind.data not in GROUP_KINDS and len(field.data or []) > 1:
            raise ValidationError("One to one supervision is with one worker. Choose one")

    def validate_next_on(self, field):
        if field.data and self.held_on.data and field.data <= self.held_on.data:
            raise ValidationError("The next supervision must be after this one")


class ScheduleForm(Form):
    every = ChoiceField(
        "How often",
        choices=[(NOT_SET, "No schedule")] + list(EVERY.items()),
        validators=[required("Choose how often they have supervision")],
    )
    supervisor_id = PickField("Who supervises them")

    def validate_supervisor_id(self, field):
        if self.every.data != NOT_SET and not field.data:
            raise ValidationError("Choose who supervises them")


class ReallocationForm(Form):
    version = VersionField()
    worker_id = ChoiceField(
        "Who will support them now",
        validators=[required("Choose who will support them now")],
    )
    reason = TextAreaField(
        "Why they are moving to a new worker",
        [required("Write why they are moving to a new worker"), at_most(2000, "The reason")],
    )
    person_view = ChoiceField(
        "Did you ask them, and do they agree",
        choices=list(PERSON_VIEWS.items()),
        validators=[required("Choose what they said")],
    )
    handover_note = TextAreaField(
        "Handover note for the new worker",
        [
            required("Write a handover note for the new worker"),
            at_most(LONGEST_NOTE, "The handover note"),
        ],
        description="What matters to them, so they do not have to tell their story again",
    )
    preference_reason = TextAreaField(
        "If they do not meet what the person asked for in a worker: why this worker",
        [at_most(300, "The reason")],
        description="At least 4 words",
    )
    handover_on = DateField(
        "Date of the handover",
        [required("Enter the date of the handover")],
        description=(
            "When both workers meet them together. Until then, both can open the file."
            " For example, 27 3 2026"
        ),
    )

    def validate_handover_on(self, field):
        problem = handover_day_problem(field.data)
        if problem:
            raise ValidationError(problem)


class DecisionForm(Form):
    outcome = ChoiceField(
        "What did you decide",
        choices=list(OUTCOMES.items()),
        validators=[required("Choose what you decided")],
    )
    note = TextAreaField(
        "What happens next, and who does it",
        [at_most(2000, "The note")],
        description="This stays on the consultation record, not on the timeline",
    )
    look_again_on = DateField(
        "When to look again", description="Leave it empty if there is no date"
    )

    def validate_note(self, field):
        if self.outcome.data == "other" and not field.data:
            raise ValidationError("Write what you decided")

    def validate_look_again_on(self, field):
        if field.data and field.data < clock.today():
            raise ValidationError("The date to look again must be today or later")


class WaitingDecisionForm(DecisionForm):
    outcome = ChoiceField(
        "What did you decide",
        choices=list(WAITING_OUTCOMES.items()),
        validators=[required("Choose what you decided")],
    )


class SampleForm(Form):
    how_many = SelectField("How many files", choices=SAMPLE_SIZES, default="3")
    worker_id = SelectField("From whose caseload")


class AuditForm(Form):
    version = VersionField(ignore=["feedback"])
    feedback = TextAreaField(
        "Feedback for the worker",
        [Optional(), at_most(LONGEST_NOTE, "The feedback")],
        description="What is good, and what to fix. The worker sees this on their home page",
    )

    finishing = False  # set when the senior finishes the check: then every check needs an answer

    def answers(self) -> dict[str, str | None]:
        return {key: getattr(self, key).data or None for key in CHECKS}

    def validate(self, extra_validators=None):
        ok = super().validate(extra_validators)
        if not self.finishing:
            return ok
        answers = self.answers()
        for key in unanswered(answers):
            getattr(self, key).errors.append("Answer this check: yes, no or does not apply")
            ok = False
        if NO in answers.values() and not self.feedback.data:
            self.feedback.errors.append("Write feedback for the worker about what to fix")
            ok = False
        return ok


for _key, _question in CHECKS.items():
    setattr(AuditForm, _key, ChoiceField(_question, choices=list(ANSWERS.items())))


class FeedbackDoneForm(Form):
    note = TextAreaField(
        "What you did (if you want to say)", [Optional(), at_most(500, "The note")]
    )
