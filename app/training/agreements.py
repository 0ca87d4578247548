"""Our agreements: versioned texts the manager edits, and who accepted which version when."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from app import audit, clock
from app.extensions import db
from app.models import Agreement, AgreementAcceptance, AgreementVersion, Progress, User
from app.training.agreement_texts import AGREEMENTS


def load_agreements(created_by: User | None = None) -> bool:
    """The first version of each agreement, once. False when they were there already."""
    if db.session.scalar(select(func.count()).select_from(Agreement)):
        return False
    by = getattr(created_by, "id", None)
    for position, (key, title, text) in enumerate(AGREEMENTS, start=1):
        agreement = Agreement(
            key=key, title=title, position=position, current_number=1, created_by_id=by
        )
        agreement.versions.append(
            AgreementVersion(number=1, text=text, change_note="First version", created_by_id=by)
        )
        db.session.add(agreement)
    db.session.flush()
    return True


def find_agreements() -> list[Agreement]:
    return list(db.session.scalars(select(Agreement).order_by(Agreement.position)))


def current_version(agreement: Agreement) -> AgreementVersion | None:
    return next((v for v in agreement.versions if v.number == agreement.current_number), None)


@dataclass
class Accepted:
    number: int
    on: datetime


def accepted(user: User) -> dict[int, Accepted]:
    """{agreement id: the newest version this person accepted, and when}."""
    rows = db.session.execute(
        select(AgreementVersion.agreement_id, AgreementVersion.number, AgreementAcceptance)
        .join(AgreementAcceptance, AgreementAcceptance.version_id == AgreementVersion.id)
        .where(AgreementAcceptance.user_id == user.id)
        .order_by(AgreementVersion.number)
    )
    return {aid: Accepted(number, row.created_at) for aid, number, row in rows}


def pending(user: User) -> list[Agreement]:
    """Agreements whose newest version this person has not accepted."""
    done = accepted(user)
    return [
        a
        for a in find_agreements()
        if a.current_number and (a.id not in done or done[a.id].number < a.current_number)
    ]


def accept_all(user: User) -> list[AgreementAcceptance]:
    """Accept the newest version of every agreement not yet accepted; module one's
    "agreements" item is then done."""
    from app.training.progress import find_special_item

    rows = []
    for agreement in pending(user):
        version = current_version(agreement)
        if version is None:
            continue
        row = AgreementAcceptance(
            user_id=user.id, version_id=version.id, created_by_id=user.id, created_at=clock.now()
        )
        db.session.add(row)
        rows.append(row)
    db.session.flush()
    for row in rows:
        audit.record(
            "training.agreement_accepted",
            record=row,
            user=user,
            detail={"version": row.version_id},
        )
    item = find_special_item("agreements")
    if item is not None and rows:
        progress = db.session.scalar(
            select(Progress).where(Progress.user_id == user.id, Progress.item_id == item.id)
        )
        if progress is None:
            db.session.add(
                Progress(
                    user_id=user.id, item_id=item.id, done_at=clock.now(), created_by_id=user.id
                )
            )
        elif progress.done_at is None:
            progress.done_at = clock.now()
    return rows


def create_version(agreement: Agreement, *, text: str, change_note: str, by: User):
    """A new version. Everyone who accepted an older one is asked again at next sign-in."""
    number = agreement.current_number + 1
    version = AgreementVersion(
        agreement_id=agreement.id,
        number=number,
        text=text,
        change_note=change_note,
        created_by_id=by.id,
    )
    db.session.add(version)
    agreement.current_number = number  # the agreement's version: see app/locking.py
    audit.record(
        "training.agreement_changed", record=agreement, user=by, detail={"version": number}
    )
    return version


def must_accept_again(user_id: int) -> bool:
    """One query: has this person accepted an older version of an agreement, and not its
    newest? (Someone who never accepted any is asked in module one instead.)"""
    newest_accepted = func.max(AgreementVersion.number)
    query = (
        select(Agreement.id)
        .join(AgreementVersion, AgreementVersion.agreement_id == Agreement.id)
        .join(AgreementAcceptance, AgreementAcceptance.version_id == AgreementVersion.id)
        .where(AgreementAcceptance.user_id == user_id)
        .group_by(Agreement.id, Agreement.current_number)
        .having(newest_accepted < Agreement.current_number)
        .limit(1)
    )
    return db.session.scalar(query) is not None
