"""Rows for partners tests."""

from __future__ import annotations

from datetime import time

from app.models import InReachSession, Partner


def make_partner(session, name: str = "Northside Community Health", **fields) -> Partner:
    partner = Partner(
        name=name,
        what_they_do=fields.pop("what_they_do", "GPs and nurses for everyone."),
        **fields,
    )
    session.add(partner)
    session.commit()
    return partner


def make_in_reach(session, partner: Partner, weekday: int = 1, **fields) -> InReachSession:
    visit = InReachSession(
        partner_id=partner.id,
        weekday=weekday,
        repeat=fields.pop("repeat", "weekly"),
        starts_at=fields.pop("starts_at", time(10)),
        ends_at=fields.pop("ends_at", time(13)),
        **fields,
    )
    session.add(visit)
    session.commit()
    return visit
