"""File audits: a senior checks a file against the checklist, and the worker gets feedback.

The model of care: files hold everything about the person (statistical data, assessments,
consent and referral forms) and notes are complete, accurate, timely and objective. What
the file shows is gathered here; the score comes from app.team.completeness.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import Select, func, or_, select

from app import audit, clock
from app.access import SENIORS
from app.care import public as care
from app.clients import public as clients
from app.extensions import db
from app.models import (
    AuditFeedback,
    CaseNote,
    Client,
    Consent,
    FileAudit,
    Referral,
    User,
)
from app.reports import public as reports
from app.standards import export
from app.team import completeness

SAMPLE_MOST = 10
RECENTLY_CHECKED_DAYS = 90  # a random sample leaves out files checked this recently


def statistics_gaps(client: Client) -> tuple[str, ...]:
    """The national items missing or wrong for this person (and their latest episode),
    named in plain words ("Country of birth")."""
    episodes = clients.episodes(client)
    latest = episodes[0] if episodes else None
    row = export.build_row(reports.facts_of(client, latest), "check")
    problems = [
        p
        for p in row.problems
        if not (latest is None and p.fix == export.FIX_EPISODE)
        and not (latest is not None and latest.is_open and p.item in ("ceased", "reason"))
    ]
    return tuple(dict.fromkeys(export.ITEM_WORDS.get(p.item, p.item) for p in problems))


def file_facts(client: Client, today: date | None = None) -> completeness.FileFacts:
    today = today or clock.today()
    on_file = clients.consents_for(client)
    episode = clients.open_episode_of(client)
    review_on = care.review_date(episode)
    referrals = db.session.scalar(
        select(func.count()).select_from(Referral).where(Referral.client_id == client.id)
    )
    without_consent = db.session.scalar(
        select(func.count())
        .select_from(Referral)
        .join(Consent, Consent.id == Referral.consent_id)
        .where(
            Referral.client_id == client.id,
            or_(
                Consent.given_on > Referral.referred_on,
                Consent.expires_on < Referral.referred_on,
                Consent.withdrawn_on <= Referral.referred_on,
            ),
        )
    )
    notes, late = db.session.execute(
        select(func.count(), func.count().filter(CaseNote.late.is_(True))).where(
            CaseNote.client_id == client.id, CaseNote.superseded.is_(False)
        )
    ).one()
    return completeness.FileFacts(
        registration_gaps=tuple(words for words, _ in clients.missing(client)),
        statistics_gaps=statistics_gaps(client),
        consents=len(on_file),
        current_consents=sum(1 for c in on_file if clients.is_current(c, today)),
        assessed=clients.latest_assessment(client) is not None,
        told_confidential=clients.was_told_confidential(client),
        open_episode=episode is not None,
        plan_review_on=review_on,
        referrals=referrals or 0,
        referrals_without_consent=without_consent or 0,
        notes=notes or 0,
        late_notes=late or 0,
    )


def open_audit_of(client: Client) -> FileAudit | None:
    return db.session.scalar(
        select(FileAudit)
        .where(FileAudit.client_id == client.id, FileAudit.status == "open")
        .order_by(FileAudit.id.desc())
        .limit(1)
    )


def start_audit(client: Client, by: User, *, how_chosen: str = "picked") -> FileAudit:
    """A new check of this file (or the one already started)."""
    existing = open_audit_of(client)
    if existing is not None:
        return existing
    record = FileAudit(
        client_id=client.id,
        worker_id=client.worker_id,
        status="open",
        how_chosen=how_chosen,
        answers={},
        findings={},
        created_by_id=by.id,
    )
    db.session.add(record)
    db.session.flush()
    audit.record(
        "team.file_audit_started", record=record, client_id=client.id, detail={"how": how_chosen}
    )
    return record


def random_sample(how_many: int, *, worker_id: int | None, by: User) -> list[FileAudit]:
    """Start checks of files picked at random from a worker's caseload (or everyone's),
    leaving out files being checked now or checked in the last 90 days."""
    recent = clock.start_of(clock.today() - timedelta(days=RECENTLY_CHECKED_DAYS))
    busy = select(FileAudit.client_id).where(
        or_(FileAudit.status == "open", FileAudit.finished_at >= recent)
    )
    query = select(Client).where(Client.worker_id.is_not(None), Client.id.not_in(busy))
    if worker_id is not None:
        query = query.where(Client.worker_id == worker_id)
    picked = list(db.session.scalars(query.order_by(func.random()).limit(how_many)))
    return [start_audit(client, by, how_chosen="sample") for client in picked]


def save_answers(record: FileAudit, answers: dict[str, str | None]) -> None:
    record.answers = {k: v for k, v in answers.items() if v in completeness.ANSWERS}


def finish_audit(
    record: FileAudit,
    *,
    answers: dict[str, str | None],
    findings: dict[str, str],
    feedback: str | None,
    by: User,
) -> completeness.Score:
    """Close the check with its computed score; send the feedback to the worker."""
    save_answers(record, answers)
    result = completeness.score(record.answers)
    record.findings = dict(findings)
    record.met, record.counted = result.met, result.counted
    record.status = "done"
    record.finished_at = clock.now()
    if record.worker_id is None:
        record.worker_id = record.client.worker_id
    audit.record(
        "team.file_audit_finished",
        record=record,
        client_id=record.client_id,
        detail={"met": result.met, "counted": result.counted},
    )
    clients.add_to_timeline(
        record.client,
        kind="file_audit",
        summary=f"File checked by {by.display_name}: {result.words}",
        record=record,
    )
    if feedback and record.worker_id is not None:
        sent = AuditFeedback(
            file_audit_id=record.id,
            worker_id=record.worker_id,
            text=feedback,
            created_by_id=by.id,
        )
        db.session.add(sent)
        db.session.flush()
        audit.record(
            "team.audit_feedback_sent",
            record=sent,
            client_id=record.client_id,
            detail={"worker_id": record.worker_id},
        )
    return result


def score_of(record: FileAudit) -> completeness.Score:
    if record.status == "done" and record.counted is not None:
        return completeness.Score(record.met or 0, record.counted)
    return completeness.score(record.answers or {})


def open_audits() -> list[FileAudit]:
    return list(
        db.session.scalars(
            select(FileAudit).where(FileAudit.status == "open").order_by(FileAudit.id)
        )
    )


def finished_query() -> Select:
    return (
        select(FileAudit)
        .where(FileAudit.status == "done")
        .order_by(FileAudit.finished_at.desc(), FileAudit.id.desc())
    )


def feedback_waiting() -> list[AuditFeedback]:
    """Feedback sent that the worker has not marked done yet."""
    return list(
        db.session.scalars(
            select(AuditFeedback).where(AuditFeedback.done_at.is_(None)).order_by(AuditFeedback.id)
        )
    )


def feedback_for(user: User) -> list[AuditFeedback]:
    return list(
        db.session.scalars(
            select(AuditFeedback)
            .where(AuditFeedback.worker_id == user.id, AuditFeedback.done_at.is_(None))
            .order_by(AuditFeedback.id)
        )
    )


def can_read_feedback(user: User, feedback: AuditFeedback) -> bool:
    return user.role in SENIORS or feedback.worker_id == user.id


def mark_feedback_done(feedback: AuditFeedback, note: str | None) -> None:
    feedback.done_at = clock.now()
    feedback.done_note = note or None
    audit.record("team.audit_feedback_done", record=feedback, client_id=feedback.audit.client_id)
