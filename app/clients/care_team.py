"""A file's care team: "in some circumstances it may be decided that because of needs or
complexities ... a team approach may be necessary" (model of care, re-allocation).

The file's worker stays the one responsible: the file stays on their caseload, with its due
dates and "My work". Others join the team with a role in plain words, and only when the
person agreed. A worker or a senior on the team opens the whole file; a trainee at Level four
or further, or a student on placement, sees the narrow view and writes notes their worker
signs. Who may open a file is still one rule: `access.access_level`.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from app import audit, clock
from app.access import SENIOR, SENIORS, STUDENT, TRAINEE, WORKER
from app.auth import public as auth
from app.clients.known_outside_work import refuse_if_known, workers_who_know
from app.clients.timeline import add_to_timeline
from app.core.people import works_with_people
from app.core.saving import Refused
from app.extensions import db
from app.models import CareTeamMember, Client, User
from app.training import public as training

TEAM_ROLES = (WORKER, SENIOR, TRAINEE, STUDENT)
ROLE_WORDS_LIMIT = 120
NOT_AGREED = (
    "Ask the person first. Tick \u201cThe person agreed\u201d and give the day they said yes"
)


def members(client: Client) -> list[CareTeamMember]:
    """Who is on the team now, first added first."""
    return list(
        db.session.scalars(
            select(CareTeamMember)
            .where(CareTeamMember.client_id == client.id, CareTeamMember.ended_at.is_(None))
            .order_by(CareTeamMember.id)
        )
    )


def past_members(client: Client) -> list[CareTeamMember]:
    return list(
        db.session.scalars(
            select(CareTeamMember)
            .where(CareTeamMember.client_id == client.id, CareTeamMember.ended_at.is_not(None))
            .order_by(CareTeamMember.ended_at.desc())
        )
    )


def may_change(user, client: Client) -> bool:
    """The file's worker and seniors add people to the team and take them off it."""
    return user.role in SENIORS or (client.worker_id is not None and client.worker_id == user.id)


def people_to_add(client: Client) -> list[User]:
    """Active workers, seniors, trainees and students not on the team and not its worker, and
    never someone who knows the person outside work."""
    on_team = select(CareTeamMember.user_id).where(
        CareTeamMember.client_id == client.id, CareTeamMember.ended_at.is_(None)
    )
    query = (
        select(User)
        .where(works_with_people(*TEAM_ROLES), User.id.not_in(on_team))
        .order_by(User.display_name)
    )
    if client.worker_id is not None:
        query = query.where(User.id != client.worker_id)
    known = workers_who_know(client.id)
    return [u for u in db.session.scalars(query) if u.id not in known]


def _check(client: Client, person: User | None, role_words: str, agreed: bool, agreed_on):
    if not agreed or agreed_on is None:
        raise Refused(NOT_AGREED)
    if agreed_on > clock.today():
        raise Refused("The day they agreed must be today or earlier")
    if person is None or not person.active or person.role not in TEAM_ROLES:
        raise Refused("Choose a peer worker, senior worker, trainee or student on placement to add")
    if person.id == client.worker_id:
        raise Refused(f"{person.display_name} is their worker already")
    if any(m.user_id == person.id for m in members(client)):
        raise Refused(f"{person.display_name} is on the care team already")
    refuse_if_known(client, person)
    if person.role == TRAINEE and not training.may_do_client_work(person):
        number = training.level_number(person)
        at = f"at Level {number}" if number else "not at a level yet"
        raise Refused(
            f"{person.display_name} is {at}. Trainees work with people from Level "
            f"{training.CLIENT_WORK_LEVEL}, under the supervision of an established worker"
        )
    if not role_words:
        raise Refused("Say what they will do in the team, in plain words")
    if len(role_words) > ROLE_WORDS_LIMIT:
        raise Refused(f"What they will do must be {ROLE_WORDS_LIMIT} characters or fewer")


def add_member(
    client: Client,
    person: User | None,
    *,
    role_words: str,
    agreed: bool,
    agreed_on: date | None,
    by: User,
) -> CareTeamMember:
    """Add someone to the team, with the person's agreement (the day they said yes)."""
    role_words = (role_words or "").strip()
    _check(client, person, role_words, agreed, agreed_on)
    asked_for_two_steps = auth.opens_client_files(person)
    row = CareTeamMember(
        client_id=client.id,
        user_id=person.id,
        role_words=role_words,
        agreed_on=agreed_on,
        created_by_id=by.id,
    )
    db.session.add(row)
    db.session.flush()
    add_to_timeline(
        client,
        kind="care_team",
        summary=f"{person.display_name} joined the care team: {role_words}",
        record=row,
    )
    audit.record(
        "client.team_added",
        record=row,
        client_id=client.id,
        detail={"person": person.id, "role": person.role, "agreed_on": agreed_on.isoformat()},
    )
    if not asked_for_two_steps:
        auth.sign_in_again_with_two_steps(person)
    return row


def remove_member(member: CareTeamMember, client: Client, *, by: User) -> None:
    """Take someone off the team: the row stays, with the day it ended."""
    if member.ended_at is not None:
        raise Refused(f"{member.user.display_name} is off the care team already")
    member.ended_at = clock.now()
    member.ended_by_id = by.id
    add_to_timeline(
        client,
        kind="care_team",
        summary=f"{member.user.display_name} left the care team",
        record=member,
    )
    audit.record(
        "client.team_removed",
        record=member,
        client_id=client.id,
        detail={"person": member.user_id},
    )


def my_team_files(user: User) -> list[Client]:
    """The files whose care team this person is on now (their home page)."""
    return list(
        db.session.scalars(
            select(Client)
            .join(CareTeamMember, CareTeamMember.client_id == Client.id)
            .where(
                CareTeamMember.user_id == user.id,
                CareTeamMember.ended_at.is_(None),
                Client.merged_into_id.is_(None),
            )
            .order_by(Client.id)
        )
    )
