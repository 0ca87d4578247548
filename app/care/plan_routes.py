"""The treatment plan: goals, steps, versions, the printable plan for the person."""

from __future__ import annotations

from dataclasses import dataclass

from flask import Response, abort, flash, redirect, request, url_for

from app import audit
from app.access import requires
from app.care import bp, plans
from app.care.common import NO_EPISODE_MESSAGE, EpisodeClosed, Refused, is_editable, open_episode
from app.care.forms import (
    GoalChangeForm,
    GoalEditForm,
    GoalForm,
    PlanDatesForm,
    PlanStartForm,
    StepForm,
    VersionForm,
)
from app.care.views import closed_page, covering, header, load_client, me, version_of
from app.extensions import db
from app.models import Goal, GoalStep, Plan
from app.models.care import STEP_WHO
from app.pages import render_page

CHANGED_MESSAGE = "Someone else changed this plan just now. Check it, then try again."


def _plan_url(client) -> str:
    return url_for("care.plan", client_id=client.id)


def _editable_plan(client) -> Plan | None:
    episode = open_episode(client)
    return plans.plan_for_episode(episode.id) if episode is not None else None


def _plan_for_change(client_id: int, page: str):
    """(client, plan, refusal): the plan of the open episode, or a response to return."""
    client = load_client(client_id, page)
    plan = _editable_plan(client)
    if plan is None:
        shown = plans.current_plan(client)
        if shown is None:
            abort(404)
        if request.method == "POST":
            return client, shown, closed_page(client, back_url=_plan_url(client))
        flash(EpisodeClosed().message)
        return client, shown, redirect(_plan_url(client), 303)
    return client, plan, None


@dataclass
class Saving:
    """What became of one change to the plan made from a form: `response` to return (saved,
    or the episode closed meanwhile), else the page again with `conflict` (what someone
    else changed) or the refusal added to the form's errors."""

    response: Response | None = None
    conflict: object = None


def _save(form, the_plan: Plan, client, change, saved, to: str = "") -> Saving:
    """Make one change to the plan (`change()` calls a plans function) the one way: someone
    else's save is shown and the form takes the newest version, a closed episode gets its
    page, a refusal goes on the form, and a save flashes `saved` (words, or a function of
    what `change()` returned) and goes back to the plan, at `to` when given."""
    try:
        result = change()
    except plans.PlanChanged as changed:
        form.version.data = str(the_plan.version)
        return Saving(conflict=changed.since)
    except EpisodeClosed:
        return Saving(response=closed_page(client, form, _plan_url(client)))
    except Refused as refused:
        form.form_errors.append(refused.message)
        return Saving()
    flash(saved(result) if callable(saved) else saved)
    return Saving(response=redirect(_plan_url(client) + to, 303))


def _goal_of(plan: Plan, goal_id: int) -> Goal:
    goal = db.session.get(Goal, goal_id)
    if goal is None or goal.plan_id != plan.id:
        abort(404)
    return goal


@bp.route("/clients/<int:client_id>/plan")
@requires("clients.open")
def plan(client_id: int):
    client = load_client(client_id, "plan", cover_ok=True)
    episode = open_episode(client)
    shown = plans.current_plan(client, episode) if episode else plans.current_plan(client)
    editable = shown is not None and episode is not None and shown.episode_id == episode.id
    cover = covering(client)  # someone covering reads the current plan, and no more
    editable = editable and not cover
    button = VersionForm()
    if shown is not None:
        button.version.data = str(shown.version)
    return render_page(
        "care/plan.html",
        plan=shown,
        editable=editable,
        active=plans.active_goals(shown) if shown else [],
        others=plans.other_goals(shown) if shown else [],
        history=plans.versions(shown) if shown and not cover else [],
        earlier=plans.earlier_plans(client, shown) if not cover else [],
        button=button,
        max_goals=plans.MAX_GOALS,
        priorities=plans.PRIORITIES,
        step_who=STEP_WHO,
        status_words=plans.goal_status_words,
        **header(client),
    )


@bp.route("/clients/<int:client_id>/plan/new", methods=["GET", "POST"])
@requires("clients.open")
def plan_new(client_id: int):
    client = load_client(client_id, "plan start")
    episode = open_episode(client)
    if episode is None:
        flash(NO_EPISODE_MESSAGE)
        return redirect(url_for("clients.episodes", client_id=client.id), 303)
    if plans.plan_for_episode(episode.id) is not None:
        return redirect(_plan_url(client), 303)
    form = PlanStartForm()
    if form.validate_on_submit():
        try:
            plans.create_plan(
                client, agreed_on=form.agreed_on.data, review_on=form.review_on.data, user=me()
            )
        except Refused as refused:
            form.form_errors.append(refused.message)
        else:
            flash("Plan started. Now add their goals.")
            return redirect(url_for("care.goal_new", client_id=client.id), 303)
    return render_page("care/plan_new.html", form=form, **header(client))


@bp.route("/clients/<int:client_id>/plan/dates", methods=["GET", "POST"])
@requires("clients.open")
def plan_dates(client_id: int):
    client, the_plan, refusal = _plan_for_change(client_id, "plan dates")
    if refusal is not None:
        return refusal
    form = PlanDatesForm() if request.method == "POST" else PlanDatesForm(obj=the_plan)
    conflict = None
    if request.method == "GET":
        form.version.data = str(the_plan.version)
    if form.validate_on_submit():
        saving = _save(
            form,
            the_plan,
            client,
            lambda: plans.update_dates(
                the_plan,
                version=version_of(form),
                agreed_on=form.agreed_on.data,
                review_on=form.review_on.data,
                user=me(),
                client=client,
            ),
            "Plan dates saved.",
        )
        if saving.response is not None:
            return saving.response
        conflict = saving.conflict
    return render_page(
        "care/plan_dates.html", form=form, plan=the_plan, conflict=conflict, **header(client)
    )


def _goal_data(form) -> plans.GoalData:
    return plans.GoalData(
        words=form.words.data,
        why=form.why.data or None,
        priority=int(form.priority.data or 2),
        risks=form.risks.data or None,
        strategies=form.strategies.data or None,
    )


@bp.route("/clients/<int:client_id>/plan/goals/new", methods=["GET", "POST"])
@requires("clients.open")
def goal_new(client_id: int):
    client, the_plan, refusal = _plan_for_change(client_id, "new goal")
    if refusal is not None:
        return refusal
    form = GoalForm()
    form.plan_start = the_plan.agreed_on
    conflict = None
    if request.method == "GET":
        form.version.data = str(the_plan.version)
    if form.validate_on_submit():
        step = None
        if form.step_what.data:
            step = plans.StepData(
                what=form.step_what.data,
                who=form.step_who.data or "person",
                service=form.step_service.data or None,
                due_on=form.step_due.data,
            )
        saving = _save(
            form,
            the_plan,
            client,
            lambda: plans.add_goal(
                the_plan,
                version=version_of(form),
                data=_goal_data(form),
                step=step,
                user=me(),
                client=client,
            ),
            "Goal saved.",
        )
        if saving.response is not None:
            return saving.response
        conflict = saving.conflict
    return render_page(
        "care/goal_form.html",
        form=form,
        plan=the_plan,
        conflict=conflict,
        full=len(plans.active_goals(the_plan)) >= plans.MAX_GOALS,
        too_many=plans.TOO_MANY_GOALS,
        goal=None,
        **header(client),
    )


@bp.route("/clients/<int:client_id>/plan/goals/<int:goal_id>/edit", methods=["GET", "POST"])
@requires("clients.open")
def goal_edit(client_id: int, goal_id: int):
    client, the_plan, refusal = _plan_for_change(client_id, "change goal")
    if refusal is not None:
        return refusal
    goal = _goal_of(the_plan, goal_id)
    form = GoalEditForm() if request.method == "POST" else GoalEditForm(obj=goal)
    conflict = None
    if request.method == "GET":
        form.version.data = str(the_plan.version)
        form.priority.data = str(goal.priority)
    if form.validate_on_submit():
        saving = _save(
            form,
            the_plan,
            client,
            lambda: plans.update_goal(
                the_plan,
                version=version_of(form),
                goal=goal,
                data=_goal_data(form),
                user=me(),
                client=client,
            ),
            lambda done: "Goal saved." if done else "Nothing changed.",
        )
        if saving.response is not None:
            return saving.response
        conflict = saving.conflict
    return render_page(
        "care/goal_form.html",
        form=form,
        plan=the_plan,
        conflict=conflict,
        full=False,
        goal=goal,
        **header(client),
    )


@bp.route("/clients/<int:client_id>/plan/goals/<int:goal_id>/change", methods=["GET", "POST"])
@requires("clients.open")
def goal_change(client_id: int, goal_id: int):
    client, the_plan, refusal = _plan_for_change(client_id, "goal new words")
    if refusal is not None:
        return refusal
    goal = _goal_of(the_plan, goal_id)
    form = GoalChangeForm()
    conflict = None
    if request.method == "GET":
        form.version.data = str(the_plan.version)
        form.words.data = goal.words
    if form.validate_on_submit():
        saving = _save(
            form,
            the_plan,
            client,
            lambda: plans.change_goal(
                the_plan,
                version=version_of(form),
                goal=goal,
                words=form.words.data,
                why=form.why.data or None,
                user=me(),
                client=client,
            ),
            "Goal changed. The old words are kept in the plan's history.",
        )
        if saving.response is not None:
            return saving.response
        conflict = saving.conflict
    return render_page(
        "care/goal_change.html",
        form=form,
        plan=the_plan,
        goal=goal,
        conflict=conflict,
        **header(client),
    )


DONE_WORDS = {
    "done": "Goal marked done. Well done to them.",
    "put_aside": "Goal put aside for now.",
    "working_on": "They are working on this goal again.",
}


@bp.route("/clients/<int:client_id>/plan/goals/<int:goal_id>/status", methods=["POST"])
@requires("clients.open")
def goal_status(client_id: int, goal_id: int):
    client, the_plan, refusal = _plan_for_change(client_id, "goal status")
    if refusal is not None:
        return refusal
    goal = _goal_of(the_plan, goal_id)
    form = VersionForm()
    if not form.validate_on_submit():
        abort(400)
    status = request.form.get("status", "")
    try:
        plans.set_goal_status(
            the_plan, version=version_of(form), goal=goal, status=status, user=me(), client=client
        )
    except plans.PlanChanged:
        flash(CHANGED_MESSAGE)
    except EpisodeClosed:
        return closed_page(client, back_url=_plan_url(client))
    except Refused as refused:
        flash(refused.message)
    else:
        flash(DONE_WORDS.get(status, "Saved."))
    return redirect(_plan_url(client) + f"#goal-{goal.id}", 303)


@bp.route("/clients/<int:client_id>/plan/goals/<int:goal_id>/steps/new", methods=["GET", "POST"])
@requires("clients.open")
def step_new(client_id: int, goal_id: int):
    client, the_plan, refusal = _plan_for_change(client_id, "new step")
    if refusal is not None:
        return refusal
    goal = _goal_of(the_plan, goal_id)
    form = StepForm()
    form.plan_start = the_plan.agreed_on
    conflict = None
    if request.method == "GET":
        form.version.data = str(the_plan.version)
        form.who.data = "person"
    if form.validate_on_submit():
        saving = _save(
            form,
            the_plan,
            client,
            lambda: plans.add_step(
                the_plan,
                version=version_of(form),
                goal=goal,
                step=plans.StepData(
                    what=form.what.data,
                    who=form.who.data,
                    service=form.service.data or None,
                    due_on=form.due_on.data,
                ),
                user=me(),
                client=client,
            ),
            "Step saved.",
            to=f"#goal-{goal.id}",
        )
        if saving.response is not None:
            return saving.response
        conflict = saving.conflict
    return render_page(
        "care/step_new.html",
        form=form,
        plan=the_plan,
        goal=goal,
        conflict=conflict,
        **header(client),
    )


@bp.route("/clients/<int:client_id>/plan/steps/<int:step_id>/done", methods=["POST"])
@requires("clients.open")
def step_done(client_id: int, step_id: int):
    client, the_plan, refusal = _plan_for_change(client_id, "step done")
    if refusal is not None:
        return refusal
    step = db.session.get(GoalStep, step_id)
    if step is None or _goal_of(the_plan, step.goal_id) is None:
        abort(404)
    form = VersionForm()
    if not form.validate_on_submit():
        abort(400)
    done = request.form.get("done") != "no"
    try:
        plans.set_step_done(
            the_plan, version=version_of(form), step=step, done=done, user=me(), client=client
        )
    except plans.PlanChanged:
        flash(CHANGED_MESSAGE)
    except EpisodeClosed:
        return closed_page(client, back_url=_plan_url(client))
    else:
        flash("Step marked done." if done else "Step marked not done.")
    return redirect(_plan_url(client) + f"#goal-{step.goal_id}", 303)


@bp.route("/clients/<int:client_id>/plan/print")
@requires("clients.open")
def plan_print(client_id: int):
    client = load_client(client_id, "plan print")
    shown = plans.current_plan(client, open_episode(client)) or plans.current_plan(client)
    if shown is None:
        abort(404)
    audit.record("plan.printed", record=shown, client_id=client.id)
    return render_page(
        "care/plan_print.html",
        client=client,
        plan=shown,
        active=plans.active_goals(shown),
        done=[g for g in shown.goals if g.status == "done"],
        step_who=STEP_WHO,
        editable=is_editable(shown),
    )
