"""Every worker's caseload, counted with a few grouped queries (never one per worker or per
person), so the page stays quick with tens of thousands of files. The rules counted here
(which plan is current, when a review is due soon, which notes are late) are the care
area's, used through app.care.public; this module only adds them up per worker."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import Select, and_, case, false, func, or_, select

from app import clock
from app.access import SENIOR, WORKER
from app.care import public as care
from app.clients import public as clients
from app.core.people import works_with_people
from app.extensions import db
from app.models import CaseNote, Client, Episode, FileAudit, Plan, User
from app.needs import URGENCY
from app.team import completeness

LEVELS = tuple(URGENCY)  # immediate, ongoing, intensive
LEVEL_WORDS = {"immediate": "Immediate", "ongoing": "Ongoing", "intensive": "Intensive"}
SCORE_MONTHS = 12  # a worker's file check score counts the last year of checks


def month_of(day: date) -> tuple[date, date]:
    """The first day of the month, and the first day of the next month."""
    first = day.replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    return first, following


@dataclass
class WorkerLoad:
    """One worker's caseload in numbers (a row of the team's caseloads page)."""

    worker: User
    people: int = 0
    levels: dict[str, int] = field(default_factory=lambda: dict.fromkeys(LEVELS, 0))
    contacts: int = 0
    late_notes: int = 0
    reviews_due: int = 0
    reviews_overdue: int = 0
    overdue_contact: int = 0  # people seen less often than they agreed
    score: completeness.Score | None = None

    @property
    def not_assessed(self) -> int:
        return max(0, self.people - sum(self.levels.values()))


def level_counts() -> dict[int, dict[str, int]]:
    """{worker: {support level: people}}, from the level kept on each person's row."""
    rows = db.session.execute(
        select(Client.worker_id, Client.support_level, func.count())
        .where(Client.worker_id.is_not(None), Client.support_level.in_(LEVELS))
        .group_by(Client.worker_id, Client.support_level)
    )
    found: dict[int, dict[str, int]] = {}
    for worker_id, level, count in rows:
        found.setdefault(worker_id, dict.fromkeys(LEVELS, 0))[level] = count
    return found


def note_counts(today: date) -> dict[int, tuple[int, int]]:
    """(contacts, late notes) this month, by the worker who wrote the note (care's count)."""
    first, following = month_of(today)
    late_and_all = care.late_notes_by_worker(
        since=clock.start_of(first), until=clock.start_of(following)
    )
    return {worker_id: (total, late) for worker_id, (late, total) in late_and_all.items()}


def review_counts(today: date) -> dict[int, tuple[int, int]]:
    """(due soon or overdue, overdue) plan reviews of open episodes, by the person's worker."""
    rows = db.session.execute(
        select(
            Client.worker_id,
            func.count(),
            func.sum(case((Plan.review_on < today, 1), else_=0)),
        )
        .select_from(Plan)
        .join(Episode, Episode.id == Plan.episode_id)
        .join(Client, Client.id == Plan.client_id)
        .where(
            Episode.closed_on.is_(None),
            care.newest_plan(),
            Client.worker_id.is_not(None),
            Plan.review_on <= today + timedelta(days=care.REVIEW_DUE_SOON_DAYS),
        )
        .group_by(Client.worker_id)
    )
    return {worker_id: (due, int(overdue or 0)) for worker_id, due, overdue in rows}


def overdue_contact_counts(today: date) -> dict[int, int]:
    """{worker: people seen less often than agreed}, in one query (the rule is the clients
    area's). Only people with an agreed contact frequency are read."""
    rows = db.session.execute(
        select(
            Client.worker_id,
            Client.contact_frequency,
            Client.contact_date,
            func.max(CaseNote.contact_at),
        )
        .outerjoin(CaseNote, and_(CaseNote.client_id == Client.id, CaseNote.superseded.is_(False)))
        .where(Client.worker_id.is_not(None), Client.contact_frequency.is_not(None))
        .group_by(Client.id, Client.worker_id, Client.contact_frequency, Client.contact_date)
    )
    found: dict[int, int] = {}
    for worker_id, frequency, contact_date, last in rows:
        if clients.is_overdue_for_contact(frequency, last, since=contact_date, today=today):
            found[worker_id] = found.get(worker_id, 0) + 1
    return found


def audit_scores(today: date) -> dict[int, completeness.Score]:
    """Each worker's file check score: the latest finished check of each of their files."""
    since = clock.start_of(today - timedelta(days=SCORE_MONTHS * 365 // 12))
    ranked = (
        select(
            FileAudit.id,
            func.row_number()
            .over(
                partition_by=FileAudit.client_id,
                order_by=(FileAudit.finished_at.desc(), FileAudit.id.desc()),
            )
            .label("n"),
        )
        .where(FileAudit.status == "done", FileAudit.finished_at >= since)
        .subquery()
    )
    rows = db.session.execute(
        select(FileAudit.worker_id, FileAudit.met, FileAudit.counted)
        .join(ranked, ranked.c.id == FileAudit.id)
        .where(ranked.c.n == 1, FileAudit.worker_id.is_not(None))
    )
    per_worker: dict[int, list[completeness.Score]] = {}
    for worker_id, met, counted in rows:
        per_worker.setdefault(worker_id, []).append(completeness.Score(met or 0, counted or 0))
    return {w: completeness.combined(scores) for w, scores in per_worker.items()}


def team_members(with_people: set[int]) -> list[User]:
    """Active workers and seniors, and anyone else who still has people allocated."""
    return list(
        db.session.scalars(
            select(User)
            .where(
                or_(
                    works_with_people(WORKER, SENIOR),
                    User.id.in_(with_people) if with_people else false(),
                )
            )
            .order_by(User.display_name, User.id)
        )
    )


def caseloads(today: date | None = None) -> list[WorkerLoad]:
    """One row per worker: people, support levels, contacts, reviews, late notes, score."""
    today = today or clock.today()
    people = clients.caseload_counts()
    levels = level_counts()
    notes = note_counts(today)
    reviews = review_counts(today)
    scores = audit_scores(today)
    overdue = overdue_contact_counts(today)
    rows = []
    for worker in team_members(set(people)):
        row = WorkerLoad(worker=worker, people=people.get(worker.id, 0))
        row.levels.update(levels.get(worker.id, {}))
        row.contacts, row.late_notes = notes.get(worker.id, (0, 0))
        row.reviews_due, row.reviews_overdue = reviews.get(worker.id, (0, 0))
        row.score = scores.get(worker.id)
        row.overdue_contact = overdue.get(worker.id, 0)
        rows.append(row)
    return rows


def totals(rows: list[WorkerLoad]) -> WorkerLoad:
    total = WorkerLoad(worker=User(display_name="Everyone"))
    for row in rows:
        total.people += row.people
        for level in LEVELS:
            total.levels[level] += row.levels[level]
        total.contacts += row.contacts
        total.late_notes += row.late_notes
        total.reviews_due += row.reviews_due
        total.reviews_overdue += row.reviews_overdue
        total.overdue_contact += row.overdue_contact
    total.score = completeness.combined(r.score for r in rows if r.score)
    return total


# --- one worker's people -----------------------------------------------------------------------


def people_of_query(worker: User) -> Select:
    return (
        select(Client)
        .where(Client.worker_id == worker.id)
        .order_by(Client.search_nickname, Client.search_given, Client.id)
    )


@dataclass
class PersonRow(care.CaseloadRow):
    """Care's caseload row, with the file check the team page adds."""

    last_audit: FileAudit | None = None

    @property
    def level(self) -> str | None:
        return self.client.support_level

    @property
    def open_episode(self) -> bool:
        return self.episode is not None

    @property
    def overdue_for_contact(self) -> bool:
        """Seen less often than they agreed (the clients area's one rule)."""
        since = self.episode.opened_on if self.episode else self.client.contact_date
        return clients.is_overdue_for_contact(
            self.client.contact_frequency, self.last_contact, since=since
        )


def people_details(worker: User, clients_shown: list[Client]) -> list[PersonRow]:
    """What the caseload page shows for each person on one page of a worker's caseload."""
    ids = [c.id for c in clients_shown]
    if not ids:
        return []
    rows = {row.client.id: row for row in care.caseload(worker.id)}
    audits: dict[int, FileAudit] = {}
    for audit in db.session.scalars(
        select(FileAudit).where(FileAudit.client_id.in_(ids)).order_by(FileAudit.id)
    ):
        audits[audit.client_id] = audit
    return [
        PersonRow(**vars(rows[c.id]), last_audit=audits.get(c.id))
        for c in clients_shown
        if c.id in rows
    ]


def allocatable_workers() -> list[User]:
    """Active workers and seniors: who a person can be allocated to, and who is supervised."""
    return list(
        db.session.scalars(
            select(User)
            .where(works_with_people(WORKER, SENIOR))
            .order_by(User.display_name, User.id)
        )
    )
