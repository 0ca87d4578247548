"""The worker's home ("My work"), their week, a day sheet to print, and people to close."""

from __future__ import annotations

from datetime import date, time, timedelta

from flask import abort, request, url_for

from app import audit, clock
from app.access import requires
from app.care import appointments, bp, caseload, meetings, notes
from app.care.page_helpers import can_see_all
from app.care.times import day_bounds, local_day, local_moment, monday_of
from app.core.numbers import record_id
from app.core.people import me, user_by_id, users_by_id
from app.models import User
from app.models.care import TRANSPORT
from app.needs import NEEDS, URGENCY
from app.pages import render_page


def _visible_ids(people) -> set[int]:
    """Which of these people this worker may open (one query)."""
    return caseload.visible_ids({c.id for c in people}, me())


def _day_arg(name: str) -> date | None:
    """A day from the address (2026-03-05), or None when it is not a sensible one."""
    try:
        day = date.fromisoformat(request.args.get(name, ""))
    except ValueError:
        return None
    return day if 2000 <= day.year <= 2100 else None


def _worker_arg() -> User:
    """Seniors may look at any worker's week; everyone else sees their own."""
    if not request.args.get("worker"):
        return me()
    worker_id = record_id(request.args.get("worker"))
    if worker_id == me().id:
        return me()
    if worker_id is None or not can_see_all():
        abort(404)
    worker = user_by_id(worker_id)
    if worker is None:
        abort(404)
    return worker


def _handover_url(handover) -> str:
    return url_for("frontdesk.handover", handover_id=handover.id)


@bp.route("/my-work")
@requires("clients.open")
def my_work():
    work = caseload.my_work(me())
    meeting_actions = meetings.open_actions_for(me())
    audit.record(
        "care.my_work_viewed",
        detail={"people": len(work.people), "waiting": [h.id for h in work.waiting]},
    )
    return render_page(
        "care/my_work.html",
        work=work,
        going=appointments.people_going([a for a, _ in work.today]),
        visible=_visible_ids([p for _, p in work.today + work.to_write]),
        partners=appointments.partners_of([a for a, _ in work.today + work.to_write]),
        transport=TRANSPORT,
        needs=NEEDS,
        urgency=URGENCY,
        handover_url=_handover_url,
        see_all=can_see_all(),
        late_by_worker=_late_by_worker() if can_see_all() else None,
        meeting_actions=meeting_actions,
        meeting_visible=_visible_ids([p for _, p in meeting_actions]),
    )


def _late_by_worker():
    """For seniors: notes written late this month, per worker (one query)."""
    since = local_moment(clock.today().replace(day=1), time.min)
    counts = notes.late_notes_by_worker(since=since)
    people = users_by_id(counts)
    return sorted(
        ((people[w], late, total) for w, (late, total) in counts.items() if w in people),
        key=lambda row: row[0].display_name,
    )


@bp.route("/my-work/week")
@requires("clients.open")
def week():
    worker = _worker_arg()
    start = monday_of(_day_arg("start") or clock.today())
    first, _ = day_bounds(start)
    _, last = day_bounds(start + timedelta(days=6))
    found = caseload.appointments_between(first, last, worker_id=worker.id)
    days = [(start + timedelta(days=n), []) for n in range(7)]
    for appointment, person in found:
        days[(local_day(appointment.starts_at) - start).days][1].append((appointment, person))
    audit.record("care.week_viewed", detail={"worker_id": worker.id, "count": len(found)})
    workers = appointments.workers_to_go() if can_see_all() else None
    return render_page(
        "care/week.html",
        worker=worker,
        start=start,
        days=days,
        workers=workers,
        previous=start - timedelta(days=7),
        following=start + timedelta(days=7),
        partners=appointments.partners_of([a for a, _ in found]),
        transport=TRANSPORT,
        visible=_visible_ids(p for _, p in found),
        is_me=worker.id == me().id,
    )


@bp.route("/my-work/day-sheet")
@requires("clients.open")
def day_sheet():
    worker = _worker_arg()
    day = _day_arg("day") or clock.today()
    found = appointments.for_day(worker.id, day)
    audit.record("care.day_sheet_printed", detail={"worker_id": worker.id, "count": len(found)})
    return render_page(
        "care/day_sheet.html",
        worker=worker,
        day=day,
        found=found,
        partners=appointments.partners_of([a for a, _ in found]),
        transport=TRANSPORT,
        previous=day - timedelta(days=1),
        following=day + timedelta(days=1),
    )


@bp.route("/my-work/to-close")
@requires("clients.open")
def to_close():
    """People with no contact for three months and none planned: the worker's own, or for
    seniors every worker's, grouped by worker."""
    everyone = can_see_all()
    rows = caseload.people_to_close(None if everyone else me().id)
    workers = users_by_id(r.client.worker_id for r in rows)
    groups: dict[int | None, list] = {}
    for row in rows:
        groups.setdefault(row.client.worker_id, []).append(row)
    ordered = sorted(
        groups.items(),
        key=lambda item: workers[item[0]].display_name if item[0] in workers else "~",
    )
    audit.record("care.to_close_viewed", detail={"count": len(rows), "everyone": everyone})
    return render_page(
        "care/to_close.html",
        groups=ordered,
        workers=workers,
        everyone=everyone,
        count=len(rows),
    )
