"""Staff, volunteers and trainees who sign in, and their server-side sessions."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base


class User(Base):
    __tablename__ = "user"

    username: Mapped[str] = mapped_column(String(40), unique=True)
    display_name: Mapped[str] = mapped_column(String(80))
    last_signed_in_at: Mapped[datetime | None]
    role: Mapped[str] = mapped_column(String(20), index=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    must_change_password: Mapped[bool] = mapped_column(default=False)
    password_changed_at: Mapped[datetime | None]
    active: Mapped[bool] = mapped_column(default=True)

    # Two-step sign-in: the secret is set up first, then confirmed with a code.
    totp_secret: Mapped[str | None] = mapped_column(String(64))
    totp_confirmed_at: Mapped[datetime | None]
    recovery_code_hashes: Mapped[list[str]] = mapped_column(JSON, default=list)

    # The time step of the last code used, so one code cannot be used twice.
    totp_last_step: Mapped[int | None]

    # Failed sign-ins are counted here, so every app worker sees the same count.
    failed_sign_ins: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[datetime | None]

    # The lived experience a worker chose to share, for matching people to workers.
    shared_experience: Mapped[list[str]] = mapped_column(JSON, default=list)
    # Who they are, only as far as they choose to share it (My account), for matching.
    gender: Mapped[str | None] = mapped_column(String(30))
    pronouns: Mapped[str | None] = mapped_column(String(40))
    languages: Mapped[list[str]] = mapped_column(JSON, default=list, server_default="[]")
    indigenous: Mapped[str | None] = mapped_column(String(40))  # None: not shared

    # Optimistic locking for a manager's changes (name, role; app/locking.py). Only those
    # add one (app.locking.bump): signing in changes this row too, and two
    # sign-ins at once must not refuse each other.
    version: Mapped[int] = mapped_column(default=1, server_default="1")

    __mapper_args__ = {"version_id_col": version, "version_id_generator": False}  # noqa: RUF012

    # Flask-Login needs these; the session, not the user, is what signs in.
    is_anonymous = False

    @property
    def is_authenticated(self) -> bool:
        return True

    @property
    def is_active(self) -> bool:
        return self.active

    def get_id(self) -> str:  # pragma: no cover - sessions are loaded by token instead
        raise NotImplementedError("sign-in is by UserSession token")

    @property
    def two_step_ready(self) -> bool:
        return self.totp_secret is not None and self.totp_confirmed_at is not None

    def __repr__(self) -> str:
        return f"<User {self.username} {self.role}>"


class UserSession(Base):
    """A signed-in session. Ending it here signs the person out wherever the cookie is."""

    __tablename__ = "user_session"

    # The browser's cookie holds the token; only its hash is kept here.
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)
    last_seen_at: Mapped[datetime]
    ended_at: Mapped[datetime | None]
    ended_reason: Mapped[str | None] = mapped_column(String(40))

    user: Mapped[User] = relationship(foreign_keys=[user_id])


class SignInAttempt(Base):
    """One try at a sign-in step (password, phone code or recovery code), kept for minutes.

    The rate limits count these rows, so every app server and worker shares one count.
    Old rows are removed as new ones come in (app/auth/attempts.py).
    """

    __tablename__ = "sign_in_attempt"

    address: Mapped[str] = mapped_column(String(64))
    username: Mapped[str] = mapped_column(String(40))  # as typed, in lower case
    at: Mapped[datetime] = mapped_column(index=True)

    __table_args__ = (
        Index("ix_sign_in_attempt_address_at", "address", "at"),
        Index("ix_sign_in_attempt_username_at", "username", "at"),
    )
