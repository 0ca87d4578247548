"""The treatment plan's pages: the plan, starting one, its dates, the printable plan; and the
one way a plan page makes a change (`change_plan`), used by the goal and step pages too."""

from __future__ import annotations

from flask import abort, redirect, request, url_for

from app import audit, locking
from app.access import requires
from app.care import bp, plan_changes, plans
from app.care.episode_rules import EpisodeClosed, is_editable, open_episode
from app.care.forms import PlanDatesForm, PlanStartForm
from app.care.page_helpers import closed_page, covering, header, load_client, to_episodes
from app.core.messages import NO_OPEN_EPISODE, refused, saved
from app.core.people import me
from app.core.saving import Outcome, change_from_form
from app.models import Plan
from app.models.care import STEP_WHO
from app.pages import render_page


def plan_url(client) -> str:
    return url_for("care.plan", client_id=client.id)


def plan_for_change(client_id: int, page: str):
    """(client, plan, refusal): the plan of the open episode, or a response to return."""
    client = load_client(client_id, page)
    episode = open_episode(client)
    plan = plans.plan_for_episode(episode.id) if episode is not None else None
    if plan is None:
        shown = plans.current_plan(client)
        if shown is None:
            abort(404)
        if request.method == "POST":
            return client, shown, closed_page(client, back_url=plan_url(client))
        refused(EpisodeClosed().message)
        return client, shown, redirect(plan_url(client), 303)
    return client, plan, None


def change_plan(form, the_plan: Plan, client, change, shown) -> tuple[Outcome, object]:
    """Make one change to the plan (`change()` calls a plan_changes function) the one way,
    app.core.saving.change_from_form: someone else's save comes back as `outcome.changed`
    (app/locking.py), a refusal goes on the form. The second item is a response to return
    when the episode closed meanwhile, else None."""
    outcome = change_from_form(form, change, record=the_plan, shown=shown)
    if isinstance(outcome.refusal, EpisodeClosed):
        return outcome, closed_page(client, form, plan_url(client))
    return outcome, None


@bp.route("/clients/<int:client_id>/plan")
@requires("clients.open_part")
def plan(client_id: int):
    client = load_client(client_id, "plan", cover_ok=True)
    episode = open_episode(client)
    shown = plans.current_plan(client, episode) if episode else plans.current_plan(client)
    editable = shown is not None and episode is not None and shown.episode_id == episode.id
    cover = covering(client)  # someone covering reads the current plan, and no more
    editable = editable and not cover
    return render_page(
        "care/plan.html",
        plan=shown,
        editable=editable,
        active=plans.active_goals(shown) if shown else [],
        others=plans.other_goals(shown) if shown else [],
        history=plans.versions(shown) if shown and not cover else [],
        earlier=plans.earlier_plans(client, shown) if not cover else [],
        max_goals=plans.MAX_GOALS,
        priorities=plans.PRIORITIES,
        step_who=STEP_WHO,
        status_words=plans.goal_status_words,
        no_open_episode=NO_OPEN_EPISODE,
        **header(client),
    )


@bp.route("/clients/<int:client_id>/plan/new", methods=["GET", "POST"])
@requires("clients.open")
def plan_new(client_id: int):
    client = load_client(client_id, "plan start")
    episode = open_episode(client)
    if episode is None:
        return to_episodes(client)
    if plans.plan_for_episode(episode.id) is not None:
        return redirect(plan_url(client), 303)
    form = PlanStartForm()
    if form.validate_on_submit():
        outcome = change_from_form(
            form,
            lambda: plan_changes.create_plan(
                client, agreed_on=form.agreed_on.data, review_on=form.review_on.data, user=me()
            ),
        )
        if outcome.saved:
            saved("Plan started. Now add their goals.")
            return redirect(url_for("care.goal_new", client_id=client.id), 303)
    return render_page("care/plan_new.html", form=form, **header(client))


def _dates_shown(the_plan: Plan) -> PlanDatesForm:
    return PlanDatesForm(formdata=None, obj=the_plan)


@bp.route("/clients/<int:client_id>/plan/dates", methods=["GET", "POST"])
@requires("clients.open")
def plan_dates(client_id: int):
    client, the_plan, refusal = plan_for_change(client_id, "plan dates")
    if refusal is not None:
        return refusal
    changed = None
    if request.method == "GET":
        form = _dates_shown(the_plan)
        locking.stamp(form, the_plan, _dates_shown)
    else:
        form = PlanDatesForm()
    if form.validate_on_submit():
        outcome, closed = change_plan(
            form,
            the_plan,
            client,
            lambda: plan_changes.update_dates(
                the_plan,
                agreed_on=form.agreed_on.data,
                review_on=form.review_on.data,
                user=me(),
                client=client,
            ),
            _dates_shown,
        )
        if closed is not None:
            return closed
        if outcome.saved:
            saved("Plan dates saved.")
            return redirect(plan_url(client), 303)
        changed = outcome.changed
    return render_page(
        "care/plan_dates.html", form=form, plan=the_plan, changed=changed, **header(client)
    )


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
