"""Panels on the home page that areas add: "People waiting for a worker", "Certificates
about to expire" and so on. Each area names its panels in its `AREA` (app/core/areas.py):
a small template and a function that gives it its data. A panel shows only to people with
the permission, and only when it has something.
"""

from __future__ import annotations

from app import registry
from app.access import can
from app.core.areas import resolve


def panels_for_current_user() -> list[tuple[str, dict]]:
    """(template, context) for each panel this person may see that has something to show."""
    shown = []
    for panel in registry.panels():
        if can(panel.permission):
            context = resolve(panel.context)()
            if context:
                shown.append((panel.template, context))
    return shown
