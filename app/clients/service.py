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
from app.models import (
    Allocation,
    AllocationRequest,
    Client,
    ClientChange,
    CoverAccess,
    RegistrationDraft,
    User,
)
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
        CoverAccess.user_id == user.id,
        CoverAccess.state == "open",
        CoverAccess.until > clock.now(),
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


FULL = "full"
COVER = "cover"


def access_level(user, client) -> str | None:
    """The one rule for who may open a file, and how much of it.

    "full": seniors, the manager, the file's worker (or who picked up its handover).
    "cover": a worker who opened it today with a reason; they see part of the file.
    None: not theirs to see (a 404).
    """
    if client is None or not getattr(user, "is_authenticated", False):
        return None
    if not can("clients.open", user):
        return None
    if user.role in SENIORS or is_own(user, client):
        return FULL
    if has_cover(user, client):
        return COVER
    return None


def can_open(user, client) -> bool:
    """True when this person may open this file (fully or while covering)."""
    return access_level(user, client) is not None


def get_client_for_current_user(client_id: int, *, cover_ok: bool = False) -> Client:
    """The client, or 404 when there is no such file or it is not this person's to open.

    Cover access reaches only the pages that pass `cover_ok=True` (the file page, the plan
    to read, a new note, appointments); every other page is a 404 to someone covering.
    """
    client = db.session.get(Client, client_id)
    level = access_level(current_user, client)
    if level is None or (level == COVER and not cover_ok):
        audit.note_refusal("not theirs", exists=client is not None)
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


# --- cover (break glass) ------------------------------------------------------------------

NEW_WORKER_DAYS = 14  # a worker newer than this asks a senior before opening a file
REVIEW_WITHIN_DAYS = 7  # an opening not reviewed by then is flagged to the manager
RECENT_COVER_DAYS = 7  # how long the file's worker sees an opening on their home page


def workers_to_cover_for(user) -> list[User]:
    """Colleagues a worker may say they are covering for (everyone who supports people)."""
    return list(
        db.session.scalars(
            select(User)
            .where(User.role.in_(("worker", "senior")), User.active, User.id != user.id)
            .order_by(User.display_name)
        )
    )


def cover_reason_words(cover: CoverAccess) -> str:
    """The short reason on home pages and the log: "covering for Dan"."""
    if cover.reason_kind == "away":
        name = cover.covering_for.display_name if cover.covering_for else "a colleague"
        return f"covering for {name}"
    if cover.reason_kind == "here_now":
        return "the person was here and needed help now"
    if cover.reason_kind == "safety":
        return "a safety concern"
    return "a reason in their own words"


def caseload_of(user) -> int:
    return db.session.scalar(
        select(func.count()).select_from(Client).where(Client.worker_id == user.id)
    )


def must_ask_first(user) -> bool:
    """A new worker, or one with nobody to support, asks a senior before opening a file."""
    if user.role != WORKER:
        return False
    new = user.created_at > clock.now() - timedelta(days=NEW_WORKER_DAYS)
    return new or caseload_of(user) == 0


def waiting_cover(user, client) -> CoverAccess | None:
    """Their request to open this file that a senior has not answered yet."""
    return db.session.scalar(
        select(CoverAccess)
        .where(
            CoverAccess.user_id == user.id,
            CoverAccess.client_id == client.id,
            CoverAccess.state == "asked",
        )
        .order_by(CoverAccess.id.desc())
        .limit(1)
    )


def create_cover(
    client: Client, user, *, kind: str, words: str, covering_for: User | None = None
) -> CoverAccess:
    """Open a file that is not theirs, for the rest of today, with the reason recorded.

    A worker who must ask first gets a request ("asked"): no access until a senior says yes.
    """
    asked = must_ask_first(user)
    cover = CoverAccess(
        client_id=client.id,
        user_id=user.id,
        reason=words,
        reason_kind=kind,
        covering_for_id=covering_for.id if covering_for is not None else None,
        until=end_of_today(),
        state="asked" if asked else "open",
        created_by_id=user.id,
    )
    db.session.add(cover)
    db.session.flush()
    audit.record(
        "client.cover_asked" if asked else "client.cover_opened",
        record=cover,
        client_id=client.id,
        detail={"reason": kind, "until": "end of day"},
    )
    return cover


def get_cover_or_404(cover_id: int) -> CoverAccess:
    cover = db.session.get(CoverAccess, cover_id)
    if cover is None:
        abort(404)
    return cover


def answer_cover(cover: CoverAccess, by, *, yes: bool) -> None:
    """A senior says yes (access starts now, until the end of today) or no to a request."""
    if cover.state != "asked":
        return
    cover.state = "open" if yes else "declined"
    cover.approved_by_id = by.id
    cover.approved_at = clock.now()
    if yes:
        cover.until = end_of_today()
    audit.record(
        "client.cover_approved" if yes else "client.cover_declined",
        record=cover,
        client_id=cover.client_id,
    )


def mark_cover_reviewed(cover: CoverAccess, by) -> None:
    """A senior or the manager has looked at why the file was opened."""
    if cover.reviewed_at is not None:
        return
    cover.reviewed_by_id = by.id
    cover.reviewed_at = clock.now()
    audit.record("client.cover_reviewed", record=cover, client_id=cover.client_id)


def review_overdue(cover: CoverAccess) -> bool:
    """Opened more than REVIEW_WITHIN_DAYS ago and nobody has reviewed it."""
    return (
        cover.state == "open"
        and cover.reviewed_at is None
        and cover.created_at < clock.now() - timedelta(days=REVIEW_WITHIN_DAYS)
    )


def cover_log_query() -> Select:
    return select(CoverAccess).order_by(CoverAccess.created_at.desc(), CoverAccess.id.desc())


def cover_waiting_for_a_senior(limit: int = 20) -> list[CoverAccess]:
    return list(
        db.session.scalars(
            select(CoverAccess)
            .where(CoverAccess.state == "asked")
            .order_by(CoverAccess.created_at)
            .limit(limit)
        )
    )


def cover_to_review(limit: int = 20) -> list[CoverAccess]:
    """Openings nobody has reviewed yet, oldest first."""
    return list(
        db.session.scalars(
            select(CoverAccess)
            .where(CoverAccess.state == "open", CoverAccess.reviewed_at.is_(None))
            .order_by(CoverAccess.created_at, CoverAccess.id)
            .limit(limit)
        )
    )


def cover_overdue_count() -> int:
    return db.session.scalar(
        select(func.count())
        .select_from(CoverAccess)
        .where(
            CoverAccess.state == "open",
            CoverAccess.reviewed_at.is_(None),
            CoverAccess.created_at < clock.now() - timedelta(days=REVIEW_WITHIN_DAYS),
        )
    )


def cover_on_files_of(user) -> list[CoverAccess]:
    """Others who opened this worker's files lately: they see it on their home page."""
    since = clock.now() - timedelta(days=RECENT_COVER_DAYS)
    return list(
        db.session.scalars(
            select(CoverAccess)
            .join(Client, Client.id == CoverAccess.client_id)
            .where(
                Client.worker_id == user.id,
                CoverAccess.user_id != user.id,
                CoverAccess.state == "open",
                CoverAccess.created_at >= since,
            )
            .order_by(CoverAccess.created_at.desc(), CoverAccess.id.desc())
            .limit(20)
        )
    )


def my_cover_requests(user) -> list[CoverAccess]:
    """This worker's requests from today: waiting, or answered."""
    start = datetime.combine(clock.today(), time.min, tzinfo=clock.CANBERRA)
    return list(
        db.session.scalars(
            select(CoverAccess)
            .where(
                CoverAccess.user_id == user.id,
                CoverAccess.approved_at.is_not(None) | (CoverAccess.state == "asked"),
                CoverAccess.created_at >= start,
            )
            .order_by(CoverAccess.created_at.desc())
            .limit(10)
        )
    )


# --- finding a file -----------------------------------------------------------------------

DATE_TEXT = re.compile(r"^(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{4})$")
NAME_LETTERS_TO_LOOK_WIDER = 3


@dataclass
class Search:
    names: list[str]
    born_on: date | None
    phone: str | None

    @property
    def empty(self) -> bool:
        return not (self.names or self.born_on or self.phone)

    @property
    def wide(self) -> bool:
        """At least three letters of a name: enough to show files that are not the worker's.

        A letter or two, a date of birth or a phone number alone would list strangers.
        """
        return any(len(word) >= NAME_LETTERS_TO_LOOK_WIDER for word in self.names)


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
    own: bool  # false: not theirs to open; shown only as "someone with this name"


@dataclass
class Results:
    found: list[Found]
    looked_wider: bool  # false: the search was too short to show files that are not theirs

    @property
    def own(self) -> list[Found]:
        return [f for f in self.found if f.own]

    @property
    def others(self) -> list[Found]:
        return [f for f in self.found if not f.own]


def find_clients(user, text: str, *, limit: int = 50) -> Results:
    """The files they may open, in full; others only for a search with three letters of a
    name, so a worker cannot list every client a letter at a time."""
    search = parse_search(text)
    sees_all = can("clients.see_all", user)
    looked_wider = sees_all or search.wide
    if search.empty:
        return Results([], looked_wider)
    may_open = select(Client.id).where(visible_condition(user))
    query = search_query(search)
    mine = query.where(Client.id.in_(may_open)).limit(limit)
    found = [Found(c, True) for c in db.session.scalars(mine)]
    if looked_wider and not sees_all:
        # Others are matched by name alone: a date of birth or phone number typed beside the
        # name must not be confirmed for a file the person may not open.
        by_name = search_query(Search(names=search.names, born_on=None, phone=None))
        others = by_name.where(Client.id.not_in(may_open)).limit(limit)
        found += [Found(c, False) for c in db.session.scalars(others)]
    return Results(found, looked_wider)


def my_clients_query(user) -> Select:
    return (
        select(Client)
        .where(Client.worker_id == user.id)
        .order_by(Client.search_nickname, Client.search_given, Client.id)
    )


def possible_duplicates(user, answers: dict, *, ignore: list[int] | None = None) -> list[Found]:
    """Files that may be the same person: same name or nickname and date of birth, or
    the same phone number. `own` is false for a file this person may not open: the page
    then names only its worker, so typing a phone number does not tell who has it."""
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
    return [Found(c, can_open(user, c)) for c in db.session.scalars(query)]


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


def ask_for_allocation(client: Client, worker: User, *, reason: str, by) -> AllocationRequest:
    """A worker asks for the file to go to a worker. Nothing changes until a senior says yes."""
    asked = AllocationRequest(
        client_id=client.id, worker_id=worker.id, reason=reason, created_by_id=by.id
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
        worker = db.session.get(User, asked.worker_id)
        asked.allocation_id = allocate(client, worker, reason=asked.reason, by=by).id
    audit.record("client.allocation_request_approved", record=asked, client_id=client.id)


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
