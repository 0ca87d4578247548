"""Benchmark of drafts kept as people type (not a timed test): `python -m tests.bench.bench_drafts`,
or under `scripts/with-postgres` for PostgreSQL too.

30 workers each write a case note at once, and drafts.js saves each one's draft every
3 seconds (it saves 3 seconds after the last key, so a person typing steadily saves about
that often). Served by gunicorn (2 workers, loopback) on a made-up service of 600 files.
Reports saves per second, p50 and p95 of a save, errors, the CPU the gunicorn workers spent
per save and in all (as a share of one core), and the rows left: one draft per worker.

BENCH_DRAFT_SECONDS (30) changes the run length.
"""

from __future__ import annotations

import http.client
import json
import os
import shutil
import tempfile
import threading
import time
from pathlib import Path

from tests.bench._server import (
    Browser,
    built_database,
    free_port,
    make_app,
    percentile,
    postgres_admin_url,
    start_gunicorn,
    stop,
    worker_pids,
)

SECONDS = float(os.environ.get("BENCH_DRAFT_SECONDS", 30))
WORKERS = 30
EVERY = 3.0  # seconds between one worker's draft saves
WORDS = "She came in early today and we talked about housing and the appointment on Monday. "


def build(url: str, instance: Path) -> None:
    from app.extensions import db
    from app.scale import Sizes
    from app.scale import build as build_scale

    app = make_app(url, instance)
    with app.app_context():
        build_scale(Sizes(clients=600, notes=6_000, years=1, staff=60))
        db.engine.dispose()


def cast(url: str, instance: Path) -> list[tuple[str, int]]:
    """(username, one of their open files) for WORKERS workers."""
    from sqlalchemy import select

    from app.extensions import db
    from app.models import Client, Episode, User

    app = make_app(url, instance)
    with app.app_context():
        rows = db.session.execute(
            select(User.username, Client.id)
            .join(Client, Client.worker_id == User.id)
            .join(Episode, Episode.client_id == Client.id)
            .where(User.role == "worker", Episode.closed_on.is_(None))
            .order_by(User.id, Client.id)
        ).all()
        db.engine.dispose()
    first: dict[str, int] = {}
    for username, client_id in rows:
        first.setdefault(username, client_id)
    people = list(first.items())[:WORKERS]
    assert len(people) == WORKERS, f"only {len(people)} workers with an open file"
    return people


def cpu_seconds(pids: list[int]) -> float:
    """User and system CPU time the processes have used so far."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / ticks


def typing(n: int, browser: Browser, client_id: int, times: list, errors: list, lock, stop_at):
    """One worker: a draft save every EVERY seconds, the note growing each time. Workers start
    spread over the first EVERY seconds, as people do not all pause at the same moment."""
    text = ""
    time.sleep(n * EVERY / WORKERS)
    while time.monotonic() < stop_at[0]:
        began = time.perf_counter()
        text += WORDS
        body = {
            "key": f"note:client-{client_id}",
            "path": f"/clients/{client_id}/notes/new",
            "fields": json.dumps({"text": text}),
        }
        try:
            response, _ = browser.request(
                "POST", "/drafts/save", {**body, "csrf_token": browser.csrf},
                {"X-CSRFToken": browser.csrf},
            )  # fmt: skip
            ok = response.status == 204
        except (OSError, http.client.HTTPException):
            ok = False
        took = time.perf_counter() - began
        with lock:
            (times if ok else errors).append(took)
        time.sleep(max(0.0, EVERY - took))


def run_one(kind: str, folder: Path) -> dict:
    from app.scale import SCALE_PASSWORD, SCALE_TOTP_SECRET

    url, _ = built_database(kind, "drafts", build, folder)
    instance = folder / f"instance-{kind}"
    people = cast(url, instance)
    port = free_port()
    server = start_gunicorn(url, instance, port)
    try:
        browsers = []
        for username, _client in people:
            browser = Browser(port)
            browser.sign_in(username, SCALE_PASSWORD, SCALE_TOTP_SECRET)
            browsers.append(browser)
        pids = worker_pids(server)
        times: list[float] = []
        errors: list[float] = []
        lock = threading.Lock()
        stop_at = [time.monotonic() + SECONDS]
        cpu_before = cpu_seconds(pids)
        began = time.monotonic()
        threads = [
            threading.Thread(target=typing, args=(n, b, c, times, errors, lock, stop_at))
            for n, (b, (_u, c)) in enumerate(zip(browsers, people, strict=True))
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - began
        cpu = cpu_seconds(pids) - cpu_before
    finally:
        stop(server)
    return {
        "kind": kind,
        "times": times,
        "errors": len(errors),
        "seconds": elapsed,
        "cpu": cpu,
        "rows": count_drafts(url, instance),
    }


def count_drafts(url: str, instance: Path) -> int:
    from sqlalchemy import func, select

    from app.extensions import db
    from app.models import Draft

    app = make_app(url, instance)
    with app.app_context():
        rows = db.session.scalar(select(func.count()).select_from(Draft))
        db.engine.dispose()
    return rows


def report(results: list[dict]) -> None:
    print()
    print(
        f"Drafts: {WORKERS} workers typing, one draft save each every {EVERY:g} s, "
        f"{SECONDS:g} s, gunicorn 2 workers"
    )
    print(
        f"{'database':<12}{'saves':>7}{'per s':>7}{'p50 ms':>8}{'p95 ms':>8}{'errors':>8}"
        f"{'CPU ms/save':>13}{'CPU share':>11}{'drafts':>8}"
    )
    for r in results:
        saves = len(r["times"])
        print(
            f"{r['kind']:<12}{saves:>7}{saves / r['seconds']:>7.1f}"
            f"{percentile(r['times'], 50):>8.1f}{percentile(r['times'], 95):>8.1f}"
            f"{r['errors']:>8}{1000 * r['cpu'] / max(saves, 1):>13.2f}"
            f"{r['cpu'] / r['seconds']:>10.0%}{r['rows']:>8}"
        )
    print("(CPU share: the gunicorn workers' CPU time over the run, as a share of one core)")


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="peerdesk-bench-drafts-"))
    kinds = ["SQLite"] + (["PostgreSQL"] if postgres_admin_url() else [])
    try:
        report([run_one(kind, folder) for kind in kinds])
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
