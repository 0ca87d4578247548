"""One typed declarative base: a naming convention, and the columns every table has."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import DateTime, ForeignKey, Integer, MetaData
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, registry
from sqlalchemy.types import TypeDecorator

from app import clock

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """Through app.clock, so tests that freeze the clock freeze this too."""
    return clock.now()


class UTCDateTime(TypeDecorator):
    """A moment in time, kept in UTC. SQLite forgets the zone, so it is put back on reading."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is not None and value.tzinfo is None:
            raise ValueError("store aware datetimes only")
        return value.astimezone(UTC) if value is not None else None

    def process_result_value(self, value, dialect):
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value


class Base(DeclarativeBase):
    registry = registry(
        metadata=MetaData(naming_convention=NAMING_CONVENTION),
        type_annotation_map={datetime: UTCDateTime()},
    )

    # sort_order puts these first in every table.
    id: Mapped[int] = mapped_column(Integer, primary_key=True, sort_order=-3)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, sort_order=-2)

    @declared_attr
    def created_by_id(cls) -> Mapped[int | None]:  # noqa: N805
        """Who made the row; empty for rows made by the system or a command."""
        return mapped_column(ForeignKey("user.id"), nullable=True, sort_order=-1)


class Versioned:
    """A record people edit: each save adds one to `version`, and a save made from an older
    version changes nothing (SQLAlchemy raises StaleDataError). See app/locking.py."""

    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    @declared_attr.directive
    def __mapper_args__(cls) -> dict:  # noqa: N805
        return {"version_id_col": cls.__table__.c.version}
