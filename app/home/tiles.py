"""The big tiles on each person's home page: one per job, only the jobs their role can do.

Each area names its tiles in its `AREA` (app/core/areas.py); app/registry.py puts them in order.
"""

from __future__ import annotations

from app import registry
from app.access import can
from app.core.areas import Tile


def tiles_for_current_user() -> list[Tile]:
    return [t for t in registry.tiles() if can(t.permission)]
