"""Files that may be the same person as a new registration, found from what a low-threshold
intake has: a first name or nickname, maybe a guessed age, the worker and the day.

A second "Louisa" is most often made by the same worker soon after the first, with no date
of birth and a different spelling ("Luisa", "Louise", or "Lou"). So names are compared by
how they sound (jellyfish, a kept library), on a few files narrowed in SQL first: same first
letter (or one that sounds the same), and made or seen lately, the worker's own, or born
within a few years. Nothing is stored, so no column or migration is needed.
"""

from __future__ import annotations

from datetime import date, timedelta

import jellyfish
from sqlalchemy import and_, false, or_, select

from app import clock
from app.clients.merging import active_files
from app.extensions import db
from app.models import CaseNote, Client

# Same Metaphone code ("Louisa", "Luisa", "Louise" are all LS) and a near spelling: short
# codes collide ("Mia" and "May" are both M), so the sound alone is not enough.
SAME_SOUND_SPELLING = 0.8
# A typing slip with a different sound ("Louisa", "Lousia") still counts when the spelling
# is this close (Jaro-Winkler, 1.0 = the same).
NEAR_SPELLING = 0.93
# A nickname is often the start of the name ("Lou" for "Louisa", "Sam" for "Samantha").
# Two letters ("Lu", "Sa") would match too many people.
NICKNAME_LETTERS = 3
# A year of birth worked out from a guessed age is often a few years out either way.
AGE_SLACK_YEARS = 3
# Files made or seen in these days are compared even with no age: a second file is most
# often made within days of the first, at the same drop-in.
RECENT_DAYS = 30
# First letters that often sound the same ("Kate" and "Cate", "Sindy" and "Cindy").
SOUNDS_LIKE_FIRST = {"c": "cks", "k": "kc", "s": "scz", "z": "zs", "f": "fp", "p": "pf",
                     "j": "jg", "g": "gj", "i": "iy", "y": "yi"}  # fmt: skip
MOST = 20


def names_sound_alike(one: str, other: str) -> bool:
    """Two search-text names ("louisa", "lou") that may be the same name."""
    if not one or not other:
        return False
    short, long = sorted((one, other), key=len)
    if len(short) >= NICKNAME_LETTERS and long.startswith(short):
        return True
    spelling = jellyfish.jaro_winkler_similarity(one, other)
    if spelling >= NEAR_SPELLING:
        return True
    same_sound = jellyfish.metaphone(one) == jellyfish.metaphone(other)
    return same_sound and spelling >= SAME_SOUND_SPELLING


def year_of_birth(born_on: date | None, estimate: int | None) -> int | None:
    return born_on.year if born_on else estimate


def _first_letters(names: set[str]) -> set[str]:
    letters = set()
    for name in names:
        letters |= set(SOUNDS_LIKE_FIRST.get(name[0], name[0]))
    return letters


def _candidates(user, names: set[str], year: int | None, ignore: list[int]):
    """A few files to compare, narrowed in SQL so a large service stays quick."""
    starts = [
        column.like(letter + "%")
        for letter in sorted(_first_letters(names))
        for column in (Client.search_given, Client.search_nickname)
    ]
    since = clock.now() - timedelta(days=RECENT_DAYS)
    seen_lately = select(CaseNote.client_id).where(
        CaseNote.contact_at >= since, CaseNote.superseded.is_(False)
    )
    close_in_age = false()
    if year is not None:
        low, high = year - AGE_SLACK_YEARS, year + AGE_SLACK_YEARS
        close_in_age = or_(
            Client.born_on.between(date(low, 1, 1), date(high, 12, 31)),
            and_(Client.born_on.is_(None), Client.birth_year_estimate.between(low, high)),
        )
    query = select(Client).where(
        active_files(),
        or_(*starts),
        or_(
            Client.created_at >= since,
            Client.id.in_(seen_lately),
            Client.worker_id == user.id,
            close_in_age,
        ),
    )
    if ignore:
        query = query.where(Client.id.not_in(ignore))
    return db.session.scalars(query.order_by(Client.id.desc()).limit(500))


def sounds_like_someone(user, answers: dict, names: set[str], *, ignore: list[int]) -> list:
    """Files whose first name or nickname sounds like one of `names`, unless their ages are
    too far apart. Age close, the same worker, or made or seen lately is needed too."""
    if not names:
        return []
    born = answers.get("born_on")
    estimate = answers.get("birth_year_estimate")
    year = year_of_birth(
        date.fromisoformat(born) if born else None, int(estimate) if estimate else None
    )
    found = []
    for client in _candidates(user, names, year, ignore):
        theirs = {client.search_given, client.search_nickname} - {None}
        if not any(names_sound_alike(a, b) for a in names for b in theirs):
            continue
        their_year = year_of_birth(client.born_on, client.birth_year_estimate)
        if year is not None and their_year is not None and abs(year - their_year) > AGE_SLACK_YEARS:
            continue  # the same name, but not the same age: someone else
        # Otherwise the age is close, or SQL kept it as the worker's own or made or seen lately.
        found.append(client)
        if len(found) >= MOST:
            break
    return found
