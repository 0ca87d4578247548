"""What the training panels on the home page show. Each returns None when nothing is due."""

from __future__ import annotations

from app.core.people import me, users_by_id
from app.training import agreements, records


def my_certificates_due() -> dict | None:
    """My certificates that run out within 30 days, or ran out already."""
    due = records.certificates_due([me().id])
    return {"certificates": due, "status": records.status} if due else None


def trainees_certificates_due() -> dict | None:
    """For trainers: other people's certificates that run out within 30 days."""
    due = records.others_certificates_due(me())
    if not due:
        return None
    people = users_by_id(c.user_id for c in due)
    return {"certificates": due, "people": people, "status": records.status}


def agreements_changed() -> dict | None:
    """An agreement I accepted before has a new version to read."""
    person = me()
    if not agreements.must_accept_again(person.id):
        return None
    return {"changed": agreements.pending(person)}


def my_placement() -> dict | None:
    """A student on placement: their course and the worker who supervises them."""
    from app.training import supervised

    found = supervised.placement_of(me())
    return {"placement": found} if found else None
