"""Demo team records: supervision (one to one, group with two supervisors, PTSS Basics, an
external clinical supervisor) and how often each worker has it (one overdue); and, once
client files exist, a case meeting with decisions, a move to a new worker, and two file
checks with feedback (one done)."""

from datetime import timedelta

from sqlalchemy import select

from app import clock
from app.core.areas import DemoContext
from app.extensions import db
from app.models import Client
from app.team import (
    audits,
    completeness,
    consultation,
    reallocation,
    supervision,
    supervision_schedule,
)
from app.team.forms import OUTCOMES


def make_demo_supervision(context: DemoContext) -> None:
    users = context.users
    today = clock.today()
    for weeks_ago, worker in [(6, "worker"), (2, "worker"), (3, "worker2"), (1, "worker3")]:
        held = today - timedelta(weeks=weeks_ago)
        supervision.create_supervision(
            supervisor=users["manager"],
            kind="line",
            held_on=held,
            worker_ids=[users[worker].id],
            topics=["workload", "balance"],
            other_topics="",
            notes="Caseload feels right. Planning leave after the court dates.",
            next_on=held + timedelta(weeks=4),
        )
    for weeks_ago in (4, 2):
        held = today - timedelta(weeks=weeks_ago)
        supervision.create_supervision(
            supervisor=users["senior"],
            kind="group",
            held_on=held,
            worker_ids=[users[w].id for w in ("worker", "worker2", "worker3")],
            topics=["boundaries", "self_care"],
            other_topics="Debrief after a hard week",
            notes="Shared ideas for keeping boundaries with people we knew before.",
            next_on=held + timedelta(weeks=2),
            second_supervisor=users.get("manager"),
        )
    # PTSS Basics: the monthly group for workers still learning, with who came.
    held = today - timedelta(weeks=1)
    supervision.create_supervision(
        supervisor=users["senior"],
        kind="basics",
        held_on=held,
        worker_ids=[users[w].id for w in ("worker2", "worker3") if w in users],
        topics=["learning"],
        other_topics="The referral form and the consent to share form",
        notes="Walked through a referral from start to finish. Questions about consent.",
        next_on=held + timedelta(weeks=4),
    )
    # Clinical supervision with an external supervisor.
    supervision.create_supervision(
        supervisor=users["manager"],
        kind="clinical",
        held_on=today - timedelta(weeks=5),
        worker_ids=[users["worker"].id],
        topics=["self_care", "stress"],
        other_topics="",
        notes="Vicarious trauma after a hard court week. Using the EAP.",
        next_on=None,
        external_supervisor="Dr Mia Ross (counsellor)",
    )
    # How often each worker has supervision: Priya's is a week overdue.
    for worker, every, supervisor in [
        ("worker", "fortnightly", "manager"),
        ("worker2", "fortnightly", "manager"),
        ("worker3", "monthly", "senior"),
    ]:
        if worker in users:
            supervision_schedule.set_schedule(
                users[worker], every=every, supervisor=users[supervisor], by=users["manager"]
            )


def _clients(context: DemoContext) -> list[Client]:
    """The demo client files, or any files there are (none: the team demo waits)."""
    made = context.made.get("clients")
    if made:
        return list(made)
    return list(db.session.scalars(select(Client).order_by(Client.id).limit(30)))


def make_demo_team(context: DemoContext) -> None:
    """Robust when the care area has made no plans or notes yet: everything here needs only
    client files and accounts."""
    users = context.users
    senior = users.get("senior")
    if senior is None:
        return
    clients = [c for c in _clients(context) if c.worker_id is not None]
    if len(clients) < 3:
        return
    today = clock.today()

    # The case meeting: a decision for each of the first people who come up, or for a few
    # people when nothing comes up yet (no plans or notes).
    by_worker = consultation.agenda(today)
    items = [i for worker_items in by_worker.values() for i in worker_items][:4]
    people = {c.id: c for c in clients}
    chosen = [(people[i.client_id], i.reasons) for i in items if i.client_id in people]
    if not chosen:
        chosen = [(c, []) for c in clients[:3]]
    for n, (client, reasons) in enumerate(chosen):
        outcome = ("review_plan", "reach_out", "keep_going", "renew_consent")[n % 4]
        consultation.create_decision(
            by=senior,
            outcome=outcome,
            outcome_words=OUTCOMES[outcome].lower(),
            note=(
                "Worker to ring on Thursday and offer a lift to the GP.",
                "Try the drop-in on Friday lunch. Leave a message with their sister.",
                "Going well. Keep the fortnightly catch up.",
                "Ask about renewing consent to share with Housing ACT.",
            )[n % 4],
            look_again_on=today + timedelta(days=14),
            reasons=reasons,
            client=client,
        )

    # A careful move to a new worker.
    mover = clients[-1]
    to_worker = next(
        (
            u
            for k, u in users.items()
            if k in ("worker", "worker2", "worker3") and u.id != mover.worker_id
        ),
        None,
    )
    if to_worker is not None:
        reallocation.reallocate(
            mover,
            to_worker,
            reason="Wants support with housing. The new worker has lived experience of it.",
            person_view="agrees",
            handover_note=(
                "Likes to meet at the drop-in, not at home. Has a housing interview soon. "
                "Prefers text messages."
            ),
            handover_on=today + timedelta(days=3),
            by=senior,
        )

    # Two file checks with feedback: one the worker has done, one still to do.
    for n, client in enumerate(clients[:2]):
        record = audits.start_audit(client, senior, how_chosen="sample" if n else "picked")
        found = completeness.what_the_file_shows(audits.file_facts(client, today), today)
        answers = {k: f.answer or completeness.YES for k, f in found.items()}
        if n == 1:
            answers["notes_objective"] = completeness.NO
        audits.finish_audit(
            record,
            answers=answers,
            findings={k: f.words for k, f in found.items()},
            feedback=(
                "Thanks, the file is easy to follow. Add their country of birth when you can."
                if n == 0
                else "Two notes use words like 'difficult'. Write what happened, not a label."
            ),
            by=senior,
        )
        if n == 0 and record.feedback:
            audits.mark_feedback_done(record.feedback[0], "Asked them and added it.")
