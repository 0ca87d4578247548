"""Rows for team tests: file checks, feedback, case meeting decisions, moves to a new worker."""

from __future__ import annotations

from datetime import timedelta

from app import clock
from app.models import AuditFeedback, ConsultationDecision, FileAudit, Reallocation
from app.team.completeness import CHECKS, YES, score


def make_file_audit(session, client, *, by, worker=None, done=False, answers=None, **fields):
    answers = answers if answers is not None else dict.fromkeys(CHECKS, YES)
    result = score(answers)
    record = FileAudit(
        client_id=client.id,
        worker_id=(worker or client.worker).id if (worker or client.worker_id) else None,
        status="done" if done else "open",
        answers=answers if done else {},
        findings={},
        met=result.met if done else None,
        counted=result.counted if done else None,
        finished_at=fields.pop("finished_at", clock.now()) if done else None,
        created_by_id=by.id,
        **fields,
    )
    session.add(record)
    session.commit()
    return record


def make_feedback(session, record, *, text="Add the date of birth.", done=False) -> AuditFeedback:
    feedback = AuditFeedback(
        file_audit_id=record.id,
        worker_id=record.worker_id,
        text=text,
        done_at=clock.now() if done else None,
        created_by_id=record.created_by_id,
    )
    session.add(feedback)
    session.commit()
    return feedback


def make_decision(session, client, *, by, outcome="keep_going", **fields):
    decision = ConsultationDecision(
        held_on=fields.pop("held_on", clock.today()),
        worker_id=client.worker_id,
        client_id=client.id,
        reasons=fields.pop("reasons", ["quiet"]),
        outcome=outcome,
        created_by_id=by.id,
        **fields,
    )
    session.add(decision)
    session.commit()
    return decision


def make_reallocation(session, client, allocation, *, from_worker, to_worker, by, **fields):
    record = Reallocation(
        client_id=client.id,
        allocation_id=allocation.id,
        from_worker_id=from_worker.id if from_worker else None,
        to_worker_id=to_worker.id,
        reason=fields.pop("reason", "Needs a worker who knows CYF."),
        person_view=fields.pop("person_view", "agrees"),
        handover_note=fields.pop("handover_note", "Likes to meet at the drop-in."),
        handover_on=fields.pop("handover_on", clock.today() + timedelta(days=2)),
        created_by_id=by.id,
        **fields,
    )
    session.add(record)
    session.commit()
    return record
