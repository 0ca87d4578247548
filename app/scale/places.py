"""The front desk for `scale-data`: every weekday of the years asked for, taps on every item
through the day (a few undone), the daily tasks ticked, handovers to workers and shifts."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from app.frontdesk import public as frontdesk
from app.models import DailyTask, DailyTaskTick, Handover, Shift, TallyEvent, TallyItem
from app.needs import NEEDS, URGENCY
from app.scale import World, words


def make_front_desk(world: World) -> None:
    rng, bulk = world.rng, world.bulk
    read = world.bulk.connection
    items = {
        label: item_id for item_id, label in read.execute(select(TallyItem.id, TallyItem.label))
    }
    tasks = list(read.scalars(select(DailyTask.id).order_by(DailyTask.position)))
    desks = world.staff["frontdesk"]
    volunteers = desks + world.staff["trainee"]
    workers = world.staff["worker"]
    now = world.now
    day = world.first_day
    while day <= world.today:
        if day.weekday() < 5:
            _taps(world, day, items, desks)
            for number, task_id in enumerate(tasks):
                at = world.moment(day, frontdesk.OPEN + (10 + number * 7) / 60)
                if at <= now:
                    bulk.add(DailyTaskTick.__table__, task_id=task_id, day=day, ticked=True,
                             created_at=at, created_by_id=rng.choice(desks))  # fmt: skip
            _handovers(world, day, desks, workers)
            for desk in (1, 2):
                started = world.moment(day, frontdesk.OPEN - 0.25 + rng.random() * 0.5)
                if started > now:
                    continue
                ended = started + timedelta(hours=rng.choice((3.5, 4, 7)))
                person = rng.choice(volunteers)
                bulk.add(Shift.__table__, user_id=person, started_at=started, desk=desk,
                         ended_at=ended if ended <= now else None, created_at=started,
                         created_by_id=person)  # fmt: skip
        day += timedelta(days=1)


def _taps(world: World, day, items: dict[str, int], desks: list[int]) -> None:
    rng, bulk = world.rng, world.bulk
    taps = []
    for label, average in frontdesk.DAILY.items():
        item_id = items.get(label)
        if item_id is None:
            continue
        for _ in range(max(0, int(rng.gauss(average, average * 0.25)))):
            hours = rng.triangular(0, frontdesk.CLOSE - frontdesk.OPEN, 3.5)
            taps.append((world.moment(day, frontdesk.OPEN + hours), item_id))
    taps.sort()
    for moment, item_id in taps:
        if moment > world.now:
            break
        desk = rng.choice((1, 1, 2))
        person = desks[(desk - 1) % len(desks)]
        tap_id = bulk.new_id(TallyEvent.__table__)
        bulk.add(TallyEvent.__table__, id=tap_id, item_id=item_id, day=day, delta=1, desk=desk,
                 idempotency_key=f"scale-{tap_id}", created_at=moment,
                 created_by_id=person)  # fmt: skip
        if rng.random() < 0.01:
            undo_id = bulk.new_id(TallyEvent.__table__)
            bulk.add(TallyEvent.__table__, id=undo_id, item_id=item_id, day=day, delta=-1,
                     desk=desk, idempotency_key=f"scale-{undo_id}", undoes_id=tap_id,
                     created_at=min(world.now, moment + timedelta(seconds=20)),
                     created_by_id=person)  # fmt: skip


def _handovers(world: World, day, desks: list[int], workers: list[int]) -> None:
    rng, bulk = world.rng, world.bulk
    today = day == world.today
    for _ in range(rng.randint(0, 4)):
        made = world.moment(day, frontdesk.OPEN + rng.random() * (frontdesk.CLOSE - frontdesk.OPEN))
        if made > world.now:
            continue
        values = dict(
            day=day,
            name=rng.choice(words.GIVEN) if rng.random() < 0.8 else None,
            needs=rng.sample(list(NEEDS), rng.randint(1, 2)),
            urgency=rng.choice(list(URGENCY)),
            reach="here",
            status="waiting",
            created_at=made,
            created_by_id=rng.choice(desks),
        )
        if not today and rng.random() < 0.8:
            worker = rng.choice(workers)
            people = world.clients_of.get(worker)
            values.update(
                status="picked_up",
                picked_up_by_id=worker,
                picked_up_at=made + timedelta(minutes=rng.randint(5, 60)),
                client_id=rng.choice(people) if people and rng.random() < 0.5 else None,
            )
        elif not today:
            values.update(
                status="closed",
                closed_reason=rng.choice(list(frontdesk.CLOSE_REASONS)),
                closed_at=made + timedelta(hours=2),
                closed_by_id=values["created_by_id"],
            )
        bulk.add(Handover.__table__, **values)
