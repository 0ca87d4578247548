"""Episodes of care (PTSS, with the national codes): opening, changing, closing and starting
again. The care area closes episodes through the clients area's public module."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from app import audit, clock
from app.clients import assessments
from app.clients.timeline import add_to_timeline
from app.core.saving import Refused
from app.extensions import db
from app.models import Assessment, Client, Episode
from app.standards import codes

CLOSED = "This episode is closed, so it cannot change."
OPEN_ALREADY = "There is an open episode already."


def episodes(client: Client) -> list[Episode]:
    return list(
        db.session.scalars(
            select(Episode)
            .where(Episode.client_id == client.id)
            .order_by(Episode.opened_on.desc(), Episode.id.desc())
        )
    )


def open_episode_of(client: Client) -> Episode | None:
    return db.session.scalar(
        select(Episode)
        .where(Episode.client_id == client.id, Episode.closed_on.is_(None))
        .order_by(Episode.id.desc())
    )


def open_episode(client: Client, *, opened_on: date | None = None, user=None) -> Episode:
    """Start a PTSS episode of care with the national codes known at the start."""
    episode = Episode(
        client_id=client.id,
        opened_on=opened_on or client.contact_date or clock.today(),
        source_of_referral=codes.referral_code(client.referral_source),
        client_type=codes.client_type_code(client.client_type),
        main_treatment_type=codes.PTSS_MAIN_TREATMENT_TYPE,
        delivery_setting=codes.delivery_setting_code(client.service_location),
        principal_drug=codes.drug_code(client.main_drug) if client.client_type != "other" else None,
        other_drugs=[
            codes.drug_code(d) for d in (client.other_drugs or []) if d != codes.PREFER_NOT
        ][:5],
        method_of_use=codes.method_code(client.method) if client.client_type != "other" else None,
        injecting_status=(
            codes.injecting_code(client.last_injected) if client.client_type != "other" else None
        ),
        created_by_id=getattr(user, "id", None),
    )
    db.session.add(episode)
    db.session.flush()
    audit.record("episode.opened", record=episode, client_id=client.id)
    add_to_timeline(client, kind="episode_opened", summary="Episode of care opened", record=episode)
    return episode


def update_episode(episode: Episode, **fields) -> dict:
    """Change an open episode's codes. A closed episode is kept as it was (Refused)."""
    if not episode.is_open:
        raise Refused(CLOSED)
    changed = {}
    for name, value in fields.items():
        if getattr(episode, name) != value:
            changed[name] = [getattr(episode, name), value]
            setattr(episode, name, value)
    if changed:
        audit.record(
            "episode.changed",
            record=episode,
            client_id=episode.client_id,
            detail={"fields": sorted(changed)},
        )
    return changed


def close_episode(episode: Episode, *, closed_on: date, reason: int, by=None) -> None:
    """Close an episode with its reason for cessation (the care area's closing journey
    calls this)."""
    if not episode.is_open:
        raise Refused(CLOSED)
    episode.closed_on = closed_on
    episode.reason_for_cessation = reason
    episode.closed_by_id = getattr(by, "id", None)
    audit.record(
        "episode.closed", record=episode, client_id=episode.client_id, detail={"reason": reason}
    )
    add_to_timeline(
        episode.client,
        kind="episode_closed",
        summary=f"Episode of care closed: {codes.REASON_FOR_CESSATION_WORDS[reason]}",
        record=episode,
    )


def start_new_episode(client: Client, *, from_last: bool, user) -> Episode:
    """A person comes back: a new episode, starting from their last assessment if wanted."""
    if open_episode_of(client) is not None:
        raise Refused(OPEN_ALREADY)
    episode = open_episode(client, opened_on=clock.today(), user=user)
    last = assessments.latest_assessment(client)
    if from_last and last is not None:
        copy = Assessment(
            client_id=client.id,
            episode_id=episode.id,
            met_on=clock.today(),
            support_level=last.support_level,
            needs=list(last.needs or []),
            need_notes=dict(last.need_notes or {}),
            summary=last.summary,
            strengths=last.strengths,
            supports=last.supports,
            risks=last.risks,
            created_by_id=user.id,
        )
        db.session.add(copy)
        db.session.flush()
        assessments.keep_support_level(client, copy)
        audit.record("assessment.saved", record=copy, client_id=client.id, detail={"from": last.id})
    return episode
