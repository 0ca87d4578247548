"""Demo training: the programme, the agreements, and two trainees at different points."""

from __future__ import annotations

from datetime import datetime, timedelta

from app import clock
from app.core.areas import DemoContext
from app.extensions import db
from app.models import Certificate, Progress, Reflection, Shift, TrainingSession
from app.training import agreements, progress, supervised
from app.training.programme import load_programme


def _done(user, items, when: datetime) -> None:
    for n, item in enumerate(items):
        db.session.add(
            Progress(
                user_id=user.id,
                item_id=item.id,
                done_at=when + timedelta(hours=n),
                created_by_id=user.id,
            )
        )


def _sessions(user, weeks: int, minutes: int, what: str) -> None:
    today = clock.today()
    for week in range(weeks):
        db.session.add(
            TrainingSession(
                user_id=user.id,
                day=today - timedelta(days=7 * week + 2),
                minutes=minutes,
                what=what,
                created_by_id=user.id,
            )
        )


def make_demo_training(context: DemoContext) -> None:
    load_programme()
    agreements.load_agreements()
    db.session.flush()
    users = context.users
    trainee, trainee2 = users.get("trainee"), users.get("trainee2")
    senior = users.get("senior")
    if trainee is None or trainee2 is None:
        return
    levels = progress.levels()
    level_one, level_two = levels[0], levels[1]
    module_one, module_two = level_one.modules
    now = clock.now()

    # Jordan (trainee): three weeks in. Module one nearly done, agreements still to read.
    jordan_items = [i for i in progress.active_items(module_one) if i.special != "agreements"]
    _done(trainee, jordan_items[:9], now - timedelta(days=16))
    db.session.add(
        Reflection(
            user_id=trainee.id,
            item_id=jordan_items[5].id,
            text="Boundaries keep me safe too, not just the people at the desk.",
            created_by_id=trainee.id,
            created_at=now - timedelta(days=9),
        )
    )
    db.session.add(
        Reflection(
            user_id=trainee.id,
            item_id=jordan_items[0].id,
            text="I did not know we had a code of conduct. It is short and fair.",
            created_by_id=trainee.id,
            created_at=now - timedelta(days=15),
        )
    )
    _sessions(trainee, 3, 90, "Module 1 with the trainer")
    # A finished word game: its score is kept and its item is done (issue 17).
    if module_one.words:
        progress.record_word_game(trainee, module_one, score=6, out_of=len(module_one.words))
    db.session.add(
        Certificate(
            user_id=trainee.id,
            kind="first_aid",
            issued_on=clock.today() - timedelta(days=200),
            expires_on=clock.today() + timedelta(days=530),
            created_by_id=trainee.id,
        )
    )

    # Sione (trainee2): level one signed off, waiting for the manager to give the front
    # desk role; started module three; food handling runs out in three weeks.
    agreements.accept_all(trainee2)
    module_one_rest = [i for i in progress.active_items(module_one) if i.special != "agreements"]
    _done(trainee2, module_one_rest, now - timedelta(days=60))
    _done(trainee2, progress.active_items(module_two), now - timedelta(days=30))
    _done(trainee2, progress.active_items(level_two.modules[0])[:4], now - timedelta(days=6))
    if senior is not None:
        progress.sign_off_module(trainee2, module_one, "Good talks about boundaries.", by=senior)
        progress.sign_off_module(trainee2, module_two, "Ready for the desk.", by=senior)
        progress.sign_off_level(
            trainee2, level_one, "Covered desk two alone on Friday. Calm and kind.", by=senior
        )
    db.session.add(
        Reflection(
            user_id=trainee2.id,
            item_id=progress.active_items(level_two.modules[0])[0].id,
            text="Harm reduction started with peers. That makes me proud.",
            created_by_id=trainee2.id,
            created_at=now - timedelta(days=5),
        )
    )
    _sessions(trainee2, 6, 60, "Module reading with the trainer")
    for week in range(5):
        start = now - timedelta(days=7 * week + 3, hours=4)
        db.session.add(
            Shift(
                user_id=trainee2.id,
                started_at=start,
                ended_at=start + timedelta(hours=3 + week % 2),
                created_by_id=trainee2.id,
            )
        )
    db.session.add(
        Certificate(
            user_id=trainee2.id,
            kind="food_handling",
            issued_on=clock.today() - timedelta(days=1074),
            expires_on=clock.today() + timedelta(days=21),
            created_by_id=trainee2.id,
        )
    )
    db.session.add(
        Certificate(
            user_id=trainee2.id,
            kind="wwvp",
            issued_on=clock.today() - timedelta(days=400),
            expires_on=clock.today() + timedelta(days=695),
            note="Registration number kept by the manager",
            created_by_id=trainee2.id,
        )
    )
    # The front desk volunteers finished level one before; Kim is reading module three.
    for username in ("frontdesk", "frontdesk2"):
        person = users.get(username)
        if person is None or senior is None:
            continue
        agreements.accept_all(person)
        first_days = module_one_rest + progress.active_items(module_two)
        _done(person, first_days, now - timedelta(days=200))
        progress.sign_off_level(person, level_one, "Ready for the desk.", by=senior)
        if username == "frontdesk":
            _done(person, progress.active_items(level_two.modules[0])[:9], now - timedelta(days=20))
            _sessions(person, 4, 60, "Module 3 with the trainer")
            db.session.add(
                Certificate(
                    user_id=person.id,
                    kind="nsp",
                    issued_on=clock.today() - timedelta(days=300),
                    expires_on=clock.today() + timedelta(days=430),
                    created_by_id=person.id,
                )
            )

    _client_work_and_placement(context, levels, senior)
    context.printed.append(
        "Training: Jordan (trainee) is in module one; Sione (trainee2) finished level one;"
        " Tess (trainee3) is at Level 4; Mia (student) is on placement."
    )


def _client_work_and_placement(context: DemoContext, levels, senior) -> None:
    """Tess (trainee3) finished levels one to three: at Level 4 she works with people under a
    worker's supervision (care teams, issue 15). Mia (student) is on placement with Alex."""
    users = context.users
    tess, mia, alex = users.get("trainee3"), users.get("student"), users.get("worker")
    if tess is not None and senior is not None:
        agreements.accept_all(tess)
        for level in levels[:3]:
            progress.sign_off_level(tess, level, "Ready for the next level.", by=senior)
        _sessions(tess, 4, 120, "Shadowing Alex on outreach")
    if mia is not None and alex is not None and senior is not None:
        agreements.accept_all(mia)
        supervised.start_placement(
            mia,
            programme="Certificate IV in Alcohol and Other Drugs, Canberra Institute of Technology",
            supervisor=alex,
            by=senior,
        )
