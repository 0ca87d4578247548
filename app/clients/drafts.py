"""Drafts kept on the server while someone answers a journey one page at a time: a new
registration, a consent, and (for the care area) closing an episode. A draft is only its
author's."""

from __future__ import annotations

from sqlalchemy import select

from app import clock
from app.extensions import db
from app.models import RegistrationDraft


def create_draft(
    user, *, kind: str = "registration", client=None, answers=None, handover_id=None
) -> RegistrationDraft:
    draft = RegistrationDraft(
        kind=kind,
        client_id=client.id if client is not None else None,
        handover_id=handover_id,
        answers=answers or {},
        created_by_id=user.id,
        updated_at=clock.now(),
    )
    db.session.add(draft)
    db.session.flush()
    return draft


def draft_of(user, draft_id: int, *, kind: str = "registration", lock: bool = False):
    """This person's own draft of this kind, or None (someone else's draft is None too)."""
    query = select(RegistrationDraft).where(RegistrationDraft.id == draft_id)
    if lock:
        query = query.with_for_update()
    draft = db.session.scalar(query)
    if draft is None or draft.created_by_id != user.id or draft.kind != kind:
        return None
    return draft


def save_draft_answers(draft, answers: dict, said: set[str], unsaid: set[str]) -> None:
    merged = dict(draft.answers or {})
    merged.update(answers)
    not_said = (set(merged.get("_not_said", [])) | said) - unsaid
    merged["_not_said"] = sorted(not_said)
    draft.answers = merged
    draft.updated_at = clock.now()


def my_drafts(user, kind: str = "registration") -> list[RegistrationDraft]:
    return list(
        db.session.scalars(
            select(RegistrationDraft)
            .where(
                RegistrationDraft.created_by_id == user.id,
                RegistrationDraft.kind == kind,
                RegistrationDraft.status == "open",
            )
            .order_by(RegistrationDraft.updated_at.desc())
        )
    )


def drop_draft(draft) -> None:
    draft.status = "dropped"
    draft.updated_at = clock.now()
