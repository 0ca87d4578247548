"""Warm referrals to partner services, or to a service not in the directory (typed, issue
17): made only with a current consent to share with the service; afterwards whether an
appointment was made, whether they went, what happened."""

from __future__ import annotations

from sqlalchemy import select

from app import clock
from app.care.episode_rules import episode_for_new_record, log, must_be_editable
from app.clients import public as clients
from app.core.saving import Refused
from app.extensions import db
from app.models import Consent, Partner, Referral


class NoConsent(Refused):
    """No current consent to share with this service."""


NOT_TYPED_CONSENT = "Choose which of their consents covers {name}"
NO_TYPED_CONSENT = (
    "There is no current consent to share with {name}. "
    "Record their consent with that service first."
)
NO_SERVICE = "Choose a service from the list, or type the service"


def referral_service_name(referral: Referral) -> str:
    """Who a referral is to: the partner's name from the directory, or the name typed for a
    service that is not in it. Every page and report that names the service uses this."""
    if referral.partner_id is not None:
        partner = db.session.get(Partner, referral.partner_id)
        if partner is not None:
            return partner.name
    return referral.service_name or "a service"


def consents_covering(client, partner: Partner) -> list[Consent]:
    """The person's current consents for this partner service, matched by its id."""
    return [
        c
        for c in clients.consents_for(client)
        if c.partner_id == partner.id and clients.is_current(c)
    ]


def typed_consents(client) -> list[Consent]:
    """The person's current consents with someone not in the directory: the ones that may
    cover a service typed by hand (consents saved with only a name are among them)."""
    return [
        c for c in clients.consents_for(client) if c.partner_id is None and clients.is_current(c)
    ]


def _typed_consent(client, consent_id: int | None, name: str) -> Consent:
    """The consent the worker chose as covering a typed service: current, this person's,
    and not one for a partner in the directory (that one is matched by id)."""
    choices = typed_consents(client)
    if not choices:
        raise NoConsent(NO_TYPED_CONSENT.format(name=name))
    for consent in choices:
        if consent.id == consent_id:
            return consent
    raise NoConsent(NOT_TYPED_CONSENT.format(name=name))


def create_referral(
    client,
    *,
    partner: Partner | None = None,
    service_name: str | None = None,
    service_contact: str | None = None,
    consent_id: int | None = None,
    reason: str,
    appointment_made: bool,
    user,
    suggest: bool = False,
    what_they_do: str = "",
) -> Referral:
    """A referral to a partner in the directory (consent matched by the partner's id), or to
    a service typed by hand (the worker chooses which current typed consent covers it, and
    may suggest the service for the directory)."""
    episode = episode_for_new_record(client)
    if not (reason or "").strip():
        raise Refused("Write why they are being referred")
    service_name = " ".join((service_name or "").split())
    service_contact = " ".join((service_contact or "").split()) or None
    if partner is None and not service_name:
        raise Refused(NO_SERVICE)
    if partner is not None:
        consent = clients.current_consent_for(client, partner)
        if consent is None:
            raise NoConsent(clients.no_consent_message(partner))
        name = partner.name
    else:
        consent = _typed_consent(client, consent_id, service_name)
        name = service_name
    referral = Referral(
        client_id=client.id,
        episode_id=episode.id,
        partner_id=partner.id if partner is not None else None,
        service_name=None if partner is not None else service_name,
        service_contact=None if partner is not None else service_contact,
        referred_on=clock.today(),
        reason=reason,
        consent_id=consent.id,
        appointment_made=appointment_made,
        created_by_id=getattr(user, "id", None),
    )
    db.session.add(referral)
    log(
        client,
        action="referral.made",
        record=referral,
        kind="referral",
        summary=f"Referred to {name}",
        detail={
            "partner_id": partner.id if partner is not None else None,
            "typed": partner is None,
            "consent_id": consent.id,
        },
    )
    if partner is None and suggest:
        _suggest(service_name, service_contact, what_they_do, user)
    return referral


def _suggest(name: str, contact: str | None, what_they_do: str, user) -> None:
    """Suggest a typed service for the directory; a senior or the manager approves it. Only
    the service's own details go: nothing about the person."""
    from app.partners import public as partners  # another helper's; imported when used

    partners.suggest_partner(
        name=name, contact=contact or "", what_they_do=(what_they_do or "").strip(), user=user
    )


def update_referral(
    referral: Referral,
    *,
    appointment_made: bool,
    attended: bool | None,
    outcome: str | None,
    user,
    client,
) -> list[str]:
    must_be_editable(referral)
    changed = []
    for name, value in (
        ("appointment_made", appointment_made),
        ("attended", attended),
        ("outcome", outcome),
    ):
        if getattr(referral, name) != value:
            setattr(referral, name, value)
            changed.append(name)
    if changed:
        referral.outcome_on = clock.today()
        went = {True: ": they went", False: ": they did not go"}.get(attended, "")
        log(
            client,
            action="referral.updated",
            record=referral,
            kind="referral_updated",
            summary=f"Referral to {referral_service_name(referral)} updated{went}",
            detail={"fields": changed},
        )
    return changed


def referrals_for(client) -> list[Referral]:
    return list(
        db.session.scalars(
            select(Referral)
            .where(Referral.client_id == client.id)
            .order_by(Referral.referred_on.desc(), Referral.id.desc())
        )
    )


def consent_of(referral: Referral) -> Consent | None:
    """The consent the referral was made under."""
    return db.session.get(Consent, referral.consent_id) if referral.consent_id else None
