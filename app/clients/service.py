"""Client files: who may open one, finding one, making one and changing its details.

Other areas use `get_client_for_current_user(client_id)` to load a file (404 when it is
missing or not theirs to see), `can_open(user, client)`, and `current_consent_for` (from
consents.py, also importable from here) before sharing anything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from flask import abort, session
from flask_login import current_user
from sqlalchemy import Select, and_, exists, false, func, or_, select, true
from sqlalchemy.orm.exc import StaleDataError

from app import audit, clock
from app.access import SENIORS, WORKER, can
from app.clients import registration
from app.clients.consents import current_consent_for  # noqa: F401  (for other areas)
from app.clients.timeline import add_to_timeline
from app.extensions import db
from app.models import Allocation, Client, ClientChange, CoverAccess, RegistrationDraft, User
from app.standards import codes
from app.standards.slk import slk581

# --- who may open a file ----------------------------------------------------------------


def _handover_model():
    """The front desk's Handover, when that area is there (it is built alongside)."""
    try:
        from app.models import Handover
    except ImportError:  # pragma: no cover - only before the front desk area lands
        return None
    return Handover


def _picked_up_by(user) -> Select | None:
    handover = _handover_model()
    if handover is None:
        return None
    return select(handover.client_id).where(
        handover.picked_up_by_id == user.id, handover.client_id.is_not(None)
    )


def _covering(user) -> Select:
    return select(CoverAccess.client_id).where(
        CoverAccess.user_id == user.id, CoverAccess.until > clock.now()
    )


def visible_condition(user, *, with_cover: bool = True):
    """A WHERE clause: the clients this person may open."""
    if not getattr(user, "is_authenticated", False) or not can("clients.open", user):
        return false()
    if user.role in SENIORS:
        return true()
    own = [Client.worker_id == user.id]
    picked = _picked_up_by(user)
    if picked is not None:
        own.append(Client.id.in_(picked))
    if with_cover:
        own.append(Client.id.in_(_covering(user)))
    return or_(*own)


def is_own(user, client) -> bool:
    """Allocated to them, or a handover they picked up (not counting cover)."""
    if client.worker_id == user.id:
        return True
    picked = _picked_up_by(user)
    return picked is not None and db.session.scalar(
        select(exists().where(Client.id == client.id, Client.id.in_(picked)))
    )


def has_cover(user, client) -> bool:
    return db.session.scalar(
        select(
            exists().where(
                CoverAccess.client_id == client.id, CoverAccess.client_id.in_(_covering(user))
            )
        )
    )


def can_open(user, client) -> bool:
    """True when this person may open this file."""
    if client is None or not can("clients.open", user):
        return False
    if user.role in SENIORS:
        return True
    return is_own(user, client) or has_cover(user, client)


def get_client_for_current_user(client_id: int) -> Client:
    """The client, or 404 when there is no such file or it is not this person's to open."""
    client = db.session.get(Client, client_id)
    if client is None or not can_open(current_user, client):
        abort(404)
    return client


COVER_KEY = "cover_candidates"


def remember_cover_candidates(found: list[Found]) -> None:
    """The files a search found that are not this worker's: only these can be asked for.

    So the reason page says nothing about a file number nobody searched for.
    """
    session[COVER_KEY] = [f.client.id for f in found if not f.own][:50]


def get_client_for_cover(client_id: int) -> Client:
    """A file a worker found in a search and may ask to open with a reason, or 404."""
    if current_user.role != WORKER or client_id not in session.get(COVER_KEY, []):
        abort(404)
    client = db.session.get(Client, client_id)
    if client is None:
        abort(404)
    return client


def end_of_today() -> datetime:
    tomorrow = clock.today() + timedelta(days=1)
    return datetime.combine(tomorrow, time.min, tzinfo=clock.CANBERRA)


def create_cover(client: Client, user, reason: str) -> CoverAccess:
    """Open a file that is not theirs, for the rest of today, with the reason recorded."""
    cover = CoverAccess(
        client_id=client.id,
        user_id=user.id,
        reason=reason,
        until=end_of_today(),
        created_by_id=user.id,
    )
    db.session.add(cover)
    db.session.flush()
    audit.record(
        "client.cover_opened", record=cover, client_id=client.id, detail={"until": "end of day"}
    )
    return cover


def cover_log_query() -> Select:
    return select(CoverAccess).order_by(CoverAccess.created_at.desc(), CoverAccess.id.desc())


# --- finding a file -----------------------------------------------------------------------

DATE_TEXT = re.compile(r"^(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{4})$")


@dataclass
class Search:
    names: list[str]
    born_on: date | None
    phone: str | None

    @property
    def empty(self) -> bool:
        return not (self.names or self.born_on or self.phone)


def parse_search(text: str) -> Search:
    """Words are names; "5/3/1980" (or 5-3-1980, 5 3 1980) is a date of birth; long
    numbers are a phone number."""
    text = (text or "").strip()
    born = None
    match = DATE_TEXT.search(text)
    if not match:
        match = re.search(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})", text)
    if match:
        try:
            born = date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        except ValueError:
            born = None
        text = text.replace(match.group(0), " ")
    digits = "".join(re.findall(r"[\d+]", text))
    phone = registration.phone_digits(digits) if len(re.sub(r"\D", "", digits)) >= 6 else None
    words = [registration.search_text(w) for w in re.findall(r"[^\W\d_][\w'’\-]*", text)]
    return Search(names=[w for w in words if w], born_on=born, phone=phone)


def _name_matches(word: str):
    prefix = word + "%"
    return or_(
        Client.search_given.like(prefix),
        Client.search_family.like(prefix),
        Client.search_nickname.like(prefix),
    )


def search_query(search: Search) -> Select:
    """Clients matching every part of the search (names start with each word)."""
    query = select(Client)
    for word in search.names:
        query = query.where(_name_matches(word))
    if search.born_on:
        query = query.where(
            or_(
                Client.born_on == search.born_on,
                and_(Client.born_on.is_(None), Client.birth_year_estimate == search.born_on.year),
            )
        )
    if search.phone:
        query = query.where(
            or_(Client.phone_digits == search.phone, Client.phone2_digits == search.phone)
        )
    return query.order_by(Client.search_given, Client.search_family, Client.id)


@dataclass
class Found:
    client: Client
    own: bool  # false: a worker may open it only with a reason


def find_clients(user, text: str, *, limit: int = 50) -> list[Found]:
    """Files that match, limited to what this person may open or ask to open."""
    search = parse_search(text)
    if search.empty:
        return []
    query = search_query(search).limit(limit)
    if user.role in SENIORS:
        return [Found(c, True) for c in db.session.scalars(query)]
    visible = set(
        db.session.scalars(
            select(Client.id).where(
                visible_condition(user),
                Client.id.in_(search_query(search).with_only_columns(Client.id).order_by(None)),
            )
        )
    )
    return [Found(c, c.id in visible) for c in db.session.scalars(query)]


def my_clients_query(user) -> Select:
    return (
        select(Client)
        .where(Client.worker_id == user.id)
        .order_by(Client.search_nickname, Client.search_given, Client.id)
    )


def possible_duplicates(answers: dict, *, ignore: list[int] | None = None) -> list[Client]:
    """Files that may be the same person: same name or nickname and date of birth, or
    the same phone number."""
    names = {registration.search_text(answers.get(k)) for k in ("given_name", "nickname")} - {None}
    conditions = []
    born = answers.get("born_on")
    if names and born:
        born_on = date.fromisoformat(born)
        name_match = or_(Client.search_given.in_(names), Client.search_nickname.in_(names))
        conditions.append(and_(name_match, Client.born_on == born_on))
    for phone in (answers.get("phone"), answers.get("phone2")):
        digits = registration.phone_digits(phone)
        if digits:
            conditions.append(or_(Client.phone_digits == digits, Client.phone2_digits == digits))
    if not conditions:
        return []
    query = select(Client).where(or_(*conditions)).order_by(Client.id).limit(20)
    if ignore:
        query = query.where(Client.id.not_in(ignore))
    return list(db.session.scalars(query))


# --- drafts -----------------------------------------------------------------------------


def create_draft(
    user, *, kind: str = "registration", client=None, answers=None, handover_id=None
) -> RegistrationDraft:
    draft = RegistrationDraft(
        kind=kind,
        client_id=client.id if client is not None else None,
        handover_id=handover_id,
        answers=answers or {},
        created_by_id=user.id,
        updated_at=clock.now(),
    )
    db.session.add(draft)
    db.session.flush()
    return draft


def get_draft_or_404(draft_id: int, *, kind: str = "registration", lock: bool = False):
    """The person's own draft, or 404 (a draft is only its author's)."""
    query = select(RegistrationDraft).where(RegistrationDraft.id == draft_id)
    if lock:
        query = query.with_for_update()
    draft = db.session.scalar(query)
    if draft is None or draft.created_by_id != current_user.id or draft.kind != kind:
        abort(404)
    return draft


def save_draft_answers(draft, answers: dict, said: set[str], unsaid: set[str]) -> None:
    merged = dict(draft.answers or {})
    merged.update(answers)
    not_said = (set(merged.get("_not_said", [])) | said) - unsaid
    merged["_not_said"] = sorted(not_said)
    draft.answers = merged
    draft.updated_at = clock.now()


def my_drafts(user, kind: str = "registration") -> list[RegistrationDraft]:
    return list(
        db.session.scalars(
            select(RegistrationDraft)
            .where(
                RegistrationDraft.created_by_id == user.id,
                RegistrationDraft.kind == kind,
                RegistrationDraft.status == "open",
            )
            .order_by(RegistrationDraft.updated_at.desc())
        )
    )


def drop_draft(draft) -> None:
    draft.status = "dropped"
    draft.updated_at = clock.now()


# --- making and changing a file -------------------------------------------------------------


def _apply(client: Client, answers: dict, not_said) -> dict:
    """Set the client's details from answers; return {field: [before, after]} of changes."""
    changes = {}
    for name in registration.FIELDS:
        if name not in answers:
            continue
        value = answers[name]
        if name in registration.DATE_FIELDS and isinstance(value, str):
            value = date.fromisoformat(value)
        before = getattr(client, name)
        if before != value and not (before in (None, "", []) and value in (None, "", [])):
            changes[name] = [_plain(before), _plain(value)]
            setattr(client, name, value)
    new_not_said = sorted(set(not_said))
    if sorted(client.not_said or []) != new_not_said:
        changes["not_said"] = [sorted(client.not_said or []), new_not_said]
        client.not_said = new_not_said
    _derive(client)
    return changes


def _plain(value):
    return value.isoformat() if isinstance(value, date) else value


def born_for_slk(client: Client) -> date | None:
    if client.born_on:
        return client.born_on
    if client.birth_year_estimate:
        return date(client.birth_year_estimate, 1, 1)
    return None


def _derive(client: Client) -> None:
    client.search_given = registration.search_text(client.given_name)
    client.search_family = registration.search_text(client.family_name)
    client.search_nickname = registration.search_text(client.nickname)
    client.phone_digits = registration.phone_digits(client.phone)
    client.phone2_digits = registration.phone_digits(client.phone2)
    client.slk581 = slk581(
        client.family_name, client.given_name, born_for_slk(client), sex_code(client)
    )


def sex_code(client: Client) -> int:
    return codes.sex_code(client.gender)


def date_accuracy(client: Client) -> str | None:
    if client.born_on:
        return codes.DATE_ACCURACY_KNOWN
    if client.birth_year_estimate:
        return codes.DATE_ACCURACY_YEAR_ONLY
    return None


def create_client(answers: dict, user) -> Client:
    """Make a file from registration answers, allocated to the worker who did the intake."""
    client = Client(staff_member_id=user.id, created_by_id=user.id, other_drugs=[], not_said=[])
    _apply(client, answers, answers.get("_not_said", []))
    if not client.contact_date:
        client.contact_date = clock.today()
    db.session.add(client)
    db.session.flush()
    audit.record("client.created", record=client, client_id=client.id)
    add_to_timeline(
        client, kind="registered", summary=f"File started by {user.display_name}", record=client
    )
    return client


def fill_gaps(client: Client, answers: dict) -> list[str]:
    """Add a draft's answers to an existing file, only where the file has nothing yet."""
    gaps = {
        k: v
        for k, v in answers.items()
        if k in registration.FIELDS
        and v not in (None, "", [])
        and getattr(client, k) in (None, "", [])
    }
    if not gaps:
        return []
    changes = _apply(client, gaps, client.not_said or [])
    record_change(client, changes, reason="Added from a new registration of the same person")
    return sorted(changes)


def record_change(client: Client, changes: dict, *, reason: str | None = None) -> None:
    if not changes:
        return
    change = ClientChange(
        client_id=client.id,
        version=(client.version or 1) + 1,
        changes=changes,
        reason=reason,
    )
    db.session.add(change)
    fields = [k for k in changes if k != "not_said"]
    words = ", ".join(registration.label_of(f).lower() for f in fields) or "prefer not to say"
    audit.record(
        "client.changed", record=client, client_id=client.id, detail={"fields": sorted(changes)}
    )
    add_to_timeline(
        client, kind="details_changed", summary=f"Details changed: {words}"[:300], record=change
    )


@dataclass
class Conflict:
    """Someone saved the file after this person opened it."""

    changes: list[ClientChange]

    @property
    def fields(self) -> list[str]:
        return sorted({f for c in self.changes for f in c.changes})


def changes_since(client: Client, version: int) -> list[ClientChange]:
    return list(
        db.session.scalars(
            select(ClientChange)
            .where(ClientChange.client_id == client.id, ClientChange.version > version)
            .order_by(ClientChange.version)
        )
    )


def update_client(
    client: Client, *, version: int, answers: dict, said, unsaid, reason: str | None
) -> Conflict | dict:
    """Save a group of details, unless the file changed since `version` was read."""
    if version != client.version:
        return Conflict(changes_since(client, version))
    not_said = (set(client.not_said or []) | said) - unsaid
    changes = _apply(client, answers, not_said)
    if not changes:
        return {}
    record_change(client, changes, reason=reason)
    try:
        db.session.flush()
    except StaleDataError:
        db.session.rollback()
        fresh = db.session.get(Client, client.id)
        return Conflict(changes_since(fresh, version))
    return changes


def change_history(client: Client) -> list[ClientChange]:
    return list(
        db.session.scalars(
            select(ClientChange)
            .where(ClientChange.client_id == client.id)
            .order_by(ClientChange.version.desc())
        )
    )


def missing(client: Client) -> list[tuple[str, str]]:
    return registration.missing(registration.answers_of_client(client), client.not_said or [])


# --- who supports the person --------------------------------------------------------------


def current_allocation(client: Client) -> Allocation | None:
    return db.session.scalar(
        select(Allocation)
        .where(Allocation.client_id == client.id, Allocation.ended_on.is_(None))
        .order_by(Allocation.id.desc())
    )


def allocations(client: Client) -> list[Allocation]:
    return list(
        db.session.scalars(
            select(Allocation)
            .where(Allocation.client_id == client.id)
            .order_by(Allocation.started_on.desc(), Allocation.id.desc())
        )
    )


def allocate(client: Client, worker: User, *, reason: str, by) -> Allocation:
    """Give the file to a worker. A senior's allocation is approved as it is made."""
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
        detail={"worker_id": worker.id},
    )
    add_to_timeline(
        client,
        kind="allocated",
        summary=f"Now supported by {worker.display_name}",
        record=allocation,
    )
    return allocation


def approve_allocation(allocation: Allocation, by) -> None:
    allocation.approved_by_id = by.id
    allocation.approved_at = clock.now()
    audit.record("client.allocation_approved", record=allocation, client_id=allocation.client_id)


def who_supports(client: Client) -> dict[str, str]:
    """What the pages that give a file to a worker show, to tell when someone else did."""
    return {"Who supports them now": client.worker.display_name if client.worker else "No one"}


def caseload_counts() -> dict[int, int]:
    """How many people each worker supports now."""
    rows = db.session.execute(
        select(Client.worker_id, func.count())
        .where(Client.worker_id.is_not(None))
        .group_by(Client.worker_id)
    )
    return {worker_id: count for worker_id, count in rows}
