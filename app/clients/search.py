"""Finding a file: what a search means, the files it shows (others' files only as "someone
with this name"), and the files a new registration may duplicate."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, and_, or_, select

from app import clock, contact_rules
from app.access import can
from app.clients import registration
from app.clients.access import can_open, visible_condition
from app.clients.duplicates import sounds_like_someone
from app.clients.merging import active_files
from app.extensions import db
from app.models import Client

DATE_TEXT = re.compile(r"^(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{4})$", re.ASCII)
DATE_IN_TEXT = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})", re.ASCII)
NAME_LETTERS_TO_LOOK_WIDER = 3


@dataclass
class Search:
    names: list[str]
    born_on: date | None
    phone: str | None

    @property
    def empty(self) -> bool:
        return not (self.names or self.born_on or self.phone)

    @property
    def wide(self) -> bool:
        """At least three letters of a name: enough to show files that are not the worker's.

        A letter or two, a date of birth or a phone number alone would list strangers.
        """
        return any(len(word) >= NAME_LETTERS_TO_LOOK_WIDER for word in self.names)


def parse_search(text: str) -> Search:
    """Words are names; "5/3/1980" (or 5-3-1980, 5 3 1980) is a date of birth; long
    numbers are a phone number."""
    text = (text or "").strip()
    born = None
    match = DATE_TEXT.search(text) or DATE_IN_TEXT.search(text)
    if match:
        try:
            born = date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        except ValueError:
            born = None
        text = text.replace(match.group(0), " ")
    digits = "".join(re.findall(r"[0-9+]", text))
    phone = registration.phone_digits(digits) if len(re.sub(r"[^0-9]", "", digits)) >= 6 else None
    words = [registration.search_text(w) for w in re.findall(r"[^\W\d_][\w'’\-]*", text)]
    return Search(names=[w for w in words if w], born_on=born, phone=phone)


def _name_matches(word: str):
    prefix = word + "%"
    return or_(
        Client.search_given.like(prefix),
        Client.search_family.like(prefix),
        Client.search_nickname.like(prefix),
    )


def search_query(search: Search) -> Select:
    """Clients matching every part of the search (names start with each word)."""
    query = select(Client).where(active_files())
    for word in search.names:
        query = query.where(_name_matches(word))
    if search.born_on:
        query = query.where(
            or_(
                Client.born_on == search.born_on,
                and_(Client.born_on.is_(None), Client.birth_year_estimate == search.born_on.year),
            )
        )
    if search.phone:
        query = query.where(
            or_(Client.phone_digits == search.phone, Client.phone2_digits == search.phone)
        )
    return query.order_by(Client.search_given, Client.search_family, Client.id)


@dataclass
class Found:
    client: Client
    own: bool  # false: not theirs to open; shown only as "someone with this name"
    last_contact: date | None = None  # filled only for their own files (tell_apart)

    @property
    def age(self) -> str | None:
        """Their age ("36"), or "about 36" from a guessed year, to tell two people apart."""
        today = clock.today()
        born = self.client.born_on
        if born:
            return str(today.year - born.year - ((today.month, today.day) < (born.month, born.day)))
        if self.client.birth_year_estimate:
            return f"about {today.year - self.client.birth_year_estimate}"
        return None

    @property
    def slk_letters(self) -> str | None:
        """The five name letters of the SLK-581 (the date of birth part is shown apart)."""
        return self.client.slk581[:5] if self.client.slk581 else None


def tell_apart(found: list[Found]) -> list[Found]:
    """The last contact of each file they may open, in one query. Others get nothing more:
    when someone was last seen is theirs to know only if the file is theirs."""
    seen = contact_rules.last_contacts([f.client.id for f in found if f.own])
    for f in found:
        if f.own:
            f.last_contact = contact_rules.local_day(seen.get(f.client.id))
    return found


@dataclass
class Results:
    found: list[Found]
    looked_wider: bool  # false: the search was too short to show files that are not theirs

    @property
    def own(self) -> list[Found]:
        return [f for f in self.found if f.own]

    @property
    def others(self) -> list[Found]:
        return [f for f in self.found if not f.own]


def find_clients(user, text: str, *, limit: int = 50) -> Results:
    """The files they may open, in full; others only for a search with three letters of a
    name, so a worker cannot list every client a letter at a time."""
    search = parse_search(text)
    sees_all = can("clients.see_all", user)
    looked_wider = sees_all or search.wide
    if search.empty:
        return Results([], looked_wider)
    may_open = select(Client.id).where(visible_condition(user))
    query = search_query(search)
    mine = query.where(Client.id.in_(may_open)).limit(limit)
    found = [Found(c, True) for c in db.session.scalars(mine)]
    if looked_wider and not sees_all:
        # Others are matched by name alone: a date of birth or phone number typed beside the
        # name must not be confirmed for a file the person may not open.
        by_name = search_query(Search(names=search.names, born_on=None, phone=None))
        others = by_name.where(Client.id.not_in(may_open)).limit(limit)
        found += [Found(c, False) for c in db.session.scalars(others)]
    return Results(tell_apart(found), looked_wider)


def my_clients_query(user) -> Select:
    return (
        select(Client)
        .where(Client.worker_id == user.id, active_files())
        .order_by(Client.search_nickname, Client.search_given, Client.id)
    )


def possible_duplicates(user, answers: dict, *, ignore: list[int] | None = None) -> list[Found]:
    """Files that may be the same person: same name or nickname and date of birth, the
    same phone number, or a name that sounds alike (with a close age, the same worker or a
    recent file). `own` is false for a file this person may not open: the page
    then names only its worker, so typing a phone number does not tell who has it."""
    names = {registration.search_text(answers.get(k)) for k in ("given_name", "nickname")} - {None}
    conditions = []
    born = answers.get("born_on")
    if names and born:
        born_on = date.fromisoformat(born)
        name_match = or_(Client.search_given.in_(names), Client.search_nickname.in_(names))
        conditions.append(and_(name_match, Client.born_on == born_on))
    for phone in (answers.get("phone"), answers.get("phone2")):
        digits = registration.phone_digits(phone)
        if digits:
            conditions.append(or_(Client.phone_digits == digits, Client.phone2_digits == digits))
    matched = []
    if conditions:
        query = select(Client).where(or_(*conditions), active_files()).order_by(Client.id).limit(20)
        if ignore:
            query = query.where(Client.id.not_in(ignore))
        matched = list(db.session.scalars(query))
    # A low-threshold intake often has only a first name: names that sound alike, with a
    # close age or the same worker or a recent file (app/clients/duplicates.py).
    for client in sounds_like_someone(user, answers, names, ignore=ignore or []):
        if client not in matched:
            matched.append(client)
    return tell_apart([Found(c, can_open(user, c)) for c in matched[:20]])


def other_files_found(user, client: Client, words: str) -> list:
    """The files `user` may open whose names match `words`, leaving out `client` itself: the
    choice of the other file to link or merge. The search is audited like any other."""
    from app import audit

    found = [f for f in find_clients(user, words).own if f.client.id != client.id]
    audit.record(
        "client.searched",
        detail={"searched_for": words[:60], "shown": [f.client.id for f in found]},
    )
    return found
