"""The day screen: tally buttons, recent taps with undo, the daily tasks, who is in today.

A tap is an htmx POST that answers with the changed parts of the page (out-of-band swaps)
and a message for the status region. Without JavaScript each button is a small form that
posts here and comes back to the day screen (303).
"""

from __future__ import annotations

from datetime import date

from flask import abort, current_app, flash, redirect, request, url_for
from flask_login import current_user

from app import clock
from app.access import can, requires
from app.errors import error_response
from app.frontdesk import bp, handover_service, service, shift_service, task_service
from app.frontdesk.forms import DeskForm, TapForm, TaskTickForm
from app.frontdesk.lists import DESKS
from app.frontdesk.numbers_routes import day_args
from app.pages import render_page, wants_fragment
from app.partners import service as partners

DESK_COOKIE = "peerdesk_desk"
FUTURE_DAY = ("You cannot count a day that has not happened yet", "Choose today or an earlier day.")


def _me():
    return current_user._get_current_object()


def current_desk() -> int:
    """Which desk this screen is: kept in a cookie, as it belongs to the screen, not a person."""
    value = request.cookies.get(DESK_COOKIE, "1")
    return int(value) if value in {str(n) for n in DESKS} else 1


@bp.context_processor
def helpers():
    return {
        "new_key": service.new_key,
        "DESKS": DESKS,
        "time_text": partners.time_text,
        "how_often": partners.how_often,
    }


def _tally_context(day: date) -> dict:
    items = service.list_items()
    return {
        "day": day,
        "items": items,
        "groups": service.grouped(items),
        "totals": service.totals_for_day(day),
        "recent": service.recent_taps(day, current_desk()),
        "desk": current_desk(),
    }


def _tasks_context(day: date) -> dict:
    tasks = task_service.list_tasks()
    states = task_service.task_states(day)
    return {
        "tasks": tasks,
        "task_states": states,
        "task_people": service.names_of(s.created_by_id for s in states.values()),
    }


@bp.route("")
@requires("frontdesk.count")
def day():
    today = clock.today()
    waiting, _ = handover_service.visible_list(_me())
    return render_page(
        "frontdesk/day.html",
        **_tally_context(today),
        **_tasks_context(today),
        in_today=partners.in_reach_on(today),
        my_shift=shift_service.open_shift(_me()),
        waiting_count=len(waiting),
    )


@bp.route("/desk", methods=["POST"])
@requires("frontdesk.count")
def choose_desk():
    form = DeskForm()
    if not form.validate_on_submit():
        abort(400)
    response = redirect(url_for("frontdesk.day"), 303)
    response.set_cookie(
        DESK_COOKIE,
        form.desk.data,
        max_age=400 * 24 * 3600,
        httponly=True,
        samesite="Lax",
        secure=current_app.config["HTTPS"],
    )
    flash(f"This screen is {DESKS[int(form.desk.data)].lower()} now.")
    return response


def _tally_response(item, message: str, *, day: date, result=None, items=None):
    """htmx: the changed item, every count, recent taps and the message. Else back to the day.

    `result` (a tap just counted) carries the day's totals and recent taps already.
    """
    if not wants_fragment():
        flash(message)
        if day != clock.today():
            return redirect(url_for("frontdesk.summary", **day_args(day)), 303)
        anchor = f"item-{item.id}" if item is not None and item.active else None
        return redirect(url_for("frontdesk.day", _anchor=anchor), 303)
    today = clock.today()
    if result is not None and items is not None and day == today:
        context = {
            "items": items,
            "totals": result.totals,
            "recent": result.recent,
            "desk": current_desk(),
        }
    else:
        context = _tally_context(today)
    return render_page(
        "frontdesk/day.html", block="tally_changes", changed=item, message=message, **context
    )


def _tap_day(form: TapForm) -> date:
    """Today, or (for a manager fixing the numbers) an earlier day. Never a day to come."""
    if not form.day.data:
        return clock.today()
    try:
        day = date.fromisoformat(form.day.data)
    except ValueError:
        abort(400)
    if day < clock.today() and not can("frontdesk.manage"):
        abort(404)
    return day


@bp.route("/taps", methods=["POST"])
@requires("frontdesk.count")
def tap():
    form = TapForm()
    if not form.validate_on_submit():
        abort(400)
    if not (form.item.data or "").isdigit():
        abort(404)
    delta = {"add": 1, "off": -1}.get(form.change.data)
    if delta is None or not service.key_is_well_formed(form.key.data):
        abort(400)
    day = _tap_day(form)
    if day > clock.today():
        return error_response(400, *FUTURE_DAY)
    items = service.list_items()  # read before the write, for the counts sent back
    item = service.get_item(int(form.item.data))
    if item is None:
        abort(404)
    try:
        result = service.record_tap(
            item,
            delta=delta,
            key=form.key.data,
            by=_me(),
            desk=current_desk() if day == clock.today() else None,
            day=day,
        )
    except service.TapConflict:
        abort(409)
    except service.TapRefused as refused:
        return _tally_response(item, str(refused), day=day)
    when = "today" if day == clock.today() else f"on {day:%-d %B}"
    if delta > 0:
        message = f"Added one to {item.label}. {result.total} {when}."
    else:
        message = f"Took one off {item.label}. {result.total} {when}."
    if not result.counted:
        message = f"{item.label}: {result.total} {when}. That tap was counted already."
    return _tally_response(item, message, day=day, result=result, items=items)


@bp.route("/taps/undo", methods=["POST"])
@requires("frontdesk.count")
def undo():
    form = TapForm()
    if not form.validate_on_submit():
        abort(400)
    event_id = request.form.get("event", "")
    event = service.get_event(int(event_id)) if event_id.isdigit() else None
    if event is None or event.undoes_id is not None or event.day != clock.today():
        abort(404)
    try:
        result = service.undo_tap(event, by=_me(), desk=current_desk())
    except service.TapConflict:
        abort(409)
    except service.TapRefused as refused:
        return _tally_response(service.get_item(event.item_id), str(refused), day=event.day)
    message = f"Undone. {result.item.label}: {result.total} today."
    if not result.counted:
        message = f"That tap was undone already. {result.item.label}: {result.total} today."
    return _tally_response(result.item, message, day=event.day)


@bp.route("/daily-tasks/<int:task_id>/tick", methods=["POST"])
@requires("frontdesk.count")
def tick_task(task_id: int):
    task = task_service.get_task(task_id)
    if task is None:
        abort(404)
    form = TaskTickForm()
    if not form.validate_on_submit() or form.ticked.data not in {"0", "1"}:
        abort(400)
    if not task.active:
        message = "That task is not on the list any more."
    else:
        ticked = form.ticked.data == "1"
        task_service.set_task(task, ticked=ticked, by=_me())
        message = f"Ticked: {task.label}." if ticked else f"Not ticked now: {task.label}."
    if not wants_fragment():
        flash(message)
        return redirect(url_for("frontdesk.day", _anchor="daily-tasks"), 303)
    return render_page(
        "frontdesk/day.html",
        block="task_changes",
        changed_task=task,
        message=message,
        **_tasks_context(clock.today()),
    )
