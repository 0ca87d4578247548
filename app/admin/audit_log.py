"""The audit log as a manager reads it: found by file, person, kind and dates, told in
plain words (names, not numbers), downloaded as a spreadsheet, and refused attempts by day."""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import Select, or_, select

from app import audit, audit_words, clock, templating
from app.clients import public as clients
from app.core.numbers import whole_number
from app.core.people import users_by_id
from app.extensions import db
from app.models import AuditEvent, Client

# --- the audit log ---------------------------------------------------------------------------

MAX_ID = 2**31 - 1
CSV_ROWS = 20_000  # the newest this many; a narrower filter gives the rest


def kind_choices() -> list[tuple[str, str]]:
    return [("", "Any kind")] + [(kind, kind) for kind in audit_words.KINDS]


def find_client_ids(text: str) -> list[int]:
    """The files a manager means by a name or a file number ("Tam", "Tam Smith", "12")."""
    text = (text or "").strip()
    digits = text.removeprefix("#").strip()
    number = whole_number(digits)
    if number is not None:
        return [number] if 0 < number <= MAX_ID else []
    words = [w for w in (clients.search_text(part) for part in text.split()) if w]
    if not words:
        return []
    query = select(Client.id)
    for word in words:
        prefix = word + "%"
        query = query.where(
            or_(
                Client.search_given.like(prefix),
                Client.search_family.like(prefix),
                Client.search_nickname.like(prefix),
            )
        )
    return list(db.session.scalars(query.limit(500)))


def audit_query(
    *,
    client_ids: list[int] | None = None,
    staff_id: int | None = None,
    kind: str = "",
    since: date | None = None,
    until: date | None = None,
) -> Select:
    """The audit log, newest first, narrowed by whatever was asked.

    A person's file finds everything about it: openings, cover openings, changes, giving
    the file to a worker, refused attempts at it.
    """
    query = select(AuditEvent).order_by(AuditEvent.created_at.desc(), AuditEvent.id.desc())
    if client_ids is not None:
        query = query.where(AuditEvent.client_id.in_(client_ids))
    if staff_id is not None:
        query = query.where(AuditEvent.created_by_id == staff_id)
    if kind in audit_words.KINDS:
        exact, starts = audit_words.kind_codes(kind)
        query = query.where(
            or_(AuditEvent.action.in_(exact), *(AuditEvent.action.startswith(s) for s in starts))
        )
    if since:
        query = query.where(AuditEvent.created_at >= clock.start_of(since))
    if until:
        query = query.where(AuditEvent.created_at < clock.start_of(until + timedelta(days=1)))
    return query


@dataclass
class AuditRow:
    """One entry as a manager reads it."""

    at: datetime
    who: str
    what: str
    about: str
    address: str


def _int(value) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _staff_about(event: AuditEvent) -> int | None:
    """The staff member an entry is about, when it is about a person on the staff."""
    if event.record_type == "User":
        return event.record_id
    detail = event.detail if isinstance(event.detail, dict) else {}
    for key in ("person", "user", "worker_id"):
        if _int(detail.get(key)) is not None:
            return detail[key]
    return _int(detail.get("to")) if event.action == "team.reallocated" else None


def audit_rows(events: list[AuditEvent]) -> list[AuditRow]:
    """Entries in plain words: names, not numbers. One query for the files, one for people."""
    client_ids = {e.client_id for e in events if e.client_id is not None}
    files = {c.id: c for c in db.session.scalars(select(Client).where(Client.id.in_(client_ids)))}
    user_ids = {e.created_by_id for e in events} | {_staff_about(e) for e in events}
    user_ids.discard(None)
    names = {i: u.display_name for i, u in users_by_id(user_ids).items()}
    return [_row(e, files, names) for e in events]


def _row(event: AuditEvent, files: dict, names: dict) -> AuditRow:
    detail = event.detail if isinstance(event.detail, dict) else {}
    if event.created_by_id is not None:
        who = names.get(event.created_by_id, f"Staff member number {event.created_by_id}")
    else:
        who = audit_words.SOMEONE if event.address else audit_words.SYSTEM
    what = audit_words.describe(event.action, detail)
    if event.action == audit.REFUSED and detail.get("path"):
        what = f"{what} ({detail.get('method', 'GET')} {detail['path']})"
    elif event.action in ("client.allocated", "team.reallocated"):
        worker = names.get(_staff_about(event))
        what = f"{what}: {worker}" if worker else what
    return AuditRow(
        at=event.created_at,
        who=who,
        what=what,
        about=_about(event, files, names),
        address=event.address or "",
    )


def _about(event: AuditEvent, files: dict, names: dict) -> str:
    if event.client_id is not None:
        client = files.get(event.client_id)
        if client is None:
            return f"A deleted file, number {event.client_id}"
        return f"{client.full_name}, file {client.id}"
    staff = _staff_about(event)
    if staff is not None and staff in names:
        return f"Staff member {names[staff]}"
    return ""


CSV_HEADINGS = ["Day", "Time", "Who", "What they did", "Whose file or account", "From where"]


def csv_cell(text: str) -> str:
    """A spreadsheet must never run a cell as a formula."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def audit_csv(query: Select) -> tuple[str, int]:
    """(the CSV text, how many entries): the newest CSV_ROWS entries of the filtered log."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_HEADINGS)
    count = 0
    for offset in range(0, CSV_ROWS, 500):
        events = list(db.session.scalars(query.limit(500).offset(offset)))
        for row in audit_rows(events):
            cells = [
                templating.day(row.at),
                templating.time_of_day(row.at),
                row.who,
                row.what,
                row.about,
                row.address,
            ]
            writer.writerow([csv_cell(c) for c in cells])
        count += len(events)
        if len(events) < 500:
            break
    return out.getvalue(), count


@dataclass
class RefusedDay:
    day: date
    who: str
    count: int
    capped: bool  # more were refused than were written down


def refused_by_day(days: int = 14) -> list[RefusedDay]:
    """Refused attempts per staff member per day, newest day first, for the last `days`."""
    since = clock.start_of(clock.today() - timedelta(days=days - 1))
    found = db.session.execute(
        select(AuditEvent.created_by_id, AuditEvent.created_at, AuditEvent.action).where(
            AuditEvent.action.in_((audit.REFUSED, audit.CAPPED)), AuditEvent.created_at >= since
        )
    ).all()
    counts: dict[tuple[date, int | None], list] = defaultdict(lambda: [0, False])
    for user_id, at, action in found:
        key = (at.astimezone(clock.CANBERRA).date(), user_id)
        if action == audit.CAPPED:
            counts[key][1] = True
        else:
            counts[key][0] += 1
    ids = {user_id for _, user_id in counts if user_id is not None}
    names = {i: u.display_name for i, u in users_by_id(ids).items()}
    rows = [
        RefusedDay(on, names.get(user_id, audit_words.SOMEONE), count, capped)
        for (on, user_id), (count, capped) in counts.items()
    ]
    return sorted(rows, key=lambda r: (-r.day.toordinal(), -r.count, r.who))
