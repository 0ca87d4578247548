"""The drop-in day: tally items and taps, and the daily tasks checklist.

A tally is the sum of its append-only events, so two desks tapping at once lose nothing.
Each tap carries a random key; a replayed key adds nothing (INSERT ... ON CONFLICT DO
NOTHING, one statement, on SQLite and PostgreSQL alike, so no exception and no savepoint).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import bindparam, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import aliased

from app import clock, ordering
from app.core.people import users_by_id
from app.core.saving import Refused
from app.extensions import db
from app.frontdesk.lists import GROUPS, STANDARD_ITEMS, STANDARD_TASKS
from app.models import DailyTask, TallyEvent, TallyItem, User

KEY_LENGTH = (16, 64)


class TapRefused(Refused):
    """A tap that cannot be counted, with the words to show the person (app.core.saving)."""


class TapConflict(TapRefused):
    """Found only after the event was written (two desks at once): the request rolls back."""


def new_key() -> str:
    """A fresh idempotency key for one button form."""
    return secrets.token_urlsafe(16)


def key_is_well_formed(key: str | None) -> bool:
    allowed = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_")
    return bool(key) and KEY_LENGTH[0] <= len(key) <= KEY_LENGTH[1] and set(key) <= allowed


# --- tally items ---------------------------------------------------------------------------


def _group_order():
    return {key: number for number, key in enumerate(GROUPS)}


def list_items(*, include_retired: bool = False) -> list[TallyItem]:
    query = select(TallyItem)
    if not include_retired:
        query = query.where(TallyItem.active.is_(True))
    order = _group_order()
    items = db.session.scalars(query).all()
    return sorted(items, key=lambda i: (order.get(i.group, len(order)), i.position, i.id))


def grouped(items: list[TallyItem]) -> list[tuple[str, str, list[TallyItem]]]:
    """(group key, heading, items) for each group that has items, in the groups' order."""
    groups: dict[str, list[TallyItem]] = {}
    for item in items:
        groups.setdefault(item.group if item.group in GROUPS else "other", []).append(item)
    return [(key, GROUPS[key], groups[key]) for key in GROUPS if key in groups]


def get_item(item_id: int) -> TallyItem | None:
    return db.session.get(TallyItem, item_id)


def create_item(*, label: str, group: str, icon: str, by: User) -> TallyItem:
    last = db.session.scalar(select(func.max(TallyItem.position)).where(TallyItem.group == group))
    item = TallyItem(
        label=label, group=group, icon=icon, position=(last or 0) + 1, created_by_id=by.id
    )
    db.session.add(item)
    db.session.flush()
    return item


def update_item(item: TallyItem, *, label: str, group: str, icon: str) -> None:
    if group != item.group:
        last = db.session.scalar(
            select(func.max(TallyItem.position)).where(TallyItem.group == group)
        )
        item.position = (last or 0) + 1
    item.label, item.group, item.icon = label, group, icon


def move_item(item: TallyItem, direction: str) -> bool:
    """Swap the item with its neighbour in its group ("up" or "down"). False at the end."""
    return ordering.move([i for i in list_items() if i.group == item.group], item, direction)


def set_item_active(item: TallyItem, active: bool) -> None:
    if active and not item.active:
        last = db.session.scalar(
            select(func.max(TallyItem.position)).where(TallyItem.group == item.group)
        )
        item.position = (last or 0) + 1
    item.active = active


# --- taps ----------------------------------------------------------------------------------


# Statements used on every tap are built once: building a select() costs more than running it.
_TOTALS = (
    select(TallyEvent.item_id, func.sum(TallyEvent.delta))
    .where(TallyEvent.day == bindparam("day"))
    .group_by(TallyEvent.item_id)
)
_TOTAL_FOR = select(func.coalesce(func.sum(TallyEvent.delta), 0)).where(
    TallyEvent.item_id == bindparam("item"), TallyEvent.day == bindparam("day")
)


def totals_for_day(day: date) -> dict[int, int]:
    """item id -> the day's total, for every item tapped that day."""
    return {item: int(total or 0) for item, total in db.session.execute(_TOTALS, {"day": day})}


_COUNTS = (
    select(TallyItem.id, func.coalesce(func.sum(TallyEvent.delta), 0))
    .outerjoin(
        TallyEvent, (TallyEvent.item_id == TallyItem.id) & (TallyEvent.day == bindparam("day"))
    )
    .where(TallyItem.active.is_(True))
    .group_by(TallyItem.id)
)


def counts_for_day(day: date) -> dict[int, int]:
    """item id -> the day's total, for every item on the screen (0 when not tapped). One
    query: what every desk asks for every few seconds."""
    return {item: int(total) for item, total in db.session.execute(_COUNTS, {"day": day})}


def total_for(item_id: int, day: date) -> int:
    return int(db.session.scalar(_TOTAL_FOR, {"item": item_id, "day": day}) or 0)


def _lock_item(item_id: int) -> None:
    """On PostgreSQL, hold the item's row so two "take one off" taps cannot both pass zero.

    SQLite needs no lock: the first write of a request takes the database's write lock,
    and the total is checked again after the write.
    """
    db.session.execute(select(TallyItem.id).where(TallyItem.id == item_id).with_for_update())


_INSERTS: dict[str, object] = {}


def _insert_event(**values) -> int | None:
    """Add an event unless its key (or the tap it undoes) is used already. Its id, or None."""
    dialect = db.session.get_bind().dialect.name
    statement = _INSERTS.get(dialect)
    if statement is None:
        insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
        statement = insert(TallyEvent).on_conflict_do_nothing().returning(TallyEvent.id)
        _INSERTS[dialect] = statement
    row = {"undoes_id": None, "created_at": clock.now(), **values}
    return db.session.execute(statement, row).scalar()


@dataclass
class TapResult:
    item: TallyItem
    total: int
    counted: bool  # False when the key was used already: the tap counted once, before
    # Every item on the screen -> the day's total (0 when not tapped), this tap in them.
    totals: dict[int, int] = field(default_factory=dict)
    recent: list[RecentTap] = field(default_factory=list)  # the desk's last taps, this one first


def record_tap(
    item: TallyItem,
    *,
    delta: int,
    key: str,
    by: User,
    desk: int | None,
    day: date | None = None,
    tapped_at: datetime | None = None,
) -> TapResult:
    """Add one (+1) or take one off (-1). Refuses a retired item and taking off at zero.

    `tapped_at` is the moment the person tapped (a tap can wait on the screen while the
    network is down): the tap is filed under that moment and its Canberra day.
    The day's counts (every item on the screen) and the desk's recent taps are read before
    the write, and the new tap is added to them here: on SQLite the write lock is then held
    only for the write, and the answer needs no other read of the items.
    """
    if tapped_at is not None:
        day = day or tapped_at.astimezone(clock.CANBERRA).date()
    day = day or clock.today()
    if delta not in (1, -1):
        raise ValueError("a tap is +1 or -1")
    if not item.active:
        raise TapRefused(f"{item.label} is not counted any more.")
    if delta < 0:
        _lock_item(item.id)
    totals = counts_for_day(day)
    if delta < 0 and totals.get(item.id, 0) <= 0:
        raise TapRefused(f"{item.label} is at 0, so there is none to take off.")
    recent = recent_taps(day, desk) if desk is not None else []
    now = tapped_at or clock.now()
    event_id = _insert_event(
        item_id=item.id,
        day=day,
        delta=delta,
        desk=desk,
        idempotency_key=key,
        created_by_id=by.id,
        created_at=now,
    )
    counted = event_id is not None
    if counted and delta < 0:
        totals[item.id] = total_for(item.id, day)  # again, now that this desk holds the write
        if totals[item.id] < 0:
            raise TapConflict(f"{item.label} is at 0, so there is none to take off.")
    elif counted:
        totals[item.id] = totals.get(item.id, 0) + delta
    if counted and desk is not None:
        new = RecentTap(id=event_id, label=item.label, delta=delta, created_at=now, undone=False)
        recent = [new, *recent][:10]
    return TapResult(
        item=item, total=totals.get(item.id, 0), counted=counted, totals=totals, recent=recent
    )


def get_event(event_id: int) -> TallyEvent | None:
    return db.session.get(TallyEvent, event_id)


def undo_tap(event: TallyEvent, *, by: User, desk: int | None) -> TapResult:
    """Cancel a tap with an event of the opposite sign. Undoing twice changes nothing."""
    item = db.session.get(TallyItem, event.item_id)
    if event.delta > 0:
        _lock_item(item.id)
        if total_for(item.id, event.day) <= 0 and not is_undone(event):
            raise TapRefused(f"{item.label} is at 0 now, so that tap cannot be undone.")
    event_id = _insert_event(
        item_id=item.id,
        day=event.day,
        delta=-event.delta,
        desk=desk,
        idempotency_key=f"undo-{event.id}",
        undoes_id=event.id,
        created_by_id=by.id,
    )
    total = total_for(item.id, event.day)
    if event_id is not None and total < 0:
        raise TapConflict(f"{item.label} is at 0 now, so that tap cannot be undone.")
    return TapResult(item=item, total=total, counted=event_id is not None)


def is_undone(event: TallyEvent) -> bool:
    return (
        db.session.scalar(select(TallyEvent.id).where(TallyEvent.undoes_id == event.id)) is not None
    )


@dataclass
class RecentTap:
    id: int
    label: str
    delta: int
    created_at: datetime
    undone: bool


_UNDO = aliased(TallyEvent)
_RECENT = (
    select(TallyEvent.id, TallyItem.label, TallyEvent.delta, TallyEvent.created_at, _UNDO.id)
    .join(TallyItem, TallyItem.id == TallyEvent.item_id)
    .outerjoin(_UNDO, _UNDO.undoes_id == TallyEvent.id)
    .where(
        TallyEvent.day == bindparam("day"),
        TallyEvent.desk == bindparam("desk"),
        # Not "undoes_id IS NULL": that would lead SQLite to the wrong index.
        func.coalesce(TallyEvent.undoes_id, 0) == 0,
    )
    .order_by(TallyEvent.id.desc())
    .limit(10)
)


def recent_taps(day: date, desk: int | None) -> list[RecentTap]:
    """The last ten taps at this desk today, newest first (undo events are not listed)."""
    return [
        RecentTap(id=i, label=label, delta=delta, created_at=at, undone=undo_id is not None)
        for i, label, delta, at, undo_id in db.session.execute(_RECENT, {"day": day, "desk": desk})
    ]


# --- people --------------------------------------------------------------------------------


def names_of(ids) -> dict[int, str]:
    """user id -> the name shown, for the ids given."""
    return {user_id: user.display_name for user_id, user in users_by_id(ids).items()}


def add_standard_lists(by: User | None) -> tuple[int, int]:
    """Add the usual tally items and daily tasks where there are none yet. (items, tasks) added."""
    by_id = by.id if by is not None else None
    added_items = added_tasks = 0
    if db.session.scalar(select(func.count()).select_from(TallyItem)) == 0:
        positions: dict[str, int] = {}
        for group, label, icon, key in STANDARD_ITEMS:
            positions[group] = positions.get(group, 0) + 1
            db.session.add(
                TallyItem(
                    label=label,
                    group=group,
                    icon=icon,
                    key=key,
                    position=positions[group],
                    created_by_id=by_id,
                )
            )
            added_items += 1
    if db.session.scalar(select(func.count()).select_from(DailyTask)) == 0:
        for number, label in enumerate(STANDARD_TASKS, start=1):
            db.session.add(DailyTask(label=label, position=number, created_by_id=by_id))
            added_tasks += 1
    db.session.flush()
    return added_items, added_tasks
