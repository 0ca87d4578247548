"""Demo data for the front desk: the usual tally list, about 30 days of taps, daily tasks,
a few people waiting for a worker and some volunteer shifts. Nothing here is a real person.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select

from app import clock
from app.core.areas import DemoContext
from app.extensions import db
from app.frontdesk import daily_tasks, tally
from app.models import DailyTaskTick, Handover, Shift, TallyEvent, TallyItem

# Roughly how many of each a weekday brings (label -> average).
DAILY = {
    "Visitors": 38,
    "First visit": 2,
    "Meals": 24,
    "Tea and coffee": 45,
    "Fit packs": 30,
    "Bigger syringes": 6,
    "Sharps bins": 4,
    "Naloxone kits": 2,
    "Overdose talks": 3,
    "Phone calls": 14,
    "Information given": 9,
    "Referrals": 3,
}
OPEN, CLOSE = 9, 16  # the drop-in is open 9am to 4pm on weekdays


def _utc(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=clock.CANBERRA).astimezone(UTC)


def make_front_desk(context: DemoContext) -> None:
    rng = random.Random(3)  # the same demo every time  # nosec B311
    users = context.users
    desk_people = [u for u in (users.get("frontdesk"), users.get("frontdesk2")) if u is not None]
    manager = users.get("manager")
    tally.add_standard_lists(manager)
    db.session.flush()
    items = {i.label: i for i in db.session.scalars(select(TallyItem))}
    retired = TallyItem(
        label="Clothes given", group="other", icon="shirt", position=1, active=False
    )
    db.session.add(retired)
    db.session.flush()

    now = clock.now()
    today = clock.today()
    events = []
    for back in range(30, -1, -1):
        day = today - timedelta(days=back)
        if day.weekday() >= 5:
            continue
        for label, average in DAILY.items():
            item = items.get(label)
            if item is None:
                continue
            for _ in range(max(0, int(rng.gauss(average, average * 0.25)))):
                minutes = int(rng.triangular(0, (CLOSE - OPEN) * 60, 3.5 * 60))
                moment = _utc(day, OPEN) + timedelta(minutes=minutes)
                if moment > now:
                    continue
                desk = rng.choice((1, 1, 2))
                person = desk_people[desk - 1] if len(desk_people) >= desk else None
                events.append(
                    TallyEvent(
                        item_id=item.id,
                        day=day,
                        delta=1,
                        desk=desk,
                        idempotency_key=f"demo-{len(events)}-{rng.getrandbits(48):x}",
                        created_at=moment,
                        created_by_id=person.id if person else None,
                    )
                )
        if back >= 20:  # counted until three weeks ago: its history stays in the reports
            events.append(
                TallyEvent(
                    item_id=retired.id,
                    day=day,
                    delta=1,
                    desk=1,
                    idempotency_key=f"demo-clothes-{back}",
                    created_at=_utc(day, 11),
                )
            )
    events.sort(key=lambda e: e.created_at)
    db.session.add_all(events)

    # Daily tasks: ticked most days, one untick kept to show it is allowed.
    tasks = daily_tasks.list_tasks()
    ticks = []
    for back in range(14, -1, -1):
        day = today - timedelta(days=back)
        if day.weekday() >= 5:
            continue
        for number, task in enumerate(tasks):
            at = _utc(day, 9, 10 + number * 7)
            if back == 0 and (number > 1 or at > now):
                continue  # today: only the first jobs, and only once the day has started
            person = desk_people[back % len(desk_people)] if desk_people else None
            ticks.append(
                DailyTaskTick(
                    task_id=task.id,
                    day=day,
                    ticked=True,
                    created_at=at,
                    created_by_id=person.id if person else None,
                )
            )
    db.session.add_all(ticks)

    # People waiting for a worker, and two that are done.
    worker = users.get("worker")
    made_by = desk_people[0] if desk_people else manager
    waiting = [
        ("Sam", ["omt", "housing"], "immediate", "here", None, "Dose missed yesterday.", 25),
        ("Jay", ["children", "legal"], "ongoing", "call_back", None, None, 70),
        (None, ["money", "food"], "immediate", "phone", "0412 555 019", None, 12),
    ]
    for name, needs, urgency, reach, phone, note, minutes_ago in waiting:
        db.session.add(
            Handover(
                day=today,
                name=name,
                needs=needs,
                urgency=urgency,
                reach=reach,
                phone=phone,
                note=note,
                status="waiting",
                created_at=now - timedelta(minutes=minutes_ago),
                created_by_id=made_by.id if made_by else None,
            )
        )
    if worker is not None:
        db.session.add(
            Handover(
                day=today,
                name="Mel",
                needs=["drug_treatment"],
                urgency="intensive",
                reach="here",
                status="picked_up",
                picked_up_by_id=worker.id,
                picked_up_at=now - timedelta(minutes=100),
                created_at=now - timedelta(minutes=110),
                created_by_id=made_by.id if made_by else None,
            )
        )
    db.session.add(
        Handover(
            day=today - timedelta(days=1),
            name="Kris",
            needs=["transport"],
            urgency="immediate",
            reach="here",
            status="closed",
            closed_reason="left",
            closed_at=now - timedelta(days=1),
            closed_by_id=made_by.id if made_by else None,
            created_at=now - timedelta(days=1, minutes=30),
            created_by_id=made_by.id if made_by else None,
        )
    )

    # Volunteer shifts over the last four weeks.
    shift_people = [u for u in (*desk_people, users.get("trainee")) if u is not None]
    for back in range(28, 0, -1):
        day = today - timedelta(days=back)
        if day.weekday() >= 5:
            continue
        for number, person in enumerate(shift_people):
            if (back + number) % 3 == 0:
                continue
            start = _utc(day, 9 if number == 0 else 12, rng.choice((0, 5, 15)))
            hours = rng.choice((3, 3.5, 4))
            db.session.add(
                Shift(
                    user_id=person.id,
                    started_at=start,
                    ended_at=start + timedelta(hours=hours),
                    desk=1 if number == 0 else 2,
                    created_by_id=person.id,
                    created_at=start,
                )
            )
    # Shadow shifts (issue 17): the trainee sat beside the first volunteer; one is
    # confirmed, the newest waits for the volunteer's yes on their home page.
    trainee = users.get("trainee")
    if desk_people and trainee is not None:
        for back, confirmed in ((8, True), (1, False)):
            start = _utc(today - timedelta(days=back), 10)
            db.session.add(
                Shift(
                    user_id=trainee.id,
                    kind="shadow",
                    shadowing_with_id=desk_people[0].id,
                    started_at=start,
                    ended_at=start + timedelta(hours=2),
                    confirmed_at=start + timedelta(hours=3) if confirmed else None,
                    created_by_id=trainee.id,
                    created_at=start + timedelta(hours=2),
                )
            )
    if desk_people and today.weekday() < 5 and now >= _utc(today, OPEN):
        db.session.add(
            Shift(
                user_id=desk_people[0].id,
                started_at=_utc(today, OPEN),
                desk=1,
                created_by_id=desk_people[0].id,
            )
        )
