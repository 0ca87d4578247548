"""Demo partner services, and when they come to the centre. All names are made up."""

from __future__ import annotations

from datetime import time, timedelta

from app import clock
from app.core.areas import DemoContext
from app.extensions import db
from app.models import InReachSession, Partner

PARTNERS = (
    {
        "name": "Northside Community Health",
        "what_they_do": "GPs and nurses. Health checks, wound care, hep C tests and treatment, "
        "scripts and vaccines. No Medicare card is fine.",
        "address": "12 Chandler Street, Belconnen",
        "phone": "02 6100 4410",
        "website": "www.northsidehealth.example.org",
        "opening_hours": "Monday to Friday, 8:30am to 5pm",
        "welcome_note": "Our people say the nurses are kind and do not judge. Ask for Nurse Lee.",
        "visits": [("GP and nurse clinic", 1, "fortnightly", None, time(10), time(13))],
    },
    {
        "name": "Capital Community Legal",
        "what_they_do": "Free legal advice about fines, police, court, renting "
        "and Centrelink debts.",
        "address": "Level 1, 40 Northbourne Avenue, Canberra City",
        "phone": "02 6100 2233",
        "email": "help@capitallegal.example.org",
        "website": "https://capitallegal.example.org",
        "opening_hours": "Monday to Thursday, 9am to 4pm",
        "welcome_note": "Good with people on bail or parole. They will come to court with you.",
        "visits": [("Legal advice", 2, "weekly", None, time(10), time(12))],
    },
    {
        "name": "Homeground Housing Help",
        "what_they_do": "Help to find a place to live: crisis beds, public housing forms, "
        "rent help and bond loans.",
        "address": "3 Cohen Street, Belconnen",
        "phone": "1800 000 427",
        "opening_hours": "Every day, 9am to 5pm",
        "welcome_note": "Call early in the day for a crisis bed. Staff are friendly.",
        "visits": [("Housing workers", 0, "weekly", None, time(13), time(15))],
    },
    {
        "name": "Centrelink community officer",
        "what_they_do": "Help with payments, forms, debts and appointments, without the queue.",
        "phone": "132 850",
        "opening_hours": "At our centre on Thursdays",
        "welcome_note": "Bring ID if you have it. They can help without it too.",
        "visits": [("Centrelink help", 3, "weekly", None, time(10), time(14))],
    },
    {
        "name": "Money Matters Financial Counselling",
        "what_they_do": "Free and private help with bills, debts, fines and a budget.",
        "phone": "02 6100 7788",
        "email": "talk@moneymatters.example.org",
        "opening_hours": "Monday to Friday, 9am to 5pm",
        "welcome_note": "Patient and kind. They can talk to the bank or the power company for you.",
        "visits": [("Money help", 3, "monthly", 2, time(13), time(15))],
    },
    {
        "name": "ACT Community Corrections",
        "what_they_do": "People on parole or a community order can report here instead of the "
        "city office.",
        "phone": "02 6100 9000",
        "opening_hours": "Reporting at our centre on Fridays",
        "welcome_note": "Officers know our centre is a safe place. Staff can sit in if you want.",
        "visits": [("Corrections reporting", 4, "weekly", None, time(9, 30), time(12))],
    },
    {
        "name": "Pathways Drug and Alcohol Service",
        "what_they_do": "Drug treatment: detox, rehab beds, counselling and opioid maintenance "
        "treatment (methadone and bupe).",
        "address": "21 Gungahlin Place, Gungahlin",
        "phone": "02 6100 3300",
        "website": "pathways.example.org",
        "opening_hours": "Monday to Friday, 8am to 6pm",
        "welcome_note": "Peer workers on staff. Ask about the quick start for OMT.",
        "visits": [],
    },
    {
        "name": "Street Health Van",
        "what_they_do": "A van with a nurse and a doctor. Check-ups, wound care and scripts.",
        "phone": "0400 555 120",
        "opening_hours": "Different places each day. Call to check.",
        "welcome_note": "Very relaxed. You do not need to book.",
        "visits": [
            ("Health van outside the centre", 5, "weekly", None, time(9), time(11)),
            ("Health van outside the centre", 6, "weekly", None, time(10), time(12)),
        ],
    },
    {
        "name": "Old Town Outreach",
        "what_they_do": "Outreach for people sleeping rough. This service has closed.",
        "opening_hours": "Closed",
        "visits": [],
        "active": False,
    },
)


def make_partners(context: DemoContext) -> None:
    manager = context.users.get("manager")
    today = clock.today()
    for data in PARTNERS:
        data = dict(data)
        visits = data.pop("visits")
        partner = Partner(created_by_id=manager.id if manager else None, **data)
        db.session.add(partner)
        db.session.flush()
        for what, weekday, repeat, nth, starts, ends in visits:
            # Every second week counts from the next (or this) day of that kind.
            first = today + timedelta(days=(weekday - today.weekday()) % 7)
            db.session.add(
                InReachSession(
                    partner_id=partner.id,
                    weekday=weekday,
                    repeat=repeat,
                    week_of_month=nth,
                    from_day=first if repeat == "fortnightly" else None,
                    starts_at=starts,
                    ends_at=ends,
                    what=what,
                    created_by_id=manager.id if manager else None,
                )
            )
        context.made.setdefault("partners", []).append(partner)
    _suggested(context, today)


def _suggested(context: DemoContext, today) -> None:
    """One service a worker suggested, waiting for a senior or the manager (issue 17)."""
    worker = context.users.get("worker")
    db.session.add(
        Partner(
            name="Hope Street Women's Refuge",
            what_they_do="Safe beds and support for women and children leaving violence.",
            phone="02 6100 5511",
            active=False,
            suggested_by_id=worker.id if worker else None,
            suggested_on=today - timedelta(days=2),
            created_by_id=worker.id if worker else None,
        )
    )
    db.session.flush()
