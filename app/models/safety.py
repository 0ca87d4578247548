"""Safety at the front desk and in the service (issue 15): incidents at the desk, complaints
about the service, and critical incidents with what the funder needs to hear.

Nothing here is ever deleted: a record is closed, with what was learned.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, Versioned
from app.models.people import User


class Incident(Versioned, Base):
    """Something that happened at the front desk or in the centre, written down by the staff
    member who was there. People are described ("a visitor"), never named. A senior or the
    manager reviews it, writes what was learned and closes it, and offers a debrief."""

    __tablename__ = "safety_incident"

    happened_at: Mapped[datetime] = mapped_column(index=True)
    place: Mapped[str] = mapped_column(String(30))  # app.safety.words.PLACES
    place_other: Mapped[str | None] = mapped_column(String(120))
    what_happened: Mapped[str] = mapped_column(Text)
    who_involved: Mapped[str] = mapped_column(Text)
    de_escalation: Mapped[str | None] = mapped_column(Text)
    anyone_hurt: Mapped[bool] = mapped_column(default=False)
    first_aid: Mapped[str | None] = mapped_column(Text)  # who was hurt and the first aid given
    told: Mapped[list[str]] = mapped_column(JSON, default=list)  # app.safety.words.TOLD
    told_other: Mapped[str | None] = mapped_column(String(120))
    status: Mapped[str] = mapped_column(String(20), default="open", index=True)  # open, closed
    learned: Mapped[str | None] = mapped_column(Text)
    reviewed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    closed_at: Mapped[datetime | None]
    # The debrief offered to the person who wrote it down.
    debrief_offered_on: Mapped[date | None]
    debrief_taken_up: Mapped[bool | None]
    debrief_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))

    recorded_by: Mapped[User | None] = relationship(foreign_keys="Incident.created_by_id")
    reviewed_by: Mapped[User | None] = relationship(foreign_keys=[reviewed_by_id])
    debrief_by: Mapped[User | None] = relationship(foreign_keys=[debrief_by_id])


class Complaint(Versioned, Base):
    """A complaint about the service itself, from a person, a partner or staff. Its steps
    (acknowledged, looked into, outcome told, closed) are ComplaintStep rows, each dated."""

    __tablename__ = "safety_complaint"

    from_kind: Mapped[str] = mapped_column(String(20))  # app.safety.words.COMPLAINT_FROM
    from_who: Mapped[str | None] = mapped_column(String(120))
    about: Mapped[str] = mapped_column(Text)
    received_on: Mapped[date] = mapped_column(index=True)
    status: Mapped[str] = mapped_column(String(20), default="received", index=True)

    recorded_by: Mapped[User | None] = relationship(foreign_keys="Complaint.created_by_id")
    steps: Mapped[list[ComplaintStep]] = relationship(
        back_populates="complaint", order_by="ComplaintStep.id"
    )


class ComplaintStep(Base):
    """One step of a complaint, with its date and who did it (app.safety.words.STEPS)."""

    __tablename__ = "safety_complaint_step"

    complaint_id: Mapped[int] = mapped_column(ForeignKey("safety_complaint.id"), index=True)
    step: Mapped[str] = mapped_column(String(20))
    done_on: Mapped[date]
    by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    note: Mapped[str | None] = mapped_column(Text)

    complaint: Mapped[Complaint] = relationship(back_populates="steps")
    by: Mapped[User | None] = relationship(foreign_keys=[by_id])


class CriticalIncident(Versioned, Base):
    """An overdose on site, a death or a serious injury: the facts the funder needs, who was
    told and when (CriticalNotice), the follow-up, and what was learned when it is closed."""

    __tablename__ = "safety_critical_incident"

    kind: Mapped[str] = mapped_column(String(30), index=True)  # app.safety.words.CRITICAL_KINDS
    happened_at: Mapped[datetime] = mapped_column(index=True)
    place: Mapped[str] = mapped_column(String(200))
    what_happened: Mapped[str] = mapped_column(Text)
    response: Mapped[str] = mapped_column(Text)
    follow_up: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default="open", index=True)  # open, closed
    learned: Mapped[str | None] = mapped_column(Text)
    closed_at: Mapped[datetime | None]
    closed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))

    recorded_by: Mapped[User | None] = relationship(foreign_keys="CriticalIncident.created_by_id")
    closed_by: Mapped[User | None] = relationship(foreign_keys=[closed_by_id])
    notices: Mapped[list[CriticalNotice]] = relationship(
        back_populates="incident", order_by="CriticalNotice.told_at"
    )


class CriticalNotice(Base):
    """Who was told about a critical incident, and when (app.safety.words.NOTIFIED)."""

    __tablename__ = "safety_critical_notice"

    critical_incident_id: Mapped[int] = mapped_column(
        ForeignKey("safety_critical_incident.id"), index=True
    )
    who: Mapped[str] = mapped_column(String(30))
    who_other: Mapped[str | None] = mapped_column(String(120))
    told_at: Mapped[datetime]

    incident: Mapped[CriticalIncident] = relationship(back_populates="notices")
