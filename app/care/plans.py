"""Treatment plans: up to three goals in the person's own words, their steps, and a version
for every change.

Every change goes through `_begin` (the plan must be open and unchanged since the worker
opened it) and `_finish` (write the plan row, which checks its version in the database too,
then a PlanVersion saying what changed in plain words). Two workers saving at once: the
second gets PlanChanged, and nothing of the first is overwritten.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm.attributes import flag_modified
from sqlalchemy.orm.exc import StaleDataError

from app import clock
from app.care.common import Refused, add_months, episode_for_new_record, log, must_be_editable
from app.extensions import db
from app.models import Episode, Goal, GoalStep, Plan, PlanVersion
from app.models.care import GOAL_STATUSES, STEP_WHO

MAX_GOALS = 3
TOO_MANY_GOALS = "A plan has up to three goals. Finish or change one first."
REVIEW_MONTHS = 3
PRIORITIES = {1: "First", 2: "Soon", 3: "Later"}
STEP_TOO_EARLY = "The date must be on or after the day the plan started"
NO_WORDS = "Write the goal in their words"


class PlanChanged(Exception):
    """Someone else saved the plan after this person opened it."""

    def __init__(self, since: list[PlanVersion]):
        super().__init__("the plan changed")
        self.since = since


@dataclass
class GoalData:
    words: str
    why: str | None = None
    priority: int = 2
    risks: str | None = None
    strategies: str | None = None


@dataclass
class StepData:
    what: str
    who: str = "person"
    service: str | None = None
    due_on: date | None = None


# --- reading --------------------------------------------------------------------------------


def plan_for_episode(episode_id: int) -> Plan | None:
    return db.session.scalar(
        select(Plan).where(Plan.episode_id == episode_id).order_by(Plan.id.desc()).limit(1)
    )


def review_date(episode: Episode | None) -> date | None:
    """When the open episode's plan is due for review (its newest plan), or None."""
    if episode is None:
        return None
    return db.session.scalar(
        select(Plan.review_on)
        .where(Plan.episode_id == episode.id)
        .order_by(Plan.id.desc())
        .limit(1)
    )


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


def next_steps(plan: Plan) -> list[tuple[Goal, GoalStep]]:
    """Steps not done yet for the goals being worked on, soonest first."""
    steps = [(g, s) for g in active_goals(plan) for s in g.steps if s.done_on is None]
    return sorted(steps, key=lambda gs: (gs[1].due_on or date.max, gs[0].position))


def versions(plan: Plan) -> list[PlanVersion]:
    return list(
        db.session.scalars(
            select(PlanVersion)
            .where(PlanVersion.plan_id == plan.id)
            .order_by(PlanVersion.number.desc(), PlanVersion.id.desc())
        )
    )


def versions_since(plan_id: int, number: int) -> list[PlanVersion]:
    return list(
        db.session.scalars(
            select(PlanVersion)
            .where(PlanVersion.plan_id == plan_id, PlanVersion.number > number)
            .order_by(PlanVersion.number)
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


# --- changing -------------------------------------------------------------------------------


def _begin(plan: Plan, version: int | None) -> None:
    must_be_editable(plan)
    if version != plan.version:
        raise PlanChanged(versions_since(plan.id, version or 0))


def _finish(plan: Plan, changes: list[str], user, client, timeline: str) -> PlanVersion | None:
    """Write the plan (its version is checked by the database) and what changed.

    The version keeps the change in full (with the goal's words); the timeline gets the
    short `timeline` words, without them, like every other line on the timeline."""
    if not changes:
        return None
    plan_id, expected = plan.id, plan.version
    plan.changed_at = clock.now()
    flag_modified(plan, "changed_at")  # always write the row, so its version is checked
    try:
        db.session.flush()
    except StaleDataError:
        db.session.rollback()
        raise PlanChanged(versions_since(plan_id, expected)) from None
    record = PlanVersion(
        plan_id=plan.id,
        number=plan.version,
        changes=changes,
        snapshot=snapshot(plan),
        created_by_id=getattr(user, "id", None),
    )
    db.session.add(record)
    db.session.flush()
    log(
        client,
        action="plan.changed" if plan.version > 1 else "plan.started",
        record=record,
        kind="plan_version",
        summary=timeline,
        detail={"plan_id": plan.id, "version": plan.version},
    )
    return record


def create_plan(client, *, agreed_on: date, review_on: date | None, user) -> Plan:
    episode = episode_for_new_record(client)
    if plan_for_episode(episode.id) is not None:
        raise Refused("This episode has a plan already.")
    plan = Plan(
        client_id=client.id,
        episode_id=episode.id,
        agreed_on=agreed_on,
        review_on=review_on or add_months(agreed_on, REVIEW_MONTHS),
        changed_at=clock.now(),
        created_by_id=getattr(user, "id", None),
    )
    db.session.add(plan)
    db.session.flush()
    record = PlanVersion(
        plan_id=plan.id,
        number=plan.version,
        changes=[f"Plan started. Review on {plan.review_on:%d/%m/%Y}"],
        snapshot=snapshot(plan),
        created_by_id=getattr(user, "id", None),
    )
    db.session.add(record)
    db.session.flush()
    log(
        client,
        action="plan.started",
        record=plan,
        kind="plan_version",
        summary="Plan started",
        detail={"plan_id": plan.id},
    )
    return plan


def update_dates(
    plan: Plan, *, version: int | None, agreed_on: date, review_on: date, user, client
) -> PlanVersion | None:
    _begin(plan, version)
    if review_on <= agreed_on:
        raise Refused("The review date must be after the day the plan started")
    changes = []
    if agreed_on != plan.agreed_on:
        plan.agreed_on = agreed_on
        changes.append(f"Plan start date now {agreed_on:%d/%m/%Y}")
    if review_on != plan.review_on:
        plan.review_on = review_on
        changes.append(f"Review date now {review_on:%d/%m/%Y}")
    return _finish(plan, changes, user, client, "Plan: dates changed")


def _check_step(plan: Plan, step: StepData) -> None:
    if not step.what:
        raise Refused("Write what the step is")
    if step.who not in STEP_WHO:
        raise Refused("Choose who does the step")
    if step.due_on is not None and step.due_on < plan.agreed_on:
        raise Refused(STEP_TOO_EARLY)


def _new_step(goal: Goal, step: StepData) -> GoalStep:
    made = GoalStep(
        what=step.what,
        who=step.who,
        service=step.service if step.who == "service" else None,
        due_on=step.due_on,
        position=len(goal.steps) + 1,
    )
    goal.steps.append(made)
    return made


def add_goal(
    plan: Plan, *, version: int | None, data: GoalData, step: StepData | None, user, client
) -> Goal:
    _begin(plan, version)
    if not (data.words or "").strip():
        raise Refused(NO_WORDS)
    if len(active_goals(plan)) >= MAX_GOALS:
        raise Refused(TOO_MANY_GOALS)
    if step is not None:
        _check_step(plan, step)
    goal = Goal(
        position=max((g.position for g in plan.goals), default=0) + 1,
        words=data.words,
        why=data.why,
        priority=data.priority if data.priority in PRIORITIES else 2,
        risks=data.risks,
        strategies=data.strategies,
        status="working_on",
    )
    plan.goals.append(goal)
    changes = [f"New {goal_name(goal)}"]
    if step is not None:
        _new_step(goal, step)
        changes.append(f"First step: {short(step.what)}")
    _finish(plan, changes, user, client, "Plan: a new goal")
    return goal


FIELD_WORDS = {
    "words": "the words",
    "why": "why it matters",
    "priority": "how soon",
    "risks": "risks and challenges",
    "strategies": "what will help",
}


def update_goal(
    plan: Plan, *, version: int | None, goal: Goal, data: GoalData, user, client
) -> PlanVersion | None:
    _begin(plan, version)
    if not (data.words or "").strip():
        raise Refused(NO_WORDS)
    name = goal_name(goal)
    changed = []
    for field in FIELD_WORDS:
        value = getattr(data, field)
        if field == "priority" and value not in PRIORITIES:
            continue
        if (getattr(goal, field) or None) != (value or None):
            setattr(goal, field, value)
            changed.append(FIELD_WORDS[field])
    if not changed:
        return None
    return _finish(
        plan, [f"Changed {', '.join(changed)} of {name}"], user, client, "Plan: a goal changed"
    )


STATUS_CHANGE_WORDS = {
    "done": "marked done",
    "put_aside": "put aside for now",
    "working_on": "back to working on it",
}


def set_goal_status(
    plan: Plan, *, version: int | None, goal: Goal, status: str, user, client
) -> PlanVersion | None:
    _begin(plan, version)
    if status not in STATUS_CHANGE_WORDS:
        raise Refused("Choose what happened with the goal")
    if goal.status == status:
        return None
    if goal.status == "changed":
        raise Refused("This goal was changed into a new one, so it stays as it was.")
    if status == "working_on" and len(active_goals(plan)) >= MAX_GOALS:
        raise Refused(TOO_MANY_GOALS)
    goal.status = status
    goal.status_on = None if status == "working_on" else clock.today()
    return _finish(
        plan,
        [f"{goal_name(goal).capitalize()} {STATUS_CHANGE_WORDS[status]}"],
        user,
        client,
        f"Plan: a goal {STATUS_CHANGE_WORDS[status]}",
    )


def change_goal(
    plan: Plan, *, version: int | None, goal: Goal, words: str, why: str | None, user, client
) -> Goal:
    """The person wants something different: the goal is kept as "changed" and a new goal
    with their new words takes its place (with the steps not done yet)."""
    _begin(plan, version)
    if not (words or "").strip():
        raise Refused(NO_WORDS)
    if goal.status != "working_on":
        raise Refused("Only a goal they are working on can be changed.")
    goal.status = "changed"
    goal.status_on = clock.today()
    new = Goal(
        position=goal.position,
        words=words,
        why=why or goal.why,
        priority=goal.priority,
        risks=goal.risks,
        strategies=goal.strategies,
        status="working_on",
        changed_from_id=goal.id,
    )
    plan.goals.append(new)
    for step in goal.steps:
        if step.done_on is None:
            _new_step(new, StepData(step.what, step.who, step.service, step.due_on))
    _finish(
        plan,
        [f"{goal_name(goal).capitalize()} changed to {goal_name(new)}"],
        user,
        client,
        "Plan: a goal changed to new words",
    )
    return new


def add_step(
    plan: Plan, *, version: int | None, goal: Goal, step: StepData, user, client
) -> GoalStep:
    _begin(plan, version)
    _check_step(plan, step)
    if goal.status != "working_on":
        raise Refused("Steps can only be added to a goal they are working on.")
    made = _new_step(goal, step)
    who = STEP_WHO[step.who].lower()
    when = f" by {step.due_on:%d/%m/%Y}" if step.due_on else ""
    _finish(
        plan,
        [f"New step for {goal_name(goal)}: {short(step.what)} ({who}{when})"],
        user,
        client,
        "Plan: a new step",
    )
    return made


def set_step_done(
    plan: Plan, *, version: int | None, step: GoalStep, done: bool, user, client
) -> PlanVersion | None:
    _begin(plan, version)
    if (step.done_on is not None) == done:
        return None
    step.done_on = clock.today() if done else None
    words = "done" if done else "not done after all"
    return _finish(
        plan, [f"Step {words}: {short(step.what)}"], user, client, f"Plan: a step {words}"
    )


def goal_status_words(status: str) -> str:
    return GOAL_STATUSES.get(status, status)
