"""Episodes of care (PTSS, with the national codes): opening, changing, closing and starting
again. The care area closes episodes through the clients area's public module."""

from __future__ import annotations

from datetime import UTC, date

from sqlalchemy import func, select

from app import audit, clock
from app.clients import assessments
from app.clients.timeline import add_to_timeline
from app.core.saving import Refused
from app.extensions import db
from app.models import Assessment, CaseNote, Client, Episode, TimelineEntry
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
    add_to_timeline(
        client,
        kind="episode_opened",
        summary="Episode of care opened",
        record=episode,
        occurred_at=_opened_moment(episode.opened_on),
    )
    return episode


def _opened_moment(day: date):
    """Where the "episode opened" line sits on the timeline: on the day it began (a start
    given at registration may be weeks back), or now when it began today."""
    return clock.start_of(day) if day < clock.today() else clock.now()


# --- putting the start date right (issue 17) -------------------------------------------------

START_IN_FUTURE = "The start cannot be in the future."
SAME_START = "That is the start date already."


def _full_day(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def first_note_day(episode: Episode) -> date | None:
    """The Canberra day of the episode's first current case note, or None."""
    first = db.session.scalar(
        select(func.min(CaseNote.contact_at)).where(
            CaseNote.episode_id == episode.id, CaseNote.superseded.is_(False)
        )
    )
    if first is None:
        return None
    if first.tzinfo is None:  # SQLite forgets the zone of an aggregate
        first = first.replace(tzinfo=UTC)
    return first.astimezone(clock.CANBERRA).date()


def start_refusal(episode: Episode, new_start: date) -> str | None:
    """Why the episode cannot have begun on `new_start`, in plain words, or None."""
    if new_start > clock.today():
        return START_IN_FUTURE
    born = episode.client.born_on
    if born and new_start < born:
        return f"The start cannot be before they were born ({_full_day(born)})."
    first = first_note_day(episode)
    if first and new_start > first:
        return (
            f"The first note of this episode is from {_full_day(first)}. "
            "The start cannot be after it."
        )
    if episode.closed_on and new_start > episode.closed_on:
        closed = _full_day(episode.closed_on)
        return f"The episode closed on {closed}. The start cannot be after it."
    earlier = db.session.scalar(
        select(func.max(Episode.closed_on)).where(
            Episode.client_id == episode.client_id,
            Episode.id != episode.id,
            Episode.opened_on <= episode.opened_on,
        )
    )
    if earlier and new_start < earlier:
        return f"The episode before ended on {_full_day(earlier)}. The start cannot be before it."
    if new_start == episode.opened_on:
        return SAME_START
    return None


def correct_start(episode: Episode, *, new_start: date, reason: str) -> None:
    """Put the episode's start date right, keeping the old date and the reason. The export
    and the three-month rule read `opened_on`, so they follow; the "episode opened" line on
    the timeline moves to the new day."""
    refusal = start_refusal(episode, new_start)
    if refusal:
        raise Refused(refusal)
    old = episode.opened_on
    episode.opened_on = new_start
    opened_lines = db.session.scalars(
        select(TimelineEntry).where(
            TimelineEntry.client_id == episode.client_id,
            TimelineEntry.kind == "episode_opened",
            TimelineEntry.record_type == "Episode",
            TimelineEntry.record_id == episode.id,
        )
    )
    for line in opened_lines:
        line.occurred_at = clock.start_of(new_start)
    audit.record(
        "episode.start_corrected",
        record=episode,
        client_id=episode.client_id,
        detail={"from": old.isoformat(), "to": new_start.isoformat()},
    )
    add_to_timeline(
        episode.client,
        kind="episode_start_corrected",
        summary=(
            f"Episode start put right: {_full_day(new_start)} (was {_full_day(old)}). Why: {reason}"
        ),
        record=episode,
    )


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
