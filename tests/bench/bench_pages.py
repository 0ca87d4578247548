"""Benchmark of the busiest pages, small and large (not a timed test):
`python -m tests.bench.bench_pages`, or `scripts/with-postgres .venv/bin/python -m
tests.bench.bench_pages` for PostgreSQL too.

For each database (SQLite; PostgreSQL when PEERDESK_TEST_DATABASE_URL is set) it builds two:
the demo data (`demo-data`) and a large service (`scale-data`: 50,000 files and 2,000,000
case notes unless BENCH_CLIENTS and BENCH_NOTES say otherwise). Each is served by gunicorn
(2 workers, loopback); a browser signs in through the real pages as the role that uses the
page, and asks for it BENCH_REQUESTS times (60; the national export 10), one at a time,
after 3 requests to warm up. Prints p50 and p95 of a round trip per page, small beside large,
and the SQL statements one request runs (small/large, counted in-process: the same for both
sizes when no page runs a query per person or per row).

Budget: p95 under 150 ms for every page but the exports, and no page slower because there
are more files (the exports read every episode of the year, so they grow).
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from tests.bench._server import (
    Browser,
    built_database,
    free_port,
    load_average,
    make_app,
    percentile,
    postgres_admin_url,
    start_gunicorn,
    stop,
)

CLIENTS = int(os.environ.get("BENCH_CLIENTS", 50_000))
NOTES = int(os.environ.get("BENCH_NOTES", 2_000_000))
REQUESTS = int(os.environ.get("BENCH_REQUESTS", 60))
EXPORT_REQUESTS = max(3, REQUESTS // 6)
WARM_UP = 3
BUDGET_MS = 150
PAGES = (
    ("search", "Client search (POST)"),
    ("my_work", "A worker's home"),
    ("file", "Client page, longest timeline"),
    ("caseloads", "Caseloads"),
    ("datasheet", "Monthly datasheet"),
    ("weekly", "Weekly report (team)"),
    ("national", "National export (CSV)"),
)
EXPORTS = {"national"}


# --- building the two databases --------------------------------------------------------------


def build_small(url: str, instance: Path) -> None:
    from app.demo import load_demo_data
    from app.extensions import db

    app = make_app(url, instance)
    with app.app_context():
        load_demo_data()
        db.engine.dispose()


def build_large(url: str, instance: Path) -> None:
    from app.extensions import db
    from app.scale import Sizes, build

    app = make_app(url, instance)
    with app.app_context():
        made = build(Sizes(clients=CLIENTS, notes=NOTES))
        db.engine.dispose()
    print(f"  scale-data: {sum(made.counts.values()):,} rows in {made.seconds:.0f} s", flush=True)


@dataclass
class Account:
    username: str
    password: str
    secret: str | None = None


@dataclass
class Targets:
    """Who asks for each page, and what they ask for."""

    worker: Account  # the worker with the most people
    owner: Account  # the worker of the file with the most notes
    senior: Account
    desk: Account
    busiest_client: int
    busiest_notes: int
    searches: list[str] = field(default_factory=list)
    people: int = 0
    notes: int = 0


def targets(url: str, instance: Path, size: str) -> Targets:
    import random

    from sqlalchemy import func, select

    from app.auth.demo import demo_password, demo_totp_secret
    from app.extensions import db
    from app.models import CaseNote, Client, User
    from app.scale import SCALE_PASSWORD, SCALE_TOTP_SECRET, username

    app = make_app(url, instance)
    with app.app_context():
        session = db.session
        busiest, count = session.execute(
            select(CaseNote.client_id, func.count())
            .group_by(CaseNote.client_id)
            .order_by(func.count().desc())
            .limit(1)
        ).one()
        owner_id = session.get(Client, busiest).worker_id
        worker_id = session.execute(
            select(Client.worker_id, func.count())
            .where(Client.worker_id.is_not(None))
            .group_by(Client.worker_id)
            .order_by(func.count().desc())
            .limit(1)
        ).one()[0]
        names = {u.id: u.username for u in session.scalars(select(User))}
        rng = random.Random(5)
        people = session.execute(
            select(Client.given_name, Client.family_name, Client.born_on)
            .order_by(Client.id)
            .limit(2000)
        ).all()
        searches = []
        for n, (given, family, born) in enumerate(rng.sample(people, min(20, len(people)))):
            if n % 5 == 4 and born:
                searches.append(f"{born.day}/{born.month}/{born.year}")
            else:
                searches.append(f"{given} {(family or '')[:3]}".strip())
        total_people = session.scalar(select(func.count()).select_from(Client))
        total_notes = session.scalar(select(func.count()).select_from(CaseNote))
        db.engine.dispose()

    def account(name: str) -> Account:
        if size == "small":
            return Account(name, demo_password(name), demo_totp_secret(name))
        return Account(name, SCALE_PASSWORD, SCALE_TOTP_SECRET)

    large = size == "large"
    return Targets(
        worker=account(names[worker_id]),
        owner=account(names[owner_id]),
        senior=account(username("senior", 1) if large else "senior"),
        desk=Account(username("frontdesk", 1), SCALE_PASSWORD)
        if large
        else Account("frontdesk", demo_password("frontdesk")),
        busiest_client=busiest,
        busiest_notes=count,
        searches=searches,
        people=total_people,
        notes=total_notes,
    )


# --- measuring -----------------------------------------------------------------------------------


def last_full_month(today: date) -> tuple[date, date]:
    end = today.replace(day=1) - timedelta(days=1)
    return end.replace(day=1), end


def date_args(name: str, day: date) -> str:
    return f"{name}-day={day.day}&{name}-month={day.month}&{name}-year={day.year}"


def asks(goal: Targets) -> dict:
    """{page: (who asks, n -> (method, path, form))}."""
    from app import clock

    today = clock.today()
    first, last = last_full_month(today)
    monday = today - timedelta(days=today.weekday() + 7)
    searches = goal.searches
    month = f"{date_args('start', first)}&{date_args('end', last)}"
    week = f"{date_args('week', monday)}&scope=team"
    return {
        "search": (
            goal.worker,
            lambda n: ("POST", "/clients/search", {"q": searches[n % len(searches)]}),
        ),
        "my_work": (goal.worker, lambda n: ("GET", "/my-work", None)),
        "file": (goal.owner, lambda n: ("GET", f"/clients/{goal.busiest_client}", None)),
        "caseloads": (goal.senior, lambda n: ("GET", "/team/caseloads", None)),
        "datasheet": (goal.desk, lambda n: ("GET", f"/frontdesk/datasheet?{month}", None)),
        "weekly": (goal.senior, lambda n: ("GET", f"/reports/weekly?{week}", None)),
        "national": (goal.senior, lambda n: ("GET", "/reports/national.csv", None)),
    }


def measure(port: int, goal: Targets) -> dict[str, tuple[list[float], int]]:
    """{page: (round trips in seconds, errors)}."""
    browsers: dict[str, Browser] = {}

    def browser(who: Account) -> Browser:
        if who.username not in browsers:
            b = Browser(port)
            b.sign_in(who.username, who.password, who.secret)
            browsers[who.username] = b
        return browsers[who.username]

    results = {}
    for page, (who, ask) in asks(goal).items():
        b = browser(who)
        count = EXPORT_REQUESTS if page in EXPORTS else REQUESTS
        times, errors = [], 0
        for n in range(WARM_UP + count):
            method, path, body = ask(n)
            began = time.perf_counter()
            if method == "POST":
                response, _ = b.post_form(path, body)
            else:
                response, _ = b.request(method, path)
            took = time.perf_counter() - began
            if response.status != 200:
                errors += 1
            elif n >= WARM_UP:
                times.append(took)
        results[page] = (times, errors)
    return results


def count_queries(url: str, instance: Path, goal: Targets) -> dict[str, int]:
    """{page: SQL statements one request runs}, in-process (the same for every size when
    there is no query per person or per row)."""
    import secrets

    from sqlalchemy import event, select

    from app import clock
    from app.auth.sessions import SESSION_KEY
    from app.auth.sessions import token_hash as _hash
    from app.extensions import db
    from app.models import User, UserSession

    app = make_app(url, instance)
    app.config["WTF_CSRF_ENABLED"] = False
    statements = [0]

    def counted(*_args):
        statements[0] += 1

    def start_session(username: str) -> str:
        with app.app_context():
            user_id = db.session.scalar(select(User.id).where(User.username == username))
            token = secrets.token_urlsafe(16)
            db.session.add(
                UserSession(token_hash=_hash(token), user_id=user_id, last_seen_at=clock.now())
            )
            db.session.commit()
            return token

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", counted)
    found = {}
    # Requests outside any app context: each gets its own, so no signed-in user carries over.
    for page, (who, ask) in asks(goal).items():
        client = app.test_client()
        token = start_session(who.username)
        with client.session_transaction() as session:
            session[SESSION_KEY] = token
        method, path, body = ask(0)
        client.open(path, method=method, data=body)
        statements[0] = 0
        response = client.open(path, method=method, data=body)
        found[page] = statements[0] if response.status_code == 200 else -response.status_code
    event.remove(engine, "before_cursor_execute", counted)
    engine.dispose()
    return found


def run_size(kind: str, size: str, folder: Path) -> dict:
    build = build_small if size == "small" else build_large
    print(f"{kind}, {size}: building (once per run) ...", flush=True)
    url, seconds = built_database(kind, size, build, folder)
    instance = folder / f"instance-{kind}-{size}"
    goal = targets(url, instance, size)
    queries = count_queries(url, instance, goal)
    port = free_port()
    server = start_gunicorn(url, instance, port)
    try:
        before = load_average()
        results = measure(port, goal)
        after = load_average()
    finally:
        stop(server)
    size_on_disk = ""
    if url.startswith("sqlite:///"):
        size_on_disk = f", {Path(url[len('sqlite:///') :]).stat().st_size / 1e6:,.0f} MB file"
    print(
        f"  {goal.people:,} files, {goal.notes:,} notes (the longest file: "
        f"{goal.busiest_notes:,}){size_on_disk}; built in {seconds:.0f} s; "
        f"load average {before} before, {after} after",
        flush=True,
    )
    return {"goal": goal, "results": results, "queries": queries}


def report(kind: str, small: dict, large: dict) -> None:
    print()
    print(
        f"Pages on {kind}: gunicorn, 2 workers, loopback; {REQUESTS} requests each "
        f"(the export {EXPORT_REQUESTS}), one at a time; milliseconds"
    )
    print(
        f"{'page':<32}{'small p50':>10}{'p95':>8}{'large p50':>11}{'p95':>8}"
        f"{'queries':>9}{'errors':>8}  budget (p95 < {BUDGET_MS} ms)"
    )
    for page, words in PAGES:
        s_times, s_errors = small["results"][page]
        l_times, l_errors = large["results"][page]
        p95 = percentile(l_times, 95)
        if page in EXPORTS:
            verdict = "export (grows with the year's episodes)"
        else:
            verdict = "yes" if p95 < BUDGET_MS and percentile(s_times, 95) < BUDGET_MS else "NO"
        queries = f"{small['queries'][page]}/{large['queries'][page]}"
        print(
            f"{words:<32}{percentile(s_times, 50):>10.1f}{percentile(s_times, 95):>8.1f}"
            f"{percentile(l_times, 50):>11.1f}{p95:>8.1f}{queries:>9}{s_errors + l_errors:>8}"
            f"  {verdict}"
        )


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="peerdesk-bench-pages-"))
    kinds = ["SQLite"] + (["PostgreSQL"] if postgres_admin_url() else [])
    try:
        print(f"Machine: {os.cpu_count()} CPUs; load average at the start {load_average()}")
        found = {}
        for kind in kinds:
            found[kind] = {size: run_size(kind, size, folder) for size in ("small", "large")}
        for kind in kinds:
            report(kind, found[kind]["small"], found[kind]["large"])
        print(f"\nLoad average at the end: {load_average()}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
