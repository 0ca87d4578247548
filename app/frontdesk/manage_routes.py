"""For the manager: what the front desk counts, and the daily tasks checklist."""

from __future__ import annotations

from flask import abort, redirect, request, url_for

from app import audit, locking
from app.access import get_or_404, requires
from app.core.messages import saved
from app.core.people import me
from app.core.saving import change_from_form
from app.forms import Form
from app.frontdesk import bp, daily_tasks, tally
from app.frontdesk.forms import DailyTaskForm, TallyItemForm
from app.frontdesk.lists import ITEM_ICONS
from app.models import DailyTask, TallyItem
from app.pages import render_page


def _item_or_404(item_id: int) -> TallyItem:
    return get_or_404(TallyItem, item_id)


def _task_or_404(task_id: int) -> DailyTask:
    return get_or_404(DailyTask, task_id)


def _direction_sent() -> str:
    """The way a move button asks a row to go: "up" or "down".

    The tally items and the daily tasks move the same way; anything else, or a form without
    its token, is a bad request (400) rather than a move that quietly does nothing."""
    direction = request.form.get("direction")
    if not Form().validate_on_submit() or direction not in {"up", "down"}:
        abort(400)
    return direction


@bp.route("/items")
@requires("frontdesk.manage")
def items():
    every = tally.list_items(include_retired=True)
    return render_page(
        "frontdesk/items.html",
        groups=tally.grouped([i for i in every if i.active]),
        retired=[i for i in every if not i.active],
    )


@bp.route("/items/new", methods=["GET", "POST"])
@requires("frontdesk.manage")
def new_item():
    form = TallyItemForm(group=request.args.get("group") or None)
    if form.validate_on_submit():
        item = tally.create_item(
            label=form.label.data, group=form.group.data, icon=form.icon.data, by=me()
        )
        audit.record("tally_item.added", record=item, detail={"label": item.label})
        saved(f"{item.label} is on the drop-in day screen now.")
        return redirect(url_for("frontdesk.items"), 303)
    return render_page("frontdesk/item.html", form=form, item=None, icons=ITEM_ICONS)


def _item_shown(item) -> TallyItemForm:
    return TallyItemForm(formdata=None, obj=item)


@bp.route("/items/<int:item_id>", methods=["GET", "POST"])
@requires("frontdesk.manage")
def item(item_id: int):
    item = _item_or_404(item_id)
    form = TallyItemForm(obj=item)
    changed = None
    if request.method == "GET":
        locking.stamp(form, item, _item_shown)
    if form.validate_on_submit():
        old = item.label
        outcome = change_from_form(
            form,
            lambda: tally.update_item(
                item, label=form.label.data, group=form.group.data, icon=form.icon.data
            ),
            record=item,
            shown=_item_shown,
        )
        changed = outcome.changed
        if outcome.saved:
            audit.record("tally_item.changed", record=item, detail={"from": old, "to": item.label})
            saved(f"Changes to {item.label} saved.")
            return redirect(url_for("frontdesk.items"), 303)
    return render_page(
        "frontdesk/item.html", form=form, item=item, icons=ITEM_ICONS, changed=changed
    )


@bp.route("/items/<int:item_id>/move", methods=["POST"])
@requires("frontdesk.manage")
def move_item(item_id: int):
    item = _item_or_404(item_id)
    direction = _direction_sent()
    if tally.move_item(item, direction):
        saved(f"{item.label} moved {direction}.")
    return redirect(url_for("frontdesk.items", _anchor=f"manage-item-{item.id}"), 303)


@bp.route("/items/<int:item_id>/<any(retire, restore):action>", methods=["POST"])
@requires("frontdesk.manage")
def item_active(item_id: int, action: str):
    item = _item_or_404(item_id)
    if not Form().validate_on_submit():
        abort(400)
    tally.set_item_active(item, action == "restore")
    audit.record(f"tally_item.{action}d", record=item, detail={"label": item.label})
    if action == "retire":
        saved(f"{item.label} is off the screen. Its numbers are kept.")
    else:
        saved(f"{item.label} is back on the screen.")
    return redirect(url_for("frontdesk.items"), 303)


@bp.route("/daily-tasks", methods=["GET", "POST"])
@requires("frontdesk.manage")
def tasks():
    form = DailyTaskForm()
    if form.validate_on_submit():
        task = daily_tasks.create_task(label=form.label.data, by=me())
        audit.record("daily_task.added", record=task, detail={"label": task.label})
        saved(f"Added: {task.label}.")
        return redirect(url_for("frontdesk.tasks"), 303)
    every = daily_tasks.list_tasks(include_retired=True)
    return render_page(
        "frontdesk/tasks.html",
        form=form,
        tasks=[t for t in every if t.active],
        retired=[t for t in every if not t.active],
    )


def _task_shown(task) -> DailyTaskForm:
    return DailyTaskForm(formdata=None, obj=task)


@bp.route("/daily-tasks/<int:task_id>", methods=["GET", "POST"])
@requires("frontdesk.manage")
def task(task_id: int):
    task = _task_or_404(task_id)
    form = DailyTaskForm(obj=task)
    changed = None
    if request.method == "GET":
        locking.stamp(form, task, _task_shown)
    if form.validate_on_submit():
        old = task.label
        outcome = change_from_form(
            form,
            lambda: daily_tasks.rename_task(task, form.label.data),
            record=task,
            shown=_task_shown,
        )
        changed = outcome.changed
        if outcome.saved:
            audit.record("daily_task.changed", record=task, detail={"from": old, "to": task.label})
            saved(f"Saved: {task.label}.")
            return redirect(url_for("frontdesk.tasks"), 303)
    return render_page("frontdesk/task.html", form=form, task=task, changed=changed)


@bp.route("/daily-tasks/<int:task_id>/move", methods=["POST"])
@requires("frontdesk.manage")
def move_task(task_id: int):
    task = _task_or_404(task_id)
    direction = _direction_sent()
    if daily_tasks.move_task(task, direction):
        saved(f"Moved {direction}: {task.label}.")
    return redirect(url_for("frontdesk.tasks", _anchor=f"manage-task-{task.id}"), 303)


@bp.route("/daily-tasks/<int:task_id>/<any(retire, restore):action>", methods=["POST"])
@requires("frontdesk.manage")
def task_active(task_id: int, action: str):
    task = _task_or_404(task_id)
    if not Form().validate_on_submit():
        abort(400)
    daily_tasks.set_task_active(task, action == "restore")
    audit.record(f"daily_task.{action}d", record=task, detail={"label": task.label})
    saved(
        f"Off the list: {task.label}." if action == "retire" else f"Back on the list: {task.label}."
    )
    return redirect(url_for("frontdesk.tasks"), 303)


@bp.route("/usual-lists", methods=["POST"])
@requires("frontdesk.manage")
def usual_lists():
    """Start a new organisation with the usual things to count and the usual daily tasks."""
    if not Form().validate_on_submit():
        abort(400)
    added_items, added_tasks = tally.add_standard_lists(me())
    audit.record("tally_item.usual_list_added", detail={"items": added_items, "tasks": added_tasks})
    saved(f"Added {added_items} things to count and {added_tasks} daily tasks.")
    return redirect(url_for("frontdesk.items"), 303)
