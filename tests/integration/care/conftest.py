"""A worker with one person on their caseload, with something of everything in care work."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app import clock
from tests.factories.care import (
    make_aid,
    make_appointment,
    make_issue,
    make_meeting,
    make_note,
    make_person,
    make_plan,
    make_referral,
)
from tests.factories.clients import make_consent
from tests.factories.partners import make_partner


class World:
    """What a test needs to find again: the worker, the person, their records."""


@pytest.fixture
def world(db_session, sign_in_as, frozen_clock):
    w = World()
    w.worker = sign_in_as("worker")
    w.client, w.episode = make_person(db_session, w.worker, nickname="Tam")
    w.partner = make_partner(db_session, phone="02 6100 4410")
    w.consent = make_consent(
        db_session, w.client, party_name=w.partner.name, partner_id=w.partner.id
    )
    w.plan = make_plan(db_session, w.client, w.episode, goals=["Find a place to live"])
    w.goal = w.plan.goals[0] if w.plan.goals else None
    w.note = make_note(db_session, w.client, w.episode, by=w.worker)
    w.appointment = make_appointment(
        db_session,
        w.client,
        w.episode,
        worker=w.worker,
        starts_at=clock.now() - timedelta(hours=3),
        partner_id=w.partner.id,
    )
    w.referral = make_referral(db_session, w.client, w.episode, w.partner, w.consent)
    w.aid = make_aid(db_session, w.client, w.episode, partner_id=w.partner.id)
    w.systemic = make_issue(db_session, kind="systemic", issue="Pharmacies turn people away")
    w.issue = make_issue(db_session, w.client, w.episode, systemic_id=w.systemic.id)
    w.complaint = make_issue(
        db_session,
        w.client,
        w.episode,
        kind="complaint",
        complaint_body="ombudsman",
        status="preparing",
    )
    w.meeting = make_meeting(
        db_session,
        w.client,
        w.episode,
        by=w.worker,
        actions=[("Ring the GP", w.worker, clock.today() + timedelta(days=2))],
    )
    return w


def get_urls(w) -> list[str]:
    c = w.client.id
    goal_id = w.plan.goals[0].id
    return [
        "/my-work",
        "/my-work/week",
        "/my-work/day-sheet",
        "/my-work/to-close",
        "/material-aid",
        "/material-aid?mine=1",
        "/advocacy/systemic",
        "/advocacy/systemic/new",
        f"/advocacy/systemic/{w.systemic.id}",
        f"/clients/{c}/plan",
        f"/clients/{c}/plan/new",  # a plan exists: goes to it (303)
        f"/clients/{c}/plan/print",
        f"/clients/{c}/plan/dates",
        f"/clients/{c}/plan/goals/new",
        f"/clients/{c}/plan/goals/{goal_id}/edit",
        f"/clients/{c}/plan/goals/{goal_id}/change",
        f"/clients/{c}/plan/goals/{goal_id}/steps/new",
        f"/clients/{c}/notes",
        f"/clients/{c}/notes/new",
        f"/clients/{c}/notes/{w.note.id}",
        f"/clients/{c}/notes/{w.note.id}/correct",
        f"/clients/{c}/appointments",
        f"/clients/{c}/appointments/new",
        f"/clients/{c}/appointments/{w.appointment.id}",
        f"/clients/{c}/appointments/{w.appointment.id}/outcome",
        f"/clients/{c}/referrals",
        f"/clients/{c}/referrals/new",
        f"/clients/{c}/referrals/covers?partner_id={w.referral.partner_id}",  # no htmx: the form
        f"/clients/{c}/referrals/{w.referral.id}",
        f"/clients/{c}/aid",
        f"/clients/{c}/advocacy",
        f"/clients/{c}/advocacy/new",
        f"/clients/{c}/advocacy/{w.issue.id}",
        f"/clients/{c}/advocacy/{w.complaint.id}",
        f"/clients/{c}/advocacy/{w.issue.id}/raise",
        f"/clients/{c}/close",
        f"/clients/{c}/close/appointments",
        f"/clients/{c}/meetings",
        f"/clients/{c}/meetings/new",
        f"/clients/{c}/meetings/{w.meeting.id}",
    ]


def expected_status(url: str) -> int:
    return 303 if url.endswith("/plan/new") or "/referrals/covers" in url else 200
