"""Home page panels from the team area (see app/home/panels.py): a re-allocation the worker
has not read yet (as the old or the new worker), and feedback from a file check."""

from __future__ import annotations

from app.core.people import me
from app.team import audits, reallocation


def my_reallocations() -> dict | None:
    found = reallocation.unseen_for(me())
    if not found:
        return None
    return {"reallocations": found, "me": me().id, "views": reallocation.PERSON_VIEW_SHORT}


def my_feedback() -> dict | None:
    found = audits.feedback_for(me())
    return {"feedback": found} if found else None
