"""Keeping files no longer than the law asks: the ACT Health Records (Privacy and Access) Act.

An adult's file may go 7 years after the last contact; a child's file is kept until they
are 25 (and at least 7 years). The manager reviews each file the app lists and confirms;
then every row of the file is removed, and the audit log keeps only the fact that it
happened (the file's number, who, when, and how many rows), never what it held.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import Table, delete, func, select, update

from app import audit, clock
from app.contact_rules import local_day, months_before
from app.drafts import public as drafts
from app.extensions import db
from app.models import Appointment, Base, CaseNote, Client, Episode, Handover

RETENTION_YEARS = 7
CHILD_UNTIL_AGE = 25


@dataclass
class DueFile:
    client: Client
    last_contact: date
    may_go_on: date


def keep_until(last_contact: date, born_on: date | None) -> date:
    """The first day a file may be deleted."""
    seven_years = months_before(last_contact, -12 * RETENTION_YEARS)
    if born_on is None:
        return seven_years
    adult_at_contact = months_before(last_contact, 12 * 18) >= born_on
    if adult_at_contact:
        return seven_years
    return max(seven_years, months_before(born_on, -12 * CHILD_UNTIL_AGE))


def _latest(model, column, ids: list[int]) -> dict[int, datetime | date]:
    rows = db.session.execute(
        select(model.client_id, func.max(column))
        .where(model.client_id.in_(ids))
        .group_by(model.client_id)
    )
    return dict(rows.all())


def last_contact(client: Client, found: dict[str, dict]) -> date:
    """The latest of: the file made, a case note, an appointment, an episode opened or closed."""
    days = [local_day(client.created_at)]
    for kind in ("notes", "appointments"):
        if client.id in found[kind]:
            days.append(local_day(found[kind][client.id]))
    for kind in ("opened", "closed"):
        if found[kind].get(client.id):
            days.append(found[kind][client.id])
    return max(d for d in days if d is not None)


def files_due(today: date | None = None, limit: int = 200) -> list[DueFile]:
    """Files whose time is up, oldest first. Only files made 7 or more years ago can be due,
    so the search starts from those and looks up their last contacts in a few queries."""
    today = today or clock.today()
    oldest_possible = months_before(today, 12 * RETENTION_YEARS)
    made_by = datetime.combine(oldest_possible + timedelta(days=1), time.min, clock.CANBERRA)
    candidates = list(
        db.session.scalars(
            select(Client)
            .where(Client.created_at < made_by)
            .order_by(Client.created_at)
            .limit(limit * 5)
        )
    )
    ids = [c.id for c in candidates]
    found = {
        "notes": _latest(CaseNote, CaseNote.contact_at, ids),
        "appointments": _latest(Appointment, Appointment.starts_at, ids),
        "opened": _latest(Episode, Episode.opened_on, ids),
        "closed": _latest(Episode, Episode.closed_on, ids),
    }
    due = []
    for client in candidates:
        seen = last_contact(client, found)
        until = keep_until(seen, client.born_on)
        if until <= today:
            due.append(DueFile(client, seen, until))
    return due[:limit]


def _tables_pointing_at(table: Table):
    for other in Base.metadata.sorted_tables:
        for fk in other.foreign_keys:
            if fk.column.table is table:
                yield other, fk.parent


def delete_file(client: Client, *, by) -> dict[str, int]:
    """Remove every row of a person's file, children first. Returns rows removed per table.

    A row that belongs to someone else but points at this file (another person's issue
    linked to this person's systemic issue) is kept, with the link emptied.
    """
    client_id = client.id
    doomed: dict[Table, set[int]] = {Client.__table__: {client_id}}
    unlink: list[tuple[Table, object, set[int]]] = []
    queue = [Client.__table__]
    while queue:
        table = queue.pop()
        for other, column in _tables_pointing_at(table):
            owner = other.c.get("client_id")
            query = select(other.c.id, owner if owner is not None else other.c.id).where(
                column.in_(doomed[table])
            )
            mine, theirs = set(), set()
            for row_id, row_owner in db.session.execute(query):
                belongs_elsewhere = owner is not None and row_owner not in (None, client_id)
                (theirs if belongs_elsewhere else mine).add(row_id)
            if theirs:
                unlink.append((other, column, theirs))
            new = mine - doomed.get(other, set())
            if new:
                doomed.setdefault(other, set()).update(new)
                queue.append(other)
    for table, column, ids in unlink:
        db.session.execute(update(table).where(table.c.id.in_(ids)).values({column.name: None}))
    db.session.execute(
        update(Handover).where(Handover.client_id == client_id).values(client_id=None)
    )
    removed = {}
    for table in reversed(Base.metadata.sorted_tables):
        if table in doomed:
            # Rows of a table that point at each other (a corrected note) go in one statement.
            db.session.execute(delete(table).where(table.c.id.in_(doomed[table])))
            removed[table.name] = len(doomed[table])
    drafts.remove_old_drafts()  # this file's drafts went above; others left 30 days go too
    audit.record(
        "client.deleted_under_retention",
        client_id=client_id,
        user=by,
        detail={"rows_removed": sum(removed.values())},
    )
    return removed
