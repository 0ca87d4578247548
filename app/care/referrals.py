"""Warm referrals to partner services: made only with a current consent to share with
the service; afterwards whether an appointment was made, whether they went, what happened."""

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


def create_referral(
    client, *, partner: Partner, reason: str, appointment_made: bool, user
) -> Referral:
    episode = episode_for_new_record(client)
    if not (reason or "").strip():
        raise Refused("Write why they are being referred")
    consent = clients.current_consent_for(client, partner)
    if consent is None:
        raise NoConsent(clients.no_consent_message(partner))
    referral = Referral(
        client_id=client.id,
        episode_id=episode.id,
        partner_id=partner.id,
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
        summary=f"Referred to {partner.name}",
        detail={"partner_id": partner.id, "consent_id": consent.id},
    )
    return referral


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
        partner = db.session.get(Partner, referral.partner_id)
        went = {True: ": they went", False: ": they did not go"}.get(attended, "")
        log(
            client,
            action="referral.updated",
            record=referral,
            kind="referral_updated",
            summary=f"Referral to {partner.name if partner else 'a service'} updated{went}",
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
