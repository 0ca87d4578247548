"""Models for the care area: the assessment (made at intake), plans, notes, appointments,
referrals, material aid and advocacy."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Column, ForeignKey, Index, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, Versioned
from app.models.people import User


class Assessment(Base):
    """What a person needs, their strengths, who is around them and the risks.

    Filled over one or many meetings: each save is a new row (with its date and author),
    so the history is kept. The newest row for a client is the current assessment.
    """

    __tablename__ = "assessment"
    # A person's newest assessment, read from the index alone (caseloads count thousands).
    __table_args__ = (
        Index("ix_assessment_client_newest", "client_id", "created_at", "id", "support_level"),
    )

    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"), index=True)
    episode_id: Mapped[int | None] = mapped_column(ForeignKey("episode.id"), index=True)
    met_on: Mapped[date]
    support_level: Mapped[str | None] = mapped_column(String(20))  # app.needs.URGENCY key
    needs: Mapped[list[str]] = mapped_column(JSON, default=list)  # app.needs.LIFE_AREAS keys
    need_notes: Mapped[dict] = mapped_column(JSON, default=dict)  # life area -> words
    summary: Mapped[str | None] = mapped_column(Text)  # in their words, what is going on
    strengths: Mapped[str | None] = mapped_column(Text)
    supports: Mapped[str | None] = mapped_column(Text)  # people and services around them
    risks: Mapped[str | None] = mapped_column(Text)

    author: Mapped[User | None] = relationship(foreign_keys="Assessment.created_by_id")


# --- Care work: plans, notes, appointments, referrals, aid and advocacy --------------------
# Defined by the lead as the contract the care area builds its pages on and the team and
# report areas read. Add fields freely; rename none.


class Plan(Base):
    """The treatment plan of an episode: a living document with up to three goals.

    Every change writes a PlanVersion (what changed, when, who, and a snapshot), so the page
    can show the history. `version` guards against two people saving at once.
    """

    __tablename__ = "plan"

    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"), index=True)
    episode_id: Mapped[int] = mapped_column(ForeignKey("episode.id"), index=True)
    agreed_on: Mapped[date] = mapped_column(index=True)
    review_on: Mapped[date] = mapped_column(index=True)  # default: three months on
    version: Mapped[int] = mapped_column(default=1)
    # Set on every change, so the plan row is written (and its version checked) each time.
    changed_at: Mapped[datetime | None]

    goals: Mapped[list[Goal]] = relationship(
        back_populates="plan", order_by="Goal.position", cascade="all, delete-orphan"
    )
    versions: Mapped[list[PlanVersion]] = relationship(
        back_populates="plan", order_by="PlanVersion.number.desc()"
    )

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


GOAL_STATUSES = {
    "working_on": "Working on it",
    "done": "Done",
    "changed": "Changed",
    "put_aside": "Put aside for now",  # never "failed"
}


class Goal(Base):
    """A goal in the person's own words."""

    __tablename__ = "goal"

    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id"), index=True)
    position: Mapped[int] = mapped_column(default=1)
    words: Mapped[str] = mapped_column(Text)  # the goal, in the person's own words
    why: Mapped[str | None] = mapped_column(Text)  # why it matters to them
    priority: Mapped[int] = mapped_column(default=2)  # 1 first, 2 soon, 3 later
    risks: Mapped[str | None] = mapped_column(Text)  # risks and challenges
    strategies: Mapped[str | None] = mapped_column(Text)  # what will help with them
    status: Mapped[str] = mapped_column(String(20), default="working_on")  # GOAL_STATUSES
    status_on: Mapped[date | None] = mapped_column(index=True)  # when done, changed or put aside
    # A goal "changed" into new words: the new goal points at the one it replaced.
    changed_from_id: Mapped[int | None] = mapped_column(ForeignKey("goal.id"))

    plan: Mapped[Plan] = relationship(back_populates="goals")
    steps: Mapped[list[GoalStep]] = relationship(
        back_populates="goal", order_by="GoalStep.position", cascade="all, delete-orphan"
    )


STEP_WHO = {"person": "The person", "worker": "The worker", "service": "Another service"}


class GoalStep(Base):
    __tablename__ = "goal_step"

    goal_id: Mapped[int] = mapped_column(ForeignKey("goal.id"), index=True)
    position: Mapped[int] = mapped_column(default=1)
    what: Mapped[str] = mapped_column(Text)
    who: Mapped[str] = mapped_column(String(20), default="person")  # STEP_WHO
    service: Mapped[str | None] = mapped_column(String(200))  # when who == "service"
    due_on: Mapped[date | None]
    done_on: Mapped[date | None]

    goal: Mapped[Goal] = relationship(back_populates="steps")


class PlanVersion(Base):
    """One saved change to a plan: what changed in plain words, and the plan as it then was."""

    __tablename__ = "plan_version"

    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id"), index=True)
    number: Mapped[int]
    changes: Mapped[list[str]] = mapped_column(JSON, default=list)  # "Goal 2 marked done"
    snapshot: Mapped[dict] = mapped_column(JSON, default=dict)

    plan: Mapped[Plan] = relationship(back_populates="versions")
    author: Mapped[User | None] = relationship(foreign_keys="PlanVersion.created_by_id")


NOTE_KINDS = {
    "face_to_face": "Face to face",
    "phone": "Phone",
    "text": "Text message",
    "outreach": "Outreach",
    "home_visit": "Home visit",
    "prison_visit": "Prison visit",
    "hospital_visit": "Hospital visit",
    "transport": "Transport",
    "appointment_support": "Appointment support",
    "court_support": "Court support",
    "cyf_support": "Support with child protection (CYF)",
    "material_aid": "Material aid",
    "letter": "A letter or form sent for them",
    "other": "Other",
}
LATE_AFTER_HOURS = 48


class CaseNote(Base):
    """A record of one contact. Append-only: a correction is a new row pointing at the old."""

    __tablename__ = "case_note"
    __table_args__ = (
        # A file's notes, and the last contact with each of a worker's people (index only).
        Index("ix_case_note_client_contact", "client_id", "contact_at", "superseded"),
        # A week's or a month's notes (reports, caseloads): the index holds what they count.
        Index(
            "ix_case_note_contact_at", "contact_at", "created_by_id", "superseded", "late", "kind"
        ),
        # One worker's notes this month (their home page).
        Index("ix_case_note_created_by_contact", "created_by_id", "contact_at"),
    )

    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"))
    episode_id: Mapped[int | None] = mapped_column(ForeignKey("episode.id"), index=True)
    contact_at: Mapped[datetime]  # when the contact happened (defaults to now)
    kind: Mapped[str] = mapped_column(String(30))  # NOTE_KINDS
    minutes: Mapped[int | None]
    who_was_there: Mapped[str | None] = mapped_column(String(300))
    text: Mapped[str] = mapped_column(Text)
    # Written more than 48 hours after the contact (kept when a correction is made).
    late: Mapped[bool] = mapped_column(default=False, index=True)
    corrects_id: Mapped[int | None] = mapped_column(ForeignKey("case_note.id"), index=True)
    # True once a newer version corrects this one; only current notes count.
    superseded: Mapped[bool] = mapped_column(default=False)
    # Why a correction was made (on the correcting version).
    why_changed: Mapped[str | None] = mapped_column(String(300))
    # The appointment this note is about, when it was written from the appointment's outcome.
    appointment_id: Mapped[int | None] = mapped_column(ForeignKey("appointment.id"), index=True)
    # Written in the days after its episode closed (app/care/closing_after.py).
    after_closing: Mapped[bool] = mapped_column(default=False)
    # Someone else was there (named in who_was_there) and the person said yes to them.
    others_agreed: Mapped[bool] = mapped_column(default=False)

    author: Mapped[User | None] = relationship(foreign_keys="CaseNote.created_by_id")


class NoteToSign(Base):
    """A case note a trainee or a student wrote, waiting for the file's worker to sign it.

    It counts for nothing (contact, reports) until it is signed: signing makes the case
    note (`note_id`, written by the learner) and adds the time to their training hours.
    """

    __tablename__ = "note_to_sign"

    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"), index=True)
    contact_at: Mapped[datetime]
    kind: Mapped[str] = mapped_column(String(30))  # NOTE_KINDS
    minutes: Mapped[int]
    who_was_there: Mapped[str | None] = mapped_column(String(300))
    others_agreed: Mapped[bool] = mapped_column(default=False)
    consent_id: Mapped[int | None]  # a letter: the consent the learner chose
    text: Mapped[str] = mapped_column(Text)
    sign_by_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)
    signed_at: Mapped[datetime | None]
    note_id: Mapped[int | None] = mapped_column(ForeignKey("case_note.id"))

    author: Mapped[User | None] = relationship(foreign_keys="NoteToSign.created_by_id")
    sign_by: Mapped[User] = relationship(foreign_keys=[sign_by_id])


TRANSPORT = {
    "car": "Our car",
    "taxi": "Taxi",
    "rideshare": "Rideshare",
    "public": "Bus or light rail",
    "none": "No transport needed",
}


class Appointment(Versioned, Base):
    """An appointment with a service, maybe with transport and a worker going along."""

    __tablename__ = "appointment"
    __table_args__ = (
        Index("ix_appointment_worker_starts", "worker_id", "starts_at"),
        # "Theirs" is the worker going, or the worker who booked it: both sides of the OR.
        Index("ix_appointment_created_by_starts", "created_by_id", "starts_at"),
    )

    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"), index=True)
    episode_id: Mapped[int | None] = mapped_column(ForeignKey("episode.id"), index=True)
    starts_at: Mapped[datetime]
    place: Mapped[str | None] = mapped_column(String(300))
    partner_id: Mapped[int | None] = mapped_column(ForeignKey("partner.id"), index=True)
    with_whom: Mapped[str | None] = mapped_column(String(200))  # when not a partner service
    transport: Mapped[str] = mapped_column(String(20), default="none")  # TRANSPORT
    worker_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))  # the worker going
    questions: Mapped[str | None] = mapped_column(Text)  # what the person wants to ask
    attended: Mapped[bool | None]  # None until afterwards
    what_happened: Mapped[str | None] = mapped_column(Text)
    follow_up: Mapped[str | None] = mapped_column(Text)
    cancelled: Mapped[bool] = mapped_column(default=False)
    referral_id: Mapped[int | None] = mapped_column(ForeignKey("referral.id"), index=True)
    outcome_at: Mapped[datetime | None]  # when "afterwards" was written
    # The worker chose to keep it when the episode closed (app/care/closing_checks.py).
    kept_on_closing: Mapped[bool] = mapped_column(default=False)
    # Someone else coming or sitting in, and whether the person said yes to them being there.
    others_present: Mapped[str | None] = mapped_column(String(200))
    others_agreed: Mapped[bool] = mapped_column(default=False)


class Referral(Versioned, Base):
    """A warm referral to a partner service, allowed by a current consent to share."""

    __tablename__ = "referral"

    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"), index=True)
    episode_id: Mapped[int | None] = mapped_column(ForeignKey("episode.id"), index=True)
    # A service in the directory, or (issue 17) one typed by the worker: service_name and
    # service_contact then say who it is (app/care/referrals.py referral_service_name).
    partner_id: Mapped[int | None] = mapped_column(ForeignKey("partner.id"), index=True)
    service_name: Mapped[str | None] = mapped_column(String(200))
    service_contact: Mapped[str | None] = mapped_column(String(300))
    referred_on: Mapped[date] = mapped_column(index=True)
    reason: Mapped[str] = mapped_column(Text)
    consent_id: Mapped[int] = mapped_column(ForeignKey("consent.id"))
    appointment_made: Mapped[bool] = mapped_column(default=False)
    attended: Mapped[bool | None]
    outcome: Mapped[str | None] = mapped_column(Text)
    outcome_on: Mapped[date | None]  # when the outcome was last written


AID_KINDS = {
    "food": "Food",
    "clothes": "Clothes",
    "vouchers": "Vouchers",
    "whitegoods": "Whitegoods",
    "linen": "Linen",
    "household": "Household items",
    "crisis_accommodation": "Crisis accommodation",
    "tent_swag": "Tent or swag",
    "phone_credit": "Phone credit",
    "other": "Other",
}


class AidGiven(Base):
    """Material aid given to a person."""

    __tablename__ = "aid_given"

    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"), index=True)
    episode_id: Mapped[int | None] = mapped_column(ForeignKey("episode.id"), index=True)
    given_on: Mapped[date] = mapped_column(index=True)
    kind: Mapped[str] = mapped_column(String(30))  # AID_KINDS
    quantity: Mapped[int] = mapped_column(default=1)
    partner_id: Mapped[int | None] = mapped_column(ForeignKey("partner.id"))  # where it came from
    note: Mapped[str | None] = mapped_column(String(500))


ADVOCACY_KINDS = {
    "individual": "For one person, with a service",
    "systemic": "A problem for many people (raised to the manager)",
    "complaint": "Help with a complaint",
}
# Where an individual or systemic issue is up to (the model's status column).
ADVOCACY_STATUSES = {
    "open": "Working on it",
    "waiting": "Waiting to hear back",
    "resolved": "Sorted out",
    "closed": "Closed",
}
# A complaint has its own steps.
COMPLAINT_STATUSES = {
    "preparing": "Getting it ready",
    "lodged": "Sent in",
    "looking": "They are looking into it",
    "resolved": "Sorted out",
    "withdrawn": "They chose to stop",
    "closed": "Closed",
}
FINISHED_STATUSES = frozenset({"resolved", "closed", "withdrawn"})
COMPLAINT_BODIES = {
    "human_rights": "ACT Human Rights Commission",
    "ombudsman": "Ombudsman",
    "health_services": "Health Services Commissioner",
    "other": "Another complaints body",
}


class AdvocacyIssue(Versioned, Base):
    """Speaking up: for one person with a service, a systemic issue, or a complaint."""

    __tablename__ = "advocacy_issue"

    kind: Mapped[str] = mapped_column(String(20), index=True)  # ADVOCACY_KINDS
    client_id: Mapped[int | None] = mapped_column(ForeignKey("client.id"), index=True)
    service: Mapped[str | None] = mapped_column(String(200))  # which service it is with
    partner_id: Mapped[int | None] = mapped_column(ForeignKey("partner.id"))
    issue: Mapped[str] = mapped_column(Text)
    what_happened: Mapped[str | None] = mapped_column(Text)
    complaint_body: Mapped[str | None] = mapped_column(String(30))  # COMPLAINT_BODIES
    status: Mapped[str] = mapped_column(
        String(20), default="open"
    )  # open, waiting, resolved, closed
    raised_on: Mapped[date] = mapped_column(index=True)
    closed_on: Mapped[date | None]
    # A systemic issue can be linked to the people it affects (individual issues or clients).
    systemic_id: Mapped[int | None] = mapped_column(ForeignKey("advocacy_issue.id"), index=True)
    # The episode it belongs to (for one person's issue), so a closed episode stays as it was.
    episode_id: Mapped[int | None] = mapped_column(ForeignKey("episode.id"), index=True)


# Where a closing is up to. The model of care sends closings the worker is unsure of "to
# management for consideration and later validation": they wait for the manager.
CLOSING_STATUSES = {
    "waiting": "Waiting for the manager",
    "closed": "Closed",
    "sent_back": "Sent back to the worker",
}


class ClosingCheck(Base):
    """One closing of an episode through the closing journey: closed at once when the worker
    is sure, or waiting for the manager's yes when they are not."""

    __tablename__ = "closing_check"

    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"), index=True)
    episode_id: Mapped[int] = mapped_column(ForeignKey("episode.id"), index=True)
    answers: Mapped[dict] = mapped_column(JSON, default=dict)  # the journey's national codes
    sure: Mapped[bool] = mapped_column(default=True)
    unsure_why: Mapped[str | None] = mapped_column(Text)  # what the worker is not sure of
    status: Mapped[str] = mapped_column(String(20), default="waiting", index=True)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    decided_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]  # when the episode closed (starts the days after)


# --- Care coordination meetings -------------------------------------------------------------
# "PTSS workers often host care coordination meetings" (model of care).

care_meeting_staff = Table(
    "care_meeting_staff",
    Base.metadata,
    Column("meeting_id", ForeignKey("care_meeting.id"), primary_key=True),
    Column("user_id", ForeignKey("user.id"), primary_key=True, index=True),
)


class CareMeeting(Base):
    """A care coordination meeting about one person: who came, what was agreed, actions.

    Each service there is a CareMeetingService with the consent that let us share with it.
    """

    __tablename__ = "care_meeting"

    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"), index=True)
    episode_id: Mapped[int | None] = mapped_column(ForeignKey("episode.id"), index=True)
    held_at: Mapped[datetime] = mapped_column(index=True)
    person_came: Mapped[bool] = mapped_column(default=True)
    others_present: Mapped[str | None] = mapped_column(String(300))  # people by name
    others_agreed: Mapped[bool] = mapped_column(default=False)
    agreed: Mapped[str] = mapped_column(Text)

    staff: Mapped[list[User]] = relationship(secondary=care_meeting_staff)
    services: Mapped[list[CareMeetingService]] = relationship(
        back_populates="meeting", order_by="CareMeetingService.id"
    )
    actions: Mapped[list[CareMeetingAction]] = relationship(
        back_populates="meeting", order_by="CareMeetingAction.position"
    )
    author: Mapped[User | None] = relationship(foreign_keys="CareMeeting.created_by_id")


class CareMeetingService(Base):
    """A service at a meeting: from the partners directory (by id) or typed by hand, with
    the person's consent that covers sharing with it."""

    __tablename__ = "care_meeting_service"

    meeting_id: Mapped[int] = mapped_column(ForeignKey("care_meeting.id"), index=True)
    partner_id: Mapped[int | None] = mapped_column(ForeignKey("partner.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    consent_id: Mapped[int] = mapped_column(ForeignKey("consent.id"), index=True)

    meeting: Mapped[CareMeeting] = relationship(back_populates="services")


class CareMeetingAction(Base):
    """Something agreed at a meeting: what, who (a staff account, or a name) and by when."""

    __tablename__ = "care_meeting_action"
    __table_args__ = (Index("ix_care_meeting_action_open", "user_id", "done_on", "due_on"),)

    meeting_id: Mapped[int] = mapped_column(ForeignKey("care_meeting.id"), index=True)
    position: Mapped[int] = mapped_column(default=1)
    what: Mapped[str] = mapped_column(Text)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    who_name: Mapped[str | None] = mapped_column(String(120))  # when not a staff account
    due_on: Mapped[date]
    done_on: Mapped[date | None]

    meeting: Mapped[CareMeeting] = relationship(back_populates="actions")
    user: Mapped[User | None] = relationship(foreign_keys=[user_id])
