"""Home page panel from care work (see app/home/panels.py): today at a glance."""

from __future__ import annotations

from app import clock
from app.care import appointments, caseload
from app.care.times import day_bounds
from app.core.people import me


def today_at_a_glance() -> dict | None:
    """Appointments today, plan reviews due and notes to write, when there are any."""
    worker_id = me().id
    today = caseload.appointments_between(*day_bounds(clock.today()), worker_id=worker_id)
    reviews = [p for p, _ in caseload.plan_reviews_due(worker_id, within_days=0)]
    to_write = appointments.waiting_for_outcome(worker_id)
    if not (today or reviews or to_write):
        return None
    return {"today": len(today), "reviews": len(reviews), "to_write": len(to_write)}


def notes_to_sign() -> dict | None:
    """Notes a trainee or a student wrote on my files, waiting for me to sign them; those
    waiting more than SIGN_WITHIN_DAYS stand out (they are still not counted)."""
    from app.care import signing

    waiting = signing.waiting_for(me())
    if not waiting:
        return None
    return {
        "waiting": waiting,
        "overdue": {row.id for row in waiting if signing.is_overdue(row)},
        "days": signing.SIGN_WITHIN_DAYS,
    }
