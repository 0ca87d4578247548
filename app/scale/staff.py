"""Staff and trainees, partner services, the training record and the team's oversight."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from app.access import CLIENT_ROLES
from app.auth import public as auth
from app.frontdesk import public as frontdesk
from app.models import (
    AgreementAcceptance,
    AgreementVersion,
    AuditFeedback,
    Certificate,
    ConsultationDecision,
    FileAudit,
    InReachSession,
    LearningItem,
    Module,
    Partner,
    Progress,
    Reflection,
    Supervision,
    TrainingSession,
    User,
)
from app.models.team import supervision_attendee
from app.models.training import CERTIFICATE_KINDS
from app.needs import EXPERIENCE
from app.scale import SCALE_PASSWORD, SCALE_TOTP_SECRET, World, username, words
from app.team import public as team
from app.training import public as training

PARTNER_NAMES = (
    "Housing ACT",
    "Canberra Health Services",
    "Directions Health",
    "Legal Aid ACT",
    "Centrelink",
    "Karralika",
    "Winnunga Nimmityjah",
    "Toora Women",
    "Canberra Men's Centre",
    "Companion House",
    "Hepatitis ACT",
    "Meridian",
    "St Vincent de Paul",
    "OzHarvest",
    "Women's Legal Centre",
    "Mental Health Community Coalition",
)


def reference_lists() -> None:
    """The tally items, daily tasks, training programme and agreements, as the app makes them."""
    frontdesk.add_standard_lists(None)
    training.load_programme()
    training.load_agreements()


def make_staff(world: World) -> None:
    rng, bulk = world.rng, world.bulk
    password_hash = auth.hash_password(SCALE_PASSWORD)  # slow on purpose: once for everyone
    started = world.moment(world.first_day, 9)
    for role, count in world.sizes.roles().items():
        ids = world.staff.setdefault(role, [])
        for number in range(1, count + 1):
            name = f"{rng.choice(words.GIVEN)} {rng.choice(words.FAMILY)}"
            two_step = role in CLIENT_ROLES
            experience = rng.sample(list(EXPERIENCE), rng.randint(0, 3)) if two_step else []
            user_id = bulk.add(
                User.__table__,
                username=username(role, number),
                display_name=name,
                role=role,
                password_hash=password_hash,
                password_changed_at=started,
                totp_secret=SCALE_TOTP_SECRET if two_step else None,
                totp_confirmed_at=started if two_step else None,
                shared_experience=experience,
                created_at=started,
            )
            ids.append(user_id)
            world.names[user_id] = name


def make_partners(world: World) -> None:
    rng, bulk = world.rng, world.bulk
    for n, name in enumerate(PARTNER_NAMES):
        partner_id = bulk.add(
            Partner.__table__,
            name=name,
            what_they_do="Works with our community. Ask at the desk for more.",
            phone=f"02 6{rng.randint(100, 999)} {rng.randint(1000, 9999)}",
            opening_hours="Monday to Friday, 9am to 5pm",
            welcome_note="Friendly to people who use drugs." if n % 3 else None,
            active=n != len(PARTNER_NAMES) - 1,
        )
        world.partners.append((partner_id, name))
        if n % 4 == 0:
            bulk.add(
                InReachSession.__table__,
                partner_id=partner_id,
                weekday=n % 5,
                repeat="weekly",
                starts_at=_time(10),
                ends_at=_time(13),
                what="At the centre",
            )


def _time(hour: int):
    from datetime import time

    return time(hour, 0)


# --- training ---------------------------------------------------------------------------------


def make_training(world: World) -> None:
    rng, bulk = world.rng, world.bulk
    read = world.bulk.connection
    items = list(
        read.scalars(
            select(LearningItem.id)
            .join(Module, Module.id == LearningItem.module_id)
            .order_by(Module.level_id, Module.position, LearningItem.position)
        )
    )
    versions = list(read.scalars(select(AgreementVersion.id)))
    everyone = [u for ids in world.staff.values() for u in ids]
    for user_id in world.staff.get("trainee", []):
        started = world.day_between(world.today - timedelta(days=300), world.today)
        done = rng.randint(0, max(1, len(items) // 2))
        for n, item_id in enumerate(items[:done]):
            bulk.add(
                Progress.__table__,
                user_id=user_id,
                item_id=item_id,
                done_at=world.moment(started, 10 + n * 0.1),
                created_by_id=user_id,
            )
        for week in range(0, (world.today - started).days // 7):
            bulk.add(
                TrainingSession.__table__,
                user_id=user_id,
                day=started + timedelta(days=7 * week + 2),
                minutes=rng.choice((60, 90, 120)),
                what="With the trainer",
                created_by_id=user_id,
            )
        if done:
            bulk.add(
                Reflection.__table__,
                user_id=user_id,
                item_id=items[rng.randrange(done)],
                text="I learned to listen first and not rush to fix things.",
                created_by_id=user_id,
            )
    kinds = list(CERTIFICATE_KINDS)
    for user_id in everyone:
        for kind in rng.sample(kinds, rng.randint(1, 3)):
            issued = world.day_between(world.first_day, world.today)
            bulk.add(
                Certificate.__table__,
                user_id=user_id,
                kind=kind,
                issued_on=issued,
                expires_on=issued + timedelta(days=365 * rng.choice((1, 2, 3))),
                created_by_id=user_id,
            )
        for version_id in versions:
            bulk.add(AgreementAcceptance.__table__, user_id=user_id, version_id=version_id)


# --- the team's oversight -------------------------------------------------------------------------


def make_team(world: World) -> None:
    rng, bulk = world.rng, world.bulk
    workers = world.staff["worker"]
    seniors = world.staff["senior"] + world.staff["manager"]
    topics = list(team.TOPICS)
    year_ago = world.today - timedelta(days=365)
    for worker_id in workers:
        for month in range(12):
            held = year_ago + timedelta(days=30 * month + rng.randint(0, 20))
            supervision_id = bulk.add(
                Supervision.__table__,
                kind="line",
                held_on=held,
                supervisor_id=rng.choice(seniors),
                topics=rng.sample(topics, 2),
                notes="Talked about workload and self-care.",
                created_by_id=seniors[0],
            )
            bulk.add_link(supervision_attendee, user_id=worker_id, supervision_id=supervision_id)
    checks = list(team.CHECKS)
    for worker_id in workers:
        people = world.clients_of.get(worker_id, [])
        for client_id in rng.sample(people, min(len(people), 5)):
            answers = {key: rng.choice(("yes", "yes", "yes", "no")) for key in checks}
            met = sum(1 for a in answers.values() if a == "yes")
            finished = world.moment(world.day_between(year_ago, world.today), 11)
            audit_id = bulk.add(
                FileAudit.__table__,
                client_id=client_id,
                worker_id=worker_id,
                status="done",
                how_chosen="sample",
                answers=answers,
                met=met,
                counted=len(answers),
                finished_at=finished,
                created_at=finished,
                created_by_id=rng.choice(seniors),
            )
            if met < len(answers):
                bulk.add(
                    AuditFeedback.__table__,
                    file_audit_id=audit_id,
                    worker_id=worker_id,
                    text=rng.choice(words.FILE_AUDIT_FEEDBACK),
                    done_at=finished + timedelta(days=3) if rng.random() < 0.7 else None,
                )
    outcomes = list(team.OUTCOMES)
    for week in range(52):
        held = year_ago + timedelta(days=7 * week)
        for client_id in rng.sample(world.open_clients, min(len(world.open_clients), 8)):
            bulk.add(
                ConsultationDecision.__table__,
                held_on=held,
                client_id=client_id,
                worker_id=rng.choice(workers),
                reasons=["quiet"],
                outcome=rng.choice(outcomes),
                created_by_id=rng.choice(seniors),
            )
