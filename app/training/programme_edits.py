"""A trainer changing the programme in the app: adding, changing, moving, taking out and
putting back items, and changing a module. Each change is written to the audit log, which is
how `flask programme-load` knows to keep a trainer's edit (programme.py)."""

from __future__ import annotations

from sqlalchemy import func, select

from app import audit, clock, ordering
from app.extensions import db
from app.models import LearningItem, Module, User

# What a trainer does to the programme in the app (each function here audits one).
TRAINER_EDITS = (
    "training.item_added",
    "training.item_changed",
    "training.item_moved",
    "training.item_retired",
    "training.item_restored",
    "training.module_changed",
)


def create_item(module: Module, *, by: User, **fields) -> LearningItem:
    last = db.session.scalar(
        select(func.max(LearningItem.position)).where(LearningItem.module_id == module.id)
    )
    row = LearningItem(module_id=module.id, position=(last or 0) + 1, created_by_id=by.id, **fields)
    db.session.add(row)
    db.session.flush()
    audit.record("training.item_added", record=row, user=by, detail={"module": module.id})
    return row


def update_item(item: LearningItem, *, by: User, **fields) -> None:
    for name, value in fields.items():
        setattr(item, name, value)
    audit.record("training.item_changed", record=item, user=by)


def move_item(item: LearningItem, direction: str, *, by: User) -> bool:
    """Swap an item with its neighbour above ("up") or below ("down")."""
    siblings = sorted(item.module.items, key=lambda i: (i.position, i.id))
    if not ordering.move(siblings, item, direction):
        return False
    audit.record("training.item_moved", record=item, user=by, detail={"to": direction})
    return True


def retire_item(item: LearningItem, *, by: User) -> None:
    """Take an item out of the programme. What people already did with it stays."""
    item.retired_at = clock.now()
    audit.record("training.item_retired", record=item, user=by)


def restore_item(item: LearningItem, *, by: User) -> None:
    item.retired_at = None
    audit.record("training.item_restored", record=item, user=by)


def update_module(module: Module, *, by: User, **fields) -> None:
    for name, value in fields.items():
        setattr(module, name, value)
    audit.record("training.module_changed", record=module, user=by)
