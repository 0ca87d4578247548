"""Client files for `scale-data`: the person, episodes, who supports them and consents, with
a timeline line for each; each episode's care records come from app.scale.care_records.

Case notes are only planned here (when, whose, which episode); app.scale.notes writes them
in time order, as a real service would have written them.
"""

from __future__ import annotations

import math
from array import array
from dataclasses import dataclass, field
from datetime import date, timedelta

from app.clients import public as clients
from app.models import (
    Allocation,
    AuditEvent,
    Client,
    Consent,
    Episode,
)
from app.scale import World, care_records, pick, timeline, words
from app.standards import codes
from app.standards.slk import slk581

# Answers and how often each comes up.
GENDERS = (
    ("male", 55),
    ("female", 38),
    ("non_binary", 3),
    ("trans_woman", 1),
    ("trans_man", 1),
    ("not_stated", 2),
)
DRUGS = (
    ("heroin", 25),
    ("methamphetamine", 30),
    ("cannabis", 12),
    ("alcohol", 12),
    ("methadone", 6),
    ("benzos", 5),
    ("bupe", 5),
    ("prefer_not", 5),
)
REASONS = ((1, 35), (5, 10), (6, 5), (7, 35), (10, 10), (12, 3), (98, 2))


@dataclass
class NotePlan:
    """Every case note to write: its contact time (Unix), client and episode."""

    moments: array = field(default_factory=lambda: array("d"))
    clients: array = field(default_factory=lambda: array("q"))
    episodes: array = field(default_factory=lambda: array("q"))
    worker_of_episode: dict[int, int] = field(default_factory=dict)


def _caseloads(world: World) -> list[int]:
    """A worker id for each person with an open episode: 20 to 60 people per worker, a few
    for seniors; fewer when there are not enough people."""
    rng = world.rng
    sizes = {w: rng.randint(20, 60) for w in world.staff["worker"]}
    sizes.update({s: rng.randint(0, 10) for s in world.staff["senior"]})
    total = sum(sizes.values())
    room = max(1, int(world.sizes.clients * 0.2))
    if total > room:
        sizes = {w: max(1, n * room // total) for w, n in sizes.items()}
    slots = [w for w, n in sizes.items() for _ in range(n)][:room]
    rng.shuffle(slots)
    return slots


def _note_counts(world: World, is_open: list[bool]) -> list[int]:
    """Notes per person: most have a few, some have hundreds (a long tail), open files more."""
    rng, total, people = world.rng, world.sizes.notes, world.sizes.clients
    weights = [rng.lognormvariate(0, 1.4) * (2.5 if o else 1) for o in is_open]
    mean = sum(weights) / people
    weights = [min(w, mean * 40) for w in weights]
    scale = total / sum(weights)
    counts = [int(w * scale) for w in weights]
    for n in rng.sample(range(people), min(people, total - sum(counts))):
        counts[n] += 1
    busiest = max(range(people), key=counts.__getitem__)
    if not is_open[busiest]:
        swap = next((n for n in range(people) if is_open[n]), busiest)
        counts[busiest], counts[swap] = counts[swap], counts[busiest]
    return counts


def make_files(world: World) -> NotePlan:
    rng, people = world.rng, world.sizes.clients
    slots = _caseloads(world)
    open_at = dict(zip(rng.sample(range(people), len(slots)), slots, strict=True))
    counts = _note_counts(world, [n in open_at for n in range(people)])
    plan = NotePlan()
    for n in range(people):
        _one_file(world, plan, open_at.get(n), counts[n])
    return plan


def _spans(world: World, is_open: bool) -> list[tuple[date, date | None]]:
    """Episodes one after another from the first contact; the last one open for people
    with a worker now."""
    rng, today = world.rng, world.today
    day = world.day_between(world.first_day, today - timedelta(days=14))
    count = rng.choices((1, 2, 3), (75, 18, 7))[0]
    spans: list[tuple[date, date | None]] = []
    for k in range(count):
        length = min(720, max(14, int(rng.lognormvariate(math.log(120), 0.7))))
        closed = day + timedelta(days=length)
        if is_open and (k == count - 1 or closed >= today):
            spans.append((day, None))
            return spans
        if closed >= today:  # closed some time before now, not all of them yesterday
            spans.append((day, world.day_between(day, max(day, today - timedelta(days=1)))))
            return spans
        spans.append((day, closed))
        day = closed + timedelta(days=rng.randint(30, 300))
        if day >= today:
            break
    if is_open:
        spans.append((min(day, today), None))
    return spans


def _person(world: World, client_id: int, first: date, intake_worker: int) -> dict:
    rng = world.rng
    given, family = rng.choice(words.GIVEN), rng.choice(words.FAMILY)
    nickname = rng.choice(words.NICKNAMES) if rng.random() < 0.15 else None
    gender = pick(rng, GENDERS)
    born = None
    year = None
    if rng.random() < 0.88:
        born = date(rng.randint(1955, 2006), rng.randint(1, 12), rng.randint(1, 28))
    elif rng.random() < 0.7:
        year = rng.randint(1955, 2006)
    phone = None
    if rng.random() < 0.75:
        phone = f"04{rng.randint(0, 99):02d} {rng.randint(0, 999):03d} {rng.randint(0, 999):03d}"
    drug = pick(rng, DRUGS)
    born_for_slk = born or (date(year, 1, 1) if year else None)
    return dict(
        id=client_id,
        created_at=world.moment(first, 10.5),
        created_by_id=intake_worker,
        version=1,
        contact_date=first,
        service_location=rng.choice(("drop_in", "drop_in", "outreach", "phone", "event")),
        staff_member_id=intake_worker,
        referral_source=rng.choice(("self", "self", "family", "aod", "community", "corrections")),
        given_name=given,
        family_name=family,
        nickname=nickname,
        pronouns={"male": "he/him", "female": "she/her", "non_binary": "they/them"}.get(gender),
        search_given=clients.search_text(given),
        search_family=clients.search_text(family),
        search_nickname=clients.search_text(nickname),
        born_on=born,
        birth_year_estimate=year,
        gender=gender,
        postcode=rng.choice(("2600", "2602", "2612", "2615", "2617", "2900", "2913")),
        phone=phone,
        phone_digits=clients.phone_digits(phone),
        ok_to_call="yes" if phone else None,
        ok_to_text=rng.choice(("yes", "no")) if phone else None,
        country_of_birth="Australia" if rng.random() < 0.85 else "New Zealand",
        preferred_language="English",
        nesb="no",
        indigenous=rng.choice(("neither", "neither", "neither", "aboriginal", "not_stated")),
        accommodation=rng.choice(("private_rental", "public_housing", "homeless", "shelter")),
        living=rng.choice(("alone", "friends", "partner", "relatives")),
        client_type="own",
        main_drug=drug,
        method=rng.choice(("injects", "smokes", "injects", "eat_drink")),
        other_drugs=[rng.choice(("cannabis", "alcohol", "benzos", "tobacco"))],
        last_injected=rng.choice(("0_3_months", "3_12_months", "over_12_months", "never")),
        not_said=[],
        slk581=slk581(family, given, born_for_slk, codes.sex_code(gender)),
    )


def _one_file(world: World, plan: NotePlan, worker: int | None, note_count: int) -> None:
    rng, bulk, today = world.rng, world.bulk, world.today
    history = world.staff["worker"] + world.staff["senior"]
    seniors = world.staff["senior"]
    spans = _spans(world, worker is not None)
    workers = [rng.choice(history) for _ in spans]
    if worker is not None:
        workers[-1] = worker
    client_id = bulk.new_id(Client.__table__)
    person = _person(world, client_id, spans[0][0], workers[0])
    last_closed = spans[-1][1]
    # People whose episode closed in the last three months are still on their worker's list.
    keeps_worker = worker is not None or (last_closed and (today - last_closed).days < 91)
    person["worker_id"] = workers[-1] if keeps_worker else None
    bulk.add(Client.__table__, **person)
    if worker is not None:
        world.clients_of.setdefault(worker, []).append(client_id)
        world.open_clients.append(client_id)
    bulk.add(
        AuditEvent.__table__,
        action="client.created",
        record_type="Client",
        record_id=client_id,
        client_id=client_id,
        detail={},
        created_at=person["created_at"],
        created_by_id=workers[0],
    )
    timeline(
        world,
        client_id,
        person["created_at"],
        "registered",
        f"File started by {world.names[workers[0]]}",
        "Client",
        client_id,
        workers[0],
    )
    lengths = [((closed or today) - opened).days + 1 for opened, closed in spans]
    shares = _split(rng, note_count, lengths)
    consents = _consents(world, client_id, spans[-1], workers[-1])
    for k, ((opened, closed), by, notes) in enumerate(zip(spans, workers, shares, strict=True)):
        current = keeps_worker and k == len(spans) - 1
        episode_id = _episode(world, person, opened, closed, by, seniors, current=current)
        plan.worker_of_episode[episode_id] = by
        end = closed or today
        for _ in range(notes):
            day = world.day_between(opened, end)
            moment = world.midnight(day) + (8.5 + rng.random() * 9) * 3600
            plan.moments.append(min(moment, world.now.timestamp() - 60 - rng.random() * 7200))
            plan.clients.append(client_id)
            plan.episodes.append(episode_id)
        care_records.add_care(world, client_id, episode_id, opened, closed, by, notes, consents)


def _split(rng, total: int, lengths: list[int]) -> list[int]:
    """Share a person's notes between their episodes, by how long each lasted."""
    if len(lengths) == 1:
        return [total]
    whole = sum(lengths)
    shares = [total * n // whole for n in lengths]
    shares[-1] += total - sum(shares)
    return shares


def _episode(world, person, opened, closed, by, seniors, *, current: bool) -> int:
    rng, bulk = world.rng, world.bulk
    client_id = person["id"]
    reason = pick(rng, REASONS) if closed else None
    episode_id = bulk.add(
        Episode.__table__,
        client_id=client_id,
        opened_on=opened,
        source_of_referral=codes.referral_code(person["referral_source"]),
        client_type=1,
        main_treatment_type=codes.PTSS_MAIN_TREATMENT_TYPE,
        delivery_setting=codes.delivery_setting_code(person["service_location"]),
        principal_drug=codes.drug_code(person["main_drug"]),
        other_drugs=[codes.drug_code(d) for d in person["other_drugs"]],
        method_of_use=codes.method_code(person["method"]),
        injecting_status=codes.injecting_code(person["last_injected"]),
        closed_on=closed,
        reason_for_cessation=reason,
        closed_by_id=by if closed else None,
        created_at=world.moment(opened, 10.75),
        created_by_id=by,
    )
    timeline(
        world,
        client_id,
        opened,
        "episode_opened",
        "Episode of care opened",
        "Episode",
        episode_id,
        by,
    )
    approver = rng.choice(seniors)
    allocation_id = bulk.add(
        Allocation.__table__,
        client_id=client_id,
        worker_id=by,
        started_on=opened,
        ended_on=None if current else closed,
        reason="Did the intake",
        approved_by_id=approver,
        approved_at=world.moment(opened, 15),
        created_at=world.moment(opened, 11),
        created_by_id=approver,
    )
    timeline(
        world,
        client_id,
        opened,
        "allocated",
        f"Now supported by {world.names[by]}",
        "Allocation",
        allocation_id,
        approver,
    )
    if closed:
        words_ = codes.REASON_FOR_CESSATION_WORDS[reason]
        timeline(
            world,
            client_id,
            closed,
            "episode_closed",
            f"Episode of care closed: {words_}",
            "Episode",
            episode_id,
            by,
        )
    return episode_id


def _consents(world, client_id, span, by) -> list[tuple[int, int, date]]:
    """(consent id, partner id, given on) for the person's consents to share."""
    rng, bulk = world.rng, world.bulk
    made = []
    if rng.random() > 0.55:
        return made
    for _ in range(1 if rng.random() < 0.7 else 2):
        partner_id, name = rng.choice(world.partners)
        given = world.day_between(span[0], span[1] or world.today)
        withdrawn = given + timedelta(days=30) if rng.random() < 0.04 else None
        consent_id = bulk.add(
            Consent.__table__,
            client_id=client_id,
            party_name=name,
            relationship_to="Caseworker",
            partner_id=partner_id,
            shares=rng.sample(list(clients.SHARES)[:-1], rng.randint(2, 4)),
            how_given=rng.choice(list(clients.HOW_GIVEN)),
            given_on=given,
            expires_on=clients.default_expiry(given),
            withdrawn_on=withdrawn if withdrawn and withdrawn <= world.today else None,
            created_at=world.moment(given, 12),
            created_by_id=by,
        )
        timeline(
            world,
            client_id,
            given,
            "consent_given",
            f"Consent to share with {name}",
            "Consent",
            consent_id,
            by,
        )
        made.append((consent_id, partner_id, given))
    return made
