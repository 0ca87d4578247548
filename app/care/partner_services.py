"""Partner services as care work uses them: the ones a person can be referred to, get
material aid from, or get advocacy with (lists, names and one by id)."""

from __future__ import annotations

from sqlalchemy import select

from app.extensions import db
from app.models import Partner


def active_partners() -> list[Partner]:
    """Active partner services, by name (the lists on care forms; other areas use it too)."""
    return list(
        db.session.scalars(select(Partner).where(Partner.active.is_(True)).order_by(Partner.name))
    )


def partner(partner_id: int | None) -> Partner | None:
    """A partner service by id, or None."""
    return db.session.get(Partner, partner_id) if partner_id else None


def partner_names(ids) -> dict[int, str]:
    """{partner id: name} for the ids given, in one query."""
    ids = {i for i in ids if i}
    if not ids:
        return {}
    rows = db.session.execute(select(Partner.id, Partner.name).where(Partner.id.in_(ids)))
    return {partner_id: name for partner_id, name in rows}
