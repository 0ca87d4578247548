"""Training rows for tests: the programme from the model of care, progress, certificates."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import select

from app import clock
from app.models import (
    AgreementAcceptance,
    Certificate,
    LearningItem,
    Level,
    LevelSignOff,
    Module,
    Progress,
    Shift,
    TrainingSession,
)


def load_programme(app, session):
    """The seeded programme and agreements, loaded the way demo-data loads them."""
    from app.extensions import db
    from app.training.agreements import load_agreements
    from app.training.programme import load_programme as load

    with app.app_context():
        load()
        load_agreements()
        db.session.commit()
    session.expire_all()


def level(session, number: int) -> Level:
    return session.scalars(select(Level).where(Level.number == number)).one()


def module(session, level_number: int, position: int = 1) -> Module:
    return session.scalars(
        select(Module).join(Level).where(Level.number == level_number, Module.position == position)
    ).one()


def items(session, module_row: Module) -> list[LearningItem]:
    return list(
        session.scalars(
            select(LearningItem)
            .where(LearningItem.module_id == module_row.id)
            .order_by(LearningItem.position)
        )
    )


def mark_done(session, user, item_rows) -> None:
    for item in item_rows:
        session.add(Progress(user_id=user.id, item_id=item.id, done_at=clock.now()))
    session.commit()


def sign_off_level(session, user, level_row, by) -> LevelSignOff:
    row = LevelSignOff(user_id=user.id, level_id=level_row.id, note="", created_by_id=by.id)
    session.add(row)
    session.commit()
    return row


def make_certificate(session, user, kind="first_aid", *, issued_on=None, expires_in=None):
    today = clock.today()
    row = Certificate(
        user_id=user.id,
        kind=kind,
        issued_on=issued_on or today - timedelta(days=300),
        expires_on=today + timedelta(days=expires_in) if expires_in is not None else None,
    )
    session.add(row)
    session.commit()
    return row


def make_session(session, user, day: date, minutes: int, what="Reading") -> TrainingSession:
    row = TrainingSession(user_id=user.id, day=day, minutes=minutes, what=what)
    session.add(row)
    session.commit()
    return row


def make_shift(session, user, started_at: datetime, hours: float) -> Shift:
    row = Shift(
        user_id=user.id, started_at=started_at, ended_at=started_at + timedelta(hours=hours)
    )
    session.add(row)
    session.commit()
    return row


def accept(session, user, version) -> AgreementAcceptance:
    row = AgreementAcceptance(user_id=user.id, version_id=version.id)
    session.add(row)
    session.commit()
    return row
