"""The team: supervision, re-allocation, weekly case consultation and file audits."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Column, ForeignKey, Integer, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, Versioned
from app.models.clients import Allocation, Client
from app.models.people import User

# Who was supervised: one worker for line and clinical supervision, the team for group.
supervision_attendee = Table(
    "supervision_attendee",
    Base.metadata,
    Column("supervision_id", ForeignKey("supervision.id"), primary_key=True),
    Column("user_id", ForeignKey("user.id"), primary_key=True, index=True),
)


class Supervision(Base):
    """A supervision session: private to the worker(s), the supervisor and the manager."""

    __tablename__ = "supervision"

    kind: Mapped[str] = mapped_column(String(20))  # line, clinical, group, basics
    held_on: Mapped[date] = mapped_column(index=True)
    supervisor_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)
    # Group supervision "is facilitated by two supervisors" (model of care): the second one.
    second_supervisor_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"), index=True)
    # Clinical supervision "by an external supervisor": a name, not an account.
    external_supervisor: Mapped[str | None] = mapped_column(String(120))
    topics: Mapped[list[str]] = mapped_column(JSON, default=list)
    other_topics: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    next_on: Mapped[date | None]

    supervisor: Mapped[User] = relationship(foreign_keys=[supervisor_id])
    second_supervisor: Mapped[User | None] = relationship(foreign_keys=[second_supervisor_id])
    attendees: Mapped[list[User]] = relationship(secondary=supervision_attendee)


class SupervisionSchedule(Base):
    """How often a worker has one to one supervision, and with whom, as the manager set it.
    When the next one is due is worked out in one place (app.team.supervision.due_on)."""

    __tablename__ = "supervision_schedule"

    worker_id: Mapped[int] = mapped_column(ForeignKey("user.id"), unique=True)
    every: Mapped[str] = mapped_column(String(20))  # app.team.supervision.EVERY
    supervisor_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)
    starts_on: Mapped[date]  # counted from here until their first one to one supervision

    worker: Mapped[User] = relationship(foreign_keys=[worker_id])
    supervisor: Mapped[User] = relationship(foreign_keys=[supervisor_id])


class Reallocation(Base):
    """A person moved to another worker, carefully: why, what the person said, the handover.

    The Allocation it made keeps the history on the file; this row keeps the care taken.
    Both workers see it on their home page until each says they have read it. Until
    `handover_on` the old worker still opens the file in full (app.clients.access).
    """

    __tablename__ = "reallocation"

    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"), index=True)
    allocation_id: Mapped[int] = mapped_column(ForeignKey("allocation.id"), index=True)
    from_worker_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"), index=True)
    to_worker_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)
    reason: Mapped[str] = mapped_column(Text)
    person_view: Mapped[str] = mapped_column(String(20))  # app.team.forms.PERSON_VIEWS
    handover_note: Mapped[str] = mapped_column(Text)
    handover_on: Mapped[date]
    from_seen_at: Mapped[datetime | None]
    to_seen_at: Mapped[datetime | None]

    client: Mapped[Client] = relationship()
    allocation: Mapped[Allocation] = relationship()
    from_worker: Mapped[User | None] = relationship(foreign_keys=[from_worker_id])
    to_worker: Mapped[User] = relationship(foreign_keys=[to_worker_id])
    decided_by: Mapped[User | None] = relationship(foreign_keys="Reallocation.created_by_id")


class ConsultationDecision(Base):
    """What the weekly case consultation decided for one person (or one person waiting).

    `reasons` are why the person came up (plan review due, no contact for six weeks ...);
    the decision goes on the person's timeline and in the audit log.
    """

    __tablename__ = "consultation_decision"

    held_on: Mapped[date] = mapped_column(index=True)
    worker_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"), index=True)
    client_id: Mapped[int | None] = mapped_column(ForeignKey("client.id"), index=True)
    # A front desk handover still waiting for a worker (no foreign key: another area's table).
    handover_id: Mapped[int | None] = mapped_column(Integer, index=True)
    reasons: Mapped[list[str]] = mapped_column(JSON, default=list)
    outcome: Mapped[str] = mapped_column(String(30))  # app.team.forms.OUTCOMES
    note: Mapped[str | None] = mapped_column(Text)
    look_again_on: Mapped[date | None]

    client: Mapped[Client | None] = relationship()
    worker: Mapped[User | None] = relationship(foreign_keys=[worker_id])
    decided_by: Mapped[User | None] = relationship(
        foreign_keys="ConsultationDecision.created_by_id"
    )


class FileAudit(Versioned, Base):
    """A senior's check of one file against the checklist. The score is computed from the
    answers (app.team.completeness), never typed; it is kept when the check is finished."""

    __tablename__ = "file_audit"

    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"), index=True)
    worker_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"), index=True)
    status: Mapped[str] = mapped_column(String(20), default="open", index=True)  # open, done
    how_chosen: Mapped[str] = mapped_column(String(20), default="picked")  # picked, sample
    answers: Mapped[dict] = mapped_column(JSON, default=dict)  # check key -> yes, no, na
    findings: Mapped[dict] = mapped_column(JSON, default=dict)  # check key -> what it showed
    met: Mapped[int | None]
    counted: Mapped[int | None]
    finished_at: Mapped[datetime | None]

    client: Mapped[Client] = relationship()
    worker: Mapped[User | None] = relationship(foreign_keys=[worker_id])
    auditor: Mapped[User | None] = relationship(foreign_keys="FileAudit.created_by_id")
    feedback: Mapped[list[AuditFeedback]] = relationship(
        back_populates="audit", order_by="AuditFeedback.id"
    )


class AuditFeedback(Base):
    """Feedback from a file audit to the worker, who marks it done."""

    __tablename__ = "audit_feedback"

    file_audit_id: Mapped[int] = mapped_column(ForeignKey("file_audit.id"), index=True)
    worker_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    done_at: Mapped[datetime | None]
    done_note: Mapped[str | None] = mapped_column(String(500))

    audit: Mapped[FileAudit] = relationship(back_populates="feedback")
    worker: Mapped[User] = relationship(foreign_keys=[worker_id])
