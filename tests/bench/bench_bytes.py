"""Bytes on the wire (not a timed test): `python -m tests.bench bench_bytes`.

Serves the demo data (`demo-data`, SQLite) with gunicorn (2 workers, loopback) and signs in
through the real pages as the person who uses each page: the front desk for /frontdesk, a
worker for their home (/) and one of their own people's files, a trainee for their path
(/training/). For each page and each encoding a browser may ask for (identity, gzip, br):

- first load: the HTML and every static file it names (stylesheets, icons, scripts, images,
  and what the CSS names with url(...)), each asked for once, as an empty cache would;
- repeat load: what a browser that kept the first load asks again. A static file answered
  with `immutable` and max-age of a year is not asked again; any other is asked again with
  If-None-Match / If-Modified-Since (a 304 costs its headers). The HTML is always asked.

Counts response bodies as sent (compressed when the server compressed them) and, beside
them, the bodies with their response headers. Requests' own bytes are not counted.
"""

from __future__ import annotations

import gzip
import html
import os
import re
import shutil
import tempfile
import urllib.parse
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import brotli

from tests.bench._server import (
    Browser,
    built_database,
    free_port,
    load_average,
    make_app,
    start_gunicorn,
    stop,
)
from tests.bench.bench_pages import build_small

# What the browser says it accepts. A browser sends "br" over HTTPS only; over plain HTTP it
# sends "gzip, deflate", the last row.
ENCODINGS = ("identity", "gzip", "br", "gzip, deflate")
A_YEAR = 31_536_000
REFERENCES = (
    rb'<link[^>]+href="([^"]+)"',
    rb'<script[^>]+src="([^"]+)"',
    rb'<img[^>]+src="([^"]+)"',
)
CSS_URL = re.compile(rb"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")


@dataclass
class Answer:
    """One response as it crossed the wire."""

    status: int
    body: int  # bytes of the body as sent
    headers: int  # bytes of the status line and headers
    header: dict[str, str]
    payload: bytes

    @property
    def content(self) -> bytes:
        """The body as the browser reads it (unpacked)."""
        packed = self.header.get("content-encoding", "identity")
        if packed == "gzip":
            return gzip.decompress(self.payload)
        if packed == "br":
            return brotli.decompress(self.payload)
        if packed == "deflate":
            return zlib.decompress(self.payload)
        return self.payload

    @property
    def total(self) -> int:
        return self.body + self.headers

    @property
    def kept_a_year(self) -> bool:
        cache = self.header.get("cache-control", "")
        return "immutable" in cache and f"max-age={A_YEAR}" in cache


@dataclass
class Load:
    requests: int = 0
    body: int = 0
    total: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)  # body bytes by kind of file

    def add(self, kind: str, answer: Answer) -> None:
        self.requests += 1
        self.body += answer.body
        self.total += answer.total
        self.by_kind[kind] = self.by_kind.get(kind, 0) + answer.body


def ask(browser: Browser, path: str, encoding: str, headers: dict | None = None) -> Answer:
    response, payload = browser.request(
        "GET", path, headers={"Accept-Encoding": encoding, **(headers or {})}
    )
    lines = [f"HTTP/1.1 {response.status} {response.reason}\r\n"]
    lines += [f"{name}: {value}\r\n" for name, value in response.getheaders()]
    header = {name.lower(): value for name, value in response.getheaders()}
    return Answer(response.status, len(payload), len("".join(lines)) + 2, header, payload)


def kind_of(path: str) -> str:
    name = urllib.parse.urlsplit(path).path
    for ending, kind in ((".css", "CSS"), (".js", "JS"), (".svg", "icons"), (".png", "images")):
        if name.endswith(ending):
            return kind
    return "other"


def static_files(browser: Browser, page: str, page_html: bytes) -> list[str]:
    """Every file the page names on this server, and what its CSS names, in order."""
    found: list[str] = []
    for pattern in REFERENCES:
        for url in re.findall(pattern, page_html):
            found.append(urllib.parse.urljoin(page, html.unescape(url.decode())))
    for css in [u for u in found if kind_of(u) == "CSS"]:
        body = ask(browser, css, "identity").payload
        for url in CSS_URL.findall(body):
            if not url.startswith((b"data:", b"#")):
                found.append(urllib.parse.urljoin(css, url.decode()))
    here = ("", f"127.0.0.1:{browser.port}")
    parts = [urllib.parse.urlsplit(u) for u in found]
    ours = [p._replace(scheme="", netloc="").geturl() for p in parts if p.netloc in here]
    return list(dict.fromkeys(ours))


def loads(browser: Browser, page: str, encoding: str) -> tuple[Load, Load, list[str]]:
    """(first load, repeat load, static files not kept for a year)."""
    first, repeat = Load(), Load()
    answer = ask(browser, page, encoding)
    assert answer.status == 200, (page, answer.status)
    first.add("HTML", answer)
    kept: dict[str, Answer] = {}
    for url in static_files(browser, page, answer.content):
        got = ask(browser, url, encoding)
        assert got.status == 200, (url, got.status)
        first.add(kind_of(url), got)
        kept[url] = got
    again = ask(browser, page, encoding)
    assert again.status == 200, (page, again.status)
    repeat.add("HTML", again)
    checked_again = []
    for url, got in kept.items():
        if got.kept_a_year:
            continue  # the browser uses its copy without asking
        checked_again.append(url)
        conditions = {}
        if "etag" in got.header:
            conditions["If-None-Match"] = got.header["etag"]
        if "last-modified" in got.header:
            conditions["If-Modified-Since"] = got.header["last-modified"]
        repeat.add(kind_of(url), ask(browser, url, encoding, conditions))
    return first, repeat, checked_again


@dataclass
class Who:
    username: str
    secret: str | None


def demo_targets(url: str, instance: Path) -> dict[str, tuple[Who, str]]:
    """{name shown: (who asks, path)}; the client file is the worker's own busiest one."""
    from sqlalchemy import func, select

    from app.auth.demo import demo_totp_secret
    from app.extensions import db
    from app.models import CaseNote, Client, User

    app = make_app(url, instance)
    with app.app_context():
        worker_id = db.session.scalar(select(User.id).where(User.username == "worker"))
        client_id = db.session.execute(
            select(Client.id, func.count(CaseNote.id))
            .outerjoin(CaseNote, CaseNote.client_id == Client.id)
            .where(Client.worker_id == worker_id)
            .group_by(Client.id)
            .order_by(func.count(CaseNote.id).desc(), Client.id)
            .limit(1)
        ).one()[0]
        db.engine.dispose()
    worker = Who("worker", demo_totp_secret("worker"))
    return {
        "/frontdesk (front desk)": (Who("frontdesk", None), "/frontdesk"),
        "/ (a worker's home)": (worker, "/"),
        "a client file (worker)": (worker, f"/clients/{client_id}"),
        "/training/ (trainee)": (Who("trainee", None), "/training/"),
    }


def measure(port: int, targets: dict[str, tuple[Who, str]]) -> dict:
    from app.auth.demo import demo_password

    browsers: dict[str, Browser] = {}
    found = {}
    for name, (who, path) in targets.items():
        if who.username not in browsers:
            browser = Browser(port)
            browser.sign_in(who.username, demo_password(who.username), who.secret)
            browsers[who.username] = browser
        browser = browsers[who.username]
        found[name] = {encoding: loads(browser, path, encoding) for encoding in ENCODINGS}
    return found


def report(found: dict) -> None:
    print()
    print(
        "Bytes on the wire: the demo data, gunicorn 2 workers; bodies as sent "
        "(and with their response headers)"
    )
    print(
        f"{'page':<26}{'encoding':<15}{'first: asks':>12}{'bytes':>10}{'+headers':>10}"
        f"{'repeat: asks':>14}{'bytes':>8}{'+headers':>10}"
    )
    for name, by_encoding in found.items():
        for encoding, (first, repeat, _again) in by_encoding.items():
            print(
                f"{name:<26}{encoding:<15}{first.requests:>12}{first.body:>10,}{first.total:>10,}"
                f"{repeat.requests:>14}{repeat.body:>8,}{repeat.total:>10,}"
            )
    print()
    print("First load by kind of file (body bytes):")
    kinds = ["HTML", "CSS", "JS", "icons", "images", "other"]
    firsts = [first for e in found.values() for first, _, _ in e.values()]
    kinds = [k for k in kinds if any(k in first.by_kind for first in firsts)]
    print(f"{'page':<26}{'encoding':<15}" + "".join(f"{k:>10}" for k in kinds))
    for name, by_encoding in found.items():
        for encoding, (first, _repeat, _again) in by_encoding.items():
            cells = "".join(f"{first.by_kind.get(k, 0):>10,}" for k in kinds)
            print(f"{name:<26}{encoding:<15}{cells}")
    again = sorted({u for e in found.values() for _, _, urls in e.values() for u in urls})
    checked = sum(first.requests - 1 for first in firsts)
    print()
    if again:
        print(f"Static files asked again on a repeat load (not immutable for a year): {again}")
    else:
        print(
            "Every static file came with Cache-Control immutable, max-age=31536000: "
            f"a repeat load asks for the HTML only ({checked} static responses checked)."
        )


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="peerdesk-bench-bytes-"))
    try:
        print(f"Machine: {os.cpu_count()} CPUs; load average at the start {load_average()}")
        url, _seconds = built_database("SQLite", "small", build_small, folder)
        instance = folder / "instance"
        targets = demo_targets(url, instance)
        port = free_port()
        server = start_gunicorn(url, instance, port)
        try:
            found = measure(port, targets)
        finally:
            stop(server)
        report(found)
        print(f"\nLoad average at the end: {load_average()}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
