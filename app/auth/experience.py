"""What a worker shares about themselves for matching (issue 17): which lived experience tags,
and, if they want, their gender, pronouns, languages and whether they are Aboriginal or Torres
Strait Islander. Each worker chooses on "My account"; the manager can correct a worker's tags.
The front desk sees only the tag words a worker chose (app/frontdesk/warm_handovers.py).

The tag words are fixed in app/needs.py EXPERIENCE (matching depends on them), so the manager
corrects each worker's list, not the words themselves.
"""

from __future__ import annotations

from wtforms import StringField
from wtforms.validators import Optional

from app import audit
from app.access import CLIENT_ROLES
from app.forms import ChoiceField, Form, TickListField, at_most
from app.needs import EXPERIENCE, WORKER_GENDERS, WORKER_INDIGENOUS

NOT_SHARED = "not_shared"
NOT_SHARED_WORDS = "I would rather not say"
LANGUAGES_AT_MOST = 10


def shares_for_matching(user) -> bool:
    """Workers, seniors and the manager are matched with people; volunteers are not."""
    return user.role in CLIENT_ROLES


class ExperienceForm(Form):
    experience = TickListField(
        "Lived experience you share for matching (choose any)",
        choices=list(EXPERIENCE.items()),
        description="Only the words you tick are shown, to seniors and to the front desk.",
    )
    gender = ChoiceField(
        "Your gender (optional)",
        choices=[*WORKER_GENDERS.items(), (NOT_SHARED, NOT_SHARED_WORDS)],
        validators=[Optional()],
    )
    pronouns = StringField(
        "Your pronouns (optional)",
        [at_most(40, "Your pronouns")],
        description="For example she/her, he/him, they/them",
    )
    languages = StringField(
        "Languages you speak with people (optional)",
        [at_most(300, "The languages")],
        description="Separate them with commas. For example: English, Vietnamese, Auslan",
    )
    indigenous = ChoiceField(
        "Are you Aboriginal or Torres Strait Islander? (optional)",
        choices=[
            ("Aboriginal", "Aboriginal"),
            ("Torres Strait Islander", "Torres Strait Islander"),
            ("Both", "Both"),
            (NOT_SHARED, NOT_SHARED_WORDS),
        ],
        validators=[Optional()],
    )


class CorrectTagsForm(Form):
    experience = TickListField(
        "Lived experience they share for matching", choices=list(EXPERIENCE.items())
    )


def form_data(user) -> dict:
    return {
        "experience": list(user.shared_experience or []),
        "gender": user.gender or NOT_SHARED,
        "pronouns": user.pronouns or "",
        "languages": ", ".join(user.languages or []),
        "indigenous": user.indigenous or NOT_SHARED,
    }


def languages_from_text(text: str | None) -> list[str]:
    """ "Vietnamese, Auslan" -> ["Vietnamese", "Auslan"], no repeats."""
    found: list[str] = []
    for part in (text or "").replace(";", ",").split(","):
        word = " ".join(part.split())[:40]
        if word and word.casefold() not in {f.casefold() for f in found}:
            found.append(word)
    return found[:LANGUAGES_AT_MOST]


def _tags(chosen) -> list[str]:
    return [t for t in EXPERIENCE if t in set(chosen or [])]  # in the list's own order


def share_about_myself(user, *, experience, gender, pronouns, languages, indigenous) -> list[str]:
    """Save what a worker shares; the names of what changed (audited, values left out)."""
    wanted = {
        "shared_experience": _tags(experience),
        "gender": gender if gender in WORKER_GENDERS else None,
        "pronouns": " ".join((pronouns or "").split())[:40] or None,
        "languages": languages_from_text(languages),
        "indigenous": indigenous if indigenous in WORKER_INDIGENOUS else None,
    }
    changed = [name for name, value in wanted.items() if getattr(user, name) != value]
    for name in changed:
        setattr(user, name, wanted[name])
    if changed:
        audit.record("account.shared_about_self", record=user, detail={"fields": changed})
    return changed


def correct_tags(user, experience, *, by) -> bool:
    """The manager puts a worker's list of tags right (audited with before and after)."""
    before = list(user.shared_experience or [])
    after = _tags(experience)
    if before == after:
        return False
    user.shared_experience = after
    audit.record(
        "account.experience_corrected",
        record=user,
        user=by,
        detail={"before": before, "after": after},
    )
    return True


def tag_words(user) -> list[str]:
    return [EXPERIENCE[t] for t in (user.shared_experience or []) if t in EXPERIENCE]


def about_words(user) -> str:
    """What else they shared, in words: "Woman (she/her) · Aboriginal · speaks Vietnamese"."""
    parts = []
    if user.gender in WORKER_GENDERS:
        parts.append(WORKER_GENDERS[user.gender])
    if user.pronouns:
        parts.append(f"({user.pronouns})")
    words = " ".join(parts)
    rest = [words] if words else []
    if user.indigenous in WORKER_INDIGENOUS:
        rest.append(WORKER_INDIGENOUS[user.indigenous])
    if user.languages:
        rest.append("speaks " + ", ".join(user.languages))
    return " · ".join(rest)
