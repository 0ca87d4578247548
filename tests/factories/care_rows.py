"""Care rows for the team and report tests (plans, goals, notes, appointments, referrals,
aid, advocacy), made straight on the care models. The care area's own factories live in
tests/factories/care.py; these are only what oversight and reports need to read."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from app import clock
from app.models import (
    AdvocacyIssue,
    AidGiven,
    Appointment,
    CaseNote,
    Goal,
    Plan,
    Referral,
)


def make_plan(session, client, episode, *, goals=(), by=None, **fields) -> Plan:
    agreed = fields.pop("agreed_on", clock.today())
    plan = Plan(
        client_id=client.id,
        episode_id=episode.id,
        agreed_on=agreed,
        review_on=fields.pop("review_on", agreed + timedelta(days=90)),
        created_by_id=by.id if by else None,
        **fields,
    )
    for position, goal in enumerate(goals, start=1):
        words, status, status_on = goal if isinstance(goal, tuple) else (goal, "working_on", None)
        plan.goals.append(Goal(position=position, words=words, status=status, status_on=status_on))
    session.add(plan)
    session.commit()
    return plan


def make_note(session, client, *, by=None, at: datetime | None = None, **fields) -> CaseNote:
    note = CaseNote(
        client_id=client.id,
        episode_id=fields.pop("episode_id", None),
        contact_at=at or clock.now(),
        kind=fields.pop("kind", "face_to_face"),
        text=fields.pop("text", "Met at the drop-in. Talked about housing."),
        created_by_id=by.id if by else None,
        **fields,
    )
    session.add(note)
    session.commit()
    return note


def make_appointment(session, client, starts_at: datetime, **fields) -> Appointment:
    appointment = Appointment(client_id=client.id, starts_at=starts_at, **fields)
    session.add(appointment)
    session.commit()
    return appointment


def make_referral(session, client, partner, consent, *, by=None, **fields) -> Referral:
    referral = Referral(
        client_id=client.id,
        partner_id=partner.id,
        consent_id=consent.id,
        referred_on=fields.pop("referred_on", clock.today()),
        reason=fields.pop("reason", "Wants a GP who understands OMT."),
        created_by_id=by.id if by else None,
        **fields,
    )
    session.add(referral)
    session.commit()
    return referral


def make_aid(session, client, kind: str = "food", *, by=None, **fields) -> AidGiven:
    aid = AidGiven(
        client_id=client.id,
        given_on=fields.pop("given_on", clock.today()),
        kind=kind,
        quantity=fields.pop("quantity", 1),
        created_by_id=by.id if by else None,
        **fields,
    )
    session.add(aid)
    session.commit()
    return aid


def make_advocacy(session, kind: str = "individual", *, client=None, by=None, **fields):
    issue = AdvocacyIssue(
        kind=kind,
        client_id=client.id if client else None,
        issue=fields.pop("issue", "Housing letter was never answered."),
        raised_on=fields.pop("raised_on", clock.today()),
        created_by_id=by.id if by else None,
        **fields,
    )
    session.add(issue)
    session.commit()
    return issue


def on(day: date, hour: int = 1) -> datetime:
    """A moment on a day (hour in UTC: 1am UTC is noon or 11am in Canberra)."""
    from datetime import UTC

    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)
