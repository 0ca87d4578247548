"""The assessment: kept as a new row each meeting (earlier ones stay as they were), its
support level copied onto the file for the caseloads, and a first one from a handover."""

from __future__ import annotations

from sqlalchemy import select, update

from app import audit, clock
from app.clients.timeline import add_to_timeline
from app.extensions import db
from app.models import Assessment, Client, Episode
from app.needs import LIFE_AREAS, URGENCY

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


def save_assessment(client: Client, data: dict, user, *, episode: Episode | None) -> Assessment:
    """Keep this meeting's assessment as a new row: the earlier ones stay as they were.

    `episode` is the open episode it belongs to (episodes.open_episode_of), or None."""
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
