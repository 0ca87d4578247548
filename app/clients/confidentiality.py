"""Confidentiality, told and kept.

The model of care: "Service users are informed that their client file is confidential ...
Service users are also informed that CAHMA may be compelled by law to disclose confidential
information about the person, including when CAHMA is subpoenaed by a court and when the ACT
child protection services, CYF, requests information via legal processes."

So at intake a worker tells the person, in the plain words below, and the file keeps who told
them and when (`explain`). When the law makes us give information (`record_disclosure`), the
file keeps who asked, under what authority, what was given and the date; only the manager
approves it. A worker records the request and it waits for the manager; a request the
manager records is approved as it is made (the manager is the one who approves). Without an
authority nothing is saved. The person sees every one in their copy of their file.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Select, func, select

from app import audit, clock
from app.access import MANAGER
from app.clients.timeline import add_to_timeline
from app.core.saving import Refused
from app.extensions import db
from app.models import Client, CompelledDisclosure, ConfidentialityExplained, User

# What the worker says, in plain words (read aloud on the page).
WORDS_TO_SAY: tuple[str, ...] = (
    "What you tell us stays private. Your file is confidential.",
    "We keep your file safe on a secure computer system. Only your worker and the people "
    "who look after our workers can open it.",
    "We do not share your information unless you say yes. You choose who, on a consent form.",
    "There are a few times the law can make us give information. One is when a court "
    "sends us a paper called a subpoena. Another is when child protection asks through "
    "the courts. A third is when the police have a warrant.",
    "If that happens, our manager checks the request first. We write down what we gave, "
    "and you can see it in your file.",
    "You can ask for a copy of your file at any time.",
)

# --- told that the file is confidential ----------------------------------------------------


def explain(client: Client, by: User) -> ConfidentialityExplained:
    """The worker told the person their file is confidential, just now."""
    told = ConfidentialityExplained(client_id=client.id, created_by_id=by.id)
    db.session.add(told)
    db.session.flush()
    audit.record("client.confidentiality_explained", record=told, client_id=client.id)
    add_to_timeline(
        client,
        kind="confidentiality_explained",
        summary=f"Told their file is confidential, by {by.display_name}",
        record=told,
    )
    return told


def last_explained(client: Client) -> ConfidentialityExplained | None:
    return db.session.scalar(
        select(ConfidentialityExplained)
        .where(ConfidentialityExplained.client_id == client.id)
        .order_by(ConfidentialityExplained.created_at.desc(), ConfidentialityExplained.id.desc())
        .limit(1)
    )


def was_explained(client: Client) -> bool:
    return last_explained(client) is not None


# --- disclosures the law compels ----------------------------------------------------------

KINDS: dict[str, str] = {
    "subpoena": "A subpoena from a court",
    "child_protection": "Child protection (CYF), through a legal process",
    "police": "The police, with a warrant",
    "other_law": "Another law that makes us",
}
STATE_WORDS: dict[str, str] = {
    "waiting": "Waiting for the manager",
    "approved": "Approved by the manager",
    "declined": "Not given: the manager said no",
}
NO_AUTHORITY = (
    "Write the authority: the subpoena, warrant or law that makes us give this. "
    "Without one we give nothing, so nothing was saved."
)


def record_disclosure(
    client: Client,
    *,
    kind: str,
    asked_by: str,
    authority: str | None,
    asked_on: date,
    what_given: str,
    by: User,
) -> CompelledDisclosure:
    """Record a request the law compels. The manager's is approved as it is made; anyone
    else's waits for the manager."""
    if not (authority or "").strip():
        raise Refused(NO_AUTHORITY)
    if kind not in KINDS:
        raise Refused("Choose who is asking.")
    if not (asked_by or "").strip() or not (what_given or "").strip():
        raise Refused("Write who asked and what we give them.")
    if asked_on > clock.today():
        raise Refused("The day it came cannot be after today.")
    approved = by.role == MANAGER
    record = CompelledDisclosure(
        client_id=client.id,
        kind=kind,
        asked_by=asked_by.strip()[:200],
        authority=authority.strip()[:300],
        asked_on=asked_on,
        what_given=what_given.strip(),
        state="approved" if approved else "waiting",
        decided_by_id=by.id if approved else None,
        decided_at=clock.now() if approved else None,
        created_by_id=by.id,
    )
    db.session.add(record)
    db.session.flush()
    audit.record(
        "client.disclosure_recorded",
        record=record,
        client_id=client.id,
        detail={"kind": kind, "approved": approved},
    )
    if approved:
        _on_timeline(client, record, by)
    return record


def answer_disclosure(record: CompelledDisclosure, client: Client, by: User, *, yes: bool) -> None:
    """Only the manager approves (or says no to) a request someone recorded."""
    if by.role != MANAGER:
        raise Refused("Only the manager can approve giving information.")
    if record.state != "waiting":
        raise Refused(f"This request is answered already: {STATE_WORDS[record.state].lower()}.")
    record.state = "approved" if yes else "declined"
    record.decided_by_id = by.id
    record.decided_at = clock.now()
    audit.record(
        "client.disclosure_approved" if yes else "client.disclosure_declined",
        record=record,
        client_id=client.id,
    )
    if yes:
        _on_timeline(client, record, by)


def _on_timeline(client: Client, record: CompelledDisclosure, by: User) -> None:
    add_to_timeline(
        client,
        kind="disclosure",
        summary=(
            f"Information given because the law made us ({KINDS[record.kind].lower()}), "
            f"asked for by {record.asked_by}. Approved by {by.display_name}"
        )[:300],
        record=record,
    )


def disclosures_for(client: Client) -> list[CompelledDisclosure]:
    return list(
        db.session.scalars(
            select(CompelledDisclosure)
            .where(CompelledDisclosure.client_id == client.id)
            .order_by(CompelledDisclosure.asked_on.desc(), CompelledDisclosure.id.desc())
        )
    )


def all_disclosures_query() -> Select:
    """Every disclosure, the ones waiting for the manager first, then the newest."""
    return select(CompelledDisclosure).order_by(
        (CompelledDisclosure.state != "waiting"),
        CompelledDisclosure.asked_on.desc(),
        CompelledDisclosure.id.desc(),
    )


def waiting_count() -> int:
    return db.session.scalar(
        select(func.count())
        .select_from(CompelledDisclosure)
        .where(CompelledDisclosure.state == "waiting")
    )
