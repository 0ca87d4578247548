"""Backups that are consistent while the app runs, and bringing one back.

SQLite: the online backup API copies the database page by page under its own lock, so the
copy is consistent even while gunicorn workers write. PostgreSQL: pg_dump takes a snapshot
in one transaction; pg_restore brings it back.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess  # nosec B404
import tempfile
from collections.abc import Callable
from datetime import timedelta
from glob import glob
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken
from sqlalchemy.engine import make_url

from app import clock
from app.config import PRIVATE_FILE, PRIVATE_FOLDER, make_private

Progress = Callable[[int, int], None]  # (done, total)
# The names backup() gives its files: only these are ever removed as old.
BACKUP_NAME = re.compile(r"peerdesk-\d{4}-\d{2}-\d{2}-\d{6}(-\d+)?\.(sqlite|pgdump)(\.enc)?")
ENCRYPTED = ".enc"


class BackupKeyError(Exception):
    """The key is not a backup key, or is not the one this backup was locked with."""


def new_key() -> bytes:
    """A key for encrypted backups, for the manager to keep somewhere other than the server."""
    return Fernet.generate_key()


def _fernet(key: bytes | str) -> Fernet:
    try:
        return Fernet(key.strip() if isinstance(key, bytes) else key.strip().encode())
    except (ValueError, TypeError) as error:
        raise BackupKeyError(
            "That is not a backup key (make one with flask backup-key)."
        ) from error


def _private_file(path: Path) -> Path:
    """Make an empty file only the app's user can read, before anything is written to it."""
    os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_FILE))
    return path


def encrypt_file(file: Path, key: bytes | str) -> Path:
    """Lock a backup with the key: writes FILE.enc and removes the plain copy."""
    target = _private_file(file.with_name(file.name + ENCRYPTED))
    target.write_bytes(_fernet(key).encrypt(file.read_bytes()))
    file.unlink()
    return target


def decrypt_file(file: Path, key: bytes | str, into: Path) -> Path:
    """The plain backup from FILE.enc, written into the folder `into`."""
    try:
        plain = _fernet(key).decrypt(file.read_bytes())
    except InvalidToken as error:
        raise BackupKeyError("That key does not open this backup.") from error
    target = _private_file(into / file.name.removesuffix(ENCRYPTED))
    target.write_bytes(plain)
    return target


def remove_old_backups(folder: Path, keep_days: int) -> list[Path]:
    """Remove backups older than `keep_days` that backup() made (matched by their name).

    Other files in the folder are never touched. `keep_days` of 0 or less keeps everything.
    """
    if keep_days <= 0 or not folder.is_dir():
        return []
    oldest = (clock.now() - timedelta(days=keep_days)).timestamp()
    removed = []
    for file in sorted(folder.iterdir()):
        if file.is_file() and BACKUP_NAME.fullmatch(file.name):
            if file.stat().st_mtime < oldest:
                file.unlink()
                removed.append(file)
    return removed


def make_backups_private(folder: Path) -> None:
    """The backup folder and every backup in it: for the app's user alone."""
    folder.chmod(PRIVATE_FOLDER)
    for file in folder.iterdir():
        if file.is_file() and BACKUP_NAME.fullmatch(file.name):
            make_private(file)


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


def backup(
    url: str, folder: Path, progress: Progress | None = None, key: bytes | str | None = None
) -> Path:
    """Copy the database into a dated file in `folder`, readable by the app's user alone, and
    locked with `key` when one is given. Returns the file's path."""
    if key is not None:
        _fernet(key)  # a bad key is refused before the copy is made
    folder.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
    make_backups_private(folder)
    file = _copy(url, folder, progress)
    return encrypt_file(file, key) if key is not None else file


def _new_file(folder: Path, extension: str) -> Path:
    """A new, empty, private file named for now (with -2, -3 for a second in the same second)."""
    stamp = clock.local_now().strftime("%Y-%m-%d-%H%M%S")
    for number in range(1, 100):
        name = f"peerdesk-{stamp}{f'-{number}' if number > 1 else ''}.{extension}"
        if not (folder / name).exists() and not (folder / (name + ENCRYPTED)).exists():
            return _private_file(folder / name)
    raise FileExistsError(folder / f"peerdesk-{stamp}.{extension}")


def _copy(url: str, folder: Path, progress: Progress | None) -> Path:
    if url.startswith("sqlite"):
        target = _new_file(folder, "sqlite")
        source = sqlite3.connect(_sqlite_path(url))
        copy = sqlite3.connect(target)
        try:

            def report(status, remaining, total):
                if progress:
                    progress(total - remaining, total)

            source.backup(copy, pages=256, progress=report)
            # The live database is in WAL mode; the backup is one file that needs no -wal.
            copy.execute("PRAGMA journal_mode=DELETE")
        finally:
            copy.close()
            source.close()
        return target
    target = _new_file(folder, "pgdump")
    args, env = _libpq(url)
    subprocess.run(  # nosec B603  # noqa: S603  (fixed tool, arguments from our own settings)
        [_postgres_tool("pg_dump"), "--format=custom", "--no-owner", "-f", str(target), *args],
        check=True,
        env=env,
    )
    if progress:
        progress(1, 1)
    return target


def restore(
    url: str, file: Path, progress: Progress | None = None, key: bytes | str | None = None
) -> None:
    """Replace the database's contents with a backup made by backup(); an encrypted one
    (FILE.enc) needs the key it was locked with."""
    if not file.exists():
        raise FileNotFoundError(file)
    if file.name.endswith(ENCRYPTED):
        if key is None:
            raise BackupKeyError("This backup is locked. Give the key it was made with.")
        with tempfile.TemporaryDirectory(prefix="peerdesk-restore.") as folder:
            _restore(url, decrypt_file(file, key, Path(folder)), progress)
        return
    _restore(url, file, progress)


def _restore(url: str, file: Path, progress: Progress | None) -> None:
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
