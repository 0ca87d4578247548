"""Closing an episode of care: one question a page, "Check your answers", then the client
area's close_episode with the national codes (AODTS-NMDS). The answers are kept in a draft,
so a worker who stops halfway carries on later."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from app import clock
from app.clients import public as clients
from app.core.saving import Refused
from app.extensions import db
from app.models import Episode
from app.models.care import ClosingCheck
from app.standards import codes

DRAFT_KIND = "close_episode"

# The national reasons (METeOR 270011) in our own words, worded so a worker picks the right
# code without knowing the codes. Codes 2, 3 and 4 are for a person who stays with us while
# something about their support changes; a person who goes to another organisation (rehab,
# detox, another service) is code 5. tests/integration/care/test_closing_reasons.py checks
# each one's words against its code.
REASON_WORDS: dict[int, str] = {
    1: "The plan is done",
    5: "Went to another organisation for support, like rehab or detox somewhere else",
    2: "Stays with us, but the main kind of support changes",
    3: "Stays with us, but we now support them in a different place",
    4: "Stays with us, but their main drug of concern changed",
    10: "We agreed together to stop",
    6: "Chose to stop, against our advice",
    7: "Stopped coming, without telling us",
    8: "Asked to leave the service",
    9: "Finished a police or court diversion order",
    11: "A drug court or court diversion program ended it",
    12: "Went to prison (not through a drug court)",
    13: "Died",
    98: "Another reason, not on this list",
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


WAITING = "This closing is waiting for the manager. They say yes, or talk it over with you."


def _waiting(episode: Episode) -> bool:
    """A closing of this episode waits for the manager (app/care/closing_checks.py)."""
    return (
        db.session.scalar(
            select(ClosingCheck.id).where(
                ClosingCheck.episode_id == episode.id, ClosingCheck.status == "waiting"
            )
        )
        is not None
    )


def check_answers(episode: Episode, answers: dict) -> date:
    """Refused unless the answers can close this episode; the day it closes."""
    if not episode.is_open:
        raise Refused("This episode of care is closed already.")
    gaps = missing(answers)
    if gaps:
        raise Refused("Still needed: " + ", ".join(gaps))
    if int(answers["reason"]) not in codes.REASON_FOR_CESSATION:
        raise Refused("Choose why the episode is closing")
    closed_on = date.fromisoformat(answers["closed_on"])
    if closed_on < episode.opened_on:
        raise Refused("The day it closed must be on or after the day it opened")
    if closed_on > clock.today():
        raise Refused("The day it closed must be today or in the past")
    return closed_on


def close(client, episode: Episode, answers: dict, user, *, check=None) -> None:
    """Save the national codes on the episode and close it. Every closing is written down
    (a ClosingCheck): when it closed starts the days a note may still be added."""
    closed_on = check_answers(episode, answers)
    if check is None and _waiting(episode):
        raise Refused(WAITING)
    clients.update_episode(
        episode,
        main_treatment_type=int(answers["main_treatment_type"]),
        delivery_setting=int(answers["delivery_setting"]),
        principal_drug=answers.get("principal_drug") or None,
    )
    clients.close_episode(episode, closed_on=closed_on, reason=int(answers["reason"]), by=user)
    if check is None:
        check = ClosingCheck(
            client_id=client.id,
            episode_id=episode.id,
            answers=dict(answers),
            sure=True,
            created_at=clock.now(),
            created_by_id=getattr(user, "id", None),
        )
        db.session.add(check)
    check.status = "closed"
    check.closed_at = clock.now()
