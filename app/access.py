"""Who may do what. Deny by default: every view names one permission with @requires.

A person who may not see something gets the same 404 as for something that does not exist,
so the app never tells anyone that a record or a page is there.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from flask import abort, g, redirect, request, url_for
from flask_login import current_user

from app.extensions import db
from app.local_paths import safe_local_path

FRONTDESK = "frontdesk"
TRAINEE = "trainee"
STUDENT = "student"
WORKER = "worker"
SENIOR = "senior"
MANAGER = "manager"

# In the order a person usually moves through them; the words people see.
ROLES: dict[str, str] = {
    FRONTDESK: "Front desk volunteer",
    TRAINEE: "Trainee",
    STUDENT: "Student on placement",
    WORKER: "Peer worker",
    SENIOR: "Senior worker",
    MANAGER: "Manager",
}

# Roles that can open client files must use two-step sign-in and time out sooner.
CLIENT_ROLES = frozenset({WORKER, SENIOR, MANAGER})
EVERYONE = frozenset(ROLES)
STAFF = frozenset({FRONTDESK, WORKER, SENIOR, MANAGER})
SENIORS = frozenset({SENIOR, MANAGER})
# Learners do client work only on a file whose care team they are on, under its worker.
LEARNERS = frozenset({TRAINEE, STUDENT})

PERMISSIONS: dict[str, frozenset[str]] = {
    "signed_in": EVERYONE,  # home, own account, words we use
    "frontdesk.count": STAFF,
    "frontdesk.report": STAFF,
    "frontdesk.manage": frozenset({MANAGER}),
    "handover.create": STAFF,
    "handover.pick_up": CLIENT_ROLES,
    "partners.read": EVERYONE,
    "partners.edit": SENIORS,
    "partners.suggest": STAFF,  # suggest a service for the directory; a senior approves it
    "clients.open": CLIENT_ROLES,  # each file is still checked: own caseload or all
    "clients.see_all": SENIORS,
    # Approve a disclosure the law compels, and see them all (issue 15: confidentiality).
    "disclosures.approve": frozenset({MANAGER}),
    # The narrow view of a file (cover, or a learner on its care team): access_level decides
    # per file, and every other file is a 404.
    "clients.open_part": CLIENT_ROLES | LEARNERS,
    "training.own": EVERYONE,
    "training.manage": SENIORS,
    "training.agreements": frozenset({MANAGER}),  # edit the texts everyone accepts
    "team.oversee": SENIORS,
    "closing.confirm": frozenset({MANAGER}),  # closings a worker was unsure of (model of care)
    "supervision.own": CLIENT_ROLES,  # each record: only its worker(s), supervisor and manager
    "supervision.schedule": frozenset({MANAGER}),  # how often each worker has supervision
    "reports.own": CLIENT_ROLES,
    "reports.all": SENIORS,
    "admin.users": frozenset({MANAGER}),
    "admin.audit": frozenset({MANAGER}),
    "admin.retention": frozenset({MANAGER}),  # review and delete files past their time
    "admin.settings": frozenset({MANAGER}),  # settings kept in the app (establishment number)
    # Safety (issue 15): any staff member writes down an incident, a complaint or a critical
    # incident and reads their own incidents; seniors review and close incidents; once saved,
    # complaints and critical incidents are read and changed by the manager alone (they may
    # name people and staff, and the manager answers to the funder). Anyone signed in may
    # read how to make a complaint ("signed_in").
    "safety.record": STAFF,
    "safety.review": SENIORS,
    "safety.registers": frozenset({MANAGER}),
}


def can(permission: str, user=None) -> bool:
    """True when the person (default: whoever is signed in) holds the permission."""
    user = current_user if user is None else user
    if not getattr(user, "is_authenticated", False):
        return False
    return user.role in PERMISSIONS[permission]


def requires(permission: str) -> Callable:
    """Declare the one permission a view needs. Not signed in: go to sign in. Not allowed: 404."""
    if permission not in PERMISSIONS:
        raise KeyError(f"unknown permission {permission!r}")

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.is_authenticated:
                return redirect(url_for("auth.sign_in", next=_safe_next()))
            if not can(permission):
                g.refusal = "no permission"  # written to the audit log (app/refusals.py)
                abort(404)
            return view(*args, **kwargs)

        wrapped.required_permission = permission
        return wrapped

    return decorator


def public(view: Callable) -> Callable:
    """Mark one of the few views anyone may reach: sign in, health, static files."""
    view.required_permission = None
    return view


def get_or_404(model, record_id: int, *, visible: Callable[[object], bool] | None = None):
    """Load a record, or 404 when it is missing or when `visible(record)` says no."""
    record = db.session.get(model, record_id)
    if record is None or (visible is not None and not visible(record)):
        if record is not None:
            g.refusal = "not theirs"  # written to the audit log (app/refusals.py)
        abort(404)
    return record


def _safe_next() -> str | None:
    """Only a path on this site, and only for a plain page load."""
    if request.method != "GET" or request.headers.get("HX-Request"):
        return None
    return safe_local_path(request.full_path.rstrip("?"))
