"""Client files for `scale-data`: the person, episodes, who supports them, the assessment,
the plan, consents, referrals, appointments, aid and advocacy, with a timeline line for each.

Case notes are only planned here (when, whose, which episode); app.scale.notes writes them
in time order, as a real service would have written them.
"""

from __future__ import annotations

import math
from array import array
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import select, update

from app.clients.consents import default_expiry
from app.clients.forms import HOW_GIVEN, SHARES
from app.clients.registration import phone_digits, search_text
from app.models import (
    AdvocacyIssue,
    AidGiven,
    Allocation,
    Appointment,
    Assessment,
    AuditEvent,
    Client,
    Consent,
    Episode,
    Goal,
    Plan,
    PlanVersion,
    Referral,
    TimelineEntry,
)
from app.models.care import AID_KINDS
from app.needs import LIFE_AREAS, URGENCY
from app.scale import World, words
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
SUPPORT = (("ongoing", 60), ("immediate", 20), ("intensive", 20))


def _pick(rng, weighted):
    return rng.choices([v for v, _ in weighted], [w for _, w in weighted])[0]


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
    gender = _pick(rng, GENDERS)
    born = None
    year = None
    if rng.random() < 0.88:
        born = date(rng.randint(1955, 2006), rng.randint(1, 12), rng.randint(1, 28))
    elif rng.random() < 0.7:
        year = rng.randint(1955, 2006)
    phone = None
    if rng.random() < 0.75:
        phone = f"04{rng.randint(0, 99):02d} {rng.randint(0, 999):03d} {rng.randint(0, 999):03d}"
    drug = _pick(rng, DRUGS)
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
        search_given=search_text(given),
        search_family=search_text(family),
        search_nickname=search_text(nickname),
        born_on=born,
        birth_year_estimate=year,
        gender=gender,
        postcode=rng.choice(("2600", "2602", "2612", "2615", "2617", "2900", "2913")),
        phone=phone,
        phone_digits=phone_digits(phone),
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


def _timeline(world, client_id, day_or_moment, kind, summary, record_type, record_id, by):
    when = day_or_moment if not isinstance(day_or_moment, date) else None
    if when is None:
        when = world.moment(day_or_moment, 11 + world.rng.random() * 5)
    world.bulk.add(
        TimelineEntry.__table__,
        client_id=client_id,
        occurred_at=when,
        kind=kind,
        summary=summary,
        record_type=record_type,
        record_id=record_id,
        created_by_id=by,
        created_at=when,
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
    _timeline(
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
        _care(world, client_id, episode_id, opened, closed, by, notes, consents)


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
    reason = _pick(rng, REASONS) if closed else None
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
    _timeline(
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
    _timeline(
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
        _timeline(
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
            shares=rng.sample(list(SHARES)[:-1], rng.randint(2, 4)),
            how_given=rng.choice(list(HOW_GIVEN)),
            given_on=given,
            expires_on=default_expiry(given),
            withdrawn_on=withdrawn if withdrawn and withdrawn <= world.today else None,
            created_at=world.moment(given, 12),
            created_by_id=by,
        )
        _timeline(
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


def _care(world, client_id, episode_id, opened, closed, by, notes, consents) -> None:
    """The assessment, the plan, appointments, referrals, aid and advocacy of one episode."""
    rng, bulk, today = world.rng, world.bulk, world.today
    end = closed or today
    if rng.random() < 0.95:
        met = min(end, opened + timedelta(days=rng.randint(0, 7)))
        needs = rng.sample(list(LIFE_AREAS)[:-1], rng.randint(1, 3))
        level = _pick(rng, SUPPORT)
        assessment_id = bulk.add(
            Assessment.__table__,
            client_id=client_id,
            episode_id=episode_id,
            met_on=met,
            support_level=level,
            needs=needs,
            need_notes={},
            strengths=rng.choice(words.STRENGTHS),
            supports=rng.choice(words.SUPPORTS),
            created_at=world.moment(met, 13),
            created_by_id=by,
        )
        _timeline(
            world,
            client_id,
            met,
            "assessment",
            f"Assessment: {URGENCY[level].lower()}",
            "Assessment",
            assessment_id,
            by,
        )
    if (end - opened).days >= 14 and rng.random() < 0.85:
        _plan(world, client_id, episode_id, opened, closed, by)
    past = min(20, notes // 8)
    for _ in range(past):
        day = world.day_between(opened, end - timedelta(days=1) if end > opened else end)
        _appointment(world, client_id, episode_id, day, by, attended=rng.random() < 0.8)
    if closed is None:
        for _ in range(rng.choices((0, 1, 2), (55, 35, 10))[0]):
            day = today + timedelta(days=rng.randint(1, 30))
            _appointment(world, client_id, episode_id, day, by, attended=None)
        if rng.random() < 0.1:
            day = today - timedelta(days=rng.randint(1, 10))
            _appointment(world, client_id, episode_id, max(day, opened), by, attended=None)
    for consent_id, partner_id, given in consents:
        if given <= end and rng.random() < 0.4:
            day = world.day_between(max(given, opened), end)
            name = dict(world.partners)[partner_id]
            referral_id = bulk.add(
                Referral.__table__,
                client_id=client_id,
                episode_id=episode_id,
                partner_id=partner_id,
                referred_on=day,
                reason=rng.choice(words.REFERRAL_REASONS),
                consent_id=consent_id,
                appointment_made=rng.random() < 0.6,
                attended=rng.choice((True, False, None)),
                created_at=world.moment(day, 14),
                created_by_id=by,
            )
            _timeline(
                world,
                client_id,
                day,
                "referral",
                f"Referred to {name}",
                "Referral",
                referral_id,
                by,
            )
    if rng.random() < 0.25:
        for _ in range(rng.randint(1, 4)):
            day = world.day_between(opened, end)
            kind = rng.choice(list(AID_KINDS))
            aid_id = bulk.add(
                AidGiven.__table__,
                client_id=client_id,
                episode_id=episode_id,
                given_on=day,
                kind=kind,
                quantity=rng.randint(1, 3),
                note=rng.choice(words.AID_NOTES),
                created_at=world.moment(day, 12.5),
                created_by_id=by,
            )
            _timeline(
                world,
                client_id,
                day,
                "material_aid",
                f"Material aid: {AID_KINDS[kind].lower()}",
                "AidGiven",
                aid_id,
                by,
            )
    if rng.random() < 0.03:
        day = world.day_between(opened, end)
        done = closed is not None or rng.random() < 0.5
        issue_id = bulk.add(
            AdvocacyIssue.__table__,
            kind="individual",
            client_id=client_id,
            episode_id=episode_id,
            service=rng.choice(world.partners)[1],
            issue=rng.choice(words.ADVOCACY),
            status="resolved" if done else "open",
            raised_on=day,
            closed_on=min(end, day + timedelta(days=20)) if done else None,
            created_at=world.moment(day, 15),
            created_by_id=by,
        )
        _timeline(
            world,
            client_id,
            day,
            "advocacy",
            "Advocacy: for one person",
            "AdvocacyIssue",
            issue_id,
            by,
        )


def _plan(world, client_id, episode_id, opened, closed, by) -> None:
    rng, bulk, today = world.rng, world.bulk, world.today
    end = closed or today
    agreed = min(end, opened + timedelta(days=rng.randint(7, 21)))
    review = agreed + timedelta(days=91)
    if closed is None and review < today - timedelta(days=30):
        review = today + timedelta(days=rng.randint(-20, 90))  # reviewed since; some overdue
    plan_id = bulk.new_id(Plan.__table__)
    goals = []
    for position in range(1, rng.randint(1, 3) + 1):
        status = rng.choice(("done", "working_on")) if closed else "working_on"
        goals.append(
            dict(
                id=bulk.new_id(Goal.__table__),
                plan_id=plan_id,
                position=position,
                words=rng.choice(words.GOALS),
                priority=position,
                status=status,
                status_on=end if status == "done" else None,
                created_by_id=by,
            )
        )
    moment = world.moment(agreed, 14.5)
    bulk.add(
        Plan.__table__,
        id=plan_id,
        client_id=client_id,
        episode_id=episode_id,
        agreed_on=agreed,
        review_on=review,
        version=1,
        changed_at=moment,
        created_at=moment,
        created_by_id=by,
    )
    for goal in goals:
        bulk.add(Goal.__table__, created_at=moment, **goal)
    snapshot = {
        "agreed_on": agreed.isoformat(),
        "review_on": review.isoformat(),
        "goals": [
            {k: (v.isoformat() if isinstance(v, date) else v) for k, v in g.items()} | {"steps": []}
            for g in goals
        ],
    }
    version_id = bulk.add(
        PlanVersion.__table__,
        plan_id=plan_id,
        number=1,
        changes=["Plan started"],
        snapshot=snapshot,
        created_at=moment,
        created_by_id=by,
    )
    _timeline(
        world, client_id, moment, "plan_version", "Plan started", "PlanVersion", version_id, by
    )


def _appointment(world, client_id, episode_id, day, by, *, attended) -> None:
    rng, bulk = world.rng, world.bulk
    partner_id, name = rng.choice(world.partners)
    starts = world.moment(day, rng.choice((9.5, 10, 11, 13, 14.5, 15)))
    done = attended is not None
    appointment_id = bulk.add(
        Appointment.__table__,
        client_id=client_id,
        episode_id=episode_id,
        starts_at=starts,
        partner_id=partner_id,
        transport=rng.choice(("car", "public", "none", "none")),
        worker_id=by if rng.random() < 0.6 else None,
        attended=attended,
        what_happened="Went well." if attended else None,
        outcome_at=starts + timedelta(hours=3) if done else None,
        created_at=starts - timedelta(days=rng.randint(1, 14)),
        created_by_id=by,
    )
    _timeline(
        world,
        client_id,
        starts,
        "appointment",
        f"Appointment booked: {name}",
        "Appointment",
        appointment_id,
        by,
    )


def keep_support_levels(connection) -> None:
    """Each person's newest assessment level onto their row, as saving one in the app does
    (app.clients.care.keep_support_level), in one statement after the bulk rows."""
    newest = (
        select(Assessment.support_level)
        .where(Assessment.client_id == Client.id)
        .order_by(Assessment.created_at.desc(), Assessment.id.desc())
        .limit(1)
        .scalar_subquery()
    )
    connection.execute(update(Client.__table__).values(support_level=newest))
