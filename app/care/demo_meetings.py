"""A demo care coordination meeting: a person, their worker, a senior and the housing
service they agreed we could share with, with three actions (one late)."""

from __future__ import annotations

from datetime import time, timedelta

from sqlalchemy import select

from app import clock
from app.care import meetings
from app.care.times import local_moment
from app.core.areas import DemoContext
from app.core.saving import Refused
from app.extensions import db
from app.models import Partner


def make_demo_meeting(context: DemoContext) -> None:
    people = context.made.get("clients") or []
    housing = db.session.scalar(select(Partner).where(Partner.name == "Homeground Housing Help"))
    if len(people) < 3 or housing is None:
        return
    client = people[2]
    worker = client.worker or context.users["worker"]
    senior = context.users.get("senior")
    today = clock.today()
    held = local_moment(today - timedelta(days=5), time(10, 30))
    data = meetings.MeetingData(
        held_at=held,
        agreed=(
            "Homeground will hold the crisis bed for two more weeks. We will help with the "
            "priority housing form. They will bring the Centrelink letter."
        ),
        staff_ids=[worker.id] + ([senior.id] if senior else []),
        partner_ids=[housing.id],
        actions=[
            meetings.ActionData(
                "Help fill in the priority housing form", today + timedelta(3), user_id=worker.id
            ),
            meetings.ActionData(
                "Bring the Centrelink letter", today + timedelta(7), who_name=client.name
            ),
            meetings.ActionData(
                "Ring back about the crisis bed",
                today - timedelta(1),
                who_name="Homeground caseworker",
            ),
        ],
    )
    try:
        meetings.record_meeting(client, data, worker)
    except Refused:
        return  # no open episode or no consent for the service: no demo meeting
