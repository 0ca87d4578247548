"""What /healthz checks: the database answers, takes a write, and has room to grow."""

from __future__ import annotations

import shutil
from pathlib import Path

from flask import current_app
from sqlalchemy import false, text, update
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from app.config import sqlite_files
from app.extensions import db
from app.models import User

# Below this much free space where the SQLite file lives, writes are about to fail.
MIN_FREE_BYTES = 50 * 1024 * 1024
READ_ONLY = {"SQLITE_READONLY", "SQLITE_READONLY_DBMOVED", "25006"}  # 25006: PostgreSQL's code
DISK_FULL = {"SQLITE_FULL", "53100"}
BUSY = {"SQLITE_BUSY", "SQLITE_LOCKED", "55P03"}


def problem() -> str | None:
    """What is wrong, in plain words, or None when all is well."""
    try:
        db.session.execute(text("SELECT 1"))
    except SQLAlchemyError:
        db.session.rollback()
        return "database not answering"
    try:
        return _write_problem() or _disk_problem()
    finally:
        db.session.rollback()


def _write_problem() -> str | None:
    """A write that changes nothing (an UPDATE of no rows), in a transaction rolled back.

    It still needs the database's write lock, so a read-only database (a read-only file,
    a read-only PostgreSQL server or transaction) refuses it.
    """
    try:
        db.session.execute(update(User).where(false()).values(id=User.id))
    except DBAPIError as error:
        code = getattr(error.orig, "sqlite_errorname", None) or getattr(
            error.orig, "sqlstate", None
        )
        if code in READ_ONLY:
            return "database is read-only"
        if code in DISK_FULL:
            return "disk is full"
        if code in BUSY:
            return "database is busy"
        return "database cannot be written"
    return None


def _disk_problem() -> str | None:
    """SQLite's disk: nearly full means the next write fails (PostgreSQL watches its own)."""
    files = sqlite_files(current_app.config["SQLALCHEMY_DATABASE_URI"])
    if files and files[0].parent.exists():
        if shutil.disk_usage(Path(files[0]).parent).free < MIN_FREE_BYTES:
            return "disk is full"
    return None
