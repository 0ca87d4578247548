"""The goals and steps of a treatment plan: add a goal, change its words or details, mark
it done or put aside, add a step, mark a step done. Each change is made with
plan_routes.change_plan (whole or not at all, someone else's save shown)."""

from __future__ import annotations

from flask import abort, redirect, request

from app import locking
from app.access import get_or_404, requires
from app.care import bp, plan_changes, plans
from app.care.forms import GoalChangeForm, GoalEditForm, GoalForm, PlanButtonForm, StepForm
from app.care.page_helpers import header
from app.care.plan_routes import change_plan, plan_for_change, plan_url
from app.core.messages import refused, saved, told
from app.core.people import me
from app.models import Goal, GoalStep, Plan
from app.pages import render_page

CHANGED_MESSAGE = "Someone else changed this plan just now. Check it, then try again."
DONE_WORDS = {
    "done": "Goal marked done. Well done to them.",
    "put_aside": "Goal put aside for now.",
    "working_on": "They are working on this goal again.",
}


def _goal_of(plan: Plan, goal_id: int) -> Goal:
    """A goal of this plan, or 404."""
    return get_or_404(Goal, goal_id, visible=lambda goal: goal.plan_id == plan.id)


def _goals_shown(the_plan: Plan) -> dict:
    """What a new goal is added to: the goals being worked on."""
    return {"Goals they are working on": [g.words for g in plans.active_goals(the_plan)]}


def _goal_data(form) -> plan_changes.GoalData:
    return plan_changes.GoalData(
        words=form.words.data,
        why=form.why.data or None,
        priority=int(form.priority.data or 2),
        risks=form.risks.data or None,
        strategies=form.strategies.data or None,
    )


@bp.route("/clients/<int:client_id>/plan/goals/new", methods=["GET", "POST"])
@requires("clients.open")
def goal_new(client_id: int):
    client, the_plan, refusal = plan_for_change(client_id, "new goal")
    if refusal is not None:
        return refusal
    form = GoalForm()
    form.plan_start = the_plan.agreed_on
    changed = None
    if request.method == "GET":
        locking.stamp(form, the_plan, _goals_shown)
    if form.validate_on_submit():
        step = None
        if form.step_what.data:
            step = plan_changes.StepData(
                what=form.step_what.data,
                who=form.step_who.data or "person",
                service=form.step_service.data or None,
                due_on=form.step_due.data,
            )
        outcome, closed = change_plan(
            form,
            the_plan,
            client,
            lambda: plan_changes.add_goal(
                the_plan, data=_goal_data(form), step=step, user=me(), client=client
            ),
            _goals_shown,
        )
        if closed is not None:
            return closed
        if outcome.saved:
            saved("Goal saved.")
            return redirect(plan_url(client), 303)
        changed = outcome.changed
    return render_page(
        "care/goal_form.html",
        form=form,
        plan=the_plan,
        changed=changed,
        full=len(plans.active_goals(the_plan)) >= plans.MAX_GOALS,
        too_many=plans.TOO_MANY_GOALS,
        goal=None,
        **header(client),
    )


def _goal_shown(goal: Goal):
    """The goal form filled from the goal as it is now (for app/locking.py)."""

    def shown(_plan: Plan) -> GoalEditForm:
        form = GoalEditForm(formdata=None, obj=goal)
        form.priority.data = str(goal.priority)
        return form

    return shown


@bp.route("/clients/<int:client_id>/plan/goals/<int:goal_id>/edit", methods=["GET", "POST"])
@requires("clients.open")
def goal_edit(client_id: int, goal_id: int):
    client, the_plan, refusal = plan_for_change(client_id, "change goal")
    if refusal is not None:
        return refusal
    goal = _goal_of(the_plan, goal_id)
    shown = _goal_shown(goal)
    changed = None
    if request.method == "GET":
        form = shown(the_plan)
        locking.stamp(form, the_plan, shown)
    else:
        form = GoalEditForm()
    if form.validate_on_submit():
        outcome, closed = change_plan(
            form,
            the_plan,
            client,
            lambda: plan_changes.update_goal(
                the_plan, goal=goal, data=_goal_data(form), user=me(), client=client
            ),
            shown,
        )
        if closed is not None:
            return closed
        if outcome.saved:
            saved("Goal saved.") if outcome.result else told("Nothing changed.")
            return redirect(plan_url(client), 303)
        changed = outcome.changed
    return render_page(
        "care/goal_form.html",
        form=form,
        plan=the_plan,
        changed=changed,
        full=False,
        goal=goal,
        **header(client),
    )


def _goal_words_shown(goal: Goal):
    def shown(_plan: Plan) -> dict:
        return {"The goal, in their words": goal.words, "Where it is up to": goal.status}

    return shown


@bp.route("/clients/<int:client_id>/plan/goals/<int:goal_id>/change", methods=["GET", "POST"])
@requires("clients.open")
def goal_change(client_id: int, goal_id: int):
    client, the_plan, refusal = plan_for_change(client_id, "goal new words")
    if refusal is not None:
        return refusal
    goal = _goal_of(the_plan, goal_id)
    shown = _goal_words_shown(goal)
    form = GoalChangeForm()
    changed = None
    if request.method == "GET":
        form.words.data = goal.words
        locking.stamp(form, the_plan, shown)
    if form.validate_on_submit():
        outcome, closed = change_plan(
            form,
            the_plan,
            client,
            lambda: plan_changes.change_goal(
                the_plan,
                goal=goal,
                words=form.words.data,
                why=form.why.data or None,
                user=me(),
                client=client,
            ),
            shown,
        )
        if closed is not None:
            return closed
        if outcome.saved:
            saved("Goal changed. The old words are kept in the plan's history.")
            return redirect(plan_url(client), 303)
        changed = outcome.changed
    return render_page(
        "care/goal_change.html",
        form=form,
        plan=the_plan,
        goal=goal,
        changed=changed,
        **header(client),
    )


def _nothing_shown(_plan: Plan) -> dict:
    """A button shows no answers: any save by someone else since counts."""
    return {}


def _button(client, the_plan: Plan, change, done_words: str, to: str):
    """A button on the plan page (goal status, step done): the change the one way; someone
    else's save or a refusal is said at the top of the plan."""
    form = PlanButtonForm()
    if not form.validate_on_submit():
        abort(400)
    outcome, closed = change_plan(form, the_plan, client, change, _nothing_shown)
    if closed is not None:
        return closed
    if outcome.changed:
        refused(CHANGED_MESSAGE)
    elif outcome.refusal is not None:
        refused(outcome.refusal.message)
    else:
        saved(done_words)
    return redirect(plan_url(client) + to, 303)


@bp.route("/clients/<int:client_id>/plan/goals/<int:goal_id>/status", methods=["POST"])
@requires("clients.open")
def goal_status(client_id: int, goal_id: int):
    client, the_plan, refusal = plan_for_change(client_id, "goal status")
    if refusal is not None:
        return refusal
    goal = _goal_of(the_plan, goal_id)
    status = request.form.get("status", "")
    return _button(
        client,
        the_plan,
        lambda: plan_changes.set_goal_status(
            the_plan, goal=goal, status=status, user=me(), client=client
        ),
        DONE_WORDS.get(status, "Saved."),
        f"#goal-{goal.id}",
    )


def _steps_shown(goal: Goal):
    def shown(_plan: Plan) -> dict:
        return {
            "The goal, in their words": goal.words,
            "Its steps": [s.what for s in goal.steps],
        }

    return shown


@bp.route("/clients/<int:client_id>/plan/goals/<int:goal_id>/steps/new", methods=["GET", "POST"])
@requires("clients.open")
def step_new(client_id: int, goal_id: int):
    client, the_plan, refusal = plan_for_change(client_id, "new step")
    if refusal is not None:
        return refusal
    goal = _goal_of(the_plan, goal_id)
    shown = _steps_shown(goal)
    form = StepForm()
    form.plan_start = the_plan.agreed_on
    changed = None
    if request.method == "GET":
        form.who.data = "person"
        locking.stamp(form, the_plan, shown)
    if form.validate_on_submit():
        outcome, closed = change_plan(
            form,
            the_plan,
            client,
            lambda: plan_changes.add_step(
                the_plan,
                goal=goal,
                step=plan_changes.StepData(
                    what=form.what.data,
                    who=form.who.data,
                    service=form.service.data or None,
                    due_on=form.due_on.data,
                ),
                user=me(),
                client=client,
            ),
            shown,
        )
        if closed is not None:
            return closed
        if outcome.saved:
            saved("Step saved.")
            return redirect(plan_url(client) + f"#goal-{goal.id}", 303)
        changed = outcome.changed
    return render_page(
        "care/step_new.html",
        form=form,
        plan=the_plan,
        goal=goal,
        changed=changed,
        **header(client),
    )


@bp.route("/clients/<int:client_id>/plan/steps/<int:step_id>/done", methods=["POST"])
@requires("clients.open")
def step_done(client_id: int, step_id: int):
    client, the_plan, refusal = plan_for_change(client_id, "step done")
    if refusal is not None:
        return refusal
    step = get_or_404(GoalStep, step_id)
    _goal_of(the_plan, step.goal_id)
    done = request.form.get("done") != "no"
    return _button(
        client,
        the_plan,
        lambda: plan_changes.set_step_done(
            the_plan, step=step, done=done, user=me(), client=client
        ),
        "Step marked done." if done else "Step marked not done.",
        f"#goal-{step.goal_id}",
    )
