"""Safety rows for tests: an incident at the desk, a complaint, a critical incident."""

from __future__ import annotations

from datetime import UTC, date, datetime

from app.models import Complaint, CriticalIncident, Incident


def make_incident(session, by, **fields) -> Incident:
    incident = Incident(
        happened_at=fields.pop("happened_at", datetime(2026, 3, 2, 23, 0, tzinfo=UTC)),
        place=fields.pop("place", "front_desk"),
        what_happened=fields.pop("what_happened", "A visitor shouted at the desk."),
        who_involved=fields.pop("who_involved", "A visitor and a volunteer."),
        anyone_hurt=fields.pop("anyone_hurt", False),
        told=fields.pop("told", ["senior"]),
        created_by_id=by.id,
        **fields,
    )
    session.add(incident)
    session.commit()
    return incident


def make_complaint(session, by, **fields) -> Complaint:
    complaint = Complaint(
        from_kind=fields.pop("from_kind", "person"),
        about=fields.pop("about", "They felt ignored at the desk."),
        received_on=fields.pop("received_on", date(2026, 3, 1)),
        status=fields.pop("status", "received"),
        created_by_id=by.id,
        **fields,
    )
    session.add(complaint)
    session.commit()
    return complaint


def make_critical(session, by, **fields) -> CriticalIncident:
    incident = CriticalIncident(
        kind=fields.pop("kind", "overdose"),
        happened_at=fields.pop("happened_at", datetime(2026, 3, 2, 23, 40, tzinfo=UTC)),
        place=fields.pop("place", "The toilets"),
        what_happened=fields.pop("what_happened", "A visitor was not breathing well."),
        response=fields.pop("response", "Gave naloxone and called 000."),
        status=fields.pop("status", "open"),
        created_by_id=by.id,
        **fields,
    )
    session.add(incident)
    session.commit()
    return incident
