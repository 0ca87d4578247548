"""Believable demo data, so a newcomer can click through every area.

Each area names its demo steps in its `AREA` (app/core/areas.py); `flask demo-data` runs
them in order on an empty database. Nothing here is a real person.
"""

from __future__ import annotations

from sqlalchemy import func, select

from app import registry
from app.core.areas import DemoContext, resolve
from app.extensions import db
from app.models import User


def has_real_data() -> bool:
    """Anything more than the first manager made by `make run` counts as real."""
    if db.session.scalar(select(func.count()).select_from(User)) > 1:
        return True
    return any(
        db.session.scalar(select(func.count()).select_from(m)) for m in registry.real_data_models()
    )


def load_demo_data() -> DemoContext:
    context = DemoContext()
    for step in registry.demo_steps():
        resolve(step.function)(context)
        db.session.flush()
    db.session.commit()
    return context
