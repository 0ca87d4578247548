"""Front of house: the drop-in day's counts, daily tasks, handovers and volunteer shifts."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base


class Shift(Base):
    """A volunteer's shift at the desk. Hours per week feed the training record."""

    __tablename__ = "shift"

    user_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)
    started_at: Mapped[datetime]
    ended_at: Mapped[datetime | None]
