"""Why someone was signed out, in plain words: on the sign-in page, and on the page they come
back to after an idle sign-out (issue 12: nobody is signed out without a word of why).

sessions.py keeps the reason in the Flask session when it finds the person's session ended;
the sign-in page takes it from there once.
"""

from __future__ import annotations

from flask import session

WHY_KEY = "signed_out_why"
AGAIN = "Sign in again to go on."
BACK_IN_FORM = "What you typed is back in the form: check it and save."


def duration_words(minutes: int) -> str:
    """Like "1 minute", "15 minutes" or "10 hours"."""
    if minutes >= 60 and minutes % 60 == 0:
        hours = minutes // 60
        return "1 hour" if hours == 1 else f"{hours} hours"
    return "1 minute" if minutes == 1 else f"{minutes} minutes"


def _because(reason: str, idle: int, limit: int) -> str | None:
    """What happened, said to the person, or None for a reason they do not need told."""
    return {
        "idle": f"nothing happened for {duration_words(idle)}",
        "time limit": f"you were signed in for {duration_words(limit)}, the longest time allowed",
        "role changed": "your role was changed by a manager",
        "account stopped": "a manager turned off your account",
        "account disabled": "a manager turned off your account",
        "password changed": "your password was changed",
        "two-step reset": "a manager asked you to set up the phone code again",
        "signed out everywhere": "you chose to sign out on every screen",
        "care team": "you joined a care team, so you now sign in with a phone code too",
    }.get(reason)


def sign_in_words(why: dict | None) -> str | None:
    """The sign-in page's words for a remembered reason."""
    if not isinstance(why, dict):
        return None
    because = _because(str(why.get("reason")), _whole(why.get("idle")), _whole(why.get("limit")))
    if because is None:
        return None
    if why.get("reason") in ("account stopped", "account disabled"):
        return f"You were signed out because {because}. Ask a manager if you need it back."
    return f"You were signed out because {because}. {AGAIN}"


def back_in_form_words(reason: str, idle: int, limit: int) -> str:
    """Said on the page a person comes back to, when the page kept what they typed."""
    because = _because(reason, idle, limit)
    return f"You were signed out because {because}. {BACK_IN_FORM}"


def remember(reason: str, *, idle: int, limit: int) -> None:
    """Keep why for the sign-in page (only reasons the person needs to be told)."""
    if _because(reason, idle, limit) is not None:
        session[WHY_KEY] = {"reason": reason, "idle": idle, "limit": limit}


def take() -> str | None:
    """The words for why this browser's last session ended, once."""
    return sign_in_words(session.pop(WHY_KEY, None))


def _whole(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0
