"""The daily tasks checklist: the manager's list, and each day's ticks (append-only)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from app import clock, ordering
from app.extensions import db
from app.models import DailyTask, DailyTaskTick, User


def list_tasks(*, include_retired: bool = False) -> list[DailyTask]:
    query = select(DailyTask).order_by(DailyTask.position, DailyTask.id)
    if not include_retired:
        query = query.where(DailyTask.active.is_(True))
    return list(db.session.scalars(query))


def task_states(day: date) -> dict[int, DailyTaskTick]:
    """task id -> its newest tick or untick that day."""
    rows = db.session.scalars(
        select(DailyTaskTick).where(DailyTaskTick.day == day).order_by(DailyTaskTick.id)
    )
    return {row.task_id: row for row in rows}


def set_task(task: DailyTask, *, ticked: bool, by: User, day: date | None = None) -> bool:
    """Tick or untick. A repeat of the same choice adds nothing. True when something changed."""
    day = day or clock.today()
    current = task_states(day).get(task.id)
    if (current.ticked if current else False) == ticked:
        return False
    db.session.add(DailyTaskTick(task_id=task.id, day=day, ticked=ticked, created_by_id=by.id))
    db.session.flush()
    return True


def create_task(*, label: str, by: User) -> DailyTask:
    last = db.session.scalar(select(func.max(DailyTask.position)))
    task = DailyTask(label=label, position=(last or 0) + 1, created_by_id=by.id)
    db.session.add(task)
    db.session.flush()
    return task


def rename_task(task: DailyTask, label: str) -> None:
    task.label = label


def move_task(task: DailyTask, direction: str) -> bool:
    return ordering.move(list_tasks(), task, direction)


def set_task_active(task: DailyTask, active: bool) -> None:
    if active and not task.active:
        task.position = (db.session.scalar(select(func.max(DailyTask.position))) or 0) + 1
    task.active = active
