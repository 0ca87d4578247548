"""Consent to share information (Appendix One): saving, withdrawing, and checking.

Anything that shares information (a referral, a call to a service) first asks
`current_consent_for(client, partner_or_name)` and refuses, in plain words, without one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select

from app import audit, clock
from app.clients.timeline import add_to_timeline
from app.core.saving import Refused
from app.extensions import db
from app.models import Consent

EXPIRING_DAYS = 30
NOBODY_CHOSEN = "Choose a service from the list, or type who it is with"
NO_CONSENT_MESSAGE = (
    "There is no current consent to share with {name}. "
    "Ask the person first, and record their consent on their file."
)


def default_expiry(given_on: date) -> date:
    """12 months after the day consent was given."""
    try:
        return given_on.replace(year=given_on.year + 1)
    except ValueError:  # 29 February
        return given_on.replace(year=given_on.year + 1, day=28)


def status(consent: Consent, today: date | None = None) -> str:
    """current | expiring (within 30 days) | expired | withdrawn | not_yet."""
    today = today or clock.today()
    if consent.withdrawn_on is not None and consent.withdrawn_on <= today:
        return "withdrawn"
    if consent.expires_on < today:
        return "expired"
    if consent.given_on > today:
        return "not_yet"
    if consent.expires_on <= today + timedelta(days=EXPIRING_DAYS):
        return "expiring"
    return "current"


STATUS_WORDS = {
    "current": "Current",
    "expiring": "Ends soon",
    "expired": "Ended",
    "withdrawn": "Taken back",
    "not_yet": "Starts later",
}


def is_current(consent: Consent, today: date | None = None) -> bool:
    return status(consent, today) in ("current", "expiring")


def consents_for(client) -> list[Consent]:
    return list(
        db.session.scalars(
            select(Consent)
            .where(Consent.client_id == client.id)
            .order_by(Consent.given_on.desc(), Consent.id.desc())
        )
    )


def _same_name(a: str | None, b: str | None) -> bool:
    norm = lambda s: " ".join((s or "").lower().split())  # noqa: E731
    return bool(a and b) and norm(a) == norm(b)


def current_consent_for(client, partner_or_name) -> Consent | None:
    """The newest current consent to share with this partner service, or with this person or
    organisation named in words, else None.

    A partner service (an object with `id`) is matched by its id only, never by comparing
    names: a consent typed "Centrelink" is not a consent for the partner "Centrelink
    community officer" (issue 17). A plain name is matched against what was typed."""
    if not isinstance(partner_or_name, str):
        partner_id = getattr(partner_or_name, "id", None)
        if partner_id is None:
            return None
        return next(
            (c for c in consents_for(client) if c.partner_id == partner_id and is_current(c)),
            None,
        )
    for consent in consents_for(client):
        if is_current(consent) and (
            _same_name(consent.party_name, partner_or_name)
            or _same_name(consent.relationship_to, partner_or_name)
        ):
            return consent
    return None


def covers_words(consent: Consent) -> str:
    """Which service a consent covers, in words: "Centrelink community officer (from our
    list)" or "their sister Jo (typed)"."""
    return who_words(consent.party_name, consent.partner_id)


def who_words(name: str | None, partner_id: int | None) -> str:
    if not name:
        return ""
    return f"{name} ({'from our list' if partner_id else 'typed'})"


def no_consent_message(partner_or_name) -> str:
    name = getattr(partner_or_name, "name", partner_or_name)
    return NO_CONSENT_MESSAGE.format(name=name)


def create_consent(client, answers: dict, user) -> Consent:
    party_name = " ".join((answers.get("party_name") or "").split())
    if not party_name:  # the who step puts a chosen partner's name here too
        raise Refused(NOBODY_CHOSEN)
    given_on = date.fromisoformat(answers["given_on"])
    expires = answers.get("expires_on")
    consent = Consent(
        client_id=client.id,
        party_name=party_name,
        relationship_to=answers.get("relationship_to"),
        contact_details=answers.get("contact_details"),
        partner_id=answers.get("partner_id"),
        shares=list(answers.get("shares") or []),
        shares_other=answers.get("shares_other"),
        how_given=answers["how_given"],
        witness=answers.get("witness") if answers["how_given"] == "verbal" else None,
        given_on=given_on,
        expires_on=date.fromisoformat(expires) if expires else default_expiry(given_on),
        created_by_id=user.id,
    )
    db.session.add(consent)
    db.session.flush()
    audit.record("consent.given", record=consent, client_id=client.id)
    add_to_timeline(
        client,
        kind="consent_given",
        summary=f"Consent to share with {consent.party_name}",
        record=consent,
    )
    return consent


def withdraw_consent(consent: Consent, *, on: date, note: str | None) -> None:
    consent.withdrawn_on = on
    consent.withdrawn_note = note
    audit.record("consent.withdrawn", record=consent, client_id=consent.client_id)
    add_to_timeline(
        consent.client,
        kind="consent_withdrawn",
        summary=f"Consent to share with {consent.party_name} taken back",
        record=consent,
    )


@dataclass
class ConsentAlerts:
    expired: list[Consent]
    expiring: list[Consent]
    withdrawn: list[Consent]
    current: list[Consent]

    @property
    def any(self) -> bool:
        return bool(self.expired or self.expiring or self.withdrawn)


def alerts(client) -> ConsentAlerts:
    found = {"expired": [], "expiring": [], "withdrawn": [], "current": []}
    for consent in consents_for(client):
        state = status(consent)
        found.get(state, found["current"]).append(consent)
        if state == "expiring":
            found["current"].append(consent)
    return ConsentAlerts(**found)
