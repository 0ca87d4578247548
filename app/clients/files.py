"""Making a client file and changing its details, with every change kept (ClientChange):
the search columns and the SLK are worked out here from the details, and only here."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from app import audit, clock
from app.clients import contact_frequency, preferences, registration
from app.clients.timeline import add_to_timeline
from app.extensions import db
from app.models import Client, ClientChange
from app.standards import codes
from app.standards.slk import slk581


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
        client.family_name, client.given_name, born_for_slk(client), codes.sex_code(client.gender)
    )


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


def update_client(client: Client, *, answers: dict, said, unsaid, reason: str | None) -> dict:
    """Save a group of details; {field: [before, after]} of what changed ({}: nothing).

    Someone else saving the file first is found by the view (app/locking.py)."""
    not_said = (set(client.not_said or []) | said) - unsaid
    changes = _apply(client, answers, not_said)
    record_change(client, changes, reason=reason)
    return changes


def update_preferences(
    client: Client, *, wanted: dict, frequency: str | None, reason: str | None
) -> dict:
    """Save what they prefer in a worker and the agreed contact frequency, kept as a new
    version like any other change (the words, so the history reads plainly)."""
    changes = {}
    kept = preferences.clean(wanted)
    if kept != preferences.clean(client.worker_preferences):
        changes["worker_preferences"] = [
            preferences.in_words(client.worker_preferences) or "No preference",
            preferences.in_words(kept) or "No preference",
        ]
        client.worker_preferences = kept
    if frequency not in contact_frequency.FREQUENCIES:
        frequency = None
    if frequency != client.contact_frequency:
        changes["contact_frequency"] = [
            contact_frequency.words(client.contact_frequency) or None,
            contact_frequency.words(frequency) or None,
        ]
        client.contact_frequency = frequency
    record_change(client, changes, reason=reason)
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
    """(words, step key) for each detail still to ask, when the time is right."""
    return registration.missing(registration.answers_of_client(client), client.not_said or [])
