"""Demo care team (issue 15): one of Alex's people has a care team with Priya (court
support) and Tess, a trainee at Level 4, who wrote a note that waits for Alex to sign.
Runs after training's demo step, which puts Tess at Level 4."""

from __future__ import annotations

from datetime import timedelta

from app import clock
from app.care import notes, signing
from app.care.episode_rules import open_episode
from app.clients import public as clients
from app.core.areas import DemoContext


def make_demo_care_teams(context: DemoContext) -> None:
    users = context.users
    alex, priya, tess = users.get("worker"), users.get("worker2"), users.get("trainee3")
    people = context.made.get("clients") or []
    if alex is None or priya is None or tess is None:
        return
    client = next(
        (c for c in people if c.worker_id == alex.id and open_episode(c) is not None), None
    )
    if client is None:
        return
    agreed = clock.today() - timedelta(days=12)
    clients.add_to_care_team(
        client, priya, role_words="Goes to court with them", agreed=True, agreed_on=agreed, by=alex
    )
    clients.add_to_care_team(
        client,
        tess,
        role_words="Trainee, learning with Alex: phone check-ins",
        agreed=True,
        agreed_on=agreed,
        by=alex,
    )
    signing.create_waiting(
        client,
        notes.NoteData(
            contact_at=clock.now() - timedelta(days=2, hours=3),
            kind="phone",
            minutes=20,
            text="Rang to check in before court. Feeling nervous but has a lift sorted. "
            "Asked if Alex can call tomorrow.",
        ),
        tess,
    )
    context.printed.append(
        f"Care team: {client.name} has Priya and Tess (trainee3) on the team; Tess's note "
        "waits for Alex to sign. Mia (student) sees no files."
    )
