"""Who may open a client file, and how much of it: the one rule, used by every area.

"full": seniors, the manager, the file's worker (or who picked up its handover), and the
worker it is moving away from, until the handover day of that re-allocation.
Someone on the file's care team (app/clients/care_team.py) besides its worker: a worker
or a senior gets "full"; a trainee or a student gets "supervised".
"cover": a worker who opened it today with a reason; they see part of the file.
"supervised": a trainee or a student on the file's care team; the same narrow view as cover
(the pages that pass `cover_ok=True` and need only "clients.open_part"). Every other file
is a 404 to them.
None: not theirs to see (a 404).
"""

from __future__ import annotations

from sqlalchemy import Select, exists, false, or_, select, true
from sqlalchemy.orm import aliased

from app import clock
from app.access import LEARNERS, SENIORS, can
from app.extensions import db
from app.models import CareTeamMember, Client, CoverAccess, Handover, Reallocation

FULL = "full"
COVER = "cover"
SUPERVISED = "supervised"
NARROW = frozenset({COVER, SUPERVISED})  # the pages that pass cover_ok=True, and no others


def _picked_up_by(user) -> Select:
    return select(Handover.client_id).where(
        Handover.picked_up_by_id == user.id, Handover.client_id.is_not(None)
    )


def _handing_over(user) -> Select:
    """Files moving away from this worker whose handover day has not come yet.

    The app advises a handover with both workers there, so the old worker keeps the file
    until that day. Only while the file is still with the worker it moved to: a later
    re-allocation ends the earlier handover.
    """
    now_with = aliased(Client)
    return (
        select(Reallocation.client_id)
        .join(now_with, now_with.id == Reallocation.client_id)
        .where(
            Reallocation.from_worker_id == user.id,
            Reallocation.handover_on > clock.today(),
            now_with.worker_id == Reallocation.to_worker_id,
        )
    )


def pending_handover(user, client) -> Reallocation | None:
    """The re-allocation moving this file away from this worker, before its handover day."""
    if client is None or not getattr(user, "is_authenticated", False):
        return None
    return db.session.scalar(
        select(Reallocation)
        .where(Reallocation.client_id == client.id, Reallocation.client_id.in_(_handing_over(user)))
        .order_by(Reallocation.id.desc())
        .limit(1)
    )


def _on_team(user) -> Select:
    """Files whose care team they are on now (not counting people removed from it)."""
    return select(CareTeamMember.client_id).where(
        CareTeamMember.user_id == user.id, CareTeamMember.ended_at.is_(None)
    )


def on_team(user, client) -> bool:
    return db.session.scalar(
        select(exists().where(Client.id == client.id, Client.id.in_(_on_team(user))))
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
    own = [
        Client.worker_id == user.id,
        Client.id.in_(_picked_up_by(user)),
        Client.id.in_(_handing_over(user)),
        Client.id.in_(_on_team(user)),
    ]
    if with_cover:
        own.append(Client.id.in_(_covering(user)))
    return or_(*own)


def is_own(user, client) -> bool:
    """Allocated to them, a handover they picked up, or a file moving away from them whose
    handover day has not come (not counting cover)."""
    if client.worker_id == user.id:
        return True
    theirs = or_(Client.id.in_(_picked_up_by(user)), Client.id.in_(_handing_over(user)))
    return db.session.scalar(select(exists().where(Client.id == client.id, theirs)))


def has_cover(user, client) -> bool:
    return db.session.scalar(
        select(
            exists().where(
                CoverAccess.client_id == client.id, CoverAccess.client_id.in_(_covering(user))
            )
        )
    )


def access_level(user, client) -> str | None:
    """FULL, COVER, SUPERVISED or None (see the module's docstring)."""
    if client is None or not getattr(user, "is_authenticated", False):
        return None
    if user.role in LEARNERS:
        if can("clients.open_part", user) and on_team(user, client):
            return SUPERVISED
        return None
    if not can("clients.open", user):
        return None
    if user.role in SENIORS or is_own(user, client) or on_team(user, client):
        return FULL
    if has_cover(user, client):
        return COVER
    return None


def can_open(user, client) -> bool:
    """True when this person may open this file (fully, while covering, or supervised)."""
    return access_level(user, client) is not None
