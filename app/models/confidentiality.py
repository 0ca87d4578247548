"""Confidentiality, told and kept (issue 15): that a person was told their file is
confidential, what the law made us give out (a subpoena, child protection, the police), and
workers who know a person outside work (so the file never goes to them)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base
from app.models.people import User


class ConfidentialityExplained(Base):
    """A worker told the person their file is confidential, and what that means.

    Who told them is `created_by_id`, and when is `created_at`. Telling them again adds a row.
    """

    __tablename__ = "confidentiality_explained"

    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"), index=True)

    explained_by: Mapped[User | None] = relationship(
        foreign_keys="ConfidentialityExplained.created_by_id"
    )


class CompelledDisclosure(Base):
    """Information the law made us give: who asked, under what authority, what was given,
    and the manager who approved it. A worker records the request ("waiting"); only the
    manager approves or declines it. A request the manager records is approved as made."""

    __tablename__ = "compelled_disclosure"

    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # app/clients/disclosures.py KINDS
    asked_by: Mapped[str] = mapped_column(String(200))  # the court, CYF, the police station
    authority: Mapped[str] = mapped_column(String(300))  # the subpoena, the law, the warrant
    asked_on: Mapped[date]
    what_given: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(12), default="waiting")  # waiting|approved|declined
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    decided_at: Mapped[datetime | None]

    recorded_by: Mapped[User | None] = relationship(
        foreign_keys="CompelledDisclosure.created_by_id"
    )
    decided_by: Mapped[User | None] = relationship(foreign_keys=[decided_by_id])


class KnownOutsideWork(Base):
    """A worker knows the person outside work (a friend, family): the file never goes to
    them. Made by the worker on a file they can open, or by a senior on their behalf.
    Never deleted: a senior ends one made by mistake, with why."""

    __tablename__ = "known_outside_work"

    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"), index=True)
    worker_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)
    how: Mapped[str] = mapped_column(String(20))  # app/clients/known_outside_work.py HOW
    note: Mapped[str | None] = mapped_column(String(300))
    ended_at: Mapped[datetime | None]
    ended_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    ended_reason: Mapped[str | None] = mapped_column(String(300))

    worker: Mapped[User] = relationship(foreign_keys=[worker_id])
    declared_by: Mapped[User | None] = relationship(foreign_keys="KnownOutsideWork.created_by_id")
