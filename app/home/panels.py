"""Panels on the home page that areas add: "People waiting for a worker", "Certificates
about to expire" and so on. Each panel is a small template and a function that gives it
its data; it shows only to people with the permission, and only when it has something.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module

from app.access import can


@dataclass(frozen=True)
class Panel:
    template: str  # a fragment, for example "frontdesk/_waiting_panel.html"
    permission: str
    context: str  # "module.path:function", called with no arguments; returns a dict or None


# Areas add their panels here, in the order they should appear.
PANELS: tuple[Panel, ...] = (
    Panel(
        "frontdesk/_waiting_panel.html",
        "handover.pick_up",
        "app.frontdesk.handover_routes:waiting_panel",
    ),
    Panel("care/_panel_today.html", "clients.open", "app.care.panels:today_at_a_glance"),
    Panel("clients/_panel_requests.html", "clients.open", "app.clients.panels:due_requests"),
    Panel("clients/_panel_drafts.html", "clients.open", "app.clients.panels:my_drafts"),
    Panel("clients/_panel_cover.html", "clients.see_all", "app.clients.panels:cover_for_seniors"),
    Panel("clients/_panel_cover_mine.html", "clients.open", "app.clients.panels:cover_on_my_files"),
    Panel("team/_panel_reallocations.html", "clients.open", "app.team.panels:my_reallocations"),
    Panel("team/_panel_feedback.html", "clients.open", "app.team.panels:my_feedback"),
    Panel(
        "training/_agreements_panel.html",
        "training.own",
        "app.training.panels:agreements_changed",
    ),
    Panel(
        "training/_my_certificates_panel.html",
        "training.own",
        "app.training.panels:my_certificates_due",
    ),
    Panel(
        "training/_trainee_certificates_panel.html",
        "training.manage",
        "app.training.panels:trainees_certificates_due",
    ),
)


def _call(path: str):
    module, _, name = path.partition(":")
    return getattr(import_module(module), name)()


def panels_for_current_user() -> list[tuple[str, dict]]:
    """(template, context) for each panel this person may see that has something to show."""
    shown = []
    for panel in PANELS:
        if can(panel.permission):
            context = _call(panel.context)
            if context:
                shown.append((panel.template, context))
    return shown
