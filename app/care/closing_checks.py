"""Closings the worker is not sure of wait for the manager.

The model of care: "PTSS workers liaise with the PTSS Manager to ensure that this balance is
correct and that cases they are unsure of are sent to management for consideration and later
validation within the AIHW data set." So a closing marked "not sure" keeps the episode open
until the manager says yes; then it closes with the worker's answers."""

from __future__ import annotations

from sqlalchemy import func, select

from app import audit, clock
from app.care import closing
from app.clients import public as clients
from app.core.saving import Refused
from app.extensions import db
from app.models import Client, Episode
from app.models.care import ClosingCheck

UNSURE_LIMIT = 2_000  # characters: what the worker is not sure of
WAITING_ALREADY = "This closing is waiting for the manager already."
DECIDED_ALREADY = "The manager has dealt with this closing already."


def waiting_for(episode: Episode) -> ClosingCheck | None:
    """The closing of this episode waiting for the manager, if there is one."""
    return db.session.scalar(
        select(ClosingCheck).where(
            ClosingCheck.episode_id == episode.id, ClosingCheck.status == "waiting"
        )
    )


def last_sent_back(episode: Episode) -> ClosingCheck | None:
    """The manager's last "keep it open" for this episode, if any."""
    return db.session.scalar(
        select(ClosingCheck)
        .where(ClosingCheck.episode_id == episode.id, ClosingCheck.status == "sent_back")
        .order_by(ClosingCheck.decided_at.desc(), ClosingCheck.id.desc())
        .limit(1)
    )


def ask_manager(client, episode: Episode, answers: dict, user, *, why: str | None):
    """Send the closing to the manager: the episode stays open until they say yes."""
    closing.check_answers(episode, answers)
    if waiting_for(episode) is not None:
        raise Refused(WAITING_ALREADY)
    why = (why or "").strip() or None
    if why and len(why) > UNSURE_LIMIT:
        raise Refused(f"What you are not sure of must be {UNSURE_LIMIT:,} characters or fewer")
    check = ClosingCheck(
        client_id=client.id,
        episode_id=episode.id,
        answers=dict(answers),
        sure=False,
        unsure_why=why,
        status="waiting",
        created_at=clock.now(),
        created_by_id=getattr(user, "id", None),
    )
    db.session.add(check)
    db.session.flush()
    audit.record(
        "episode.closing_asked",
        record=check,
        client_id=client.id,
        detail={"episode": episode.id, "reason": int(answers["reason"])},
    )
    clients.add_to_timeline(
        client,
        kind="episode_closing_asked",
        summary="Closing sent to the manager to check",
        record=check,
    )
    return check


def waiting() -> list[tuple[ClosingCheck, Client, Episode]]:
    """Every closing waiting for the manager, oldest first."""
    rows = db.session.execute(
        select(ClosingCheck, Client, Episode)
        .join(Client, Client.id == ClosingCheck.client_id)
        .join(Episode, Episode.id == ClosingCheck.episode_id)
        .where(ClosingCheck.status == "waiting")
        .order_by(ClosingCheck.created_at, ClosingCheck.id)
    )
    return [tuple(r) for r in rows]


def _decide(check: ClosingCheck, manager) -> None:
    if check.status != "waiting":
        raise Refused(DECIDED_ALREADY)
    check.decided_by_id = getattr(manager, "id", None)
    check.decided_at = clock.now()


def confirm(check: ClosingCheck, client, episode: Episode, manager) -> None:
    """The manager's yes: the episode closes with the worker's answers."""
    _decide(check, manager)
    closing.close(client, episode, check.answers or {}, manager, check=check)
    audit.record(
        "episode.closing_confirmed",
        record=check,
        client_id=client.id,
        detail={"episode": episode.id, "reason": int(check.answers["reason"])},
    )


def send_back(check: ClosingCheck, client, manager) -> None:
    """The manager's no: the episode stays open and the worker talks it over with them."""
    _decide(check, manager)
    check.status = "sent_back"
    audit.record("episode.closing_sent_back", record=check, client_id=client.id)
    clients.add_to_timeline(
        client,
        kind="episode_closing_sent_back",
        summary="The manager kept the episode open: talk to them about closing",
        record=check,
    )


def panel() -> dict | None:
    """The manager's home page panel: how many closings wait for them."""
    count = db.session.scalar(
        select(func.count()).select_from(ClosingCheck).where(ClosingCheck.status == "waiting")
    )
    return {"count": count} if count else None
