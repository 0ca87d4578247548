"""Supervision records: the list a person may read, a new record, and one record; and how
often each worker has supervision (the manager sets it per worker)."""

from flask import abort, redirect, render_template, url_for
from sqlalchemy import select

from app import audit
from app.access import SENIORS, get_or_404, requires
from app.core.messages import saved
from app.core.numbers import record_id
from app.core.people import me, user_by_id, works_with_people
from app.core.saving import change_from_form
from app.extensions import db
from app.models import Supervision, User
from app.pages import paginate
from app.team import bp, caseloads
from app.team import supervision as supervisions
from app.team import supervision_schedule as schedules
from app.team.forms import KINDS, TOPICS, ScheduleForm, SupervisionForm


def supervisors() -> list[User]:
    """Who can lead supervision: active seniors and managers."""
    return list(
        db.session.scalars(
            select(User).where(works_with_people(*SENIORS)).order_by(User.display_name, User.id)
        )
    )


@bp.route("/supervision")
@requires("supervision.own")
def supervision_list():
    page = paginate(supervisions.supervision_for(me()))
    return render_template(
        "team/supervision_list.html",
        page=page,
        kinds=KINDS,
        next_on=supervisions.next_supervision_for(me()),
        due=schedules.my_due(me()),
    )


def _chosen_user(value) -> User | None:
    """An account chosen in a form, None for none; 404 for one that does not exist."""
    chosen = record_id(value) if value and value != "None" else None
    if chosen is None:
        return None
    found = user_by_id(chosen)
    if found is None:
        abort(404)
    return found


@bp.route("/supervision/new", methods=["GET", "POST"])
@requires("team.oversee")
def new_supervision():
    form = SupervisionForm()
    form.workers.choices = [
        (u.id, u.display_name) for u in caseloads.allocatable_workers() if u.id != me().id
    ]
    form.second_supervisor_id.choices = [("", "No second supervisor")] + [
        (str(u.id), u.display_name) for u in supervisors()
    ]
    if form.validate_on_submit():
        second = _chosen_user(form.second_supervisor_id.data)
        outcome = change_from_form(
            form,
            lambda: supervisions.create_supervision(
                supervisor=me(),
                kind=form.kind.data,
                held_on=form.held_on.data,
                worker_ids=form.workers.data,
                topics=form.topics.data or [],
                other_topics=form.other_topics.data or "",
                notes=form.notes.data or "",
                next_on=form.next_on.data,
                second_supervisor=second,
                external_supervisor=form.external_supervisor.data,
            ),
        )
        if outcome.saved:
            saved("Supervision saved.")
            return redirect(url_for("team.supervision", supervision_id=outcome.result.id), 303)
    return render_template("team/new_supervision.html", form=form)


@bp.route("/supervision/<int:supervision_id>")
@requires("supervision.own")
def supervision(supervision_id: int):
    record = get_or_404(
        Supervision,
        supervision_id,
        visible=lambda r: supervisions.can_read_supervision(me(), r),
    )
    audit.record("supervision.viewed", record=record)
    talked_about = [TOPICS.get(t, t) for t in record.topics] + [record.other_topics]
    return render_template(
        "team/supervision.html",
        record=record,
        kinds=KINDS,
        talked_about=", ".join(t for t in talked_about if t),
    )


@bp.route("/supervision/schedule")
@requires("supervision.schedule")
def supervision_schedule():
    """Every worker: how often they have supervision, with whom, and when it is next due."""
    dues = {d.worker.id: d for d in schedules.every_schedule()}
    workers = caseloads.allocatable_workers()
    audit.record("supervision.schedule_viewed", detail={"workers": len(workers)})
    return render_template(
        "team/supervision_schedule.html",
        rows=[(w, dues.get(w.id)) for w in workers],
        last=schedules.last_one_to_one(w.id for w in workers),
    )


@bp.route("/supervision/schedule/<int:worker_id>", methods=["GET", "POST"])
@requires("supervision.schedule")
def supervision_schedule_set(worker_id: int):
    worker = get_or_404(User, worker_id, visible=lambda u: u in caseloads.allocatable_workers())
    current = schedules.schedule_of(worker)
    form = ScheduleForm()
    form.supervisor_id.choices = [("", "Choose who")] + [
        (str(u.id), u.display_name) for u in supervisors() if u.id != worker.id
    ]
    if not form.is_submitted():
        form.every.data = current.every if current else schedules.NOT_SET
        form.supervisor_id.data = str(current.supervisor_id if current else me().id)
    if form.validate_on_submit():
        outcome = change_from_form(
            form,
            lambda: schedules.set_schedule(
                worker,
                every=form.every.data,
                supervisor=_chosen_user(form.supervisor_id.data),
                by=me(),
            ),
        )
        if outcome.saved:
            saved(f"Supervision schedule saved for {worker.display_name}.")
            return redirect(url_for("team.supervision_schedule"), 303)
    return render_template(
        "team/supervision_schedule_set.html",
        form=form,
        worker=worker,
        due=schedules.my_due(worker),
    )
