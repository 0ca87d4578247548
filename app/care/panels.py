"""Home page panel from care work (see app/home/panels.py): today at a glance."""

from __future__ import annotations

from flask_login import current_user

from app import clock
from app.care import appointments, service
from app.care.common import day_bounds


def today_at_a_glance() -> dict | None:
    """Appointments today, plan reviews due and notes to write, when there are any."""
    me = current_user
    today = service.appointments_between(*day_bounds(clock.today()), worker_id=me.id)
    reviews = [p for p, _ in service.plan_reviews_due(me.id, within_days=0)]
    to_write = appointments.waiting_for_outcome(me.id)
    if not (today or reviews or to_write):
        return None
    return {"today": len(today), "reviews": len(reviews), "to_write": len(to_write)}
