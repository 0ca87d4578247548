"""The weekly case consultation: for each worker, the people who need talking about, and
what was decided for each (it goes on the person's timeline and in the audit log).

A person comes up when their plan review is due or overdue, when there has been no contact
for six weeks, or for three months with nothing planned (time to close the episode), when
notes were written late, or when a consent ends within 30 days. People waiting at the front
desk for a worker come up for the whole team. The rules for "no contact" are the ones in
app.contact_rules; the queries here only narrow down who to ask them about.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import Select, exists, func, select
from sqlalchemy.orm import aliased

from app import audit, clock, contact_rules
from app.care import public as care
from app.clients import public as clients
from app.extensions import db
from app.models import CaseNote, Client, Consent, ConsultationDecision, Episode, Handover, Plan
from app.templating import day as day_words

# Why a person comes up, most pressing first.
REASONS: dict[str, str] = {
    "close": "No contact for three months: time to close",
    "quiet": "No contact for six weeks",
    "review_overdue": "Plan review is overdue",
    "review_due": "Plan review is due soon",
    "late_notes": "Notes written late",
    "consent_expiring": "Consent ends within 30 days",
    "waiting": "Waiting for a worker",
}
LATE_NOTE_DAYS = 28
CONSENT_DAYS = 30
CHUNK = 10_000  # ids per query when asking the contact rules about many people


@dataclass
class Item:
    """One person to talk about, with why, in plain words."""

    client_id: int
    worker_id: int | None
    reasons: list[str] = field(default_factory=list)
    details: list[str] = field(default_factory=list)

    def add(self, reason: str, detail: str) -> None:
        if reason not in self.reasons:
            self.reasons.append(reason)
            self.details.append(detail)

    @property
    def order(self) -> int:
        return min(list(REASONS).index(r) for r in self.reasons)


def week_start(day: date) -> date:
    """The Monday of the week holding `day`."""
    return day - timedelta(days=day.weekday())


def _mine(query: Select, worker_id: int | None) -> Select:
    query = query.where(Client.worker_id.is_not(None))
    return query.where(Client.worker_id == worker_id) if worker_id is not None else query


def _plan_reviews(items, today, worker_id) -> None:
    rows = db.session.execute(
        _mine(
            select(Plan.client_id, Client.worker_id, func.min(Plan.review_on))
            .join(Episode, Episode.id == Plan.episode_id)
            .join(Client, Client.id == Plan.client_id)
            .where(
                Episode.closed_on.is_(None),
                care.newest_plan(),
                Plan.review_on <= today + timedelta(days=care.REVIEW_DUE_SOON_DAYS),
            ),
            worker_id,
        ).group_by(Plan.client_id, Client.worker_id)
    )
    for client_id, worker, review_on in rows:
        item = items.setdefault(client_id, Item(client_id, worker))
        if review_on < today:
            item.add("review_overdue", f"The review was due {day_words(review_on)}")
        else:
            item.add("review_due", f"Review due {day_words(review_on)}")


def _no_contact(items, today, worker_id) -> None:
    """Candidates from SQL (quiet for at least six weeks by the calendar); the contact rules
    decide."""
    weeks = contact_rules.QUIET_WEEKS * 7
    last = select(CaseNote.client_id, func.max(CaseNote.contact_at).label("last")).where(
        CaseNote.superseded.is_(False)
    )
    opened = select(Episode.client_id, func.max(Episode.opened_on).label("opened_on")).where(
        Episode.closed_on.is_(None)
    )
    if worker_id is not None:  # only this worker's people, so one caseload is quick
        theirs = select(Client.id).where(Client.worker_id == worker_id)
        last = last.where(CaseNote.client_id.in_(theirs))
        opened = opened.where(Episode.client_id.in_(theirs))
    last = last.group_by(CaseNote.client_id).subquery()
    opened = opened.group_by(Episode.client_id).subquery()
    rows = db.session.execute(
        _mine(
            select(Client.id, Client.worker_id, opened.c.opened_on, last.c.last)
            .join(opened, opened.c.client_id == Client.id)
            .outerjoin(last, last.c.client_id == Client.id)
            .where(
                opened.c.opened_on <= today - timedelta(days=weeks),
                (last.c.last.is_(None))
                | (last.c.last < clock.start_of(today - timedelta(days=weeks - 1))),
            ),
            worker_id,
        )
    ).all()
    ids = [r[0] for r in rows]
    planned: dict[int, object] = {}
    for n in range(0, len(ids), CHUNK):
        planned.update(contact_rules.next_planned(ids[n : n + CHUNK]))
    for client_id, worker, opened_on, last_at in rows:
        last_day = contact_rules.local_day(last_at)
        next_day = contact_rules.local_day(planned.get(client_id))
        words = f"Last contact {day_words(last_day)}" if last_day else "No contact since it began"
        if contact_rules.should_close(last_day, opened_on, next_day, today):
            items.setdefault(client_id, Item(client_id, worker)).add("close", words)
        elif contact_rules.is_quiet(last_day, opened_on, today):
            detail = words + (f". Next planned {day_words(next_day)}" if next_day else "")
            items.setdefault(client_id, Item(client_id, worker)).add("quiet", detail)


def _late_notes(items, today, worker_id) -> None:
    rows = db.session.execute(
        _mine(
            select(Client.id, Client.worker_id, func.count(CaseNote.id))
            .join(CaseNote, CaseNote.client_id == Client.id)
            .where(
                CaseNote.late.is_(True),
                CaseNote.superseded.is_(False),
                CaseNote.contact_at >= clock.start_of(today - timedelta(days=LATE_NOTE_DAYS - 1)),
            ),
            worker_id,
        ).group_by(Client.id, Client.worker_id)
    )
    for client_id, worker, count in rows:
        words = f"{count} late note{'s' if count != 1 else ''} in the last four weeks"
        items.setdefault(client_id, Item(client_id, worker)).add("late_notes", words)


def _consents(items, today, worker_id) -> None:
    newer = aliased(Consent)
    renewed = exists().where(
        newer.client_id == Consent.client_id,
        newer.party_name == Consent.party_name,
        newer.id != Consent.id,
        newer.withdrawn_on.is_(None),
        newer.expires_on > Consent.expires_on,
    )
    rows = db.session.execute(
        _mine(
            select(Consent.client_id, Client.worker_id, Consent.party_name, Consent.expires_on)
            .join(Client, Client.id == Consent.client_id)
            .where(
                Consent.withdrawn_on.is_(None),
                Consent.given_on <= today,
                Consent.expires_on >= today,
                Consent.expires_on <= today + timedelta(days=CONSENT_DAYS),
                ~renewed,
            ),
            worker_id,
        ).order_by(Consent.expires_on)
    )
    for client_id, worker, party, expires_on in rows:
        item = items.setdefault(client_id, Item(client_id, worker))
        item.add("consent_expiring", f"Consent to share with {party} ends {day_words(expires_on)}")


def agenda(today: date | None = None, worker_id: int | None = None) -> dict[int, list[Item]]:
    """worker id -> the people to talk about, most pressing first. A handful of queries,
    however many workers and people there are."""
    today = today or clock.today()
    items: dict[int, Item] = {}
    _plan_reviews(items, today, worker_id)
    _no_contact(items, today, worker_id)
    _late_notes(items, today, worker_id)
    _consents(items, today, worker_id)
    by_worker: dict[int, list[Item]] = {}
    for item in items.values():
        by_worker.setdefault(item.worker_id, []).append(item)
    for worker_items in by_worker.values():
        worker_items.sort(key=lambda i: (i.order, i.client_id))
    return by_worker


def item_for(client: Client, today: date | None = None) -> Item:
    """Why this one person comes up (an empty item when nothing does)."""
    if client.worker_id is None:  # only people with a worker come up
        return Item(client.id, None)
    for item in agenda(today, worker_id=client.worker_id).get(client.worker_id, []):
        if item.client_id == client.id:
            return item
    return Item(client.id, client.worker_id)


def people_of(items: list[Item]) -> dict[int, Client]:
    """{client id: Client} for the people on an agenda, in one query."""
    ids = [i.client_id for i in items]
    if not ids:
        return {}
    return {c.id: c for c in db.session.scalars(select(Client).where(Client.id.in_(ids)))}


def count_by_reason(items: list[Item]) -> dict[str, int]:
    counts = dict.fromkeys(REASONS, 0)
    for item in items:
        for reason in item.reasons:
            counts[reason] += 1
    return counts


def waiting_handovers() -> list[Handover]:
    return list(
        db.session.scalars(
            select(Handover).where(Handover.status == "waiting").order_by(Handover.day, Handover.id)
        )
    )


# --- decisions -------------------------------------------------------------------------------


def decisions_this_week(today: date | None = None) -> dict[int, ConsultationDecision]:
    """client id -> the latest decision made for them since Monday."""
    start = week_start(today or clock.today())
    found: dict[int, ConsultationDecision] = {}
    for decision in db.session.scalars(
        select(ConsultationDecision)
        .where(ConsultationDecision.held_on >= start, ConsultationDecision.client_id.is_not(None))
        .order_by(ConsultationDecision.id)
    ):
        found[decision.client_id] = decision
    return found


def handover_decisions_this_week(today: date | None = None) -> dict[int, ConsultationDecision]:
    start = week_start(today or clock.today())
    found: dict[int, ConsultationDecision] = {}
    for decision in db.session.scalars(
        select(ConsultationDecision)
        .where(ConsultationDecision.held_on >= start, ConsultationDecision.handover_id.is_not(None))
        .order_by(ConsultationDecision.id)
    ):
        found[decision.handover_id] = decision
    return found


def decisions_for(client: Client) -> list[ConsultationDecision]:
    return list(
        db.session.scalars(
            select(ConsultationDecision)
            .where(ConsultationDecision.client_id == client.id)
            .order_by(ConsultationDecision.held_on.desc(), ConsultationDecision.id.desc())
        )
    )


def decisions_query() -> Select:
    return select(ConsultationDecision).order_by(
        ConsultationDecision.held_on.desc(), ConsultationDecision.id.desc()
    )


def create_decision(
    *,
    by,
    outcome: str,
    outcome_words: str,
    note: str | None,
    look_again_on: date | None,
    reasons: list[str],
    client: Client | None = None,
    handover: Handover | None = None,
) -> ConsultationDecision:
    """Record what was decided; it goes on the person's timeline and in the audit log."""
    client_id = client.id if client is not None else getattr(handover, "client_id", None)
    decision = ConsultationDecision(
        held_on=clock.today(),
        worker_id=client.worker_id if client is not None else None,
        client_id=client_id,
        handover_id=handover.id if handover is not None else None,
        reasons=list(reasons),
        outcome=outcome,
        note=note or None,
        look_again_on=look_again_on,
        created_by_id=by.id,
    )
    db.session.add(decision)
    db.session.flush()
    audit.record(
        "team.consultation_decided",
        record=decision,
        client_id=client_id,
        detail={
            "outcome": outcome,
            "reasons": list(reasons),
            **({"handover_id": handover.id} if handover is not None else {}),
        },
    )
    if client_id is not None:
        person = client if client is not None else db.session.get(Client, client_id)
        clients.add_to_timeline(
            person,
            kind="consultation",
            summary=f"Case meeting with {by.display_name}: {outcome_words}",
            record=decision,
        )
    return decision
