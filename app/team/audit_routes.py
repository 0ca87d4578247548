"""File audits ("file checks"), and the feedback a worker gets from them."""

from flask import abort, redirect, request, url_for

from app import audit, clock, locking
from app.access import get_or_404, requires
from app.clients import public as clients
from app.core.messages import saved, told
from app.core.numbers import record_id, whole_number
from app.core.people import me
from app.core.saving import change_from_form
from app.forms import Form
from app.models import AuditFeedback, FileAudit
from app.pages import paginate, render_page
from app.team import audits, bp, caseloads, completeness
from app.team.forms import AuditForm, FeedbackDoneForm, SampleForm


def _sample_form() -> SampleForm:
    form = SampleForm()
    form.worker_id.choices = [("all", "Everyone's files")] + [
        (str(w.id), w.display_name) for w in caseloads.allocatable_workers()
    ]
    return form


@bp.route("/audits", endpoint="audits")
@requires("team.oversee")
def audits_page():
    today = clock.today()
    scores = caseloads.audit_scores(today)
    workers = {w.id: w for w in caseloads.allocatable_workers()}
    score_rows = sorted(
        ((workers[w] if w in workers else None, s) for w, s in scores.items()),
        key=lambda r: r[0].display_name if r[0] else "",
    )
    return render_page(
        "team/audits.html",
        sample_form=_sample_form(),
        open_audits=audits.open_audits(),
        waiting=audits.feedback_waiting(),
        finished=paginate(audits.finished_query()),
        score_rows=[(w, s) for w, s in score_rows if w is not None],
        score_of=audits.score_of,
    )


@bp.route("/audits/sample", methods=["POST"])
@requires("team.oversee")
def audit_sample():
    form = _sample_form()
    if not form.validate_on_submit():
        abort(400)
    worker_id = None if form.worker_id.data == "all" else record_id(form.worker_id.data)
    how_many = whole_number(form.how_many.data, low=1, high=audits.SAMPLE_MOST)
    if how_many is None:
        abort(400)
    made = audits.random_sample(how_many, worker_id=worker_id, by=me())
    if made:
        saved(f"{len(made)} {'file' if len(made) == 1 else 'files'} picked at random to check.")
    else:
        told("No files to pick. Every file was checked in the last 90 days, or is being checked.")
    return redirect(url_for("team.audits"), 303)


@bp.route("/people/<int:client_id>/check", methods=["POST"])
@requires("team.oversee")
def audit_start(client_id: int):
    client = clients.get_client_for_current_user(client_id)
    if not Form().validate_on_submit():
        abort(400)
    record = audits.start_audit(client, me())
    return redirect(url_for("team.audit", audit_id=record.id), 303)


def _audit_shown(record: FileAudit) -> AuditForm:
    return AuditForm(formdata=None, data=dict(record.answers or {}))


@bp.route("/audits/<int:audit_id>", methods=["GET", "POST"], endpoint="audit")
@requires("team.oversee")
def audit_page(audit_id: int):
    record = get_or_404(FileAudit, audit_id)
    client = record.client
    today = clock.today()
    changed = None
    if request.method == "POST":
        form = AuditForm()
        changed = locking.check(form, record, _audit_shown)
        if record.status == "done":
            changed = changed or locking.Changed()  # finished by someone else: it stays
    if record.status == "done" and not changed:
        audit.record("team.file_audit_viewed", record=record, client_id=client.id)
        return render_page(
            "team/audit_done.html",
            record=record,
            client=client,
            checks=completeness.CHECKS,
            answers=completeness.ANSWERS,
            result=audits.score_of(record),
        )
    found = completeness.what_the_file_shows(audits.file_facts(client, today), today)
    if request.method == "POST":
        form.finishing = request.form.get("action") == "finish"
        if not changed and form.validate():
            if form.finishing:
                outcome = change_from_form(
                    form,
                    lambda: audits.finish_audit(
                        record,
                        answers=form.answers(),
                        findings={k: f.words for k, f in found.items()},
                        feedback=form.feedback.data,
                        by=me(),
                    ),
                    record=record,
                    shown=_audit_shown,
                )
                if outcome.saved:
                    sent = " Feedback sent to the worker." if record.feedback else ""
                    saved(f"File check finished: {outcome.result.words}.{sent}")
                    return redirect(url_for("team.audit", audit_id=record.id), 303)
            else:
                outcome = change_from_form(
                    form,
                    lambda: audits.save_answers(record, form.answers()),
                    record=record,
                    shown=_audit_shown,
                )
                if outcome.saved:
                    saved("Check saved. You can finish it later.")
                    return redirect(url_for("team.audits"), 303)
            changed = outcome.changed
    else:
        audit.record("client.viewed", record=client, client_id=client.id, detail={"page": "check"})
        answers = record.answers or {k: f.answer for k, f in found.items() if f.answer}
        form = AuditForm(formdata=None, data=answers)
        locking.stamp(form, record, _audit_shown)
    return render_page(
        "team/audit.html",
        form=form,
        changed=changed,
        record=record,
        client=client,
        found=found,
        checks=completeness.CHECKS,
        so_far=completeness.score(form.answers()),
    )


def _feedback(feedback_id: int) -> AuditFeedback:
    return get_or_404(
        AuditFeedback, feedback_id, visible=lambda f: audits.can_read_feedback(me(), f)
    )


@bp.route("/feedback/<int:feedback_id>", methods=["GET", "POST"])
@requires("clients.open")
def feedback(feedback_id: int):
    item = _feedback(feedback_id)
    record = item.audit
    form = FeedbackDoneForm()
    mine = item.worker_id == me().id
    if request.method == "POST":
        if not mine or item.done_at is not None:
            abort(404)
        if form.validate_on_submit():
            audits.mark_feedback_done(item, form.note.data)
            saved("Feedback marked as done.")
            return redirect(url_for("home.index"), 303)
    else:
        audit.record("team.audit_feedback_viewed", record=item, client_id=record.client_id)
    return render_page(
        "team/feedback.html",
        form=form,
        item=item,
        record=record,
        mine=mine,
        checks=completeness.CHECKS,
        answers=completeness.ANSWERS,
        result=audits.score_of(record),
        can_open=clients.can_open(me(), record.client),
    )
