"""Demo care work: plans with goals and steps (some reviews due), case notes over the past
months (some late, one corrected), appointments this week with transport, referrals with
consent, material aid, advocacy (one problem for many people, one complaint), and two people
with no contact for over three months (to close). Nothing here is a real person.

Rows are made directly with their own dates, so the timeline reads in order.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import select

from app import clock
from app.care.demo_support import add_with_timeline, advocacy, aid, demo_moment, referrals
from app.care.plans import snapshot
from app.care.times import add_months, monday_of
from app.clients import public as clients
from app.core.areas import DemoContext
from app.extensions import db
from app.models import (
    Appointment,
    Assessment,
    CaseNote,
    Client,
    Episode,
    Goal,
    GoalStep,
    Partner,
    Plan,
    PlanVersion,
    Referral,
)
from app.models.care import ClosingCheck

# A need from the assessment -> a goal in the person's words, why, a risk, what helps, steps.
GOALS = {
    "drug_treatment": (
        "Get on bupe with a doctor who is kind",
        "I am sick of chasing every day",
        "Long wait at the clinic. Bad past experience with a prescriber.",
        "Go with a worker to the first visit. Write the questions down first.",
        [("Ring Pathways for a quick start", "worker"), ("Go to the first visit", "person")],
    ),
    "children": (
        "See my kids every week",
        "They are my reason to keep going",
        "CYF meetings are stressful. Past reports.",
        "A worker comes to every CYF meeting. Plan what to say beforehand.",
        [("Ask CYF for a contact plan", "worker"), ("Go to the parenting group", "person")],
    ),
    "housing": (
        "A place of my own, somewhere safe",
        "Couch surfing is wearing me out",
        "Long housing list. No rental history.",
        "Priority housing form with support letters. Crisis bed while waiting.",
        [("Fill in the priority housing form", "person"), ("Write a support letter", "worker")],
    ),
    "money": (
        "Get my payment back on",
        "No money for food or phone credit",
        "Missed the last appointment. Hard to get through on the phone.",
        "See the Centrelink officer at our centre on Thursday.",
        [("See the Centrelink officer", "person"), ("Book financial counselling", "worker")],
    ),
    "legal": (
        "Get through court without going back inside",
        "I want to be out for my daughter's birthday",
        "Court date clashes with dosing. Nerves on the day.",
        "Legal aid lawyer booked. Worker goes to court with them.",
        [("See the lawyer at Capital Community Legal", "person"), ("Court support", "worker")],
    ),
    "mental_health": (
        "Feel less low and get out more",
        "I stay in bed for days",
        "Long wait for a psychologist. Does not like groups.",
        "Walks with the worker. GP mental health plan.",
        [("Book a long GP visit for a mental health plan", "worker")],
    ),
    "physical_health": (
        "Get my leg looked at",
        "It hurts to walk to the shops",
        "Scared of hospitals.",
        "Start at the health van, which is relaxed. Worker comes along.",
        [("Visit the Street Health Van", "person")],
    ),
    "family": (
        "Talk to my sister again",
        "She is the only family I have left",
        "Old arguments. Does not have her number.",
        "Write a letter first. Practise what to say.",
        [("Write a letter to her", "person")],
    ),
    "food": (
        "Eat a proper meal every day",
        "I get shaky and cannot think",
        "No fridge. Money runs out.",
        "Lunch at the drop-in. Food vouchers from partners.",
        [("Come to lunch at the drop-in", "person")],
    ),
    "aid": (
        "Get through winter warm",
        "Last winter I got really sick",
        "Nowhere to store things.",
        "Swag and warm clothes from our partners.",
        [("Pick up a swag", "person")],
    ),
    "transport": (
        "Get to appointments on time",
        "I keep missing them and getting cut off",
        "No car, far from bus stops.",
        "Our car for the big ones. A bus card for the rest.",
        [("Get a bus card", "person")],
    ),
    "work_study": (
        "Do a forklift course",
        "I want a job and to feel useful",
        "Needs ID and a bank account first.",
        "Sort out ID first. Volunteer at the centre meanwhile.",
        [("Get a birth certificate", "person"), ("Find a course that is free", "worker")],
    ),
}
NOTE_TEXTS = (
    "Met at the drop-in. Talked about how the week went and the next step of the plan.",
    "Phone call. Confirmed the appointment and the lift there.",
    "Went with them to the appointment. They asked their questions and felt heard.",
    "Catch up over coffee. Things are steady. Wants to keep going with the plan.",
    "Texted to check in. Replied they are OK and will come in on Thursday.",
    "Outreach in the park. Gave naloxone and a food voucher. Talked about housing.",
)
KINDS = ("face_to_face", "phone", "appointment_support", "face_to_face", "text", "outreach")
TRANSPORT_CYCLE = ("car", "taxi", "public", "none", "rideshare")


def _partners() -> dict[str, Partner]:
    return {p.name: p for p in db.session.scalars(select(Partner))}


def _plan_for(client, episode, needs, worker, today: date, n: int) -> None:
    agreed = min(episode.opened_on + timedelta(days=7), today)
    plan = Plan(
        client_id=client.id,
        episode_id=episode.id,
        agreed_on=agreed,
        review_on=add_months(agreed, 3),
        changed_at=demo_moment(agreed, 11),
        created_at=demo_moment(agreed, 11),
        created_by_id=worker.id,
    )
    db.session.add(plan)
    db.session.flush()
    db.session.add(
        PlanVersion(
            plan_id=plan.id,
            number=1,
            changes=[f"Plan started. Review on {clock.day_words(plan.review_on)}"],
            snapshot=snapshot(plan),
            created_at=demo_moment(agreed, 11),
            created_by_id=worker.id,
        )
    )
    clients.add_to_timeline(
        client,
        kind="plan_version",
        summary="Plan started",
        record=plan,
        occurred_at=demo_moment(agreed, 11),
    )
    changes = []
    for position, need in enumerate([x for x in needs if x in GOALS][:3], start=1):
        words, why, risks, helps, steps = GOALS[need]
        goal = Goal(
            position=position,
            words=words,
            why=why,
            priority=position,
            risks=risks,
            strategies=helps,
            status="working_on",
        )
        plan.goals.append(goal)
        for k, (what, who) in enumerate(steps, start=1):
            due = agreed + timedelta(days=14 * k)
            done = due if due < today - timedelta(days=7) and (n + k) % 3 else None
            goal.steps.append(GoalStep(position=k, what=what, who=who, due_on=due, done_on=done))
        changes.append(f'New goal "{words}"')
    if not changes:
        return
    if n % 5 == 2 and len(plan.goals) > 1:
        plan.goals[-1].status = "done"
        plan.goals[-1].status_on = today - timedelta(days=10)
        changes.append(f'Goal "{plan.goals[-1].words}" marked done')
    db.session.flush()
    db.session.add(
        PlanVersion(
            plan_id=plan.id,
            number=2,
            changes=changes,
            snapshot=snapshot(plan),
            created_at=demo_moment(agreed, 11, 30),
            created_by_id=worker.id,
        )
    )
    plan.changed_at = demo_moment(agreed, 11, 30)  # writes the plan row: its version becomes 2
    clients.add_to_timeline(
        client,
        kind="plan_version",
        summary="Plan: goals added",
        record=plan,
        occurred_at=demo_moment(agreed, 11, 30),
    )


def _note(client, episode, worker, when: datetime, kind: str, text: str, *, late: bool):
    written = when + (timedelta(days=3) if late else timedelta(hours=2))
    note = CaseNote(
        client_id=client.id,
        episode_id=episode.id,
        contact_at=when,
        kind=kind,
        minutes=(15, 30, 45, 60, 90)[when.day % 5],
        text=text,
        late=late,
        created_at=written,
        created_by_id=worker.id,
    )
    summary = "Case note" + (" (written late)" if late else "")
    add_with_timeline(note, client, kind="case_note", summary=summary, occurred_at=when)
    return note


def _notes_for(client, episode, worker, today: date, n: int, *, quiet: bool) -> list[CaseNote]:
    made = []
    day = episode.opened_on
    step = 0
    last_day = episode.opened_on + timedelta(days=20) if quiet else today - timedelta(days=1)
    while day <= last_day:
        when = demo_moment(day, 10 + step % 6, (step * 15) % 60)
        made.append(
            _note(
                client,
                episode,
                worker,
                when,
                KINDS[(n + step) % len(KINDS)],
                NOTE_TEXTS[(n + step) % len(NOTE_TEXTS)],
                late=(n + step) % 7 == 3 and when < clock.now() - timedelta(days=3),
            )
        )
        step += 1
        day += timedelta(days=9 + (n + step) % 8)
    return made


def make_demo_care(context: DemoContext) -> None:
    today = clock.today()
    users = context.users
    people = context.made.get("clients") or []
    partners = _partners()
    if not people:
        return
    episodes = {
        e.client_id: e
        for e in db.session.scalars(select(Episode).where(Episode.closed_on.is_(None)))
    }
    quiet = {20, 22}  # no contact for over three months and nothing planned: to close
    all_notes = []
    for n, client in enumerate(people):
        episode = episodes.get(client.id)
        worker = client.worker or users["worker"]
        if episode is None:
            continue
        if n in quiet:
            episode.opened_on = min(episode.opened_on, today - timedelta(days=150))
        assessment = db.session.scalar(
            select(Assessment)
            .where(Assessment.client_id == client.id)
            .order_by(Assessment.id.desc())
        )
        needs = list(assessment.needs or []) if assessment else []
        if n % 6 != 5 and needs and n not in quiet:
            _plan_for(client, episode, needs, worker, today, n)
        all_notes += _notes_for(client, episode, worker, today, n, quiet=n in quiet)

    _correct_one(all_notes)
    _appointments(people, episodes, users, partners, today, quiet)
    referrals(people, episodes, users, partners, today)
    _typed_referral(people, episodes, users, today)
    aid(people, episodes, partners, today)
    advocacy(people, episodes, users, partners, today)
    _closing_for_the_manager(people, episodes, today)


def _typed_referral(people, episodes, users, today: date) -> None:
    """A referral to a service not in the directory (issue 17), under a consent typed with it."""
    if len(people) <= 6 or people[6].id not in episodes:
        return
    client, name, contact = people[6], "Belconnen Men's Shed", "Phone 02 6100 7788"
    worker = client.worker or users["worker"]
    consent = clients.create_consent(
        client,
        {
            "party_name": name,
            "relationship_to": "Shed coordinator",
            "contact_details": contact,
            "shares": ["client_here", "contact"],
            "how_given": "signed_paper",
            "given_on": (today - timedelta(days=12)).isoformat(),
        },
        worker,
    )
    referral = Referral(
        client_id=client.id,
        episode_id=episodes[client.id].id,
        service_name=name,
        service_contact=contact,
        referred_on=today - timedelta(days=10),
        reason="Wants something to do with his hands, and people to talk to",
        consent_id=consent.id,
        appointment_made=True,
        created_by_id=worker.id,
    )
    add_with_timeline(
        referral,
        client,
        kind="referral",
        summary=f"Referred to {name}",
        occurred_at=demo_moment(referral.referred_on, 11),
    )


def _closing_for_the_manager(people, episodes, today: date) -> None:
    """A quiet person's closing the worker was not sure of: it waits for the manager."""
    if len(people) <= 22 or people[22].id not in episodes:
        return
    client, episode = people[22], episodes[people[22].id]
    check = ClosingCheck(
        client_id=client.id,
        episode_id=episode.id,
        answers={
            "episode_id": episode.id,
            "reason": 7,
            "main_treatment_type": episode.main_treatment_type,
            "delivery_setting": episode.delivery_setting,
            "principal_drug": episode.principal_drug,
            "closed_on": (today - timedelta(days=95)).isoformat(),
        },
        sure=False,
        unsure_why="A friend says they went to rehab in Sydney. If so, is it another service?",
        status="waiting",
        created_at=demo_moment(today - timedelta(days=1), 15),
        created_by_id=client.worker_id,
    )
    db.session.add(check)


def _correct_one(notes: list[CaseNote]) -> None:
    if not notes:
        return
    old = notes[len(notes) // 2]
    old.superseded = True
    fixed = CaseNote(
        client_id=old.client_id,
        episode_id=old.episode_id,
        contact_at=old.contact_at,
        kind=old.kind,
        minutes=old.minutes,
        who_was_there="Their sister",
        text=old.text + " Their sister came too.",
        late=old.late,
        corrects_id=old.id,
        why_changed="Left out that their sister came",
        created_at=old.created_at + timedelta(days=1),
        created_by_id=old.created_by_id,
    )
    add_with_timeline(
        fixed,
        db.session.get(Client, old.client_id),
        kind="case_note_corrected",
        summary="Case note corrected",
        occurred_at=fixed.created_at,
    )


def _appointments(people, episodes, users, partners, today: date, quiet) -> None:
    """This week for each demo worker, with transport; a couple already past with nothing
    written afterwards, so "notes to write" has something in it."""
    monday = monday_of(today)
    places = [
        "Northside Community Health",
        "Pathways Drug and Alcohol Service",
        "Capital Community Legal",
        "Homeground Housing Help",
        "Centrelink community officer",
    ]
    k = 0
    for w, worker_name in enumerate(("worker", "worker2", "worker3")):
        worker = users.get(worker_name)
        if worker is None:
            continue
        theirs = [
            (n, c)
            for n, c in enumerate(people)
            if c.worker_id == worker.id and c.id in episodes and n not in quiet
        ]
        for j, (_n, client) in enumerate(theirs[:5]):
            # The first is today (so "Today" has something); the rest across the week.
            day = today if j == 0 else monday + timedelta(days=(j + w) % 5)
            starts = demo_moment(day, 13 + w if j == 0 else 9 + (j * 2 + w) % 7, 30 if j % 2 else 0)
            partner = partners.get(places[(k + w) % len(places)])
            past = starts < clock.now()
            appointment = Appointment(
                client_id=client.id,
                episode_id=episodes[client.id].id,
                starts_at=starts,
                partner_id=partner.id if partner else None,
                with_whom=None if partner else "Their GP",
                transport=TRANSPORT_CYCLE[(k + w) % len(TRANSPORT_CYCLE)],
                worker_id=worker.id,
                questions="Can I get take-away doses?\nWhat happens if I miss a day?"
                if k % 2
                else "How long is the wait?",
                created_at=starts - timedelta(days=6),
                created_by_id=worker.id,
            )
            if past and j % 3 == 0:
                appointment.attended = True
                appointment.what_happened = "Went well. They asked all their questions."
                appointment.follow_up = "Call back about results next week."
                appointment.outcome_at = starts + timedelta(hours=3)
            add_with_timeline(
                appointment,
                client,
                kind="appointment",
                summary=f"Appointment booked with {partner.name if partner else 'their GP'}",
                occurred_at=appointment.created_at,
            )
            k += 1
