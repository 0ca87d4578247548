"""What a person prefers in a worker (gender, an Aboriginal or Torres Strait Islander worker, a
language), how each worker fits it in plain words, and the rule that choosing a worker who
does not meet a stated preference needs a reason. A worker's own gender, identity and
languages are only what they chose to share on "My account"."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.core.saving import Refused
from app.needs import WORKER_GENDERS, WORKER_INDIGENOUS

# What the person asked for. key -> words
GENDER_WANTED: dict[str, str] = {
    "any": "Any gender",
    "woman": "A woman",
    "man": "A man",
    "nonbinary": "Non-binary or another gender",
}
INDIGENOUS_WANTED: dict[str, str] = {
    "yes": "Yes, an Aboriginal or Torres Strait Islander worker",
    "no_matter": "It does not matter",
}
# Which worker genders meet each wish.
GENDER_FITS: dict[str, tuple[str, ...]] = {
    "woman": ("woman",),
    "man": ("man",),
    "nonbinary": ("nonbinary", "another"),
}
REASON_MIN_WORDS = 4
LANGUAGE_LIMIT = 100


def clean(wanted: dict | None) -> dict:
    """Only the preferences that say something: no "any gender", no "does not matter"."""
    wanted = wanted or {}
    kept = {}
    if wanted.get("gender") in GENDER_FITS:
        kept["gender"] = wanted["gender"]
    if wanted.get("indigenous") == "yes":
        kept["indigenous"] = "yes"
    language = " ".join((wanted.get("language") or "").split())
    if language:
        kept["language"] = language[:LANGUAGE_LIMIT]
    return kept


def in_words(wanted: dict | None) -> str:
    """The preferences as one line, or "" when there are none."""
    kept = clean(wanted)
    parts = []
    if "gender" in kept:
        parts.append(GENDER_WANTED[kept["gender"]])
    if "indigenous" in kept:
        parts.append("An Aboriginal or Torres Strait Islander worker")
    if "language" in kept:
        parts.append(f"Speaks {kept['language']}")
    return " · ".join(parts)


def wanted_by(client) -> str:
    """What this person asked for in a worker, in words ("" for nothing)."""
    return in_words(client.worker_preferences)


def _speaks(worker, language: str) -> bool:
    return language.casefold() in {x.casefold().strip() for x in (worker.languages or [])}


@dataclass
class Fit:
    """A worker against what the person asked for: what the worker shared, and what is unmet."""

    about: list[str] = field(default_factory=list)  # "Woman", "speaks Vietnamese"
    unmet: list[str] = field(default_factory=list)  # "not a woman (as far as they shared)"

    @property
    def words(self) -> str:
        return " · ".join(self.about) or "Nothing shared"

    @property
    def unmet_words(self) -> str:
        text = "; ".join(self.unmet)
        return text[:1].upper() + text[1:]

    @property
    def meets(self) -> bool:
        return not self.unmet


def fit(worker, wanted: dict | None) -> Fit:
    kept = clean(wanted)
    result = Fit()
    if worker.gender in WORKER_GENDERS:
        result.about.append(WORKER_GENDERS[worker.gender])
    if worker.indigenous in WORKER_INDIGENOUS:
        result.about.append(WORKER_INDIGENOUS[worker.indigenous])
    if worker.languages:
        result.about.append("speaks " + ", ".join(worker.languages))
    if "gender" in kept and worker.gender not in GENDER_FITS[kept["gender"]]:
        result.unmet.append(f"not {GENDER_WANTED[kept['gender']].lower()} (as far as they shared)")
    if "indigenous" in kept and worker.indigenous not in WORKER_INDIGENOUS:
        result.unmet.append("not an Aboriginal or Torres Strait Islander worker (as shared)")
    if "language" in kept and not _speaks(worker, kept["language"]):
        result.unmet.append(f"does not speak {kept['language']} (as far as they shared)")
    return result


def check_choice(client, worker, reason: str | None) -> list[str]:
    """What the chosen worker does not meet ([] when all is met). Choosing them anyway needs
    a reason of at least a few words, or nothing is saved."""
    unmet = fit(worker, client.worker_preferences).unmet
    if unmet and len((reason or "").split()) < REASON_MIN_WORDS:
        raise Refused(
            f"{worker.display_name} is {', '.join(unmet)}. {client.name} asked for: "
            f"{in_words(client.worker_preferences)}. Say why you chose them, "
            f"in at least {REASON_MIN_WORDS} words."
        )
    return unmet
