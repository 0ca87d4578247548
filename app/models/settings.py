"""Settings a manager changes in the app (issue 17): one row per setting, with who changed it
and when. The value here wins over the deployment's environment variable."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base


class Setting(Base):
    """One named setting (e.g. "establishment_id"). Every change is in the audit log."""

    __tablename__ = "setting"

    name: Mapped[str] = mapped_column(String(60), unique=True)
    value: Mapped[str] = mapped_column(String(200))
    changed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    changed_at: Mapped[datetime]
