"""Rows for care work, made straight on the care models: a person with an open episode,
plans, goals, notes, appointments, referrals, aid and advocacy. One set for every test that
needs care rows (care, team, reports, admin)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from app import clock
from app.care.times import add_months
from app.models import (
    AdvocacyIssue,
    AidGiven,
    Appointment,
    CareMeeting,
    CareMeetingAction,
    CaseNote,
    Goal,
    GoalStep,
    Plan,
    PlanVersion,
    Referral,
)
from tests.factories.clients import make_client, make_episode


def on(day: date, hour: int = 1) -> datetime:
    """A moment on a day (hour in UTC: 1am UTC is noon or 11am in Canberra)."""
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


def make_person(session, worker=None, *, opened_on: date | None = None, **fields):
    """A client allocated to `worker`, with an open episode. Returns (client, episode)."""
    client = make_client(session, worker, **fields)
    episode = make_episode(session, client, opened_on=opened_on or date(2026, 1, 5))
    return client, episode


def make_plan(
    session, client, episode, *, goals=(), agreed_on: date | None = None, by=None, **fields
) -> Plan:
    """A plan with its first version. Each goal is its words (working on it, with a first
    step), or (words, status, status_on)."""
    agreed = agreed_on or date(2026, 1, 12)
    plan = Plan(
        client_id=client.id,
        episode_id=episode.id,
        agreed_on=agreed,
        review_on=fields.pop("review_on", add_months(agreed, 3)),
        created_by_id=by.id if by else None,
        **fields,
    )
    session.add(plan)
    session.flush()
    for n, goal_is in enumerate(goals, start=1):
        words, status, status_on = (
            goal_is if isinstance(goal_is, tuple) else (goal_is, "working_on", None)
        )
        goal = Goal(
            plan_id=plan.id,
            position=n,
            words=words,
            priority=2,
            status=status,
            status_on=status_on,
        )
        session.add(goal)
        session.flush()
        session.add(GoalStep(goal_id=goal.id, position=1, what=f"First step for {words}"))
    session.add(PlanVersion(plan_id=plan.id, number=1, changes=["Plan started"], snapshot={}))
    session.commit()
    return plan


def make_note(session, client, episode=None, *, by=None, **fields) -> CaseNote:
    """A case note; the contact an hour ago unless `contact_at` says when."""
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
    """An appointment (tomorrow unless `starts_at` says when), `worker` going and booking it."""
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


def make_referral(session, client, episode, partner, consent, *, by=None, **fields) -> Referral:
    """A referral to `partner` under `consent` (`episode` may be None)."""
    referral = Referral(
        client_id=client.id,
        episode_id=episode.id if episode is not None else None,
        partner_id=partner.id,
        consent_id=consent.id,
        referred_on=fields.pop("referred_on", clock.today()),
        reason=fields.pop("reason", "Needs a GP who listens"),
        created_by_id=by.id if by else None,
        **fields,
    )
    session.add(referral)
    session.commit()
    return referral


def make_aid(session, client, episode=None, *, kind: str = "food", by=None, **fields) -> AidGiven:
    aid = AidGiven(
        client_id=client.id,
        episode_id=episode.id if episode is not None else None,
        given_on=fields.pop("given_on", clock.today()),
        kind=kind,
        quantity=fields.pop("quantity", 1),
        created_by_id=by.id if by else None,
        **fields,
    )
    session.add(aid)
    session.commit()
    return aid


def make_issue(session, client=None, episode=None, *, by=None, **fields) -> AdvocacyIssue:
    """An advocacy issue (for one person, or `kind="systemic"` with no client)."""
    issue = AdvocacyIssue(
        kind=fields.pop("kind", "individual"),
        client_id=client.id if client is not None else None,
        episode_id=episode.id if episode is not None else None,
        issue=fields.pop("issue", "Pharmacy refused take-away doses"),
        raised_on=fields.pop("raised_on", clock.today()),
        status=fields.pop("status", "open"),
        created_by_id=by.id if by else None,
        **fields,
    )
    session.add(issue)
    session.commit()
    return issue


def make_meeting(session, client, episode=None, *, by=None, actions=(), **fields):
    """A care coordination meeting yesterday; each action is (what, user or None, due_on)."""
    meeting = CareMeeting(
        client_id=client.id,
        episode_id=episode.id if episode is not None else None,
        held_at=fields.pop("held_at", clock.now() - timedelta(days=1)),
        agreed=fields.pop("agreed", "Housing will call them on Friday."),
        created_by_id=by.id if by else None,
        **fields,
    )
    session.add(meeting)
    session.flush()
    for n, (what, user, due_on) in enumerate(actions, start=1):
        session.add(
            CareMeetingAction(
                meeting_id=meeting.id,
                position=n,
                what=what,
                user_id=user.id if user else None,
                who_name=None if user else "Their GP",
                due_on=due_on,
            )
        )
    session.commit()
    return meeting
