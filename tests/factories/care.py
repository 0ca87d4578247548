"""Rows for care tests: a person with an open episode, plans, goals, notes, appointments."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from app import clock
from app.care.common import add_months
from app.models import (
    AdvocacyIssue,
    AidGiven,
    Appointment,
    CaseNote,
    Goal,
    GoalStep,
    Plan,
    PlanVersion,
    Referral,
)
from tests.factories.clients import make_client, make_episode


def make_person(session, worker=None, *, opened_on: date | None = None, **fields):
    """A client allocated to `worker`, with an open episode. Returns (client, episode)."""
    client = make_client(session, worker, **fields)
    episode = make_episode(session, client, opened_on=opened_on or date(2026, 1, 5))
    return client, episode


def make_plan(session, client, episode, *, goals=(), agreed_on: date | None = None, **fields):
    agreed = agreed_on or date(2026, 1, 12)
    plan = Plan(
        client_id=client.id,
        episode_id=episode.id,
        agreed_on=agreed,
        review_on=fields.pop("review_on", add_months(agreed, 3)),
        **fields,
    )
    session.add(plan)
    session.flush()
    for n, words in enumerate(goals, start=1):
        goal = Goal(plan_id=plan.id, position=n, words=words, priority=2, status="working_on")
        session.add(goal)
        session.flush()
        session.add(GoalStep(goal_id=goal.id, position=1, what=f"First step for {words}"))
    session.add(PlanVersion(plan_id=plan.id, number=1, changes=["Plan started"], snapshot={}))
    session.commit()
    return plan


def make_note(session, client, episode=None, *, by=None, **fields) -> CaseNote:
    contact_at = fields.pop("contact_at", clock.now() - timedelta(hours=1))
    note = CaseNote(
        client_id=client.id,
        episode_id=episode.id if episode is not None else None,
        contact_at=contact_at,
        kind=fields.pop("kind", "face_to_face"),
        text=fields.pop("text", "Met at the drop-in. Talked about housing."),
        created_by_id=by.id if by else None,
        **fields,
    )
    session.add(note)
    session.commit()
    return note


def make_appointment(
    session, client, episode=None, *, worker=None, starts_at: datetime | None = None, **fields
) -> Appointment:
    appointment = Appointment(
        client_id=client.id,
        episode_id=episode.id if episode is not None else None,
        starts_at=starts_at or clock.now() + timedelta(days=1),
        with_whom=fields.pop("with_whom", "Dr Lee at the health centre"),
        transport=fields.pop("transport", "car"),
        worker_id=worker.id if worker else None,
        created_by_id=worker.id if worker else None,
        **fields,
    )
    session.add(appointment)
    session.commit()
    return appointment


def make_referral(session, client, episode, partner, consent, **fields) -> Referral:
    referral = Referral(
        client_id=client.id,
        episode_id=episode.id,
        partner_id=partner.id,
        consent_id=consent.id,
        referred_on=fields.pop("referred_on", clock.today()),
        reason=fields.pop("reason", "Needs a GP who listens"),
        **fields,
    )
    session.add(referral)
    session.commit()
    return referral


def make_aid(session, client, episode=None, **fields) -> AidGiven:
    aid = AidGiven(
        client_id=client.id,
        episode_id=episode.id if episode is not None else None,
        given_on=fields.pop("given_on", clock.today()),
        kind=fields.pop("kind", "food"),
        quantity=fields.pop("quantity", 1),
        **fields,
    )
    session.add(aid)
    session.commit()
    return aid


def make_issue(session, client=None, episode=None, **fields) -> AdvocacyIssue:
    issue = AdvocacyIssue(
        kind=fields.pop("kind", "individual"),
        client_id=client.id if client is not None else None,
        episode_id=episode.id if episode is not None else None,
        issue=fields.pop("issue", "Pharmacy refused take-away doses"),
        raised_on=fields.pop("raised_on", clock.today()),
        status=fields.pop("status", "open"),
        **fields,
    )
    session.add(issue)
    session.commit()
    return issue
