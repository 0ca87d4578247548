"""What the training panels on the home page show. Each returns None when nothing is due."""

from __future__ import annotations

from flask_login import current_user
from sqlalchemy import select

from app.extensions import db
from app.models import User
from app.training import agreements, records


def my_certificates_due() -> dict | None:
    """My certificates that run out within 30 days, or ran out already."""
    due = records.certificates_due([current_user.id])
    return {"certificates": due, "status": records.status} if due else None


def trainees_certificates_due() -> dict | None:
    """For trainers: other people's certificates that run out within 30 days."""
    ids = list(
        db.session.scalars(select(User.id).where(User.active.is_(True), User.id != current_user.id))
    )
    due = records.certificates_due(ids)
    if not due:
        return None
    people = {u.id: u for u in db.session.scalars(select(User).where(User.id.in_(ids)))}
    return {"certificates": due, "people": people, "status": records.status}


def agreements_changed() -> dict | None:
    """An agreement I accepted before has a new version to read."""
    if not agreements.must_accept_again(current_user.id):
        return None
    return {"changed": agreements.pending(current_user._get_current_object())}
