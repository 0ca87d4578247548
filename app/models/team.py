"""The team: supervision now; file audits and case consultation join it with their issue."""

from __future__ import annotations

from datetime import date

from sqlalchemy import JSON, Column, ForeignKey, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base
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

    kind: Mapped[str] = mapped_column(String(20))  # line, clinical, group
    held_on: Mapped[date] = mapped_column(index=True)
    supervisor_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)
    topics: Mapped[list[str]] = mapped_column(JSON, default=list)
    other_topics: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    next_on: Mapped[date | None]

    supervisor: Mapped[User] = relationship(foreign_keys=[supervisor_id])
    attendees: Mapped[list[User]] = relationship(secondary=supervision_attendee)
