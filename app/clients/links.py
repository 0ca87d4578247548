"""People linked to each other (partners, a parent and child, family, a carer, friends) and
children who are not clients, written on a parent's file.

A link is one row seen from both files; from the other file its kind is turned round. A
person sees a link only to a file they may open themselves (`access_level`), and nothing at
all otherwise: a link never tells who else is a client. The timeline lines name nobody.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, or_, select

from app import audit, clock
from app.clients.access import access_level
from app.clients.timeline import add_to_timeline
from app.core.saving import Refused
from app.extensions import db
from app.models import Client, ClientChild, ClientLink

# kind -> what the other person is to this one, in words
KINDS: dict[str, str] = {
    "partner": "Partner",
    "parent": "Parent",
    "child": "Child",
    "family": "Family",
    "carer": "Carer",
    "friend": "Friend",
}
INVERSE = {"parent": "child", "child": "parent"}  # the others read the same both ways

TO_ITSELF = "A file cannot be linked to itself. Choose the other person's file."
ALREADY = "These two files are already linked."
MERGED = "That file was merged into another. Link the file that is still in use."


def inverse(kind: str) -> str:
    return INVERSE.get(kind, kind)


@dataclass
class Linked:
    """A link as one file sees it: the other file, and what they are to this person."""

    link: ClientLink
    other: Client
    kind: str

    @property
    def words(self) -> str:
        return KINDS.get(self.kind, self.kind)


def _current(client: Client):
    return and_(
        ClientLink.removed_at.is_(None),
        or_(ClientLink.client_id == client.id, ClientLink.other_client_id == client.id),
    )


def links_seen_by(user, client: Client) -> list[Linked]:
    """The file's links to files this person may open; the rest are not shown at all."""
    rows = db.session.scalars(select(ClientLink).where(_current(client)).order_by(ClientLink.id))
    shown = []
    for link in rows:
        if link.client_id == client.id:
            other_id, kind = link.other_client_id, link.kind
        else:
            other_id, kind = link.client_id, inverse(link.kind)
        other = db.session.get(Client, other_id)
        if other is not None and other.merged_into_id is None and access_level(user, other):
            shown.append(Linked(link, other, kind))
    return shown


def link_refusal(client: Client, other: Client) -> str | None:
    if client.id == other.id:
        return TO_ITSELF
    if other.merged_into_id is not None or client.merged_into_id is not None:
        return MERGED
    pair = or_(
        and_(ClientLink.client_id == client.id, ClientLink.other_client_id == other.id),
        and_(ClientLink.client_id == other.id, ClientLink.other_client_id == client.id),
    )
    if db.session.scalar(select(ClientLink.id).where(pair, ClientLink.removed_at.is_(None))):
        return ALREADY
    return None


def add_link(client: Client, other: Client, *, kind: str, note: str | None, by) -> ClientLink:
    """Link `other` to `client`: `kind` is what the other person is to this one."""
    if kind not in KINDS:
        raise Refused("Choose how they are linked.")
    why_not = link_refusal(client, other)
    if why_not:
        raise Refused(why_not)
    link = ClientLink(
        client_id=client.id,
        other_client_id=other.id,
        kind=kind,
        note=note or None,
        created_by_id=getattr(by, "id", None),
    )
    db.session.add(link)
    db.session.flush()
    for c, k in ((client, kind), (other, inverse(kind))):
        add_to_timeline(
            c, kind="linked", summary=f"Linked to another file: {KINDS[k]}", record=link
        )
    audit.record(
        "client.linked",
        record=link,
        client_id=client.id,
        user=by,
        detail={"client": client.id, "other": other.id, "kind": kind},
    )
    return link


def link_of(client: Client, link_id: int) -> ClientLink | None:
    """A current link of this file, or None."""
    return db.session.scalar(select(ClientLink).where(ClientLink.id == link_id, _current(client)))


def remove_link(link: ClientLink, *, reason: str, by) -> None:
    if link.removed_at is not None:
        raise Refused("This link was already taken off.")
    link.removed_at = clock.now()
    link.removed_reason = reason
    for client_id, k in ((link.client_id, link.kind), (link.other_client_id, inverse(link.kind))):
        client = db.session.get(Client, client_id)
        add_to_timeline(
            client,
            kind="link_removed",
            summary=f"Link to another file taken off ({KINDS.get(k, k)}): {reason}",
            record=link,
        )
    audit.record(
        "client.link_removed",
        record=link,
        client_id=link.client_id,
        user=by,
        detail={"client": link.client_id, "other": link.other_client_id},
    )


# --- children who are not clients ------------------------------------------------------------


def children_of(client: Client) -> list[ClientChild]:
    return list(
        db.session.scalars(
            select(ClientChild)
            .where(ClientChild.client_id == client.id, ClientChild.removed_at.is_(None))
            .order_by(ClientChild.born_year.desc(), ClientChild.id)
        )
    )


def child_of(client: Client, child_id: int) -> ClientChild | None:
    return db.session.scalar(
        select(ClientChild).where(
            ClientChild.id == child_id,
            ClientChild.client_id == client.id,
            ClientChild.removed_at.is_(None),
        )
    )


def _check_year(born_year: int | None) -> None:
    if born_year is not None and not (clock.today().year - 30 <= born_year <= clock.today().year):
        raise Refused(f"Enter a year born between {clock.today().year - 30} and now.")


def add_child(client: Client, answers: dict, *, by) -> ClientChild:
    _check_year(answers.get("born_year"))
    child = ClientChild(client_id=client.id, created_by_id=getattr(by, "id", None), **answers)
    db.session.add(child)
    db.session.flush()
    add_to_timeline(
        client, kind="child_added", summary=f"Child written down: {child.name}", record=child
    )
    audit.record("client.child_added", record=child, client_id=client.id, user=by)
    return child


def change_child(child: ClientChild, answers: dict, *, by) -> None:
    _check_year(answers.get("born_year"))
    for name, value in answers.items():
        setattr(child, name, value)
    client = db.session.get(Client, child.client_id)
    add_to_timeline(
        client, kind="child_changed", summary=f"Child's details changed: {child.name}", record=child
    )
    audit.record("client.child_changed", record=child, client_id=child.client_id, user=by)


def remove_child(child: ClientChild, *, reason: str, by) -> None:
    child.removed_at = clock.now()
    child.removed_reason = reason
    client = db.session.get(Client, child.client_id)
    add_to_timeline(
        client,
        kind="child_removed",
        summary=f"Child taken off: {child.name}. {reason}",
        record=child,
    )
    audit.record("client.child_removed", record=child, client_id=child.client_id, user=by)


def age_words(child: ClientChild) -> str | None:
    if child.born_year:
        return f"born {child.born_year} (about {clock.today().year - child.born_year})"
    return child.age_text or None
