"""What the benchmarks share: a real gunicorn on loopback, a browser-like client with its own
cookies that signs in through the real pages, percentiles, the worker processes' memory, and
databases built once per run (`make bench` runs every module in one process)."""

from __future__ import annotations

import atexit
import http.client
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

import pyotp

ROOT = Path(__file__).resolve().parents[2]


# --- the server ------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_gunicorn(
    url: str,
    instance: Path,
    port: int,
    module: str = "wsgi:app",
    workers: int = 2,
    settings: dict | None = None,
) -> subprocess.Popen:
    """gunicorn serving the app on 127.0.0.1:port; returns once /healthz answers.
    `settings`: environment variables that replace the ones below. What gunicorn and the app
    write to stderr goes to `instance`/gunicorn.log (see server_log): a pipe nobody reads
    fills after 64 KB of error logs, and then every worker hangs on its next write."""
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "PEERDESK_INSTANCE": str(instance),
        "SECRET_KEY": "bench secret key",
        "PEERDESK_SIGN_IN_RATE_LIMIT": "1000 per minute",
        "PEERDESK_SIGN_IN_ACCOUNT_RATE_LIMIT": "1000 per minute",
        "PEERDESK_ESTABLISHMENT_ID": "810012345",  # a made-up one: the export refuses none
        **(settings or {}),
    }
    instance.mkdir(parents=True, exist_ok=True)
    log = instance / "gunicorn.log"
    with log.open("ab") as sink:  # the child keeps its own copy of the file
        server = subprocess.Popen(
            [
                sys.executable, "-m", "gunicorn",
                "--workers", str(workers),
                "--bind", f"127.0.0.1:{port}",
                "--log-level", "warning",
                "--timeout", "120",
                module,
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=sink,
        )  # fmt: skip
    server.log_path = log
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise RuntimeError("gunicorn did not start: " + server_log(server)[-2000:])


def server_log(server: subprocess.Popen) -> str:
    """What the server wrote to stderr so far (warnings, errors with their tracebacks)."""
    return server.log_path.read_text(errors="replace")


def stop(server: subprocess.Popen) -> None:
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()


def worker_pids(server: subprocess.Popen) -> list[int]:
    """The gunicorn worker processes (children of the master)."""
    found = []
    for task in Path(f"/proc/{server.pid}/task").iterdir():
        children = (task / "children").read_text().split()
        found += [int(pid) for pid in children]
    return sorted(found)


def peak_memory_mb(pid: int) -> float:
    """The most resident memory the process has used (VmHWM), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


# --- a browser: its own connection and cookies -------------------------------------------------


class Browser:
    def __init__(self, port: int):
        self.port = port
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        self.cookies: dict[str, str] = {}
        self.csrf = ""

    def request(self, method: str, path: str, body: dict | None = None, headers=None):
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        data = None
        if body is not None:
            data = urllib.parse.urlencode(body, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        for attempt in range(2):
            try:
                self.connection.request(method, path, body=data, headers=headers)
                response = self.connection.getresponse()
                payload = response.read()
                break
            except (http.client.HTTPException, OSError):
                self.connection.close()
                if attempt:
                    raise
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                self.cookies[key] = rest.split(";", 1)[0]
        return response, payload

    def post_form(self, path: str, body: dict, headers=None):
        """A form POST with this browser's CSRF token (read from the last full page)."""
        return self.request("POST", path, {**body, "csrf_token": self.csrf}, headers)

    def remember_csrf(self, page: bytes) -> None:
        found = re.search(rb'name="csrf-token" content="([^"]+)"', page)
        if found:
            self.csrf = found.group(1).decode()

    def sign_in(
        self, username: str, password: str, totp_secret: str | None = None, home: str = "/"
    ) -> bytes:
        """Username and password, then the two-step code when the account has one (a code
        works once per 30 seconds per account, so each account signs in once); then the
        `home` page, whose CSRF token later form posts carry. Returns that page."""
        _, page = self.request("GET", "/sign-in")
        token = re.search(rb'name="csrf_token" value="([^"]+)"', page).group(1).decode()
        body = {"username": username, "password": password, "csrf_token": token}
        response, _ = self.request("POST", "/sign-in", body)
        assert response.status == 303, (username, response.status)
        if response.getheader("Location", "").endswith("/sign-in/two-step"):
            _, page = self.request("GET", "/sign-in/two-step")
            token = re.search(rb'name="csrf_token" value="([^"]+)"', page).group(1).decode()
            code = pyotp.TOTP(totp_secret).now()
            response, _ = self.request(
                "POST", "/sign-in/two-step", {"code": code, "csrf_token": token}
            )
            assert response.status == 303, (username, "two-step", response.status)
        response, page = self.request("GET", home)
        assert response.status == 200, (username, home, response.status)
        self.remember_csrf(page)
        return page


# --- figures -----------------------------------------------------------------------------------


def percentile(times: list[float], p: float) -> float:
    """The p-th percentile of round trips in seconds, in milliseconds."""
    if not times:
        return float("nan")
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))] * 1000


def load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


# --- databases, built once per run ---------------------------------------------------------------

_CACHE: Path | None = None


def cache_folder() -> Path:
    """A temporary folder for databases built during this run; removed when the run ends."""
    global _CACHE
    if _CACHE is None:
        _CACHE = Path(tempfile.mkdtemp(prefix="peerdesk-bench-cache-"))
        atexit.register(shutil.rmtree, _CACHE, True)
    return _CACHE


def postgres_admin_url() -> str | None:
    return os.environ.get("PEERDESK_TEST_DATABASE_URL")


def postgres_database(name: str, template: str | None = None) -> str:
    """A fresh database on the throwaway server (a copy of `template` when given)."""
    from sqlalchemy import create_engine, make_url, text

    base = postgres_admin_url()
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        copy = f' TEMPLATE "{template}"' if template else ""
        connection.execute(text(f'CREATE DATABASE "{name}"{copy}'))
    admin.dispose()
    return make_url(base).set(database=name).render_as_string(hide_password=False)


def make_app(url: str, instance: Path):
    os.environ["PEERDESK_INSTANCE"] = str(instance)
    from app import create_app

    return create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench"})


def empty_database(url: str, instance: Path) -> None:
    """Every table, empty (from the models, as the tests make them)."""
    from app.extensions import db

    app = make_app(url, instance)
    with app.app_context():
        db.drop_all()
        db.create_all()
        db.engine.dispose()


_BUILT: dict[tuple, tuple[str, float]] = {}


def built_database(kind: str, size: str, build, folder: Path) -> tuple[str, float]:
    """(url, seconds to build) of a fresh copy of a database built once per run.

    kind: "SQLite" or "PostgreSQL"; size: a name for what `build(url, instance)` puts in it.
    SQLite: the file is copied; PostgreSQL: a new database from the built one as a template.
    """
    key = (kind, size)
    cache = cache_folder()
    slug = re.sub(r"\W", "_", f"{kind}_{size}").lower()
    if key not in _BUILT:
        started = time.perf_counter()
        if kind == "SQLite":
            url = f"sqlite:///{cache / (slug + '.db')}"
        else:
            url = postgres_database(f"built_{slug}")
        empty_database(url, cache / "instance")
        build(url, cache / "instance")
        _BUILT[key] = (url, time.perf_counter() - started)
    url, seconds = _BUILT[key]
    if kind == "SQLite":
        copy = folder / f"{slug}.db"
        shutil.copyfile(cache / f"{slug}.db", copy)
        return f"sqlite:///{copy}", seconds
    return postgres_database(f"run_{slug}", template=f"built_{slug}"), seconds
