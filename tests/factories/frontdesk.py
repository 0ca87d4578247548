"""Rows for front desk tests: tally items and taps, daily tasks, handovers, shifts."""

from __future__ import annotations

import itertools
from datetime import date, datetime, timedelta

from app import clock
from app.models import DailyTask, Handover, Shift, TallyEvent, TallyItem

_numbers = itertools.count(1)


def make_item(session, label: str = "Meals", group: str = "food", **fields) -> TallyItem:
    item = TallyItem(
        label=label,
        group=group,
        icon=fields.pop("icon", "meal"),
        position=fields.pop("position", next(_numbers)),
        **fields,
    )
    session.add(item)
    session.commit()
    return item


def make_taps(
    session,
    item: TallyItem,
    count: int = 1,
    *,
    day: date | None = None,
    delta: int = 1,
    desk: int | None = 1,
    by=None,
    at: datetime | None = None,
) -> list[TallyEvent]:
    events = []
    for n in range(count):
        events.append(
            TallyEvent(
                item_id=item.id,
                day=day or clock.today(),
                delta=delta,
                desk=desk,
                idempotency_key=f"test-key-{next(_numbers):08d}-abcdefgh",
                created_at=(at or clock.now()) + timedelta(seconds=n),
                created_by_id=by.id if by else None,
            )
        )
    session.add_all(events)
    session.commit()
    return events


def make_task(session, label: str = "Client area tidy", **fields) -> DailyTask:
    task = DailyTask(label=label, position=fields.pop("position", next(_numbers)), **fields)
    session.add(task)
    session.commit()
    return task


def make_handover(session, by, **fields) -> Handover:
    handover = Handover(
        day=fields.pop("day", clock.today()),
        name=fields.pop("name", "Sam"),
        needs=fields.pop("needs", ["omt", "housing"]),
        urgency=fields.pop("urgency", "immediate"),
        reach=fields.pop("reach", "here"),
        status=fields.pop("status", "waiting"),
        created_by_id=by.id if by else None,
        created_at=fields.pop("created_at", clock.now()),
        **fields,
    )
    session.add(handover)
    session.commit()
    return handover


def make_shift(session, user, started_at: datetime, hours: float | None = 3) -> Shift:
    shift = Shift(
        user_id=user.id,
        started_at=started_at,
        ended_at=started_at + timedelta(hours=hours) if hours is not None else None,
        created_by_id=user.id,
    )
    session.add(shift)
    session.commit()
    return shift
