"""Front of house: the drop-in day's counts, daily tasks, handovers and volunteer shifts."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Versioned


class TallyItem(Versioned, Base):
    """Something the front desk counts: visitors, meals, fit packs. The manager edits the list.

    A retired item keeps its history (its events stay) and leaves the day screen.
    """

    __tablename__ = "tally_item"

    label: Mapped[str] = mapped_column(String(60))
    icon: Mapped[str] = mapped_column(String(40))
    group: Mapped[str] = mapped_column(String(20), index=True)
    position: Mapped[int] = mapped_column(default=0)
    active: Mapped[bool] = mapped_column(default=True)
    # A fixed name for the few items the app itself reads ("visitors" for the chart by hour).
    key: Mapped[str | None] = mapped_column(String(40), unique=True)


class TallyEvent(Base):
    """One tap: +1, or -1 for "take one off". Append-only; a tally is the sum of its events.

    created_by_id is who tapped and created_at is when. An undo is a new event of the
    opposite sign that points at the tap it undoes (once: undoes_id is unique).
    """

    __tablename__ = "tally_event"
    __table_args__ = (
        CheckConstraint("delta IN (1, -1)", name="delta_is_one"),
        # Covering indexes: a day's totals, and the last taps at a desk, without the table.
        Index("ix_tally_event_day_item", "day", "item_id", "delta"),
        Index("ix_tally_event_day_desk", "day", "desk", "id"),
    )

    item_id: Mapped[int] = mapped_column(ForeignKey("tally_item.id"))
    day: Mapped[date]
    delta: Mapped[int] = mapped_column(Integer)
    desk: Mapped[int | None]
    # The random key each button form carries, so a double tap or a retry counts once.
    idempotency_key: Mapped[str] = mapped_column(String(64), unique=True)
    undoes_id: Mapped[int | None] = mapped_column(ForeignKey("tally_event.id"), unique=True)


class DailyTask(Versioned, Base):
    """A job on the shift's checklist ("Kitchenette has coffee, tea and sugar")."""

    __tablename__ = "daily_task"

    label: Mapped[str] = mapped_column(String(120))
    position: Mapped[int] = mapped_column(default=0)
    active: Mapped[bool] = mapped_column(default=True)


class DailyTaskTick(Base):
    """A tick or an untick of a task on a day. Append-only: the newest row is the state."""

    __tablename__ = "daily_task_tick"
    __table_args__ = (Index("ix_daily_task_tick_day_task", "day", "task_id"),)

    task_id: Mapped[int] = mapped_column(ForeignKey("daily_task.id"))
    day: Mapped[date]
    ticked: Mapped[bool]


class Handover(Base):
    """A warm handover from the front desk to a peer worker. This is client information."""

    __tablename__ = "handover"

    day: Mapped[date] = mapped_column(index=True)
    name: Mapped[str | None] = mapped_column(String(60))  # first name or nickname, may be empty
    needs: Mapped[list[str]] = mapped_column(JSON, default=list)  # keys of app.needs.NEEDS
    urgency: Mapped[str] = mapped_column(String(20))  # a key of app.needs.URGENCY
    reach: Mapped[str] = mapped_column(String(20))  # here, call_back, phone
    phone: Mapped[str | None] = mapped_column(String(30))
    note: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default="waiting", index=True)
    picked_up_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"), index=True)
    picked_up_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    closed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    closed_reason: Mapped[str | None] = mapped_column(String(20))
    # Set by the clients area when a file is started from this handover (no foreign key).
    client_id: Mapped[int | None] = mapped_column(Integer, index=True)


class Shift(Versioned, Base):
    """A volunteer's shift at the desk. Hours per week feed the training record."""

    __tablename__ = "shift"

    user_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)
    started_at: Mapped[datetime]
    ended_at: Mapped[datetime | None]
    desk: Mapped[int | None]
    # "volunteer" (their own shift) or "shadow" (a trainee with the volunteer on duty, who
    # confirms it; only a confirmed shadow shift counts as hours).
    kind: Mapped[str] = mapped_column(String(20), default="volunteer", server_default="volunteer")
    shadowing_with_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"), index=True)
    confirmed_at: Mapped[datetime | None]
    declined_at: Mapped[datetime | None]
