"""Drafts: what a person typed in a form, kept on the server as they type (app/drafts)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base


class Draft(Base):
    """One person's words in one form, not saved yet. Only its author ever sees it.

    `key` names the form and the record it belongs to ("note:client-12"); `path` is the page
    the form is on, to go back to. A draft of a client's file points at the file, so it goes
    with the file when the file is deleted under retention. Drafts are client information:
    their words are never written to the audit log.
    """

    __tablename__ = "draft"
    __table_args__ = (
        UniqueConstraint("user_id", "key", name="uq_draft_user_id_key"),
        Index("ix_draft_saved_at", "saved_at"),
    )

    user_id: Mapped[int] = mapped_column(ForeignKey("user.id"))
    key: Mapped[str] = mapped_column(String(120))
    path: Mapped[str] = mapped_column(String(300))
    client_id: Mapped[int | None] = mapped_column(ForeignKey("client.id"), index=True)
    # {field name: what was typed}, as JSON text.
    fields: Mapped[str] = mapped_column(Text)
    saved_at: Mapped[datetime]
