"""Benchmark of the drop-in tally (not a timed test): `python -m tests.bench.bench_taps`.

Serves the app with gunicorn (2 workers, loopback) on a throwaway SQLite database, and on
PostgreSQL too when PEERDESK_TEST_DATABASE_URL is set (as `scripts/with-postgres` does).
For each: 8 desks tap for 20 seconds, each tap an htmx POST with its own idempotency key,
beside a bare route (/healthz) measured the same way on the same server. Prints taps per
second, p50 and p95 of a round trip, the ratio tap/bare, and the bytes of the day screen's
first load (HTML, CSS, JS, htmx; raw and gzip) and of one tap's response.

BENCH_SECONDS and BENCH_DESKS change the run length and the number of desks. SQLite runs as
the app sets it up: WAL, synchronous=NORMAL (app/config.py tune_sqlite). The bytes are asked
for without compression and packed here with gzip; tests/bench/bench_bytes.py measures what
the server really sends (gzip, brotli, and the browser's cache).
"""

from __future__ import annotations

import gzip
import http.client
import os
import re
import secrets
import shutil
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from tests.bench._server import (
    Browser,
    free_port,
    make_app,
    percentile,
    postgres_admin_url,
    postgres_database,
    start_gunicorn,
    stop,
)

SECONDS = float(os.environ.get("BENCH_SECONDS", 20))
REFRESH_EVERY = 5.0  # seconds: how often the day screen asks for the totals
DESKS = int(os.environ.get("BENCH_DESKS", 8))
PASSWORD = "bench desk password 2026"
BUDGET = {"first_load_gzip": 100_000, "tap_bytes": 5_000, "p95_ms_sqlite": 50}


# --- the server ------------------------------------------------------------------------------


def prepare_database(url: str, instance: Path) -> None:
    """Tables, the usual tally list and one front desk account per desk."""
    from app.auth import accounts
    from app.extensions import db
    from app.frontdesk import tally as frontdesk

    app = make_app(url, instance)
    with app.app_context():
        db.drop_all()
        db.create_all()
        frontdesk.add_standard_lists(None)
        for n in range(1, DESKS + 1):
            accounts.create_user(
                username=f"desk{n}", display_name=f"Desk {n}", role="frontdesk", password=PASSWORD
            )
        db.session.commit()
        db.engine.dispose()


# --- one desk: a browser-like client with its own cookie -------------------------------------


class Desk(Browser):
    def __init__(self, port: int):
        super().__init__(port)
        self.items: list[int] = []

    def sign_in(self, username: str) -> None:
        page = super().sign_in(username, PASSWORD, home="/frontdesk")
        self.items = sorted({int(i) for i in re.findall(rb'name="item" value="(\d+)"', page)})

    def tap(self, item: int):
        body = {"item": item, "change": "add", "key": secrets.token_urlsafe(16)}
        headers = {"HX-Request": "true", "X-CSRFToken": self.csrf}
        return self.post_form("/frontdesk/taps", body, headers)


@dataclass
class Result:
    count: int
    errors: int
    seconds: float
    times: list[float]

    @property
    def per_second(self) -> float:
        return self.count / self.seconds

    def percentile(self, p: float) -> float:
        return percentile(self.times, p)


def hammer(desks: list[Desk], work) -> Result:
    """Every desk does `work` in a loop for SECONDS; round trips in seconds."""
    times: list[list[float]] = [[] for _ in desks]
    errors = [0] * len(desks)
    start = threading.Barrier(len(desks) + 1)
    stop_at = [0.0]

    def run(n: int) -> None:
        desk = desks[n]
        start.wait()
        while time.monotonic() < stop_at[0]:
            began = time.perf_counter()
            try:
                status = work(desk, n)
            except (OSError, http.client.HTTPException):
                status = 599
            if status == 200:
                times[n].append(time.perf_counter() - began)
            else:
                errors[n] += 1

    threads = [threading.Thread(target=run, args=(n,)) for n in range(len(desks))]
    for thread in threads:
        thread.start()
    stop_at[0] = time.monotonic() + SECONDS
    began = time.monotonic()
    start.wait()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - began
    every = [t for each in times for t in each]
    return Result(count=len(every), errors=sum(errors), seconds=elapsed, times=every)


def bare(desk: Desk, n: int) -> int:
    response, _ = desk.request("GET", "/healthz")
    return response.status


def tap(desk: Desk, n: int) -> int:
    item = desk.items[n % len(desk.items)]
    response, _ = desk.tap(item)
    return response.status


def refresh(desk: Desk, n: int) -> int:
    """What every desk's page asks every 5 seconds: today's totals and who is waiting."""
    response, _ = desk.request("GET", "/frontdesk/totals", headers={"HX-Request": "true"})
    return response.status


class Refreshing:
    """Beside the tapping desks, each desk's page asking for its totals every 5 seconds
    (a second connection per desk, as the browser's polling is). Collects round trips."""

    def __init__(self, port: int, count: int):
        self.pages = [Desk(port) for _ in range(count)]
        for n, page in enumerate(self.pages, start=1):
            page.sign_in(f"desk{n}")
        self.times: list[float] = []
        self.errors = 0
        self.done = threading.Event()
        self.threads = [threading.Thread(target=self.run, args=(p,)) for p in self.pages]

    def run(self, page: Desk) -> None:
        while not self.done.is_set():
            began = time.perf_counter()
            if refresh(page, 0) == 200:
                self.times.append(time.perf_counter() - began)
            else:
                self.errors += 1
            self.done.wait(REFRESH_EVERY)

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.done.set()
        for thread in self.threads:
            thread.join()


def refresh_server_time(url: str, instance: Path, times: int = 300) -> float:
    """Milliseconds the app takes for one totals refresh, in the process (no network, no
    gunicorn): the median of `times` requests through Flask's test client."""
    app = make_app(url, instance)
    client = app.test_client()
    page = client.get("/sign-in").data
    token = re.search(rb'name="csrf_token" value="([^"]+)"', page).group(1).decode()
    client.post("/sign-in", data={"username": "desk1", "password": PASSWORD, "csrf_token": token})
    assert client.get("/frontdesk").status_code == 200
    took = []
    for _ in range(times):
        began = time.perf_counter()
        response = client.get("/frontdesk/totals", headers={"HX-Request": "true"})
        took.append(time.perf_counter() - began)
        assert response.status_code == 200, response.status_code
    with app.app_context():
        from app.extensions import db

        db.engine.dispose()
    return percentile(took, 50)


def first_load(desk: Desk) -> dict[str, tuple[int, int]]:
    """Bytes of the day screen and what it loads: (raw, gzip) for each part."""
    _, html = desk.request("GET", "/frontdesk")
    parts = {"HTML": [html]}
    for kind, pattern in (
        ("CSS", rb'<link rel="stylesheet" href="([^"]+)"'),
        ("JS and htmx", rb'<script src="([^"]+)"'),
        ("icons", rb'<img[^>]+src="([^"]+\.svg(?:\?[^"]*)?)"'),
    ):
        for url in dict.fromkeys(re.findall(pattern, html)):
            _, body = desk.request("GET", url.decode())
            parts.setdefault(kind, []).append(body)
    return {
        k: (sum(len(b) for b in v), sum(len(gzip.compress(b)) for b in v)) for k, v in parts.items()
    }


def run_one(name: str, url: str, instance: Path, module: str = "wsgi:app") -> dict:
    prepare_database(url, instance)
    port = free_port()
    server = start_gunicorn(url, instance, port, module)
    try:
        desks = [Desk(port) for _ in range(DESKS)]
        for n, desk in enumerate(desks, start=1):
            desk.sign_in(f"desk{n}")
        sizes = first_load(desks[0])
        response, one_tap = desks[0].tap(desks[0].items[0])
        assert response.status == 200
        bare_result = hammer(desks, bare)
        tap_result = hammer(desks, tap)
        with Refreshing(port, len(desks)) as refreshing:
            mixed = hammer(desks, tap)
        return {
            "mixed": mixed,
            "refreshes": refreshing.times,
            "refresh_errors": refreshing.errors,
            "refresh_server_ms": refresh_server_time(url, instance),
            "name": name,
            "bare": bare_result,
            "tap": tap_result,
            "sizes": sizes,
            "tap_bytes": (len(one_tap), len(gzip.compress(one_tap))),
        }
    finally:
        stop(server)


def postgres_url() -> str | None:
    return postgres_database("peerdesk_bench") if postgres_admin_url() else None


def report(results: list[dict]) -> None:
    print()
    print(f"Drop-in tally benchmark: gunicorn, 2 workers, {DESKS} desks, {SECONDS:g} s each")
    print()
    print(f"{'database':<11}{'route':<8}{'per second':>11}{'p50 ms':>9}{'p95 ms':>9}{'errors':>8}")
    for r in results:
        for route in ("bare", "tap"):
            x = r[route]
            print(
                f"{r['name']:<11}{route:<8}{x.per_second:>11.0f}{x.percentile(50):>9.1f}"
                f"{x.percentile(95):>9.1f}{x.errors:>8}"
            )
        ratio = r["tap"].percentile(50) / r["bare"].percentile(50)
        rate = r["tap"].per_second / r["bare"].per_second
        print(f"{'':<11}{'tap/bare':<8}{rate:>11.2f}{ratio:>9.2f}   (per second; p50)")
    print()
    print("Taps while every desk refreshes its totals every 5 seconds (the day screen as it is):")
    print(
        f"{'database':<11}{'taps/s':>8}{'tap p95 ms':>12}{'refreshes':>11}"
        f"{'refresh p95 ms':>16}{'errors':>8}{'server ms':>11}"
    )
    for r in results:
        m = r["mixed"]
        print(
            f"{r['name']:<11}{m.per_second:>8.0f}{m.percentile(95):>12.1f}{len(r['refreshes']):>11}"
            f"{percentile(r['refreshes'], 95):>16.1f}{m.errors + r['refresh_errors']:>8}"
            f"{r['refresh_server_ms']:>11.2f}"
        )
    print("(server ms: one refresh inside the app, median of 300, no network or gunicorn)")
    print()
    sizes = results[0]["sizes"]
    print(f"{'first load of /frontdesk':<28}{'raw bytes':>11}{'gzip bytes':>12}")
    for part, (raw, packed) in sizes.items():
        print(f"  {part:<26}{raw:>11,}{packed:>12,}")
    core = [v for k, v in sizes.items() if k != "icons"]
    raw, packed = sum(v[0] for v in core), sum(v[1] for v in core)
    print(f"  {'HTML + CSS + JS + htmx':<26}{raw:>11,}{packed:>12,}")
    every = list(sizes.values())
    print(
        f"  {'... and the icons':<26}{sum(v[0] for v in every):>11,}{sum(v[1] for v in every):>12,}"
    )
    tap_raw, tap_packed = results[0]["tap_bytes"]
    print(f"{'one tap response':<28}{tap_raw:>11,}{tap_packed:>12,}")
    print()
    print(
        "Budgets: first load under 100 KB gzip: "
        f"{'yes' if sum(v[1] for v in every) < BUDGET['first_load_gzip'] else 'NO'}; "
        f"a tap under 5 KB: {'yes' if tap_raw < BUDGET['tap_bytes'] else 'NO'}; "
        f"p95 of a tap under 50 ms on SQLite: "
        f"{'yes' if results[0]['tap'].percentile(95) < BUDGET['p95_ms_sqlite'] else 'NO'}"
    )


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="peerdesk-bench-"))
    try:
        sqlite = f"sqlite:///{folder / 'bench.db'}"
        results = [run_one("SQLite WAL", sqlite, folder / "instance")]
        pg = postgres_url()
        if pg:
            results.append(run_one("PostgreSQL", pg, folder / "instance-pg"))
        report(results)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
