"""Material aid given to a person (food, clothes, phone credit...), and the totals by month
for the service and for other areas' reports."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from app.care.episode_rules import episode_for_new_record, log
from app.core.saving import Refused
from app.extensions import db
from app.models import AidGiven, Partner
from app.models.care import AID_KINDS


@dataclass
class AidData:
    kind: str
    quantity: int
    given_on: date
    partner_id: int | None = None
    note: str | None = None


def give_aid(client, data: AidData, user) -> AidGiven:
    episode = episode_for_new_record(client)
    if data.kind not in AID_KINDS:
        raise Refused("Choose what they were given")
    if not isinstance(data.quantity, int) or not 1 <= data.quantity <= 999:
        raise Refused("Enter how many, from 1 to 999")
    aid = AidGiven(
        client_id=client.id,
        episode_id=episode.id,
        given_on=data.given_on,
        kind=data.kind,
        quantity=data.quantity,
        partner_id=data.partner_id,
        note=data.note,
        created_by_id=getattr(user, "id", None),
    )
    db.session.add(aid)
    source = ""
    if data.partner_id:
        partner = db.session.get(Partner, data.partner_id)
        source = f" from {partner.name}" if partner else ""
    log(
        client,
        action="aid.given",
        record=aid,
        kind="material_aid",
        summary=f"Material aid: {data.quantity} x {AID_KINDS[data.kind].lower()}{source}",
        detail={"kind": data.kind, "quantity": data.quantity},
    )
    return aid


def aid_for(client) -> list[AidGiven]:
    return list(
        db.session.scalars(
            select(AidGiven)
            .where(AidGiven.client_id == client.id)
            .order_by(AidGiven.given_on.desc(), AidGiven.id.desc())
            .limit(200)
        )
    )


def aid_totals_by_month(since: date, until: date | None = None, *, worker_id: int | None = None):
    """[(first day of the month, {kind: how many})], newest month first, in one query."""
    year = func.extract("year", AidGiven.given_on)
    month = func.extract("month", AidGiven.given_on)
    query = (
        select(year, month, AidGiven.kind, func.sum(AidGiven.quantity))
        .where(AidGiven.given_on >= since)
        .group_by(year, month, AidGiven.kind)
    )
    if until is not None:
        query = query.where(AidGiven.given_on < until)
    if worker_id is not None:
        query = query.where(AidGiven.created_by_id == worker_id)
    months: dict[date, dict[str, int]] = {}
    for y, m, kind, total in db.session.execute(query):
        months.setdefault(date(int(y), int(m), 1), {})[kind] = int(total or 0)
    return sorted(months.items(), reverse=True)
