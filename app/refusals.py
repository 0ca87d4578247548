"""Refused attempts stay in the audit log, though the refused request itself is rolled back.

Where a request is refused, the code says why in `flask.g.refusal` ("no permission",
"not theirs", "form check failed"); a 403 needs nothing. `write_refused_attempts` runs after
the request's commit or rollback and writes one "refused" entry in a transaction of its own
(app.audit.write_refusals, which also stops a flood from filling the disk).
"""

from __future__ import annotations

from flask import Flask, g, request
from flask_login import current_user

from app import audit

# Refusals written even for someone not signed in (by address): a forged form is worth
# knowing about whoever sent it.
FOR_ANYONE = frozenset({"form check failed"})


def init_app(app: Flask) -> None:
    """Register before app/web.py's commit hook, so this runs after it (Flask runs
    after_request hooks last-registered first)."""
    app.after_request(write_refused_attempts)


def write_refused_attempts(response):
    entries = list(g.pop("refusals_to_write", []))
    why = g.pop("refusal", None)
    if why is None and response.status_code == 403:
        why = "forbidden"
    if why is not None and response.status_code >= 400:
        entry = _entry_for_this_request(why)
        if entry is not None:
            entries.append(entry)
    audit.write_refusals(entries)
    return response


def _entry_for_this_request(why: str) -> dict | None:
    signed_in = current_user.is_authenticated
    if not signed_in and why not in FOR_ANYONE:
        return None
    client_id = (request.view_args or {}).get("client_id") if why == "not theirs" else None
    return {
        "detail": {"why": why, "path": request.path[:200], "method": request.method},
        "user_id": audit.id_of(current_user) if signed_in else None,
        "client_id": client_id if isinstance(client_id, int) else None,
        "address": request.remote_addr,
    }
