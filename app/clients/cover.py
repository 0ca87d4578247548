"""Opening a file that is not yours (break glass): the reason, a senior's yes for a new
worker, the review, and the lists on home pages and the cover log."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import Select, func, select

from app import audit, clock
from app.access import WORKER
from app.clients import known_outside_work
from app.clients.allocation import caseload_of
from app.core.people import works_with_people
from app.extensions import db
from app.models import Client, CoverAccess, User

NEW_WORKER_DAYS = 14  # a worker newer than this asks a senior before opening a file
REVIEW_WITHIN_DAYS = 7  # an opening not reviewed by then is flagged to the manager
RECENT_COVER_DAYS = 7  # how long the file's worker sees an opening on their home page


def end_of_today() -> datetime:
    tomorrow = clock.today() + timedelta(days=1)
    return clock.start_of(tomorrow)


def workers_to_cover_for(user) -> list[User]:
    """Colleagues a worker may say they are covering for (everyone who supports people)."""
    return list(
        db.session.scalars(
            select(User)
            .where(works_with_people("worker", "senior"), User.id != user.id)
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
    Never a worker who knows the person outside work.
    """
    known_outside_work.refuse_if_known(client, user)
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


def answer_cover(cover: CoverAccess, by, *, yes: bool) -> None:
    """A senior says yes (access starts now, until the end of today) or no to a request."""
    if cover.state != "asked":
        return
    if yes:
        known_outside_work.refuse_if_known(cover.client_id, cover.user)
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


def cover_opened_since(days: int) -> int:
    """How many openings and requests in the last `days` days."""
    since = clock.now() - timedelta(days=days)
    return db.session.scalar(
        select(func.count()).select_from(CoverAccess).where(CoverAccess.created_at >= since)
    )


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
    start = clock.start_of(clock.today())
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
