"""Home page panels from the team area (see app/home/panels.py): a re-allocation the worker
has not read yet (as the old or the new worker), feedback from a file check, and supervision
that is overdue (for the worker and for their supervisor)."""

from __future__ import annotations

from app.core.people import me
from app.team import audits, reallocation, supervision_schedule


def my_reallocations() -> dict | None:
    found = reallocation.unseen_for(me())
    if not found:
        return None
    return {"reallocations": found, "me": me().id, "views": reallocation.PERSON_VIEW_SHORT}


def my_feedback() -> dict | None:
    found = audits.feedback_for(me())
    return {"feedback": found} if found else None


def supervision_due() -> dict | None:
    """Overdue supervision: the person's own, and the workers they supervise (the rule:
    app.team.supervision_schedule.due_on)."""
    mine = supervision_schedule.my_due(me())
    theirs = supervision_schedule.overdue_for_supervisor(me())
    mine = mine if mine is not None and mine.overdue else None
    if mine is None and not theirs:
        return None
    return {"mine": mine, "theirs": theirs}
