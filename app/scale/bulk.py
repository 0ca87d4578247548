"""Rows in bulk for `scale-data`: many rows a second, one transaction, the ids given here.

Rows wait in a buffer per table and go in chunks: SQLAlchemy Core `insert(table)` with a
list of dicts on SQLite, COPY on PostgreSQL (several times quicker there). Ids are counted
here, so a note can point at its client without asking the database; on PostgreSQL the id
sequences are moved on at the end so the app's own inserts carry on after them.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from datetime import datetime

from sqlalchemy import JSON, Connection, Table, func, insert, select, text

from app.models import Base

CHUNK = 10_000


def _default_of(column):
    """A function giving the column's Python default, or None."""
    default = column.default
    if default is None:
        return lambda: None
    if default.is_callable:
        arg = default.arg
        return lambda: arg(None)
    value = default.arg
    return lambda: value


def table_order(tables) -> list[Table]:
    waiting = set(tables)
    return [t for t in Base.metadata.sorted_tables if t in waiting]


class Bulk:
    def __init__(
        self,
        connection: Connection,
        *,
        now: datetime,
        progress: Callable[[int], None] | None = None,
    ):
        self.connection = connection
        self.postgres = connection.dialect.name == "postgresql"
        self.now = now
        self.progress = progress or (lambda _rows: None)
        self.buffers: dict[Table, list] = {}
        self.next_ids: dict[Table, int] = {}
        self.counts: Counter = Counter()
        self._columns: dict[Table, list] = {}
        self._defaults: dict[Table, dict] = {}

    # --- ids ------------------------------------------------------------------------------

    def new_id(self, table: Table) -> int:
        if table not in self.next_ids:
            highest = self.connection.scalar(select(func.max(table.c.id)))
            self.next_ids[table] = (highest or 0) + 1
        self.next_ids[table] += 1
        return self.next_ids[table] - 1

    # --- rows -----------------------------------------------------------------------------

    def add(self, table: Table, **values) -> int:
        """Queue one row (id given or made); its id."""
        if "id" not in values:
            values["id"] = self.new_id(table)
        values.setdefault("created_at", self.now)
        buffer = self.buffers.setdefault(table, [])
        buffer.append(values)
        if len(buffer) >= CHUNK:
            self.flush()
        return values["id"]

    def add_link(self, table: Table, **values) -> None:
        """Queue one row of a table with no id of its own (a many-to-many link)."""
        self.buffers.setdefault(table, []).append(values)

    def _prepare(self, table: Table) -> None:
        if table not in self._columns:
            self._columns[table] = list(table.columns)
            self._defaults[table] = {c.name: _default_of(c) for c in table.columns}

    def flush(self) -> None:
        """Write every waiting row, parent tables first (PostgreSQL checks foreign keys)."""
        for each in table_order(self.buffers):
            rows = self.buffers.get(each)
            if not rows:
                continue
            self._prepare(each)
            defaults = self._defaults[each]
            for row in rows:
                for name, make in defaults.items():
                    if name not in row:
                        row[name] = make()
            if self.postgres:
                self._copy(each, rows)
            else:
                self.connection.execute(insert(each), rows)
            self.counts[each.name] += len(rows)
            self.progress(len(rows))
            self.buffers[each] = []

    def _copy(self, table: Table, rows: list[dict]) -> None:
        columns = self._columns[table]
        quote = self.connection.dialect.identifier_preparer
        names = ", ".join(quote.quote(c.name) for c in columns)
        as_json = {c.name for c in columns if isinstance(c.type, JSON)}
        cursor = self.connection.connection.driver_connection.cursor()
        with cursor.copy(f"COPY {quote.format_table(table)} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(
                    [json.dumps(row[c.name]) if c.name in as_json else row[c.name] for c in columns]
                )

    def finish(self) -> None:
        """Everything written; on PostgreSQL the id sequences moved past the ids given."""
        self.flush()
        if not self.postgres:
            return
        quote = self.connection.dialect.identifier_preparer
        for table in self.next_ids:
            # Table names come from our own models, quoted by the dialect; nothing typed in.
            name = quote.format_table(table)
            sql = (
                f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "  # noqa: S608
                f"(SELECT coalesce(max(id), 1) FROM {name}))"  # nosec B608
            )
            self.connection.execute(text(sql))
