"""The one list of areas, and what they add: blueprints, demo data, home tiles and panels,
and the tables that hold real work.

Each area declares these once, as `AREA` in its package (`app/<area>/__init__.py`, shapes in
app/core/areas.py). A new area adds its package name to AREAS; nothing else changes here.
The packages are imported by name when first asked for, so this module imports no area.
"""

from __future__ import annotations

from functools import cache
from importlib import import_module

from app.core.areas import Area, DemoStep, Panel, Tile

# The order blueprints are registered in.
AREAS = (
    "app.auth",
    "app.home",
    "app.frontdesk",
    "app.clients",
    "app.care",
    "app.admin",
    "app.partners",
    "app.team",
    "app.reports",
    "app.training",
    "app.drafts",
    "app.safety",
)


@cache
def areas() -> tuple[Area, ...]:
    return tuple(import_module(name).AREA for name in AREAS)


def tiles() -> list[Tile]:
    return sorted((t for a in areas() for t in a.tiles), key=lambda t: t.order)


def panels() -> list[Panel]:
    return sorted((p for a in areas() for p in a.panels), key=lambda p: p.order)


def demo_steps() -> list[DemoStep]:
    return sorted((s for a in areas() for s in a.demo), key=lambda s: s.order)


def real_data_models() -> list[type]:
    return [model for a in areas() for model in a.real_data]
