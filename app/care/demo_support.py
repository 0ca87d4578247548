"""Demo referrals (with the consent they need), material aid and advocacy (one problem for
many people, one complaint), for app/care/demo.py. Nothing here is a real person."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from app.care.times import local_moment
from app.clients import public as clients
from app.extensions import db
from app.models import AdvocacyIssue, AidGiven, Referral


def demo_moment(day: date, hour: int, minute: int = 0) -> datetime:
    """A clock time on a Canberra day, as the demo rows give it. One helper for demo.py and
    this module, so every made-up time is placed on the day the same way."""
    return local_moment(day, time(hour, minute))


def add_with_timeline(row, client, *, kind: str, summary: str, occurred_at: datetime) -> None:
    """Save a made-up row and put it on the person's timeline, as every demo record is.
    The flush gives the row its id, which the timeline entry points to."""
    db.session.add(row)
    db.session.flush()
    clients.add_to_timeline(client, kind=kind, summary=summary, record=row, occurred_at=occurred_at)


def _consent(client, partner, worker, today: date):
    found = clients.current_consent_for(client, partner)
    if found is not None:
        return found
    return clients.create_consent(
        client,
        {
            "party_name": partner.name,
            "relationship_to": "Partner service",
            "contact_details": partner.phone,
            "partner_id": partner.id,
            "shares": ["client_here", "appointments"],
            "how_given": "signed_paper",
            "given_on": (today - timedelta(days=40)).isoformat(),
        },
        worker,
    )


def referrals(people, episodes, users, partners, today: date) -> None:
    plan = [
        (0, "Pathways Drug and Alcohol Service", "Wants to start bupe with a quick start", True),
        (2, "Homeground Housing Help", "Needs a crisis bed and help with the housing form", True),
        (4, "Money Matters Financial Counselling", "Payment cut off, debts piling up", False),
        (9, "Capital Community Legal", "Court next month, needs a lawyer", True),
        (12, "Northside Community Health", "Sore leg that needs a doctor", True),
    ]
    for n, name, reason, made in plan:
        if n >= len(people) or people[n].id not in episodes or name not in partners:
            continue
        client, partner = people[n], partners[name]
        worker = client.worker or users["worker"]
        consent = _consent(client, partner, worker, today)
        referral = Referral(
            client_id=client.id,
            episode_id=episodes[client.id].id,
            partner_id=partner.id,
            referred_on=today - timedelta(days=20 + n),
            reason=reason,
            consent_id=consent.id,
            appointment_made=made,
            attended=True if made and n % 2 == 0 else None,
            outcome="Seen, and booked in for a follow-up." if made and n % 2 == 0 else None,
            created_by_id=worker.id,
        )
        add_with_timeline(
            referral,
            client,
            kind="referral",
            summary=f"Referred to {partner.name}",
            occurred_at=demo_moment(referral.referred_on, 14),
        )


def aid(people, episodes, partners, today: date) -> None:
    kinds = ("food", "vouchers", "clothes", "phone_credit", "linen", "tent_swag", "household")
    sources = ("Homeground Housing Help", None, "Street Health Van", None)
    for n, client in enumerate(people):
        episode = episodes.get(client.id)
        if episode is None or n % 3 == 2:
            continue
        for m in range(1 + n % 3):
            given = max(episode.opened_on, today - timedelta(days=15 + m * 31 + n))
            kind = kinds[(n + m) % len(kinds)]
            source = partners.get(sources[(n + m) % len(sources)] or "")
            aid = AidGiven(
                client_id=client.id,
                episode_id=episode.id,
                given_on=given,
                kind=kind,
                quantity=(1, 2, 1, 3)[(n + m) % 4],
                partner_id=source.id if source else None,
                created_by_id=client.worker_id,
            )
            add_with_timeline(
                aid,
                client,
                kind="material_aid",
                summary=f"Material aid: {aid.quantity} x {kind.replace('_', ' ')}",
                occurred_at=demo_moment(given, 13),
            )


def advocacy(people, episodes, users, partners, today: date) -> None:
    manager = users.get("manager")
    pathways = partners.get("Pathways Drug and Alcohol Service")
    systemic = AdvocacyIssue(
        kind="systemic",
        service=pathways.name if pathways else "OMT clinics",
        partner_id=pathways.id if pathways else None,
        issue="People on OMT are told there is a three month wait for take-away doses, "
        "even when they are stable.",
        status="waiting",
        what_happened="Manager wrote to the clinic and to ACT Health.",
        raised_on=today - timedelta(days=30),
        created_by_id=users["worker"].id,
    )
    db.session.add(systemic)
    db.session.flush()
    for n in (0, 1, 6, 11):
        if n >= len(people) or people[n].id not in episodes:
            continue
        client = people[n]
        issue = AdvocacyIssue(
            kind="individual",
            client_id=client.id,
            episode_id=episodes[client.id].id,
            service=systemic.service,
            partner_id=systemic.partner_id,
            issue="Asked for take-away doses to keep a job. Told to wait three months.",
            what_happened="Spoke to the clinic nurse with them.",
            status="open",
            raised_on=today - timedelta(days=35 - n),
            systemic_id=systemic.id,
            created_by_id=client.worker_id,
        )
        add_with_timeline(
            issue,
            client,
            kind="advocacy",
            summary=f"Advocacy with {issue.service}",
            occurred_at=demo_moment(issue.raised_on, 15),
        )
    if len(people) > 5 and people[5].id in episodes:
        client = people[5]
        complaint = AdvocacyIssue(
            kind="complaint",
            client_id=client.id,
            episode_id=episodes[client.id].id,
            complaint_body="health_services",
            issue="Treated badly at the emergency department and sent home in pain.",
            what_happened="Complaint written together and sent in.",
            status="lodged",
            raised_on=today - timedelta(days=12),
            created_by_id=client.worker_id or (manager.id if manager else None),
        )
        add_with_timeline(
            complaint,
            client,
            kind="advocacy",
            summary="Help with a complaint to Health Services Commissioner",
            occurred_at=demo_moment(complaint.raised_on, 15),
        )
