"""What an area adds to the app, declared in one place: its `AREA` in `app/<area>/__init__.py`.

One style for every registry: an area's package says

    AREA = Area(
        blueprint=bp,
        demo=(DemoStep(50, "care", "app.care.demo:make_demo_care"),),
        tiles=(Tile(30, "My work", "worker", "care.my_work", "clients.open", "Today ..."),),
        panels=(Panel(20, "care/_panel_today.html", "clients.open", "app.care.panels:today"),),
        real_data=(Plan, CaseNote),
    )

and app/registry.py collects the areas in order. Code in the area's own modules is named
by a "module:function" path and loaded only when it is used (`resolve`), so declaring an
area imports nothing of it and no import circles form; what is at hand (the blueprint, the
models from app.models) is given as itself. Tiles, panels and demo steps each carry an
`order` number: lower comes first, across all areas.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from flask import Blueprint

    from app.models import User


def resolve(path: str) -> Any:
    """The object a "module.path:name" string names, imported when first asked for."""
    module, _, name = path.partition(":")
    return getattr(import_module(module), name)


@dataclass(frozen=True)
class DemoStep:
    """Believable demo rows: `function(context: DemoContext)`, run by `flask demo-data`."""

    order: int  # accounts are 10; an area that uses another's rows comes after it
    name: str
    function: str  # "module:function"


@dataclass(frozen=True)
class Tile:
    """A big tile on the home page, shown to people with the permission."""

    order: int
    label: str
    icon: str
    endpoint: str
    permission: str
    hint: str = ""


@dataclass(frozen=True)
class Panel:
    """A home page panel: a template fragment and a function giving its data (a dict, or
    None when there is nothing to show); shown to people with the permission."""

    order: int
    template: str  # for example "frontdesk/_waiting_panel.html"
    permission: str
    context: str  # "module:function", called with no arguments


@dataclass(frozen=True)
class Area:
    """Everything an area adds to the app outside its own pages."""

    blueprint: Blueprint
    demo: tuple[DemoStep, ...] = ()
    tiles: tuple[Tile, ...] = ()
    panels: tuple[Panel, ...] = ()
    # Tables whose rows mean the database holds real work (demo-data then refuses to run).
    real_data: tuple[type, ...] = ()


@dataclass
class DemoContext:
    """What earlier demo steps made, for later ones to use (users by username, and so on)."""

    users: dict[str, User] = field(default_factory=dict)
    made: dict[str, object] = field(default_factory=dict)
    printed: list[str] = field(default_factory=list)
