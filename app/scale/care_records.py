"""Care records of a `scale-data` file, one episode at a time: the assessment, the plan,
appointments, referrals, aid and advocacy, with a timeline line for each (app.scale.files
makes the person, the episodes and the consents, and calls add_care)."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select, update

from app.models import (
    AdvocacyIssue,
    AidGiven,
    Appointment,
    Assessment,
    Client,
    Goal,
    Plan,
    PlanVersion,
    Referral,
)
from app.models.care import AID_KINDS
from app.needs import LIFE_AREAS, URGENCY
from app.scale import pick, timeline, words

SUPPORT = (("ongoing", 60), ("immediate", 20), ("intensive", 20))


def add_care(world, client_id, episode_id, opened, closed, by, notes, consents) -> None:
    """The assessment, the plan, appointments, referrals, aid and advocacy of one episode."""
    rng, bulk, today = world.rng, world.bulk, world.today
    end = closed or today
    if rng.random() < 0.95:
        met = min(end, opened + timedelta(days=rng.randint(0, 7)))
        needs = rng.sample(list(LIFE_AREAS)[:-1], rng.randint(1, 3))
        level = pick(rng, SUPPORT)
        assessment_id = bulk.add(
            Assessment.__table__,
            client_id=client_id,
            episode_id=episode_id,
            met_on=met,
            support_level=level,
            needs=needs,
            need_notes={},
            strengths=rng.choice(words.STRENGTHS),
            supports=rng.choice(words.SUPPORTS),
            created_at=world.moment(met, 13),
            created_by_id=by,
        )
        timeline(
            world,
            client_id,
            met,
            "assessment",
            f"Assessment: {URGENCY[level].lower()}",
            "Assessment",
            assessment_id,
            by,
        )
    if (end - opened).days >= 14 and rng.random() < 0.85:
        _plan(world, client_id, episode_id, opened, closed, by)
    past = min(20, notes // 8)
    for _ in range(past):
        day = world.day_between(opened, end - timedelta(days=1) if end > opened else end)
        _appointment(world, client_id, episode_id, day, by, attended=rng.random() < 0.8)
    if closed is None:
        for _ in range(rng.choices((0, 1, 2), (55, 35, 10))[0]):
            day = today + timedelta(days=rng.randint(1, 30))
            _appointment(world, client_id, episode_id, day, by, attended=None)
        if rng.random() < 0.1:
            day = today - timedelta(days=rng.randint(1, 10))
            _appointment(world, client_id, episode_id, max(day, opened), by, attended=None)
    for consent_id, partner_id, given in consents:
        if given <= end and rng.random() < 0.4:
            day = world.day_between(max(given, opened), end)
            name = dict(world.partners)[partner_id]
            referral_id = bulk.add(
                Referral.__table__,
                client_id=client_id,
                episode_id=episode_id,
                partner_id=partner_id,
                referred_on=day,
                reason=rng.choice(words.REFERRAL_REASONS),
                consent_id=consent_id,
                appointment_made=rng.random() < 0.6,
                attended=rng.choice((True, False, None)),
                created_at=world.moment(day, 14),
                created_by_id=by,
            )
            timeline(
                world,
                client_id,
                day,
                "referral",
                f"Referred to {name}",
                "Referral",
                referral_id,
                by,
            )
    if rng.random() < 0.25:
        for _ in range(rng.randint(1, 4)):
            day = world.day_between(opened, end)
            kind = rng.choice(list(AID_KINDS))
            aid_id = bulk.add(
                AidGiven.__table__,
                client_id=client_id,
                episode_id=episode_id,
                given_on=day,
                kind=kind,
                quantity=rng.randint(1, 3),
                note=rng.choice(words.AID_NOTES),
                created_at=world.moment(day, 12.5),
                created_by_id=by,
            )
            timeline(
                world,
                client_id,
                day,
                "material_aid",
                f"Material aid: {AID_KINDS[kind].lower()}",
                "AidGiven",
                aid_id,
                by,
            )
    if rng.random() < 0.03:
        day = world.day_between(opened, end)
        done = closed is not None or rng.random() < 0.5
        issue_id = bulk.add(
            AdvocacyIssue.__table__,
            kind="individual",
            client_id=client_id,
            episode_id=episode_id,
            service=rng.choice(world.partners)[1],
            issue=rng.choice(words.ADVOCACY),
            status="resolved" if done else "open",
            raised_on=day,
            closed_on=min(end, day + timedelta(days=20)) if done else None,
            created_at=world.moment(day, 15),
            created_by_id=by,
        )
        timeline(
            world,
            client_id,
            day,
            "advocacy",
            "Advocacy: for one person",
            "AdvocacyIssue",
            issue_id,
            by,
        )


def _plan(world, client_id, episode_id, opened, closed, by) -> None:
    rng, bulk, today = world.rng, world.bulk, world.today
    end = closed or today
    agreed = min(end, opened + timedelta(days=rng.randint(7, 21)))
    review = agreed + timedelta(days=91)
    if closed is None and review < today - timedelta(days=30):
        review = today + timedelta(days=rng.randint(-20, 90))  # reviewed since; some overdue
    plan_id = bulk.new_id(Plan.__table__)
    goals = []
    for position in range(1, rng.randint(1, 3) + 1):
        status = rng.choice(("done", "working_on")) if closed else "working_on"
        goals.append(
            dict(
                id=bulk.new_id(Goal.__table__),
                plan_id=plan_id,
                position=position,
                words=rng.choice(words.GOALS),
                priority=position,
                status=status,
                status_on=end if status == "done" else None,
                created_by_id=by,
            )
        )
    moment = world.moment(agreed, 14.5)
    bulk.add(
        Plan.__table__,
        id=plan_id,
        client_id=client_id,
        episode_id=episode_id,
        agreed_on=agreed,
        review_on=review,
        version=1,
        changed_at=moment,
        created_at=moment,
        created_by_id=by,
    )
    for goal in goals:
        bulk.add(Goal.__table__, created_at=moment, **goal)
    snapshot = {
        "agreed_on": agreed.isoformat(),
        "review_on": review.isoformat(),
        "goals": [
            {k: (v.isoformat() if isinstance(v, date) else v) for k, v in g.items()} | {"steps": []}
            for g in goals
        ],
    }
    version_id = bulk.add(
        PlanVersion.__table__,
        plan_id=plan_id,
        number=1,
        changes=["Plan started"],
        snapshot=snapshot,
        created_at=moment,
        created_by_id=by,
    )
    timeline(
        world, client_id, moment, "plan_version", "Plan started", "PlanVersion", version_id, by
    )


def _appointment(world, client_id, episode_id, day, by, *, attended) -> None:
    rng, bulk = world.rng, world.bulk
    partner_id, name = rng.choice(world.partners)
    starts = world.moment(day, rng.choice((9.5, 10, 11, 13, 14.5, 15)))
    done = attended is not None
    appointment_id = bulk.add(
        Appointment.__table__,
        client_id=client_id,
        episode_id=episode_id,
        starts_at=starts,
        partner_id=partner_id,
        transport=rng.choice(("car", "public", "none", "none")),
        worker_id=by if rng.random() < 0.6 else None,
        attended=attended,
        what_happened="Went well." if attended else None,
        outcome_at=starts + timedelta(hours=3) if done else None,
        created_at=starts - timedelta(days=rng.randint(1, 14)),
        created_by_id=by,
    )
    timeline(
        world,
        client_id,
        starts,
        "appointment",
        f"Appointment booked: {name}",
        "Appointment",
        appointment_id,
        by,
    )


def keep_support_levels(connection) -> None:
    """Each person's newest assessment level onto their row, as saving one in the app does
    (app.clients.assessments.keep_support_level), in one statement after the bulk rows."""
    newest = (
        select(Assessment.support_level)
        .where(Assessment.client_id == Client.id)
        .order_by(Assessment.created_at.desc(), Assessment.id.desc())
        .limit(1)
        .scalar_subquery()
    )
    connection.execute(update(Client.__table__).values(support_level=newest))
