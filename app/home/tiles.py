"""The big tiles on each person's home page: one per job, only the jobs their role can do.

Each area adds its tiles here, in the order they should appear.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import current_app

from app.access import can


@dataclass(frozen=True)
class Tile:
    label: str
    icon: str
    endpoint: str
    permission: str
    hint: str = ""


TILES: tuple[Tile, ...] = (
    Tile(
        "Drop-in day", "tally", "frontdesk.day", "frontdesk.count", "Count visitors, meals and more"
    ),
    Tile(
        "Handover",
        "handover",
        "frontdesk.new_handover",
        "handover.create",
        "Someone wants a worker",
    ),
    Tile("My work", "worker", "care.my_work", "clients.open", "Today, my people and notes"),
    Tile("Find a person", "search", "clients.search", "clients.open", "Search our files"),
    Tile(
        "My training",
        "training",
        "training.my_path",
        "training.own",
        "Your path and your next steps",
    ),
    Tile("Trainees", "trainees", "training.trainees", "training.manage", "Everyone in training"),
    Tile("Team", "team", "team.caseloads", "team.oversee", "Caseloads, meetings and checks"),
    Tile(
        "Supervision",
        "supervision",
        "team.supervision_list",
        "supervision.own",
        "Notes and next dates",
    ),
    Tile("Reports", "report", "reports.index", "reports.own", "Weekly report and data"),
    Tile("Partners", "partners", "partners.index", "partners.read", "Services we work with"),
    Tile("People and accounts", "people", "admin.users", "admin.users", "Who can sign in"),
    Tile("Old files", "folder", "admin.old_files", "admin.retention", "Files past their time"),
    Tile("Audit log", "audit", "admin.audit_log", "admin.audit", "Who did what, and when"),
    Tile("Words we use", "words", "home.words", "signed_in", "What our words mean"),
    Tile("My account", "account", "auth.account", "signed_in", "Password and sign out"),
)


def tiles_for_current_user() -> list[Tile]:
    endpoints = current_app.view_functions
    return [t for t in TILES if t.endpoint in endpoints and can(t.permission)]
