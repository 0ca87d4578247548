"""Warm handovers from the front desk to a peer worker, and matching by lived experience.

Handovers are client information: who may see one is decided here (`may_see`), and the
views write every look at them to the audit log.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import bindparam, func, select, update

from app import clock
from app.access import SENIOR, WORKER, can
from app.clients import public as clients
from app.core.people import users_by_id, works_with_people
from app.extensions import db
from app.models import Handover, User
from app.needs import EXPERIENCE, experience_for, match_score
from app.templating import day

WORKER_ROLES = (WORKER, SENIOR)


def may_see(handover: Handover, user) -> bool:
    """Workers, seniors and managers see every handover. Others see only today's, their own."""
    if can("handover.pick_up", user):
        return True
    return handover.created_by_id == user.id and handover.day == clock.today()


def create_handover(
    *,
    name: str | None,
    needs: list[str],
    urgency: str,
    reach: str,
    phone: str | None,
    note: str | None,
    by: User,
) -> Handover:
    handover = Handover(
        day=clock.today(),
        name=name or None,
        needs=list(needs),
        urgency=urgency,
        reach=reach,
        phone=(phone or None) if reach == "phone" else None,
        note=note or None,
        status="waiting",
        created_by_id=by.id,
        created_at=clock.now(),
    )
    db.session.add(handover)
    db.session.flush()
    return handover


def waiting() -> list[Handover]:
    """Everyone still waiting for a worker, the longest wait first."""
    return list(
        db.session.scalars(
            select(Handover).where(Handover.status == "waiting").order_by(Handover.id)
        )
    )


def recently_picked_up(days: int = 1) -> list[Handover]:
    since = clock.now() - timedelta(days=days)
    return list(
        db.session.scalars(
            select(Handover)
            .where(Handover.status == "picked_up", Handover.picked_up_at >= since)
            .order_by(Handover.picked_up_at.desc())
        )
    )


def made_today_by(user: User) -> list[Handover]:
    return list(
        db.session.scalars(
            select(Handover)
            .where(Handover.created_by_id == user.id, Handover.day == clock.today())
            .order_by(Handover.id.desc())
        )
    )


def visible_list(user) -> tuple[list[Handover], list[Handover]]:
    """(waiting, with a worker or closed) as this person may see them."""
    if can("handover.pick_up", user):
        return waiting(), recently_picked_up()
    mine = made_today_by(user)
    return [h for h in mine if h.status == "waiting"], [h for h in mine if h.status != "waiting"]


# Built once: asked by every desk every few seconds (/frontdesk/totals).
_WAITING = select(func.count()).select_from(Handover).where(Handover.status == "waiting")
_WAITING_MINE = _WAITING.where(
    Handover.created_by_id == bindparam("user"), Handover.day == bindparam("day")
)


def waiting_count(user) -> int:
    """How many of `visible_list(user)`'s people are waiting, in one counting query."""
    if can("handover.pick_up", user):
        return db.session.scalar(_WAITING) or 0
    return db.session.scalar(_WAITING_MINE, {"user": user.id, "day": clock.today()}) or 0


def pick_up(handover: Handover, *, by: User) -> bool:
    """Give the handover to this worker. False when someone else got there first. Refused
    when the handover is linked to a file of someone they know outside work."""
    clients.refuse_if_known(handover.client_id, by)
    result = db.session.execute(
        update(Handover)
        .where(Handover.id == handover.id, Handover.status == "waiting")
        .values(status="picked_up", picked_up_by_id=by.id, picked_up_at=clock.now())
        .execution_options(synchronize_session=False)
    )
    db.session.refresh(handover)
    return result.rowcount == 1


def close(handover: Handover, *, reason: str, by: User) -> bool:
    """Close a handover nobody picked up. False when it is not waiting any more."""
    result = db.session.execute(
        update(Handover)
        .where(Handover.id == handover.id, Handover.status == "waiting")
        .values(status="closed", closed_reason=reason, closed_at=clock.now(), closed_by_id=by.id)
        .execution_options(synchronize_session=False)
    )
    db.session.refresh(handover)
    return result.rowcount == 1


@dataclass
class Match:
    worker: User
    score: int
    shared: list[str]  # the plain words of the experience that fits


def workers_for_matching(handover: Handover | None = None) -> list[User]:
    """Active workers and seniors; for a handover linked to a file, not those who know the
    person outside work (the clients area's one rule)."""
    workers = db.session.scalars(
        select(User).where(works_with_people(*WORKER_ROLES)).order_by(User.display_name)
    )
    known = clients.workers_who_know(handover.client_id if handover is not None else None)
    return [w for w in workers if w.id not in known]


def matches(handover: Handover, workers: list[User] | None = None) -> list[Match]:
    """Workers whose shared lived experience fits what the person wants help with, best first.
    Never a worker who knows the person outside work."""
    workers = workers_for_matching(handover) if workers is None else workers
    known = clients.workers_who_know(handover.client_id)
    fitting = experience_for(handover.needs or [])
    found = []
    for worker in workers:
        if worker.id in known:
            continue
        score = match_score(worker.shared_experience or [], handover.needs or [])
        if score:
            shared = [
                EXPERIENCE[t] for t in EXPERIENCE if t in fitting & set(worker.shared_experience)
            ]
            found.append(Match(worker=worker, score=score, shared=shared))
    return sorted(found, key=lambda m: (-m.score, m.worker.display_name))


def people(handovers: list[Handover]) -> dict[int, User]:
    """The workers and desk volunteers named on these handovers, by id."""
    return users_by_id(
        i for h in handovers for i in (h.created_by_id, h.picked_up_by_id, h.closed_by_id)
    )


def waited(handover: Handover) -> str:
    """How long they have waited, in words: "4 minutes", "2 hours", "since Monday"."""
    minutes = int((clock.now() - handover.created_at).total_seconds() // 60)
    if minutes < 1:
        return "less than a minute"
    if minutes < 60:
        return f"{minutes} minute{'s' if minutes != 1 else ''}"
    if handover.day == clock.today():
        hours = minutes // 60
        return f"{hours} hour{'s' if hours != 1 else ''}"
    return f"since {day(handover.created_at)}"
