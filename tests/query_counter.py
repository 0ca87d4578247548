"""Count the SQL statements a piece of code sends, for tests that a page asks the same few
queries however many people there are.

    with counting_queries(app) as queries:
        client.get("/team/caseloads")
    assert len(queries) == before
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import event

from app.extensions import db


@contextmanager
def counting_queries(app) -> Iterator[list[str]]:
    """The statements sent on `db.engine` while the block runs (a list that fills as it goes)."""
    statements: list[str] = []

    def listen(_conn, _cursor, statement, *_args):
        statements.append(statement)

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", listen)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", listen)
