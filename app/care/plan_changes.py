"""Changing a treatment plan: start it, its dates, goals in the person's own words (up to
three being worked on), their steps; every change written as a PlanVersion saying what
changed in plain words, and logged.

Every change goes through `_begin` (the plan's episode must be open) and `_finish` (write
the plan row, so its version is checked by the database, then the PlanVersion). Two people
saving at once is app/locking.py's job: the view makes the change with
app.core.saving.change_from_form, which finds someone else's save before and during it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm.attributes import flag_modified

from app import clock
from app.care.episode_rules import episode_for_new_record, log, must_be_editable
from app.care.plans import (
    MAX_GOALS,
    NO_WORDS,
    PRIORITIES,
    REVIEW_MONTHS,
    STEP_TOO_EARLY,
    TOO_MANY_GOALS,
    active_goals,
    goal_name,
    plan_for_episode,
    short,
    snapshot,
)
from app.care.times import add_months
from app.core.saving import Refused
from app.extensions import db
from app.models import Goal, GoalStep, Plan, PlanVersion
from app.models.care import STEP_WHO


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


def _begin(plan: Plan) -> None:
    must_be_editable(plan)


def _write_version(plan: Plan, changes: list[str], user) -> PlanVersion:
    """Keep the plan as it is now (its snapshot) with what changed, numbered by the plan's
    version. Starting a plan and changing one both do this, so every version reads alike."""
    record = PlanVersion(
        plan_id=plan.id,
        number=plan.version,
        changes=changes,
        snapshot=snapshot(plan),
        created_by_id=getattr(user, "id", None),
    )
    db.session.add(record)
    db.session.flush()
    return record


def _finish(plan: Plan, changes: list[str], user, client, timeline: str) -> PlanVersion | None:
    """Write the plan (its version is checked by the database) and what changed.

    The version keeps the change in full (with the goal's words); the timeline gets the
    short `timeline` words, without them, like every other line on the timeline."""
    if not changes:
        return None
    plan.changed_at = clock.now()
    flag_modified(plan, "changed_at")  # always write the row, so its version is checked
    db.session.flush()  # StaleDataError when someone else saved first (app/locking.py)
    record = _write_version(plan, changes, user)
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
    _write_version(plan, [f"Plan started. Review on {clock.day_words(plan.review_on)}"], user)
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
    plan: Plan, *, agreed_on: date, review_on: date, user, client
) -> PlanVersion | None:
    _begin(plan)
    if review_on <= agreed_on:
        raise Refused("The review date must be after the day the plan started")
    changes = []
    if agreed_on != plan.agreed_on:
        plan.agreed_on = agreed_on
        changes.append(f"Plan start date now {clock.day_words(agreed_on)}")
    if review_on != plan.review_on:
        plan.review_on = review_on
        changes.append(f"Review date now {clock.day_words(review_on)}")
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


def add_goal(plan: Plan, *, data: GoalData, step: StepData | None, user, client) -> Goal:
    _begin(plan)
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


def update_goal(plan: Plan, *, goal: Goal, data: GoalData, user, client) -> PlanVersion | None:
    _begin(plan)
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


def set_goal_status(plan: Plan, *, goal: Goal, status: str, user, client) -> PlanVersion | None:
    _begin(plan)
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


def change_goal(plan: Plan, *, goal: Goal, words: str, why: str | None, user, client) -> Goal:
    """The person wants something different: the goal is kept as "changed" and a new goal
    with their new words takes its place (with the steps not done yet)."""
    _begin(plan)
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


def add_step(plan: Plan, *, goal: Goal, step: StepData, user, client) -> GoalStep:
    _begin(plan)
    _check_step(plan, step)
    if goal.status != "working_on":
        raise Refused("Steps can only be added to a goal they are working on.")
    made = _new_step(goal, step)
    who = STEP_WHO[step.who].lower()
    when = f" by {clock.day_words(step.due_on)}" if step.due_on else ""
    _finish(
        plan,
        [f"New step for {goal_name(goal)}: {short(step.what)} ({who}{when})"],
        user,
        client,
        "Plan: a new step",
    )
    return made


def set_step_done(plan: Plan, *, step: GoalStep, done: bool, user, client) -> PlanVersion | None:
    _begin(plan)
    if (step.done_on is not None) == done:
        return None
    step.done_on = clock.today() if done else None
    words = "done" if done else "not done after all"
    return _finish(
        plan, [f"Step {words}: {short(step.what)}"], user, client, f"Plan: a step {words}"
    )
