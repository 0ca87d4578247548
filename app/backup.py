"""Backups that are consistent while the app runs, and bringing one back.

SQLite: the online backup API copies the database page by page under its own lock, so the
copy is consistent even while gunicorn workers write. PostgreSQL: pg_dump takes a snapshot
in one transaction; pg_restore brings it back.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess  # nosec B404
from collections.abc import Callable
from glob import glob
from pathlib import Path

from sqlalchemy.engine import make_url

from app import clock

Progress = Callable[[int, int], None]  # (done, total)


def _postgres_tool(name: str) -> str:
    """The newest pg_dump or pg_restore on the machine (Debian keeps them per version)."""
    found = sorted(glob(f"/usr/lib/postgresql/*/bin/{name}"), key=lambda p: int(p.split("/")[4]))
    if found:
        return found[-1]
    on_path = shutil.which(name)
    if on_path:
        return on_path
    raise RuntimeError(f"{name} is not installed (Debian package postgresql-client)")


def _libpq(url: str) -> tuple[list[str], dict]:
    """Connection arguments for the PostgreSQL tools, with the password in the environment."""
    parsed = make_url(url)
    args = ["-h", parsed.host or "localhost", "-U", parsed.username or "postgres"]
    if parsed.port:
        args += ["-p", str(parsed.port)]
    env = dict(os.environ)
    if parsed.password:
        env["PGPASSWORD"] = parsed.password
    return args + ["-d", parsed.database], env


def _sqlite_path(url: str) -> Path:
    return Path(make_url(url).database)


def backup(url: str, folder: Path, progress: Progress | None = None) -> Path:
    """Copy the database into a dated file in `folder`. Returns the file's path."""
    folder.mkdir(parents=True, exist_ok=True)
    stamp = clock.local_now().strftime("%Y-%m-%d-%H%M%S")
    if url.startswith("sqlite"):
        target = folder / f"peerdesk-{stamp}.sqlite"
        source = sqlite3.connect(_sqlite_path(url))
        copy = sqlite3.connect(target)
        try:

            def report(status, remaining, total):
                if progress:
                    progress(total - remaining, total)

            source.backup(copy, pages=256, progress=report)
        finally:
            copy.close()
            source.close()
        return target
    target = folder / f"peerdesk-{stamp}.pgdump"
    args, env = _libpq(url)
    subprocess.run(  # nosec B603  # noqa: S603  (fixed tool, arguments from our own settings)
        [_postgres_tool("pg_dump"), "--format=custom", "--no-owner", "-f", str(target), *args],
        check=True,
        env=env,
    )
    if progress:
        progress(1, 1)
    return target


def restore(url: str, file: Path, progress: Progress | None = None) -> None:
    """Replace the database's contents with a backup made by backup()."""
    if not file.exists():
        raise FileNotFoundError(file)
    if url.startswith("sqlite"):
        source = sqlite3.connect(file)
        live = sqlite3.connect(_sqlite_path(url))
        try:

            def report(status, remaining, total):
                if progress:
                    progress(total - remaining, total)

            source.backup(live, pages=256, progress=report)
        finally:
            live.close()
            source.close()
        return
    args, env = _libpq(url)
    subprocess.run(  # nosec B603  # noqa: S603
        [
            _postgres_tool("pg_restore"),
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            *args,
            str(file),
        ],
        check=True,
        env=env,
    )
    if progress:
        progress(1, 1)
