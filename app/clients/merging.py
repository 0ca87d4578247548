"""Two files of the same person made one (a senior or the manager does it).

Every record of the other file moves to the file kept: every table with a `client_id`
column (and any other column pointing at a file, such as a link's other end), found from
the model itself, so a new area's table is covered without a change here. The other file
stays as a pointer (`merged_into_id`): opening it goes to the file kept, and it shows in
no list (`active_files()`). The audit log is not moved: it says what happened to which file.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Table, func, select, update
from sqlalchemy.orm.attributes import flag_modified

from app import audit, clock
from app.clients import files, registration
from app.clients.episodes import open_episode_of
from app.clients.timeline import add_to_timeline
from app.core.saving import Refused
from app.extensions import db
from app.models import Allocation, AuditEvent, Base, Client, ClientLink

# The file itself, and the log of what happened (it keeps both ids as they were).
NOT_MOVED = frozenset({Client.__tablename__, AuditEvent.__tablename__})

BOTH_OPEN = "Both files have an open episode. Close one first, then merge."
SAME_FILE = "A file cannot be merged into itself. Choose the other file of this person."
MOST_HOPS = 10  # a pointer to a pointer (a file kept, later merged itself)

# What the check page counts, in words; other tables are counted as "Other records".
RECORD_WORDS = {
    "episode": "Episodes of care",
    "case_note": "Case notes",
    "appointment": "Appointments",
    "plan": "Plans",
    "assessment": "Assessments",
    "consent": "Consents",
    "referral": "Referrals",
    "aid_given": "Material aid",
    "advocacy_issue": "Advocacy",
    "client_link": "Links to other files",
    "client_child": "Children",
    "timeline_entry": "Timeline lines",
}


def active_files():
    """A WHERE clause: files that are not merged into another. Every list of files uses it."""
    return Client.merged_into_id.is_(None)


def kept_file_of(client: Client) -> Client | None:
    """The file a merged file now lives in (following a chain of merges); None when the
    file was not merged."""
    if client is None or client.merged_into_id is None:
        return None
    kept = client
    for _ in range(MOST_HOPS):
        if kept.merged_into_id is None:
            return kept
        kept = db.session.get(Client, kept.merged_into_id)
    return kept


def client_columns() -> list[tuple[Table, str]]:
    """(table, column) for every column that holds a file's id, except the file's own id
    and the audit log. A new table with `client_id` is found here without a change."""
    found = []
    for table in Base.metadata.sorted_tables:
        if table.name == AuditEvent.__tablename__:
            continue
        for column in table.columns:
            points_at_a_file = any(fk.column.table.name == "client" for fk in column.foreign_keys)
            if column.name == "client_id" or points_at_a_file:
                found.append((table, column.name))
    return found


def tables_with_records() -> list[Table]:
    return [
        t for t in Base.metadata.sorted_tables if "client_id" in t.c and t.name not in NOT_MOVED
    ]


@dataclass
class Side:
    """One file as the check page shows it."""

    client: Client
    counts: list[tuple[str, int]]
    episodes_open: bool


def record_counts(client: Client) -> list[tuple[str, int]]:
    """How many records of each kind the file has (the check page)."""
    counts: dict[str, int] = {}
    for table in tables_with_records():
        n = db.session.scalar(
            select(func.count()).select_from(table).where(table.c.client_id == client.id)
        )
        words = RECORD_WORDS.get(table.name, "Other records")
        counts[words] = counts.get(words, 0) + (n or 0)
    order = [*RECORD_WORDS.values(), "Other records"]
    return [(w, counts[w]) for w in order if w in counts]


def side(client: Client) -> Side:
    return Side(client, record_counts(client), open_episode_of(client) is not None)


def merge_refusal(kept: Client, other: Client) -> str | None:
    """Why these two files cannot be merged, in plain words; None when they can."""
    if kept.id == other.id:
        return SAME_FILE
    for c in (kept, other):
        if c.merged_into_id is not None:
            return (
                f"File #{c.id} was already merged into file #{c.merged_into_id}. "
                "Choose a file that is still in use."
            )
    if open_episode_of(kept) is not None and open_episode_of(other) is not None:
        return BOTH_OPEN
    return None


def _fill_gaps(kept: Client, other: Client) -> None:
    """Details the kept file has no answer for are taken from the other file."""
    theirs = registration.answers_of_client(other)
    gaps = {
        k: v
        for k, v in theirs.items()
        if v not in (None, "", []) and getattr(kept, k) in (None, "", [])
    }
    if gaps:
        changes = files._apply(kept, gaps, kept.not_said or [])
        files.record_change(kept, changes, reason=f"Added from file #{other.id} when merged")


def _end_allocations(other: Client) -> None:
    """The other file's worker stops supporting it: the kept file's worker goes on."""
    for a in db.session.scalars(
        select(Allocation).where(Allocation.client_id == other.id, Allocation.ended_on.is_(None))
    ):
        a.ended_on = clock.today()


def _tidy_links(kept: Client) -> None:
    """A link between the two files, or the same link twice, is taken off by the merge."""
    links = db.session.scalars(
        select(ClientLink).where(
            (ClientLink.client_id == kept.id) | (ClientLink.other_client_id == kept.id),
            ClientLink.removed_at.is_(None),
        )
    ).all()
    seen = set()
    for link in sorted(links, key=lambda x: x.id):
        pair = frozenset((link.client_id, link.other_client_id))
        if len(pair) == 1 or pair in seen:
            link.removed_at = clock.now()
            link.removed_reason = "The two files were merged"
        seen.add(pair)


def merge_files(kept: Client, other: Client, *, by) -> None:
    """Move every record of `other` to `kept`; `other` becomes a pointer. Whole or not at
    all (the caller's savepoint). Two seniors merging at once: both files' versions go up
    here, so the second save finds a newer version and is refused (StaleDataError)."""
    why_not = merge_refusal(kept, other)
    if why_not:
        raise Refused(why_not)
    if kept.worker_id is None and other.worker_id is not None:
        kept.worker_id = other.worker_id  # their worker's allocation comes with the records
    else:
        _end_allocations(other)
    if kept.support_level is None:
        kept.support_level = other.support_level
    _fill_gaps(kept, other)
    other.merged_into_id = kept.id
    other.worker_id = None  # out of every caseload
    flag_modified(kept, "given_name")  # a new version even when nothing else changed
    db.session.flush()  # the versions: a merge saved by someone else in between stops here

    for table, column in client_columns():
        if table.name == Client.__tablename__ and column != "merged_into_id":
            continue  # the file's own columns; files merged into `other` now point to `kept`
        db.session.execute(
            update(table).where(table.c[column] == other.id).values({column: kept.id})
        )
    db.session.expire_all()  # rows loaded before the move still carry the old file's id
    _tidy_links(kept)

    detail = {"kept": kept.id, "merged": other.id}
    add_to_timeline(kept, kind="merged", summary=f"Merged with file #{other.id} ({other.name})")
    audit.record("client.merged", record=kept, client_id=kept.id, user=by, detail=detail)
    audit.record("client.merged_away", record=other, client_id=other.id, user=by, detail=detail)
