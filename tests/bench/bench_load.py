"""Load benchmark (not a timed test): `python -m tests.bench.bench_load`, or under
`scripts/with-postgres` for PostgreSQL too.

30 people use the large database (`scale-data`, as bench_pages builds it) at once through a
real gunicorn (2 workers, loopback only), each signed in through the real pages as their own
account: 6 reception desks tap the tally (and now and then reload the day screen), 18 workers
open their home page and their people's files, search, and write case notes, and 6 trainees
read their path, a module and an item. Two runs of BENCH_LOAD_SECONDS (60) each:

- "paced": each person waits 0.5 to 1.5 seconds between requests (a very busy day: real
  people wait longer);
- "flat out": no waiting, so the server's capacity shows.

Reports requests a second, p50 and p95 of a round trip, and errors (anything but the answer
the page gives when it works); then counts rows to check that no tap and no note was lost:
every tap and note the people saw succeed is in the database exactly once. Finally the peak
memory (VmHWM) of each gunicorn worker.

On PostgreSQL the same people then run both again through HAProxy to two gunicorn servers
(2 workers each), as docs/deploy.md sets them up (tests/bench/_cluster.py; haproxy is
installed with apt-get when missing and we are root). It is skipped, with the reason
printed, on SQLite and where haproxy cannot be had.

BENCH_LOAD_SECONDS, BENCH_CLIENTS and BENCH_NOTES change the run length and the size.
"""

from __future__ import annotations

import http.client
import os
import random
import re
import shutil
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from tests.bench._cluster import balanced_servers, haproxy
from tests.bench._server import (
    Browser,
    built_database,
    free_port,
    load_average,
    make_app,
    peak_memory_mb,
    percentile,
    postgres_admin_url,
    server_log,
    start_gunicorn,
    stop,
    worker_pids,
)
from tests.bench.bench_pages import CLIENTS, NOTES, build_large

SECONDS = float(os.environ.get("BENCH_LOAD_SECONDS", 60))
DESKS, WORKERS, TRAINEES = 6, 18, 6
MEMORY_BUDGET_MB = 200


@dataclass
class Person:
    role: str
    username: str
    browser: Browser | None = None
    people: list[int] = field(default_factory=list)  # a worker's open files
    items: list[int] = field(default_factory=list)  # a desk's tally buttons
    rng: random.Random = field(default_factory=random.Random)


@dataclass
class Tally:
    """What one run saw: round trips, errors by what was asked, and what was saved."""

    times: list[float] = field(default_factory=list)
    by_request: dict[str, list[float]] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)
    taps: list[str] = field(default_factory=list)  # keys of taps answered 200
    notes: list[str] = field(default_factory=list)  # markers of notes answered 303
    lock: threading.Lock = field(default_factory=threading.Lock)

    def saw(self, took: float, ok: bool, what: str) -> None:
        with self.lock:
            if ok:
                self.times.append(took)
                self.by_request.setdefault(what, []).append(took)
            else:
                self.errors[what] = self.errors.get(what, 0) + 1


def cast(url: str, instance: Path) -> tuple[list[Person], list[int], list[int]]:
    """The people, and the training modules and items trainees read."""
    from sqlalchemy import func, select

    from app.extensions import db
    from app.models import Client, Episode, LearningItem, Module, User

    app = make_app(url, instance)
    with app.app_context():
        open_files = (
            select(Client.worker_id, Client.id)
            .join(Episode, Episode.client_id == Client.id)
            .where(Episode.closed_on.is_(None), Client.worker_id.is_not(None))
        )
        people: dict[int, list[int]] = {}
        for worker_id, client_id in db.session.execute(open_files):
            people.setdefault(worker_id, []).append(client_id)
        workers = db.session.execute(
            select(User.id, User.username)
            .where(User.role == "worker", User.id.in_(list(people)))
            .order_by(func.length(User.username), User.username)
            .limit(WORKERS)
        ).all()
        modules = list(db.session.scalars(select(Module.id).order_by(Module.id).limit(4)))
        items = list(
            db.session.scalars(
                select(LearningItem.id).where(LearningItem.module_id.in_(modules)).limit(20)
            )
        )
        db.engine.dispose()
    cast = [Person("desk", f"scale-desk-{n}") for n in range(1, DESKS + 1)]
    cast += [Person("worker", name, people=people[uid]) for uid, name in workers]
    cast += [Person("trainee", f"scale-trainee-{n}") for n in range(1, TRAINEES + 1)]
    for n, person in enumerate(cast):
        person.rng = random.Random(n)
    return cast, modules, items


def sign_in(people: list[Person], port: int) -> None:
    from app.scale import SCALE_PASSWORD, SCALE_TOTP_SECRET

    for person in people:
        person.browser = Browser(port)
        home = "/frontdesk" if person.role == "desk" else "/"
        secret = SCALE_TOTP_SECRET if person.role == "worker" else None
        page = person.browser.sign_in(person.username, SCALE_PASSWORD, secret, home=home)
        if person.role == "desk":
            person.items = sorted({int(i) for i in re.findall(rb'name="item" value="(\d+)"', page)})


def act(person: Person, run: str, count: int, tally: Tally, modules, items) -> None:
    """One request, as this person would make it."""
    from app import clock

    rng, b = person.rng, person.browser
    began = time.perf_counter()
    what, ok, response = "", False, None
    try:
        if person.role == "desk":
            if count % 10 == 9:
                what = "day screen"
                response, _ = b.request("GET", "/frontdesk")
                ok = response.status == 200
            else:
                what = "tap"
                key = f"load-{run}-{person.username}-{count}"
                headers = {"HX-Request": "true", "X-CSRFToken": b.csrf}
                body = {"item": rng.choice(person.items), "change": "add", "key": key}
                response, _ = b.post_form("/frontdesk/taps", body, headers)
                ok = response.status == 200
                if ok:
                    with tally.lock:
                        tally.taps.append(key)
        elif person.role == "worker":
            step = count % 6
            client_id = rng.choice(person.people)
            if step == 0:
                what = "my work"
                response, _ = b.request("GET", "/my-work")
            elif step == 1:
                what = "search"
                response, _ = b.post_form("/clients/search", {"q": rng.choice(("sam", "kim n"))})
            elif step in (2, 4):
                what = "file"
                response, _ = b.request("GET", f"/clients/{client_id}")
            elif step == 3:
                what = "notes"
                response, _ = b.request("GET", f"/clients/{client_id}/notes")
            else:
                what = "write a note"
                marker = f"[load {run} {person.username} {count}]"
                moment = clock.local_now() - timedelta(minutes=10)
                body = {
                    "contact_on-day": moment.day,
                    "contact_on-month": moment.month,
                    "contact_on-year": moment.year,
                    "contact_time": f"{moment:%H:%M}",
                    "kind": "phone",
                    "minutes": "15",
                    "text": f"Load test note {marker}. Talked about housing and the next step.",
                }
                response, _ = b.post_form(f"/clients/{client_id}/notes/new", body)
                ok = response.status == 303
                if ok:
                    with tally.lock:
                        tally.notes.append(marker)
            if what != "write a note":
                ok = response.status == 200
        else:
            step = count % 3
            what = ("my path", "module", "item")[step]
            path = (
                "/training/",
                f"/training/modules/{rng.choice(modules)}",
                f"/training/items/{rng.choice(items)}",
            )[step]
            response, _ = b.request("GET", path)
            ok = response.status == 200
    except (OSError, http.client.HTTPException) as error:
        ok, response = False, None
        what = f"{what} ({type(error).__name__})"
    if not ok and response is not None:
        what = f"{what} ({response.status})"  # errors are counted by request and answer
    tally.saw(time.perf_counter() - began, ok, what)


def run_load(people, run: str, think: bool, modules, items) -> tuple[Tally, float]:
    tally = Tally()
    start = threading.Barrier(len(people) + 1)
    stop_at = [0.0]

    def life(person: Person) -> None:
        start.wait()
        # Not all in step: each starts at their own place in what they do, at their own time.
        count = person.rng.randrange(60)
        if think:
            time.sleep(person.rng.uniform(0, 1.5))
        while time.monotonic() < stop_at[0]:
            act(person, run, count, tally, modules, items)
            count += 1
            if think:
                time.sleep(person.rng.uniform(0.5, 1.5))

    threads = [threading.Thread(target=life, args=(p,)) for p in people]
    for thread in threads:
        thread.start()
    stop_at[0] = time.monotonic() + SECONDS
    began = time.monotonic()
    start.wait()
    for thread in threads:
        thread.join()
    return tally, time.monotonic() - began


def check_saved(url: str, instance: Path, run: str, tally: Tally) -> dict:
    """Count rows: every tap and note people saw succeed is there exactly once."""
    from sqlalchemy import func, select

    from app.extensions import db
    from app.models import CaseNote, TallyEvent

    app = make_app(url, instance)
    with app.app_context():
        tap_keys = list(
            db.session.scalars(
                select(TallyEvent.idempotency_key).where(
                    TallyEvent.idempotency_key.like(f"load-{run}-%")
                )
            )
        )
        note_texts = list(
            db.session.scalars(select(CaseNote.text).where(CaseNote.text.like(f"%[load {run} %")))
        )
        total_notes = db.session.scalar(select(func.count()).select_from(CaseNote))
        db.engine.dispose()
    markers = [t[t.index("[load") : t.index("]") + 1] for t in note_texts]
    seen_taps, seen_notes = set(tally.taps), set(tally.notes)
    return {
        "taps_ok": len(seen_taps),
        "taps_found": sum(1 for k in tap_keys if k in seen_taps),
        "taps_twice": len(tap_keys) - len(set(tap_keys)),
        "taps_lost": len(seen_taps - set(tap_keys)),
        "taps_extra": len(set(tap_keys) - seen_taps),
        "notes_ok": len(seen_notes),
        "notes_found": sum(1 for m in markers if m in seen_notes),
        "notes_twice": len(markers) - len(set(markers)),
        "notes_lost": len(seen_notes - set(markers)),
        "notes_extra": len(set(markers) - seen_notes),
        "notes_in_database": total_notes,
    }


def logged_problems(servers) -> dict[str, int]:
    """The errors the servers logged, counted: the app's one-line summary (kind, SQLite's
    or PostgreSQL's code) and the shape of the statement, without the error's number."""
    found: dict[str, int] = {}
    for server in servers:
        lines = server_log(server).splitlines()
        for n, line in enumerate(lines):
            if line[:1].isspace() or not re.search(r"\w(Error|Exception|Timeout)\b", line):
                continue
            said = re.sub(r"^\[[^]]*\]\s*|\s*\[error [^]]*\]", "", line)[:160]
            following = lines[n + 1] if n + 1 < len(lines) else ""
            if following.startswith("Statement:"):
                said += " / " + following[:100]
            found[said] = found.get(said, 0) + 1
    return found


def load_runs(people, port: int, modules, items) -> list[dict]:
    """The paced run and the flat out run, against whatever answers on `port`."""
    sign_in(people, port)
    runs = []
    for run, think in (("paced", True), ("flat", False)):
        run_id = f"{run}{int(time.time())}"  # marks this run's taps and notes
        before = load_average()
        tally, elapsed = run_load(people, run_id, think, modules, items)
        after = load_average()
        runs.append(
            {"run": run, "id": run_id, "tally": tally, "seconds": elapsed, "load": (before, after)}
        )
    return runs


def run_one(kind: str, folder: Path) -> dict:
    print(f"{kind}: the large database (built once per run) ...", flush=True)
    url, seconds = built_database(kind, "large", build_large, folder)
    instance = folder / f"instance-{kind}"
    people, modules, items = cast(url, instance)
    port = free_port()
    server = start_gunicorn(url, instance, port)
    try:
        runs = load_runs(people, port, modules, items)
        memory = [(pid, peak_memory_mb(pid)) for pid in worker_pids(server)]
    finally:
        stop(server)
    problems = logged_problems([server])
    for each in runs:
        each["saved"] = check_saved(url, instance, each["id"], each["tally"])
    return {
        "kind": kind,
        "setup": "1 server",
        "runs": runs,
        "memory": memory,
        "problems": problems,
        "built_seconds": seconds,
        "url": url,
        "instance": instance,
        "people": people,
        "modules": modules,
        "items": items,
    }


def forget_two_step_codes(url: str, instance: Path) -> None:
    """A two-step code works once per account per 30 seconds: forget the codes used by the
    last sign-in, so the same people can sign in again at once (this copy only)."""
    from sqlalchemy import update

    from app.extensions import db
    from app.models import User

    app = make_app(url, instance)
    with app.app_context():
        db.session.execute(update(User).values(totp_last_step=None))
        db.session.commit()
        db.engine.dispose()


def two_servers_skipped(kind: str) -> str | None:
    """Why the two-server run cannot be made here, or None when it can."""
    if kind != "PostgreSQL":
        return "two servers share one PostgreSQL; SQLite is one file on one machine"
    if haproxy() is None:
        return "haproxy is not installed and cannot be installed here"
    return None


def run_two(one: dict) -> dict:
    """The same people and the same database (after the one-server runs) through HAProxy to
    two gunicorn servers of 2 workers each, as docs/deploy.md sets them up."""
    print(f"{one['kind']}: two servers behind HAProxy ...", flush=True)
    url, instance = one["url"], one["instance"]
    forget_two_step_codes(url, instance)
    with balanced_servers(url, instance / "two") as cluster:
        runs = load_runs(one["people"], cluster.port, one["modules"], one["items"])
        memory = [(pid, peak_memory_mb(pid)) for s in cluster.servers for pid in worker_pids(s)]
        servers = cluster.servers
    problems = logged_problems(servers)
    for each in runs:
        each["saved"] = check_saved(url, instance, each["id"], each["tally"])
    return {
        "kind": one["kind"],
        "setup": "2 servers",
        "runs": runs,
        "memory": memory,
        "problems": problems,
        "built_seconds": one["built_seconds"],
    }


def report(results: list[dict]) -> None:
    print()
    print(
        f"Load: {DESKS} desks, {WORKERS} workers and {TRAINEES} trainees at once, "
        f'{SECONDS:g} s per run, gunicorn 2 workers on loopback ("2 servers": two of them '
        f"behind HAProxy), the large database ({CLIENTS:,} files, {NOTES:,} notes)"
    )
    print(
        f"{'database':<12}{'setup':<11}{'run':<7}{'requests':>9}{'per s':>8}{'p50 ms':>8}"
        f"{'p95 ms':>8}{'errors':>8}  taps ok/found/lost   notes ok/found/lost   load average"
    )
    for r in results:
        for each in r["runs"]:
            t, s = each["tally"], each["saved"]
            errors = sum(t.errors.values())
            print(
                f"{r['kind']:<12}{r['setup']:<11}{each['run']:<7}{len(t.times) + errors:>9}"
                f"{(len(t.times) + errors) / each['seconds']:>8.1f}"
                f"{percentile(t.times, 50):>8.1f}{percentile(t.times, 95):>8.1f}{errors:>8}"
                f"  {s['taps_ok']:>5}/{s['taps_found']}/{s['taps_lost']:<10}"
                f"{s['notes_ok']:>5}/{s['notes_found']}/{s['notes_lost']:<10}"
                f"{each['load'][0]} -> {each['load'][1]}"
            )
            kinds = sorted(t.by_request.items())
            p95s = ", ".join(f"{what} {percentile(times, 95):.0f}" for what, times in kinds)
            print(f"{'':<12}p95 ms by request: {p95s}")
            if t.errors:
                print(f"{'':<12}errors by request: {t.errors}")
            odd = {k: v for k, v in s.items() if k.endswith(("twice", "extra")) and v}
            if odd:
                print(f"{'':<12}saved but not seen as saved, or twice: {odd}")
        memory = ", ".join(f"{mb:.0f} MB" for _pid, mb in r["memory"])
        worst = max((mb for _pid, mb in r["memory"]), default=0)
        verdict = "yes" if worst < MEMORY_BUDGET_MB else "NO"
        print(
            f"{'':<12}peak memory (VmHWM) of each gunicorn worker: {memory} "
            f"(under {MEMORY_BUDGET_MB} MB: {verdict})"
        )
        for line, count in r["problems"].items():
            print(f"{'':<12}the server logged {count} times: {line}")
    print()
    print("Errors and rows lost or saved twice (each must be 0):")
    for r in results:
        for each in r["runs"]:
            t, s = each["tally"], each["saved"]
            wrong = {
                "errors": sum(t.errors.values()),
                "taps lost": s["taps_lost"],
                "notes lost": s["notes_lost"],
                "saved twice": s["taps_twice"] + s["notes_twice"],
            }
            verdict = "yes" if not any(wrong.values()) else "NO"
            counts = ", ".join(f"{k} {v}" for k, v in wrong.items())
            print(f"  {r['kind']}, {r['setup']}, {each['run']}: {counts} (all 0: {verdict})")


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="peerdesk-bench-load-"))
    kinds = ["SQLite"] + (["PostgreSQL"] if postgres_admin_url() else [])
    try:
        print(f"Machine: {os.cpu_count()} CPUs; load average at the start {load_average()}")
        results = []
        for kind in kinds:
            one = run_one(kind, folder)
            results.append(one)
            why_not = two_servers_skipped(kind)
            if why_not:
                print(f"{kind}: two servers behind HAProxy skipped: {why_not}", flush=True)
            else:
                results.append(run_two(one))
        if not postgres_admin_url():
            print(
                "Two servers behind HAProxy skipped: they need PostgreSQL "
                "(run under scripts/with-postgres)"
            )
        report(results)
        print(f"\nLoad average at the end: {load_average()}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
