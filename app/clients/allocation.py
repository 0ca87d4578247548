"""Who supports a person: giving a file to a worker (a senior does; a worker asks), the
requests waiting for a senior, caseload counts, and the workers who fit a person's needs."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from app import audit, clock
from app.access import SENIORS
from app.clients import known_outside_work, preferences
from app.clients.timeline import add_to_timeline
from app.core.people import user_by_id, works_with_people
from app.extensions import db
from app.models import Allocation, AllocationRequest, Client, User
from app.needs import EXPERIENCE, experience_for, match_score


def caseload_of(user) -> int:
    """How many people this worker supports now."""
    return db.session.scalar(
        select(func.count()).select_from(Client).where(Client.worker_id == user.id)
    )


def caseload_counts() -> dict[int, int]:
    """How many people each worker supports now."""
    rows = db.session.execute(
        select(Client.worker_id, func.count())
        .where(Client.worker_id.is_not(None))
        .group_by(Client.worker_id)
    )
    return {worker_id: count for worker_id, count in rows}


def current_allocation(client: Client) -> Allocation | None:
    return db.session.scalar(
        select(Allocation)
        .where(Allocation.client_id == client.id, Allocation.ended_on.is_(None))
        .order_by(Allocation.id.desc())
    )


def allocations(client: Client) -> list[Allocation]:
    """Everyone who has supported the person, newest first."""
    return list(
        db.session.scalars(
            select(Allocation)
            .where(Allocation.client_id == client.id)
            .order_by(Allocation.started_on.desc(), Allocation.id.desc())
        )
    )


def allocate(
    client: Client,
    worker: User,
    *,
    reason: str,
    by,
    preference_reason: str | None = None,
    check_preferences: bool = True,
) -> Allocation:
    """Give the file to a worker. A senior's allocation is approved as it is made.

    A worker who does not meet what the person asked for needs `preference_reason`
    (app/clients/preferences.py); it is kept on the allocation and its timeline line.
    Never to a worker who knows the person outside work (app/clients/known_outside_work.py)."""
    known_outside_work.refuse_if_known(client, worker)
    unmet = (
        preferences.check_choice(client, worker, preference_reason)
        if check_preferences
        else preferences.fit(worker, client.worker_preferences).unmet
    )
    kept_reason = preference_reason.strip()[:300] if unmet and preference_reason else None
    today = clock.today()
    previous = current_allocation(client)
    if previous is not None:
        previous.ended_on = today
    approved = by is not None and by.role in SENIORS
    allocation = Allocation(
        client_id=client.id,
        worker_id=worker.id,
        started_on=today,
        reason=reason,
        preference_reason=kept_reason,
        approved_by_id=by.id if approved else None,
        approved_at=clock.now() if approved else None,
        created_by_id=getattr(by, "id", None),
    )
    db.session.add(allocation)
    client.worker_id = worker.id
    db.session.flush()
    audit.record(
        "client.allocated",
        record=allocation,
        client_id=client.id,
        detail={"worker_id": worker.id, "against_preferences": bool(kept_reason)},
    )
    summary = f"Now supported by {worker.display_name}"
    if kept_reason:
        summary += f". Not what they asked for in a worker, because: {kept_reason}"
    add_to_timeline(client, kind="allocated", summary=summary[:300], record=allocation)
    return allocation


def approve_allocation(allocation: Allocation, by) -> None:
    allocation.approved_by_id = by.id
    allocation.approved_at = clock.now()
    audit.record("client.allocation_approved", record=allocation, client_id=allocation.client_id)


def ask_for_allocation(
    client: Client, worker: User, *, reason: str, by, preference_reason: str | None = None
) -> AllocationRequest:
    """A worker asks for the file to go to a worker. Nothing changes until a senior says yes.
    Asking for a worker who does not meet what the person asked for needs a reason too."""
    known_outside_work.refuse_if_known(client, worker)
    unmet = preferences.check_choice(client, worker, preference_reason)
    asked = AllocationRequest(
        client_id=client.id,
        worker_id=worker.id,
        reason=reason,
        preference_reason=preference_reason.strip()[:300] if unmet and preference_reason else None,
        created_by_id=by.id,
    )
    db.session.add(asked)
    db.session.flush()
    audit.record(
        "client.allocation_asked",
        record=asked,
        client_id=client.id,
        detail={"worker_id": worker.id},
    )
    return asked


def allocation_requests_waiting(client: Client) -> list[AllocationRequest]:
    return list(
        db.session.scalars(
            select(AllocationRequest)
            .where(AllocationRequest.client_id == client.id, AllocationRequest.state == "waiting")
            .order_by(AllocationRequest.created_at, AllocationRequest.id)
        )
    )


def answer_allocation_request(asked: AllocationRequest, client: Client, by, *, yes: bool) -> None:
    """A senior's yes gives the file to the worker asked for; a no leaves it as it is."""
    if asked.state != "waiting":
        return
    asked.decided_by_id = by.id
    asked.decided_at = clock.now()
    if not yes:
        asked.state = "declined"
        audit.record("client.allocation_declined", record=asked, client_id=client.id)
        return
    asked.state = "approved"
    if client.worker_id != asked.worker_id:
        worker = user_by_id(asked.worker_id)
        # The senior's yes to a request that already gave its reason (or was asked before
        # the preference was written down) is not refused here.
        asked.allocation_id = allocate(
            client,
            worker,
            reason=asked.reason,
            by=by,
            preference_reason=asked.preference_reason,
            check_preferences=False,
        ).id
    audit.record("client.allocation_request_approved", record=asked, client_id=client.id)


def who_supports(client: Client) -> dict[str, str]:
    """What the pages that give a file to a worker show, to tell when someone else did."""
    return {"Who supports them now": client.worker.display_name if client.worker else "No one"}


# --- matching: the workers who fit ----------------------------------------------------------


@dataclass
class Suggestion:
    worker: User
    score: int
    caseload: int
    shared: list[str]
    fit: preferences.Fit | None = None
    knows_them: bool = False  # knows the person outside work: the file cannot go to them


def suggest_workers(
    needs: list[str], wanted: dict | None = None, client_id: int | None = None
) -> list[Suggestion]:
    """Workers and seniors, best fit first: shared lived experience, then fewest people.
    Workers who know the person outside work come last, marked."""
    counts = caseload_counts()
    known = known_outside_work.workers_who_know(client_id)
    fitting = experience_for(needs)
    people = db.session.scalars(select(User).where(works_with_people("worker", "senior")))
    suggestions = [
        Suggestion(
            worker=u,
            score=match_score(u.shared_experience or [], needs),
            caseload=counts.get(u.id, 0),
            shared=[
                EXPERIENCE[t]
                for t in (u.shared_experience or [])
                if t in fitting and t in EXPERIENCE
            ],
            fit=preferences.fit(u, wanted),
            knows_them=u.id in known,
        )
        for u in people
    ]
    # Workers who meet what the person asked for come first, then shared experience.
    suggestions.sort(
        key=lambda s: (s.knows_them, not s.fit.meets, -s.score, s.caseload, s.worker.display_name)
    )
    return suggestions
