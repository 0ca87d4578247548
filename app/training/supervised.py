"""Learners doing client work: the level from which a trainee may, students on placement, and
the supervised hours a worker's signature adds to a learner's record.

"At this point participants who are interested in individual advocacy and support will have
expressed this to the trainer who will start to organise work with individual clients under
the supervision of an established PTSS worker" (model of care, Level four).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from app import audit
from app.access import SENIOR, STUDENT, WORKER
from app.core.people import works_with_people
from app.core.saving import Refused
from app.extensions import db
from app.models import Level, LevelSignOff, Placement, TrainingSession, User

CLIENT_WORK_LEVEL = 4  # the model of care's Level four: client work under supervision
SUPERVISORS = (WORKER, SENIOR)
PROGRAMME_LIMIT = 200


def level_number(person: User) -> int | None:
    """The level a person is working on: the first one a trainer has not signed off."""
    signed = set(
        db.session.scalars(select(LevelSignOff.level_id).where(LevelSignOff.user_id == person.id))
    )
    numbers = db.session.execute(select(Level.id, Level.number).order_by(Level.number)).all()
    if not numbers:
        return None
    return next((n for level_id, n in numbers if level_id not in signed), numbers[-1][1])


def may_do_client_work(person: User) -> bool:
    """A trainee at Level four or five (or further) may join a care team, supervised."""
    number = level_number(person)
    return number is not None and number >= CLIENT_WORK_LEVEL


def add_supervised_time(person: User, *, day: date, minutes: int, worker: User) -> TrainingSession:
    """Time a learner spent on client work, counted once their worker signed the note."""
    row = TrainingSession(
        user_id=person.id,
        day=day,
        minutes=minutes,
        what=f"Supervised client work, signed by {worker.display_name}"[:200],
        created_by_id=worker.id,
    )
    db.session.add(row)
    db.session.flush()
    return row


# --- students on placement -----------------------------------------------------------------


def supervisors() -> list[User]:
    return list(
        db.session.scalars(
            select(User).where(works_with_people(*SUPERVISORS)).order_by(User.display_name)
        )
    )


def placement_of(person: User) -> Placement | None:
    return db.session.scalar(select(Placement).where(Placement.user_id == person.id))


def start_placement(
    person: User, *, programme: str, supervisor: User | None, by: User
) -> Placement:
    """A student's course and the worker who supervises them here."""
    programme = (programme or "").strip()
    if person.role != STUDENT:
        raise Refused("Only a student on placement has a course and a supervisor here")
    if not programme:
        raise Refused("Enter the course they are on, like Certificate IV in Alcohol and Drugs")
    if len(programme) > PROGRAMME_LIMIT:
        raise Refused(f"The course must be {PROGRAMME_LIMIT} characters or fewer")
    if supervisor is None or supervisor.role not in SUPERVISORS or not supervisor.active:
        raise Refused("Choose the peer worker or senior worker who supervises them")
    row = Placement(
        user_id=person.id, programme=programme, supervisor_id=supervisor.id, created_by_id=by.id
    )
    db.session.add(row)
    db.session.flush()
    audit.record(
        "training.placement_started",
        record=row,
        user=by,
        detail={"person": person.id, "supervisor": supervisor.id},
    )
    return row
