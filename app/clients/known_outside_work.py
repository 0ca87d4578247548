"""Workers who know a person outside work (a dual relationship), and the one rule that keeps
the file away from them.

The model of care asks: "How will your organisation respond if/when you become aware that a
peer worker is friends with a service user outside of work?" Here: the worker says so (on a
file they can open), or tells a senior, who writes it on the file for them (a worker cannot
open a file that is not theirs, and should not have to). From then on the file never goes to
that worker: `refuse_if_known` is the one rule, and every way a file reaches a worker
(allocation, re-allocation, a warm handover, cover) calls it through the public module.
Seniors see each one on the file and on the caseloads page; a senior can end one made by
mistake, with why (never deleted).
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select

from app import audit, clock
from app.core.saving import Refused
from app.extensions import db
from app.models import Client, KnownOutsideWork, User

# How they know the person, in the words of the form.
HOW: dict[str, str] = {
    "friends": "Friends",
    "family": "Family",
    "partner": "Partners, or were partners",
    "neighbours": "Neighbours",
    "other": "Another way",
}


def refusal_words(worker) -> str:
    """The one message when a file would go to a worker who knows the person."""
    return (
        f"{worker.display_name} has said they know this person outside work, "
        "so the file cannot go to them."
    )


def _current():
    return select(KnownOutsideWork).where(KnownOutsideWork.ended_at.is_(None))


def workers_who_know(client_id: int | None) -> set[int]:
    """The ids of the workers who know this person outside work (none for no file)."""
    if client_id is None:
        return set()
    return set(
        db.session.scalars(
            select(KnownOutsideWork.worker_id).where(
                KnownOutsideWork.client_id == client_id, KnownOutsideWork.ended_at.is_(None)
            )
        )
    )


def knows(client_id: int | None, worker_id: int | None) -> bool:
    return worker_id is not None and worker_id in workers_who_know(client_id)


def refuse_if_known(client: Client | int | None, worker) -> None:
    """THE rule: a file (or a file's id) never goes to a worker who knows the person outside
    work. Raises Refused with the one message."""
    client_id = client if isinstance(client, int) or client is None else client.id
    if worker is not None and knows(client_id, worker.id):
        raise Refused(refusal_words(worker))


def declare(client: Client, worker: User, *, how: str, note: str | None, by: User):
    """Write down that `worker` knows the person outside work (said by them, or by a senior
    for them)."""
    if how not in HOW:
        raise Refused("Choose how they know the person.")
    if knows(client.id, worker.id):
        raise Refused(f"{worker.display_name} has said so already.")
    record = KnownOutsideWork(
        client_id=client.id,
        worker_id=worker.id,
        how=how,
        note=(note or "").strip()[:300] or None,
        created_by_id=by.id,
    )
    db.session.add(record)
    db.session.flush()
    audit.record(
        "client.known_outside_work",
        record=record,
        client_id=client.id,
        detail={"worker_id": worker.id, "how": how, "for_them": by.id != worker.id},
    )
    return record


def end(record: KnownOutsideWork, *, reason: str, by: User) -> None:
    """A senior ends one made by mistake; it is kept, with why."""
    if record.ended_at is not None:
        raise Refused("This has ended already.")
    if not (reason or "").strip():
        raise Refused("Say why it was a mistake.")
    record.ended_at = clock.now()
    record.ended_by_id = by.id
    record.ended_reason = reason.strip()[:300]
    audit.record("client.known_outside_work_ended", record=record, client_id=record.client_id)


def for_client(client: Client) -> list[KnownOutsideWork]:
    return list(
        db.session.scalars(
            _current().where(KnownOutsideWork.client_id == client.id).order_by(KnownOutsideWork.id)
        )
    )


def of_worker(worker: User) -> list[KnownOutsideWork]:
    return list(
        db.session.scalars(
            _current().where(KnownOutsideWork.worker_id == worker.id).order_by(KnownOutsideWork.id)
        )
    )


def everyone(limit: int = 200) -> list[KnownOutsideWork]:
    """Every current one, for the seniors' caseloads page: files with the worker who knows
    the person come first (they should move)."""
    rows = list(
        db.session.scalars(
            _current()
            .join(Client, Client.id == KnownOutsideWork.client_id)
            .where(Client.merged_into_id.is_(None))
            .order_by(KnownOutsideWork.id.desc())
            .limit(limit)
        )
    )
    clients = {c.id: c for c in _clients(r.client_id for r in rows)}
    rows.sort(key=lambda r: clients[r.client_id].worker_id != r.worker_id)
    return rows


def _clients(ids: Iterable[int]) -> list[Client]:
    wanted = set(ids)
    if not wanted:
        return []
    return list(db.session.scalars(select(Client).where(Client.id.in_(wanted))))


def clients_of(rows: Iterable[KnownOutsideWork]) -> dict[int, Client]:
    return {c.id: c for c in _clients(r.client_id for r in rows)}
