"""A worker's caseload and their home page ("My work"): each person with their last and next
contact, plan review, quiet and to-close flags; people to close; plan reviews due; the
file header's summary. Each query serves many people at once (no query per person)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import select

from app import clock, contact_rules
from app.care import appointments, plans
from app.care.appointments import waiting_for_outcome
from app.care.episode_rules import open_episode
from app.care.notes import late_notes_count, notes_count, notes_query
from app.care.times import day_bounds, local_moment
from app.clients import public as clients
from app.extensions import db
from app.models import Appointment, Client, Episode, Handover, Plan, User


@dataclass
class CaseloadRow:
    """One person on a caseload, as the worker's home and the team pages show them."""

    client: Client
    episode: Episode | None
    last_contact: datetime | None = None
    next_planned: datetime | None = None
    review_on: date | None = None
    quiet: bool = False
    to_close: bool = False

    @property
    def review_due(self) -> bool:
        return self.review_on is not None and self.review_on <= clock.today()


def _open_episodes(client_ids: list[int]) -> dict[int, Episode]:
    if not client_ids:
        return {}
    rows = db.session.scalars(
        select(Episode)
        .where(Episode.client_id.in_(client_ids), Episode.closed_on.is_(None))
        .order_by(Episode.id)
    )
    return {e.client_id: e for e in rows}


def caseload(worker_id: int | None = None, *, open_only: bool = False) -> list[CaseloadRow]:
    """A worker's people (or everyone's, with worker_id None and open_only True), in five
    queries whatever the number of people."""
    query = select(Client).order_by(Client.search_nickname, Client.search_given, Client.id)
    if worker_id is not None:
        query = query.where(Client.worker_id == worker_id)
    clients = list(db.session.scalars(query))
    episodes = _open_episodes([c.id for c in clients])
    if open_only:
        clients = [c for c in clients if c.id in episodes]
    ids = [c.id for c in clients]
    last = contact_rules.last_contacts(ids)
    planned = contact_rules.next_planned(ids)
    reviews = plans.review_dates([e.id for e in episodes.values()])
    today = clock.today()
    rows = []
    for c in clients:
        episode = episodes.get(c.id)
        row = CaseloadRow(
            client=c,
            episode=episode,
            last_contact=last.get(c.id),
            next_planned=planned.get(c.id),
            review_on=reviews.get(episode.id) if episode else None,
        )
        if episode is not None:
            last_day = contact_rules.local_day(row.last_contact)
            next_day = contact_rules.local_day(row.next_planned)
            row.quiet = contact_rules.is_quiet(last_day, episode.opened_on, today)
            row.to_close = contact_rules.should_close(last_day, episode.opened_on, next_day, today)
        rows.append(row)
    return rows


def people_to_close(worker_id: int | None = None) -> list[CaseloadRow]:
    """No contact for three months and no contact planned (the national rule)."""
    rows = caseload(worker_id, open_only=True)
    return sorted((r for r in rows if r.to_close), key=_quiet_since)


def _quiet_since(row: CaseloadRow) -> date:
    last = contact_rules.local_day(row.last_contact)
    return contact_rules.quiet_since(last, row.episode.opened_on) if row.episode else date.min


def plan_reviews_due(
    worker_id: int | None = None, within_days: int = plans.REVIEW_DUE_SOON_DAYS
) -> list[tuple[Plan, Client]]:
    """Plans of open episodes with a review date within `within_days` (or past), soonest first."""
    query = (
        select(Plan, Client)
        .join(Episode, Episode.id == Plan.episode_id)
        .join(Client, Client.id == Plan.client_id)
        .where(
            Episode.closed_on.is_(None),
            plans.newest_plan(),
            Plan.review_on <= clock.today() + timedelta(days=within_days),
        )
        .order_by(Plan.review_on, Plan.id)
    )
    if worker_id is not None:
        query = query.where(Client.worker_id == worker_id)
    return [(plan, client) for plan, client in db.session.execute(query)]


def visible_ids(client_ids: set[int], user: User) -> set[int]:
    """Which of these people `user` may open, in one query."""
    if not client_ids:
        return set()
    return set(
        db.session.scalars(
            select(Client.id).where(Client.id.in_(client_ids), clients.visible_condition(user))
        )
    )


def waiting_handovers(limit: int = 20) -> list[Handover]:
    """People the front desk handed over who are still waiting for a worker."""
    return list(
        db.session.scalars(
            select(Handover)
            .where(Handover.status == "waiting")
            .order_by(Handover.created_at)
            .limit(limit)
        )
    )


def summary_for(client) -> dict:
    """For the header of a file: the plan review date and the next appointment."""
    review_on = plans.review_date(open_episode(client))
    next_appointment = db.session.scalar(
        select(Appointment.starts_at)
        .where(
            Appointment.client_id == client.id,
            Appointment.cancelled.is_(False),
            Appointment.starts_at >= clock.now(),
        )
        .order_by(Appointment.starts_at)
        .limit(1)
    )
    return {
        "review_on": review_on,
        "review_due": review_on is not None and review_on <= clock.today(),
        "next_appointment": next_appointment,
    }


@dataclass
class MyWork:
    today: list = field(default_factory=list)  # [(appointment, client)]
    to_write: list = field(default_factory=list)  # [(appointment, client)] with nothing written
    reviews: list = field(default_factory=list)  # [(plan, client)]
    waiting: list = field(default_factory=list)  # [Handover]
    people: list = field(default_factory=list)  # [CaseloadRow]
    late_this_month: int = 0
    notes_this_month: int = 0

    @property
    def to_close(self) -> list[CaseloadRow]:
        return [r for r in self.people if r.to_close]


def appointments_between(start: datetime, end: datetime, worker_id: int | None = None):
    """[(appointment, client)] from start to end (not cancelled), for one worker or all."""
    return appointments.for_worker_between(worker_id, start, end)


def my_work(user: User) -> MyWork:
    """Everything on a worker's home page, for `user`."""
    today = clock.today()
    month_start = local_moment(today.replace(day=1), datetime.min.time())
    return MyWork(
        today=appointments_between(*day_bounds(today), worker_id=user.id),
        to_write=waiting_for_outcome(user.id),
        reviews=plan_reviews_due(user.id),
        waiting=waiting_handovers(),
        people=caseload(user.id),
        late_this_month=late_notes_count(user, since=month_start),
        notes_this_month=notes_count(user, since=month_start),
    )


RECENT_NOTES_WHEN_COVERING = 5


def cover_summary(client) -> dict:
    """The care part of the narrow view a worker covering for someone sees on the file page:
    the current plan and its goals, the last few notes and the coming appointments (not the
    whole history)."""
    episode = open_episode(client)
    plan = plans.current_plan(client, episode) if episode else None
    coming, _earlier = appointments.for_client(client)
    return {
        "plan": plan,
        "goals": plans.active_goals(plan) if plan else [],
        "recent_notes": list(
            db.session.scalars(notes_query(client).limit(RECENT_NOTES_WHEN_COVERING))
        ),
        "coming": coming[:5],
    }
