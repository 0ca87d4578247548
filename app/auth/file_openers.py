"""Who opens client files: they prove it is them twice at sign-in and are signed out sooner
when idle. Workers, seniors and the manager always; a trainee or a student on placement only
while they are on a file's care team (issue 15: "under the supervision of an established
PTSS worker"), because then they see that file's narrow view."""

from __future__ import annotations

from sqlalchemy import select

from app.access import CLIENT_ROLES, LEARNERS
from app.extensions import db
from app.models import CareTeamMember, User


def opens_client_files(user: User) -> bool:
    if user.role in CLIENT_ROLES:
        return True
    if user.role not in LEARNERS:
        return False
    on_a_team = select(CareTeamMember.id).where(
        CareTeamMember.user_id == user.id, CareTeamMember.ended_at.is_(None)
    )
    return db.session.scalar(on_a_team.limit(1)) is not None
