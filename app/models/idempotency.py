"""Form keys: a form a person sends twice is saved once (see app/idempotency.py)."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base


class FormKey(Base):
    """A form sent by one person, named by the one-time key the page carried.

    A row is written as the form arrives (so a second copy in the same moment waits, then
    finds it) and keeps the page the first copy was sent on to. A form that was shown again
    with errors leaves no row. Rows older than a day are removed as new ones are written.
    """

    __tablename__ = "form_key"
    __table_args__ = (
        UniqueConstraint("user_id", "key", name="uq_form_key_user_id_key"),
        Index("ix_form_key_created_at", "created_at"),
    )

    user_id: Mapped[int] = mapped_column(ForeignKey("user.id"))
    # A digest of the key the form carried and the address it was sent to.
    key: Mapped[str] = mapped_column(String(64))
    path: Mapped[str] = mapped_column(String(300))
    # The answer the first copy got: a redirect and where to. Empty while it is being saved.
    status: Mapped[int | None]
    location: Mapped[str | None] = mapped_column(Text)
