"""Episodes of care, the assessment and matching a person with a worker.

The care area closes episodes and adds plans and notes; it uses these functions too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select, update

from app import audit, clock
from app.clients.timeline import add_to_timeline
from app.extensions import db
from app.models import Assessment, Client, Episode, User
from app.needs import LIFE_AREAS, URGENCY, match_score
from app.standards import codes

# Front desk needs (app.needs.NEEDS) as assessment life areas.
NEED_TO_LIFE_AREA = {
    "drug_treatment": "drug_treatment",
    "omt": "drug_treatment",
    "housing": "housing",
    "children": "children",
    "money": "money",
    "legal": "legal",
    "health": "physical_health",
    "mental_health": "mental_health",
    "food": "food",
    "aid": "aid",
    "transport": "transport",
    "other": "other",
}


# --- episodes -------------------------------------------------------------------------------


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
    """Change an open episode's codes. A closed episode is kept as it was."""
    if not episode.is_open:
        raise ValueError("a closed episode cannot change")
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
        raise ValueError("the episode is closed already")
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
        raise ValueError("there is an open episode already")
    episode = open_episode(client, opened_on=clock.today(), user=user)
    last = latest_assessment(client)
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
        keep_support_level(client, copy)
        audit.record("assessment.saved", record=copy, client_id=client.id, detail={"from": last.id})
    return episode


# --- the assessment -----------------------------------------------------------------------


def latest_assessment(client: Client) -> Assessment | None:
    return db.session.scalar(
        select(Assessment)
        .where(Assessment.client_id == client.id)
        .order_by(Assessment.created_at.desc(), Assessment.id.desc())
    )


def assessment_history(client: Client) -> list[Assessment]:
    return list(
        db.session.scalars(
            select(Assessment)
            .where(Assessment.client_id == client.id)
            .order_by(Assessment.created_at.desc(), Assessment.id.desc())
        )
    )


def keep_support_level(client: Client, newest: Assessment) -> None:
    """Copy the newest assessment's support level onto the person's row, for the caseloads.

    Written straight to the table: it is a summary, not an answer anyone edits, so it must
    not change the file's version and make a worker editing the details start again.
    """
    db.session.execute(
        update(Client).where(Client.id == client.id).values(support_level=newest.support_level)
    )
    db.session.expire(client, ["support_level"])


def save_assessment(client: Client, data: dict, user) -> Assessment:
    """Keep this meeting's assessment as a new row: the earlier ones stay as they were."""
    episode = open_episode_of(client)
    assessment = Assessment(
        client_id=client.id,
        episode_id=episode.id if episode else None,
        met_on=data.get("met_on") or clock.today(),
        support_level=data.get("support_level") or None,
        needs=[n for n in data.get("needs") or [] if n in LIFE_AREAS],
        need_notes={k: v for k, v in (data.get("need_notes") or {}).items() if v},
        summary=data.get("summary") or None,
        strengths=data.get("strengths") or None,
        supports=data.get("supports") or None,
        risks=data.get("risks") or None,
        created_by_id=user.id,
    )
    db.session.add(assessment)
    db.session.flush()
    keep_support_level(client, assessment)
    audit.record("assessment.saved", record=assessment, client_id=client.id)
    level = URGENCY.get(assessment.support_level or "", "")
    words = "Assessment updated" + (f": {level.lower()}" if level else "")
    add_to_timeline(client, kind="assessment", summary=words, record=assessment)
    return assessment


def assessment_from_handover(handover) -> dict:
    """What front of house heard, as a first assessment, so nobody tells it twice."""
    needs = []
    for need in handover.needs or []:
        area = NEED_TO_LIFE_AREA.get(need)
        if area and area not in needs:
            needs.append(area)
    return {
        "support_level": handover.urgency if handover.urgency in URGENCY else None,
        "needs": needs,
        "summary": handover.note or None,
    }


# --- matching -------------------------------------------------------------------------------


@dataclass
class Suggestion:
    worker: User
    score: int
    caseload: int
    shared: list[str]


def suggest_workers(needs: list[str]) -> list[Suggestion]:
    """Workers and seniors, best fit first: shared lived experience, then fewest people."""
    from app.clients.service import caseload_counts
    from app.needs import EXPERIENCE, experience_for

    counts = caseload_counts()
    fitting = experience_for(needs)
    people = db.session.scalars(
        select(User).where(User.role.in_(("worker", "senior")), User.active.is_(True))
    )
    suggestions = [
        Suggestion(
            worker=u,
            score=match_score(u.shared_experience or [], needs),
            caseload=counts.get(u.id, 0),
            shared=[
                EXPERIENCE[t]
                for t in (u.shared_experience or [])
                if t in fitting and t in EXPERIENCE
            ],
        )
        for u in people
    ]
    suggestions.sort(key=lambda s: (-s.score, s.caseload, s.worker.display_name))
    return suggestions
