"""Supervision records: the list a person may read, a new record, and one record."""

from flask import redirect, render_template, url_for

from app import audit
from app.access import get_or_404, requires
from app.core.messages import saved
from app.core.people import me
from app.models import Supervision
from app.pages import paginate
from app.team import bp, caseloads
from app.team import supervision as supervisions
from app.team.forms import KINDS, TOPICS, SupervisionForm


@bp.route("/supervision")
@requires("supervision.own")
def supervision_list():
    page = paginate(supervisions.supervision_for(me()))
    return render_template(
        "team/supervision_list.html",
        page=page,
        kinds=KINDS,
        next_on=supervisions.next_supervision_for(me()),
    )


@bp.route("/supervision/new", methods=["GET", "POST"])
@requires("team.oversee")
def new_supervision():
    form = SupervisionForm()
    form.workers.choices = [
        (u.id, u.display_name) for u in caseloads.allocatable_workers() if u.id != me().id
    ]
    if form.validate_on_submit():
        record = supervisions.create_supervision(
            supervisor=me(),
            kind=form.kind.data,
            held_on=form.held_on.data,
            worker_ids=form.workers.data,
            topics=form.topics.data or [],
            other_topics=form.other_topics.data or "",
            notes=form.notes.data or "",
            next_on=form.next_on.data,
        )
        saved("Supervision saved.")
        return redirect(url_for("team.supervision", supervision_id=record.id), 303)
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
