"""`flask --app wsgi scale-data`: a large, believable database for measuring, built fast.

The default is the size of a big service after three years: 50,000 client files, 2,000,000
case notes, three years of front desk taps and 300 staff and trainees. Most people have a
few notes and some have hundreds; workers carry 20 to 60 people with an open episode;
episodes open and close (people whose episode closed in the last three months stay on their
worker's list; earlier ones have no worker now); files have assessments, plans,
appointments, referrals, consents, aid, allocations and a timeline line for everything, and
every case note has its audit log entry. Nothing here is a real person.

The rows go in with bulk inserts (app.scale.bulk) in one transaction. Generated accounts
share one password and one two-step secret (SCALE_PASSWORD, SCALE_TOTP_SECRET), so the
benchmarks can sign in through the real pages.
"""

from __future__ import annotations

import base64
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import text

from app import clock
from app.extensions import db
from app.models import TimelineEntry

# Made-up data for measuring only: a known password so the benchmarks can sign in.
SCALE_PASSWORD = "scale data password 2026"  # noqa: S105  # nosec B105
SCALE_TOTP_SECRET = base64.b32encode(b"peerdesk-scale-data!").decode()
ROLE_PREFIX = {
    "manager": "scale-manager",
    "senior": "scale-senior",
    "worker": "scale-worker",
    "frontdesk": "scale-desk",
    "trainee": "scale-trainee",
}


def username(role: str, number: int) -> str:
    """The username of a generated account: scale-worker-1, scale-desk-2 ..."""
    return f"{ROLE_PREFIX[role]}-{number}"


@dataclass
class Sizes:
    clients: int = 50_000
    notes: int = 2_000_000
    years: int = 3
    staff: int = 300
    seed: int = 8

    def roles(self) -> dict[str, int]:
        """How many accounts of each role: mostly workers, some trainees and desk staff."""
        managers = max(1, self.staff // 100)
        seniors = max(1, self.staff * 5 // 100)
        trainees = max(1, self.staff // 6)
        desks = max(2, self.staff // 10)
        workers = max(1, self.staff - managers - seniors - trainees - desks)
        return {
            "manager": managers,
            "senior": seniors,
            "worker": workers,
            "frontdesk": desks,
            "trainee": trainees,
        }

    def expected_rows(self) -> int:
        """A guess at the rows to write, for the progress bar."""
        weekdays = self.years * 261
        return self.notes * 3 + self.clients * 16 + weekdays * 200 + self.staff * 60


@dataclass
class World:
    """What every part of the build shares."""

    sizes: Sizes
    rng: random.Random
    bulk: object  # app.scale.bulk.Bulk
    now: datetime
    today: date
    first_day: date
    staff: dict[str, list[int]] = field(default_factory=dict)  # role -> user ids
    names: dict[int, str] = field(default_factory=dict)  # user id -> name shown
    partners: list[tuple[int, str]] = field(default_factory=list)
    clients_of: dict[int, list[int]] = field(default_factory=dict)  # worker -> open clients
    open_clients: list[int] = field(default_factory=list)
    _midnights: dict[date, float] = field(default_factory=dict)

    def midnight(self, day: date) -> float:
        """The first moment of a Canberra day, as a Unix time (kept, as there are few days)."""
        found = self._midnights.get(day)
        if found is None:
            found = datetime(day.year, day.month, day.day, tzinfo=clock.CANBERRA).timestamp()
            self._midnights[day] = found
        return found

    def moment(self, day: date, hours: float) -> datetime:
        """A moment `hours` after the start of a Canberra day, in UTC."""
        return datetime.fromtimestamp(self.midnight(day) + hours * 3600, UTC)

    def day_between(self, first: date, last: date) -> date:
        span = (last - first).days
        return first + timedelta(days=self.rng.randint(0, max(0, span)))


@dataclass
class Made:
    counts: dict[str, int]
    seconds: float
    busiest_client: int | None = None
    busiest_notes: int = 0


def build(sizes: Sizes, progress: Callable[[int, int], None] | None = None) -> Made:
    """Fill an empty database. Reference lists through the app's own functions, then the
    bulk rows in one transaction."""
    from app.scale import care_records, files, notes, places, staff
    from app.scale.bulk import Bulk

    started = time.perf_counter()
    staff.reference_lists()
    db.session.commit()
    db.session.close()

    expected = sizes.expected_rows()
    written = [0]

    def counted(rows: int) -> None:
        written[0] += rows
        if progress:
            progress(min(written[0], expected - 1), expected)

    now = clock.now()
    with db.engine.connect() as connection:
        if connection.dialect.name == "sqlite":
            # Only this connection, only while building: a crash here loses only the build.
            connection.exec_driver_sql("PRAGMA synchronous=OFF")
        bulk = Bulk(connection, now=now, progress=counted)
        world = World(
            sizes=sizes,
            rng=random.Random(sizes.seed),  # made-up data, the same each run  # nosec B311
            bulk=bulk,
            now=now,
            today=clock.today(),
            first_day=clock.today() - timedelta(days=365 * sizes.years),
        )
        staff.make_staff(world)
        staff.make_partners(world)
        plan = files.make_files(world)
        busiest = notes.make_notes(world, plan)
        places.make_front_desk(world)
        staff.make_training(world)
        staff.make_team(world)
        bulk.finish()
        care_records.keep_support_levels(connection)
        connection.commit()
        if connection.dialect.name == "sqlite":
            connection.exec_driver_sql("PRAGMA synchronous=FULL")
        else:
            # As autovacuum would leave a live database: statistics for the planner, and the
            # visibility map that lets index-only scans skip the table.
            connection.execution_options(isolation_level="AUTOCOMMIT").execute(
                text("VACUUM (ANALYZE)")
            )
    if progress:
        progress(expected, expected)
    return Made(
        counts=dict(bulk.counts),
        seconds=time.perf_counter() - started,
        busiest_client=busiest[0],
        busiest_notes=busiest[1],
    )


def pick(rng, weighted):
    """One of the values, as often as its weight says: ((value, weight), ...)."""
    return rng.choices([v for v, _ in weighted], [w for _, w in weighted])[0]


def timeline(world, client_id, day_or_moment, kind, summary, record_type, record_id, by):
    """A timeline line on a file; a day gets a made-up time in the afternoon."""
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
