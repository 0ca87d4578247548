"""The partners directory: services we work with, and when they come to the centre."""

from __future__ import annotations

from datetime import date, time

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, Versioned


class Partner(Versioned, Base):
    """A partner service. The care area refers people to these (warm referrals)."""

    __tablename__ = "partner"

    name: Mapped[str] = mapped_column(String(120), index=True)
    what_they_do: Mapped[str] = mapped_column(Text, default="")
    address: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(120))
    website: Mapped[str | None] = mapped_column(String(200))
    opening_hours: Mapped[str | None] = mapped_column(Text)
    # How safe and welcoming they are for our community, in our own words.
    welcome_note: Mapped[str | None] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(default=True)  # in the directory
    # A service a worker suggested for the directory (issue 17): inactive until a senior or
    # the manager approves it (then active) or turns it down (declined_on).
    suggested_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    suggested_on: Mapped[date | None]
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    approved_on: Mapped[date | None]
    declined_on: Mapped[date | None]

    in_reach: Mapped[list[InReachSession]] = relationship(
        back_populates="partner", order_by="InReachSession.weekday"
    )


class InReachSession(Base):
    """When a partner comes to the centre: every week, every second week, or once a month.

    Every second week is in step with `from_day`; once a month is the nth weekday (5 = last).
    """

    __tablename__ = "in_reach_session"

    partner_id: Mapped[int] = mapped_column(ForeignKey("partner.id"), index=True)
    weekday: Mapped[int]  # Monday 0 to Sunday 6
    repeat: Mapped[str] = mapped_column(String(20), default="weekly")  # weekly fortnightly monthly
    week_of_month: Mapped[int | None]  # 1 to 4, or 5 for the last one
    from_day: Mapped[date | None]
    starts_at: Mapped[time]
    ends_at: Mapped[time]
    what: Mapped[str | None] = mapped_column(String(120))  # "GP and nurse clinic"
    active: Mapped[bool] = mapped_column(default=True)

    partner: Mapped[Partner] = relationship(back_populates="in_reach")
