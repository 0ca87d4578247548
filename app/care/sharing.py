"""Consent is checked wherever information is shared (issue 17): an appointment with another
service, a letter or form sent for someone, advocacy with a named service. Referrals have
their own check (referrals.py); this is the one rule for everything else.

A partner service in the directory is matched by its id, never by comparing names. A service
or person typed by hand cannot be matched, so the worker chooses which current consent covers
it, and the choice is kept in the audit log.
"""

from __future__ import annotations

from app.clients import public as clients
from app.core.saving import Refused
from app.models import Consent, Partner

# Said when nothing covers the sharing; the page adds a link to record a consent.
NOT_AGREED = "They have not agreed to us sharing with {who}. Record their consent first."
SOMEONE_ELSE = "Enter who else is coming, or untick the box"
NOT_ASKED = "Tick the box to say they said yes to {who} being there, or take the name out"


# The consent choice for a meeting with one of our own workers: nothing is shared.
OURS = "ours"


class NotAgreed(Refused):
    """Nothing covers the sharing: the page offers a link to record a consent."""


def not_agreed(who: str) -> str:
    return NOT_AGREED.format(who=" ".join((who or "").split()) or "this service")


def current_consents(client) -> list[Consent]:
    """The person's consents in force now, newest first: the choices for a typed service."""
    return [c for c in clients.consents_for(client) if clients.is_current(c)]


def consent_to_share(
    client, *, partner: Partner | None = None, consent_id: int | None = None, who: str
) -> Consent:
    """The current consent that lets us share with `who`, or Refused in plain words.

    With a partner service: the person's current consent for that partner (by id).
    With a service typed by hand: the current consent the worker chose as covering it.
    """
    if partner is not None:
        consent = clients.current_consent_for(client, partner)
        if consent is None:
            raise NotAgreed(not_agreed(partner.name))
        return consent
    for consent in current_consents(client):
        if consent_id is not None and consent.id == consent_id:
            return consent
    raise NotAgreed(not_agreed(who))


def others_there(others: str | None, agreed: bool) -> tuple[str | None, bool]:
    """Someone else coming or sitting in: the name kept and the person's yes. A name needs
    the yes; no name keeps no yes."""
    others = " ".join((others or "").split()) or None
    if others is None:
        return None, False
    if not agreed:
        raise Refused(NOT_ASKED.format(who=others))
    return others, True


def consent_choices(client) -> list[tuple[str, str]]:
    """(id, words) for a radio list of the person's current consents."""
    return [(str(c.id), consent_words(c)) for c in current_consents(client)]


def consent_words(consent: Consent) -> str:
    who = consent.party_name
    if consent.relationship_to and consent.relationship_to != consent.party_name:
        who = f"{who} ({consent.relationship_to})"
    return f"{who}, until {consent.expires_on.day} {consent.expires_on:%B %Y}"
