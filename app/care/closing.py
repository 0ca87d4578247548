"""Closing an episode of care: one question a page, "Check your answers", then the client
area's close_episode with the national codes (AODTS-NMDS). The answers are kept in a draft,
so a worker who stops halfway carries on later."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app import clock
from app.clients import public as clients
from app.core.saving import Refused
from app.models import Episode
from app.standards import codes

DRAFT_KIND = "close_episode"

# The national reasons (METeOR 270011) in plain words. The code is what is kept; the
# client area's words are used where they are plain, ours where the national words are not.
REASON_WORDS: dict[int, str] = {
    **codes.REASON_FOR_CESSATION_WORDS,
    2: "Moving to a different kind of treatment",
    3: "Moving to a different place of support, like rehab",
    4: "Their main drug of concern changed",
    9: "Finished a court or police diversion order",
    11: "A drug court or court diversion service ended it",
    98: "Another reason",
    99: "Not known",
}
# The national settings (METeOR 270068) in plain words.
SETTING_WORDS: dict[int, str] = {
    1: "At our centre or another service (going home after)",
    2: "Somewhere they stayed, like rehab",
    3: "Their home",
    4: "Out and about (outreach)",
    8: "Somewhere else",
}


@dataclass(frozen=True)
class Step:
    key: str
    title: str


STEPS = (
    Step("reason", "Why is the episode closing?"),
    Step("treatment", "The main kind of support"),
    Step("setting", "Where the support happened"),
    Step("drug", "Their main drug of concern"),
    Step("date", "The day it closed"),
)
STEP_KEYS = [s.key for s in STEPS]


def step(key: str) -> Step | None:
    return next((s for s in STEPS if s.key == key), None)


def start_draft(client, episode: Episode, user):
    """A draft holding what the episode has now, or this worker's draft already started."""
    for draft in clients.my_drafts(user, DRAFT_KIND):
        if draft.client_id == client.id and (draft.answers or {}).get("episode_id") == episode.id:
            return draft
    answers = {
        "episode_id": episode.id,
        "main_treatment_type": episode.main_treatment_type,
        "delivery_setting": episode.delivery_setting,
        "principal_drug": episode.principal_drug,
        "closed_on": clock.today().isoformat(),
    }
    return clients.create_draft(user, kind=DRAFT_KIND, client=client, answers=answers)


def missing(answers: dict) -> list[str]:
    words = {
        "reason": "why it is closing",
        "main_treatment_type": "the main kind of support",
        "delivery_setting": "where the support happened",
        "closed_on": "the day it closed",
    }
    return [w for key, w in words.items() if answers.get(key) in (None, "")]


def check_rows(answers: dict) -> list[tuple[str, str, str]]:
    """(question, answer in plain words with the national code, step key)."""

    def coded(table: dict, plain: dict, key) -> str:
        if key in (None, ""):
            return ""
        words = plain.get(key) or table.get(key, str(key))
        national = table.get(key)
        if national and national != words:
            return f"{words} (national code {key}: {national})"
        return f"{words} (national code {key})"

    closed = date.fromisoformat(answers["closed_on"]) if answers.get("closed_on") else None
    drug = answers.get("principal_drug")
    return [
        (
            "Why it is closing",
            coded(codes.REASON_FOR_CESSATION, REASON_WORDS, answers.get("reason")),
            "reason",
        ),
        (
            "Main kind of support",
            coded(codes.MAIN_TREATMENT_TYPE, {}, answers.get("main_treatment_type")),
            "treatment",
        ),
        (
            "Where the support happened",
            coded(codes.DELIVERY_SETTING, SETTING_WORDS, answers.get("delivery_setting")),
            "setting",
        ),
        (
            "Main drug of concern",
            f"{codes.ASCDC.get(drug, drug)} (code {drug})" if drug else "Not collected",
            "drug",
        ),
        ("The day it closed", f"{closed.day} {closed:%B %Y}" if closed else "", "date"),
    ]


def close(client, episode: Episode, answers: dict, user) -> None:
    """Save the national codes on the episode and close it."""
    if not episode.is_open:
        raise Refused("This episode of care is closed already.")
    gaps = missing(answers)
    if gaps:
        raise Refused("Still needed: " + ", ".join(gaps))
    closed_on = date.fromisoformat(answers["closed_on"])
    if closed_on < episode.opened_on:
        raise Refused("The day it closed must be on or after the day it opened")
    if closed_on > clock.today():
        raise Refused("The day it closed must be today or in the past")
    clients.update_episode(
        episode,
        main_treatment_type=int(answers["main_treatment_type"]),
        delivery_setting=int(answers["delivery_setting"]),
        principal_drug=answers.get("principal_drug") or None,
    )
    clients.close_episode(episode, closed_on=closed_on, reason=int(answers["reason"]), by=user)
