"""Services a worker suggests for the directory (issue 17). A suggestion is a Partner that is
not active: it never shows in the directory or in lists of partners to choose from until a
senior or the manager approves it. Turned down, it stays inactive and is marked declined."""

from __future__ import annotations

from sqlalchemy import func, select

from app import clock
from app.core.saving import Refused
from app.extensions import db
from app.models import Partner, User
from app.partners.directory import _like
from app.partners.forms import EMAIL


def _same_name(name: str) -> str:
    """'  Centrelink   Community officer' and 'centrelink community officer' are one name."""
    return " ".join(name.split()).lower()


def waiting(partner: Partner) -> bool:
    """A suggestion no one has approved or turned down yet."""
    return (
        partner.suggested_on is not None
        and not partner.active
        and partner.approved_on is None
        and partner.declined_on is None
    )


def _existing(name: str) -> Partner | None:
    """An active or waiting partner with this name (case and spaces ignored)."""
    wanted = _same_name(name)
    # Narrow in the database by the lower-case name, then compare spaces here.
    rows = db.session.scalars(
        select(Partner)
        .where(Partner.name.ilike(_like(wanted.split()[0]), escape="\\"))
        .order_by(Partner.active.desc(), Partner.id)
    )
    for partner in rows:
        if _same_name(partner.name) == wanted and (partner.active or waiting(partner)):
            return partner
    return None


def suggest_partner(*, name: str, contact: str, what_they_do: str, user) -> Partner:
    """Suggest a service for the directory; it waits for a senior or the manager. When the
    directory has it already (or someone suggested it), that one is given back instead."""
    name = " ".join((name or "").split())
    if not name:
        raise Refused("Enter the name of the service.")
    if len(name) > 120:
        raise Refused("The name of the service must be 120 characters or fewer.")
    found = _existing(name)
    if found is not None:
        return found
    partner = Partner(
        name=name,
        what_they_do=(what_they_do or "").strip(),
        active=False,
        suggested_by_id=user.id if user is not None else None,
        suggested_on=clock.today(),
        created_by_id=user.id if user is not None else None,
    )
    _put_contact(partner, " ".join((contact or "").split()))
    db.session.add(partner)
    db.session.flush()
    return partner


def _put_contact(partner: Partner, contact: str) -> None:
    """How to reach them, as the worker typed it: an email, a phone, or words a senior sorts
    into the right boxes when they approve it."""
    if not contact:
        return
    if EMAIL.match(contact) and len(contact) <= 120:
        partner.email = contact
    elif len(contact) <= 40:
        partner.phone = contact
    else:
        partner.welcome_note = f"How to reach them: {contact}"


def waiting_suggestions() -> list[Partner]:
    """Suggestions waiting for a senior or the manager, oldest first."""
    return list(
        db.session.scalars(
            select(Partner)
            .where(
                Partner.suggested_on.is_not(None),
                Partner.active.is_(False),
                Partner.approved_on.is_(None),
                Partner.declined_on.is_(None),
            )
            .order_by(Partner.suggested_on, Partner.id)
        )
    )


def count_waiting() -> int:
    return (
        db.session.scalar(
            select(func.count(Partner.id)).where(
                Partner.suggested_on.is_not(None),
                Partner.active.is_(False),
                Partner.approved_on.is_(None),
                Partner.declined_on.is_(None),
            )
        )
        or 0
    )


def panel() -> dict | None:
    """The home page panel for seniors and the manager: suggestions waiting, if any."""
    count = count_waiting()
    return {"count": count} if count else None


def approve(partner: Partner, *, by: User) -> None:
    if not waiting(partner):
        raise Refused("This suggestion has already been dealt with.")
    partner.active = True
    partner.approved_by_id = by.id
    partner.approved_on = clock.today()


def decline(partner: Partner, *, by: User) -> None:
    if not waiting(partner):
        raise Refused("This suggestion has already been dealt with.")
    partner.declined_on = clock.today()
