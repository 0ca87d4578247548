"""Demo accounts, one or more for each role, with known passwords printed once."""

from __future__ import annotations

import base64

from app.access import CLIENT_ROLES
from app.auth import accounts
from app.core.areas import DemoContext

# username, name shown, role, lived experience they chose to share (for matching)
DEMO_PEOPLE = (
    ("manager", "Chris Mahoney", "manager", []),
    ("senior", "Rosa Tuilagi", "senior", ["omt", "prison", "housing"]),
    ("worker", "Alex Murray", "worker", ["omt", "cyf", "rehab"]),
    ("worker2", "Priya Sharma", "worker", ["housing", "domestic_violence", "mental_health"]),
    (
        "worker3",
        "Dan Kelly",
        "worker",
        ["aboriginal", "prison"],
    ),
    ("frontdesk", "Kim Nguyen", "frontdesk", []),
    ("frontdesk2", "Bec Harris", "frontdesk", []),
    ("trainee", "Jordan Lee", "trainee", []),
    ("trainee2", "Sione Fifita", "trainee", []),
    ("trainee3", "Tess Walker", "trainee", []),  # at Level 4: on a care team (issue 15)
    ("student", "Mia Thompson", "student", []),  # a student on placement (issue 15)
)

# Learners the demo puts on a care team (app/care/demo_teams.py): they sign in with a code too.
ON_A_CARE_TEAM = {"trainee3"}


# What some demo staff chose to share about themselves on My account (issue 17):
# username -> (gender, pronouns, languages, Aboriginal or Torres Strait Islander)
DEMO_ABOUT = {
    "senior": ("woman", "she/her", ["English", "Samoan"], None),
    "worker": ("man", "he/him", ["English"], None),
    "worker2": ("woman", "she/her", ["English", "Hindi", "Vietnamese"], None),
    "worker3": ("man", "he/him", ["English"], "Aboriginal"),
}


def demo_password(username: str) -> str:
    return f"demo-{username}-2026"


def demo_totp_secret(username: str) -> str:
    """A fixed secret per demo account, so a newcomer can add it to an authenticator app."""
    return base64.b32encode(f"peerdesk-demo-{username}".encode()).decode().rstrip("=")


def make_demo_accounts(context: DemoContext) -> None:
    context.printed.append("Demo accounts (username / password / two-step secret):")
    for username, name, role, experience in DEMO_PEOPLE:
        opens_files = role in CLIENT_ROLES or username in ON_A_CARE_TEAM
        secret = demo_totp_secret(username) if opens_files else None
        user = accounts.create_user(
            username=username,
            display_name=name,
            role=role,
            password=demo_password(username),
            totp_secret=secret,
        )
        user.shared_experience = list(experience)
        if username in DEMO_ABOUT:
            user.gender, user.pronouns, languages, user.indigenous = DEMO_ABOUT[username]
            user.languages = list(languages)
        context.users[username] = user
        extra = f" / {secret}" if secret else ""
        context.printed.append(
            f"  {username:<11} {demo_password(username)}{extra}  ({name}, {role})"
        )
    context.printed.append(
        "Two-step code for a demo account now: flask --app wsgi demo-code USERNAME"
    )
