"""Believable demo data, so a newcomer can click through every area that exists.

Each area registers a function with @demo_area; `flask demo-data` runs them in order on an
empty database. Nothing here is a real person.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import func, select

from app.extensions import db
from app.models import User


@dataclass
class DemoContext:
    """What earlier areas made, for later areas to use (users by username, and so on)."""

    users: dict[str, User] = field(default_factory=dict)
    made: dict[str, object] = field(default_factory=dict)
    printed: list[str] = field(default_factory=list)


_AREAS: list[tuple[int, str, Callable[[DemoContext], None]]] = []
# Tables whose rows mean the database holds real work (areas add theirs).
REAL_DATA_MODELS: list[type] = []


def demo_area(order: int, name: str):
    """Register an area's demo data. Lower order runs first (accounts are 10)."""

    def decorator(fn: Callable[[DemoContext], None]):
        _AREAS.append((order, name, fn))
        return fn

    return decorator


def has_real_data() -> bool:
    """Anything more than the first manager made by `make run` counts as real."""
    if db.session.scalar(select(func.count()).select_from(User)) > 1:
        return True
    return any(db.session.scalar(select(func.count()).select_from(m)) for m in REAL_DATA_MODELS)


def load_demo_data() -> DemoContext:
    from app import demo_areas  # noqa: F401  (registers every area's demo data)

    context = DemoContext()
    for _order, _name, fn in sorted(_AREAS, key=lambda a: a[0]):
        fn(context)
        db.session.flush()
    db.session.commit()
    return context
