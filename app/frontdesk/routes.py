"""The day screen: tally buttons, recent taps with undo, the daily tasks, who is in today.

With JavaScript a tap waits in line on the screen (frontdesk.js) and is sent with its own
key and the moment it was tapped; the answer is the changed parts of the page (out-of-band
swaps). Every desk asks for /frontdesk/totals every few seconds, so the desks agree.
Without JavaScript each button is a small form that posts here and comes back to the day
screen (303), at the tapped button, with the message beside the board.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from flask import abort, current_app, redirect, request, session, url_for

from app import clock
from app.access import can, get_or_404, requires
from app.core.messages import refused, saved, told
from app.core.numbers import record_id, whole_number
from app.core.people import me
from app.core.saving import save_now
from app.errors import error_response
from app.frontdesk import bp, daily_tasks, tally, volunteer_shifts, warm_handovers
from app.frontdesk.forms import DeskForm, TapForm, TaskTickForm
from app.frontdesk.lists import DESKS
from app.frontdesk.numbers_routes import day_args
from app.models import DailyTask, TallyItem
from app.pages import render_page, wants_fragment
from app.partners import public as partners

DESK_COOKIE = "peerdesk_desk"
FUTURE_DAY = ("You cannot count a day that has not happened yet", "Choose today or an earlier day.")
# A tap waits on the screen while the network is down; it is sent with the moment it was made.
CLOCK_DRIFT = timedelta(minutes=1)  # a screen's clock may run a little ahead of the server's
OLDEST_TAP = timedelta(hours=24)
TAP_TIME_WRONG = (
    "That tap has a time we cannot use",
    "Check the clock on this screen, then tap again.",
)
TAP_IN_FUTURE = (
    "That tap is dated in the future",
    "The clock on this screen is ahead. Set the right time, then tap again.",
)
TAP_TOO_OLD = (
    "That tap is more than a day old, so it was not counted",
    "A manager can add it to the right day on the numbers page.",
)
TALLY_MESSAGE = "tally_message"  # the last tap's words, shown beside the board (no JavaScript)


def current_desk() -> int:
    """Which desk this screen is: kept in a cookie, as it belongs to the screen, not a person."""
    desk = whole_number(request.cookies.get(DESK_COOKIE))
    return desk if desk in DESKS else 1


@bp.context_processor
def helpers():
    return {
        "new_key": tally.new_key,
        "DESKS": DESKS,
        "time_text": partners.time_text,
        "how_often": partners.how_often,
    }


def _tally_context(day: date) -> dict:
    items = tally.list_items()
    return {
        "day": day,
        "items": items,
        "groups": tally.grouped(items),
        "totals": tally.totals_for_day(day),
        "recent": tally.recent_taps(day, current_desk()),
        "desk": current_desk(),
    }


def _waiting_count() -> int:
    return warm_handovers.waiting_count(me())


def _tasks_context(day: date) -> dict:
    tasks = daily_tasks.list_tasks()
    states = daily_tasks.task_states(day)
    return {
        "tasks": tasks,
        "task_states": states,
        "task_people": tally.names_of(s.created_by_id for s in states.values()),
    }


@bp.route("")
@requires("frontdesk.count")
def day():
    today = clock.today()
    kind, message = session.pop(TALLY_MESSAGE, None) or ("", "")
    return render_page(
        "frontdesk/day.html",
        **_tally_context(today),
        **_tasks_context(today),
        in_today=partners.in_reach_on(today),
        my_shift=volunteer_shifts.open_shift(me()),
        waiting_count=_waiting_count(),
        message=message,
        message_kind=kind,
    )


@bp.route("/totals")
@requires("frontdesk.count")
def totals():
    """Today's counts and the number waiting for a worker, asked for every few seconds by
    every desk's screen. Two queries: the counts (every item, with its total) and the count."""
    if not wants_fragment():
        return redirect(url_for("frontdesk.day"), 303)
    today = clock.today()
    return render_page(
        "frontdesk/day.html",
        block="totals",
        counts=tally.counts_for_day(today),
        waiting_count=_waiting_count(),
        today_is=today,
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
    saved(f"This screen is {DESKS[whole_number(form.desk.data)].lower()} now.")
    return response


def _tally_response(item, message: str, *, day: date, result=None, kind=saved, fixing=False):
    """htmx: the changed item, every count, recent taps and the message. Else back to the day,
    the message flashed by `kind` (saved, told or refused).

    `result` (a tap just counted) carries the day's counts and recent taps already.
    `fixing`: a manager counting an earlier day goes back to that day's numbers.
    """
    if not wants_fragment():
        if fixing:
            kind(message)
            return redirect(url_for("frontdesk.summary", **day_args(day)), 303)
        # Beside the board, not at the top of the page: the tapped button and its message
        # are both in view when the page comes back at the button.
        session[TALLY_MESSAGE] = (kind.__name__, message)
        anchor = f"item-{item.id}" if item is not None and item.active else "tally"
        return redirect(url_for("frontdesk.day", _anchor=anchor), 303)
    today = clock.today()
    if result is not None and day == today:
        context = {"counts": result.totals, "recent": result.recent, "desk": current_desk()}
    else:
        context = _tally_context(today)
        context["counts"] = {i.id: context["totals"].get(i.id, 0) for i in context["items"]}
    return render_page(
        "frontdesk/day.html",
        block="tally_changes",
        changed=item,
        message=message,
        message_kind=kind.__name__,
        **context,
    )


def _tapped_at(text: str | None) -> datetime | None:
    """The moment the screen says the tap was made (ISO 8601), or None for "now" (a tap
    without JavaScript). Raises ValueError for a time that cannot be used."""
    if not text:
        return None
    if len(text) > 40:
        raise ValueError(TAP_TIME_WRONG)
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(TAP_TIME_WRONG) from None
    if moment.tzinfo is None:
        raise ValueError(TAP_TIME_WRONG)
    now = clock.now()
    if moment > now + CLOCK_DRIFT:
        raise ValueError(TAP_IN_FUTURE)
    if moment < now - OLDEST_TAP:
        raise ValueError(TAP_TOO_OLD)
    return min(moment.astimezone(UTC), now)


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
    item_id = record_id(form.item.data)
    if item_id is None:
        abort(404)
    delta = {"add": 1, "off": -1}.get(form.change.data)
    if delta is None or not tally.key_is_well_formed(form.key.data):
        abort(400)
    fixing = bool(form.day.data)  # a manager counting an earlier day
    day = _tap_day(form)
    if day > clock.today():
        return error_response(400, *FUTURE_DAY)
    try:
        tapped_at = None if fixing else _tapped_at(form.tapped_at.data)
    except ValueError as wrong:
        return error_response(400, *wrong.args[0])
    if tapped_at is not None:
        day = tapped_at.astimezone(clock.CANBERRA).date()  # the tap's own day, not today's
    item = get_or_404(TallyItem, item_id)
    try:
        result = tally.record_tap(
            item,
            delta=delta,
            key=form.key.data,
            by=me(),
            desk=None if fixing else current_desk(),
            day=day,
            tapped_at=tapped_at,
        )
    except tally.TapConflict:
        abort(409)
    except tally.TapRefused as refusal:
        return _tally_response(item, str(refusal), day=day, kind=refused, fixing=fixing)
    save_now()  # the write lock is let go before the answer is drawn
    when = "today" if day == clock.today() else f"on {day:%-d %B}"
    if delta > 0:
        message = f"Added one to {item.label}. {result.total} {when}."
    else:
        message = f"Took one off {item.label}. {result.total} {when}."
    kind = saved
    if not result.counted:
        message = f"{item.label}: {result.total} {when}. That tap was counted already."
        kind = told
    return _tally_response(item, message, day=day, result=result, kind=kind, fixing=fixing)


@bp.route("/taps/undo", methods=["POST"])
@requires("frontdesk.count")
def undo():
    form = TapForm()
    if not form.validate_on_submit():
        abort(400)
    event_id = record_id(request.form.get("event"))
    event = tally.get_event(event_id) if event_id is not None else None
    if event is None or event.undoes_id is not None or event.day != clock.today():
        abort(404)
    try:
        result = tally.undo_tap(event, by=me(), desk=current_desk())
    except tally.TapConflict:
        abort(409)
    except tally.TapRefused as refusal:
        item = tally.get_item(event.item_id)
        return _tally_response(item, str(refusal), day=event.day, kind=refused)
    save_now()
    message = f"Undone. {result.item.label}: {result.total} today."
    if not result.counted:
        message = f"That tap was undone already. {result.item.label}: {result.total} today."
        return _tally_response(result.item, message, day=event.day, kind=told)
    return _tally_response(result.item, message, day=event.day)


@bp.route("/daily-tasks/<int:task_id>/tick", methods=["POST"])
@requires("frontdesk.count")
def tick_task(task_id: int):
    task = get_or_404(DailyTask, task_id)
    form = TaskTickForm()
    if not form.validate_on_submit() or form.ticked.data not in {"0", "1"}:
        abort(400)
    kind = saved
    if not task.active:
        message = "That task is not on the list any more."
        kind = refused
    else:
        ticked = form.ticked.data == "1"
        daily_tasks.set_task(task, ticked=ticked, by=me())
        message = f"Ticked: {task.label}." if ticked else f"Not ticked now: {task.label}."
    if not wants_fragment():
        kind(message)
        return redirect(url_for("frontdesk.day", _anchor="daily-tasks"), 303)
    return render_page(
        "frontdesk/day.html",
        block="task_changes",
        changed_task=task,
        message=message,
        message_kind=kind.__name__,
        **_tasks_context(clock.today()),
    )
