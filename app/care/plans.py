"""Treatment plans as they are read: the plan of an episode, the newest plan's review date
(the one definition every area uses), goals being worked on, next steps, the version
history and a snapshot of the plan for it. Changing a plan: app/care/plan_changes.py."""

from __future__ import annotations

from datetime import date

from sqlalchemy import exists, select
from sqlalchemy.orm import aliased

from app.extensions import db
from app.models import Episode, Goal, Plan, PlanVersion
from app.models.care import GOAL_STATUSES

MAX_GOALS = 3
TOO_MANY_GOALS = "A plan has up to three goals. Finish or change one first."
REVIEW_MONTHS = 3
REVIEW_DUE_SOON_DAYS = 14  # a plan review this close (or past) is "due soon", everywhere
PRIORITIES = {1: "First", 2: "Soon", 3: "Later"}
STEP_TOO_EARLY = "The date must be on or after the day the plan started"
NO_WORDS = "Write the goal in their words"


# --- reading --------------------------------------------------------------------------------


def newest_plan():
    """A condition on Plan: it is the newest plan of its episode (no later one exists), for a
    query about many plans at once. An index lookup per plan asked about."""
    later = aliased(Plan)
    return ~exists().where(later.episode_id == Plan.episode_id, later.id > Plan.id)


def plan_for_episode(episode_id: int) -> Plan | None:
    """The episode's plan (its newest), or None."""
    return db.session.scalar(select(Plan).where(Plan.episode_id == episode_id, newest_plan()))


def review_dates(episode_ids) -> dict[int, date]:
    """{episode id: the review date of its newest plan}, in one query."""
    ids = {i for i in episode_ids if i}
    if not ids:
        return {}
    rows = db.session.execute(
        select(Plan.episode_id, Plan.review_on).where(Plan.episode_id.in_(ids), newest_plan())
    )
    return dict(rows.all())


def review_date(episode: Episode | None) -> date | None:
    """When the episode's plan is due for review (its newest plan), or None."""
    if episode is None:
        return None
    return review_dates([episode.id]).get(episode.id)


def current_plan(client, episode=None) -> Plan | None:
    """The plan of the open episode; with no open episode, the newest plan (to read)."""
    if episode is not None:
        return plan_for_episode(episode.id)
    return db.session.scalar(
        select(Plan).where(Plan.client_id == client.id).order_by(Plan.id.desc()).limit(1)
    )


def earlier_plans(client, current: Plan | None) -> list[Plan]:
    query = select(Plan).where(Plan.client_id == client.id).order_by(Plan.id.desc())
    if current is not None:
        query = query.where(Plan.id != current.id)
    return list(db.session.scalars(query))


def active_goals(plan: Plan) -> list[Goal]:
    return [g for g in plan.goals if g.status == "working_on"]


def other_goals(plan: Plan) -> list[Goal]:
    return [g for g in plan.goals if g.status != "working_on"]


def versions(plan: Plan) -> list[PlanVersion]:
    return list(
        db.session.scalars(
            select(PlanVersion)
            .where(PlanVersion.plan_id == plan.id)
            .order_by(PlanVersion.number.desc(), PlanVersion.id.desc())
        )
    )


def snapshot(plan: Plan) -> dict:
    """The plan as it is now, for its version history."""
    iso = lambda d: d.isoformat() if d else None  # noqa: E731
    return {
        "agreed_on": iso(plan.agreed_on),
        "review_on": iso(plan.review_on),
        "goals": [
            {
                "id": g.id,
                "position": g.position,
                "words": g.words,
                "why": g.why,
                "priority": g.priority,
                "risks": g.risks,
                "strategies": g.strategies,
                "status": g.status,
                "status_on": iso(g.status_on),
                "steps": [
                    {
                        "what": s.what,
                        "who": s.who,
                        "service": s.service,
                        "due_on": iso(s.due_on),
                        "done_on": iso(s.done_on),
                    }
                    for s in g.steps
                ],
            }
            for g in plan.goals
        ],
    }


def short(words: str | None, limit: int = 60) -> str:
    text = " ".join((words or "").split())
    return text if len(text) <= limit else text[: limit - 3].rstrip() + "..."


def goal_name(goal: Goal) -> str:
    return f'goal "{short(goal.words)}"'


def goal_status_words(status: str) -> str:
    return GOAL_STATUSES.get(status, status)
