"""Demo safety records: an incident waiting for a review, a closed one with a debrief, a
complaint with its steps, and a critical incident. Nothing here is a real person."""

from __future__ import annotations

from datetime import time, timedelta

from app import clock
from app.core.areas import DemoContext
from app.extensions import db
from app.models import Complaint, ComplaintStep, CriticalIncident, CriticalNotice, Incident
from app.safety.incidents import moment


def make_demo_safety(context: DemoContext) -> None:
    users = context.users
    desk, senior, manager = users["frontdesk"], users["senior"], users["manager"]
    today = clock.today()
    open_one = Incident(
        happened_at=moment(today - timedelta(days=1), time(11, 20)),
        place="front_desk",
        what_happened="A visitor was upset that the showers were closed. They shouted and "
        "hit the desk. They calmed down after a few minutes and left.",
        who_involved="A visitor and a front desk volunteer.",
        de_escalation="I spoke quietly, said I understood, and told them when the showers "
        "open again. I gave them space.",
        anyone_hurt=False,
        told=["senior"],
        created_by_id=desk.id,
    )
    closed_on = today - timedelta(days=6)
    closed_one = Incident(
        happened_at=moment(today - timedelta(days=9), time(14, 5)),
        place="drop_in",
        what_happened="Two visitors argued over a phone charger. One pushed the other.",
        who_involved="Two visitors, a volunteer and a peer worker.",
        de_escalation="The peer worker took one visitor outside for a talk. The volunteer "
        "stayed with the other.",
        anyone_hurt=True,
        first_aid="A visitor had a small cut on the hand. The volunteer cleaned it and put "
        "a plaster on.",
        told=["senior", "manager"],
        status="closed",
        learned="Two people at the desk helped. We will put a second charger at the desk "
        "so people do not have to share.",
        reviewed_by_id=senior.id,
        closed_at=clock.start_of(closed_on) + timedelta(hours=15),
        debrief_offered_on=closed_on,
        debrief_taken_up=True,
        debrief_by_id=senior.id,
        created_by_id=users["frontdesk2"].id,
    )
    complaint = Complaint(
        from_kind="person",
        about="They waited a long time at the desk and felt ignored while staff talked.",
        received_on=today - timedelta(days=12),
        status="looked_into",
        created_by_id=desk.id,
    )
    complaint.steps = [
        ComplaintStep(
            step="acknowledged",
            done_on=today - timedelta(days=11),
            by_id=manager.id,
            note="Told them in person that we have it and will look into it.",
            created_by_id=manager.id,
        ),
        ComplaintStep(
            step="looked_into",
            done_on=today - timedelta(days=5),
            by_id=manager.id,
            note="The desk was short of a volunteer that morning.",
            created_by_id=manager.id,
        ),
    ]
    happened = moment(today - timedelta(days=3), time(10, 40))
    critical = CriticalIncident(
        kind="overdose",
        happened_at=happened,
        place="The toilets",
        what_happened="A visitor did not come out of the toilet. A worker knocked, then "
        "opened the door. The visitor was not breathing well.",
        response="Gave naloxone and rescue breaths. Called 000. The visitor woke up before "
        "the ambulance came and went to hospital.",
        follow_up="Debrief with the staff on shift the same day.",
        status="open",
        created_by_id=users["worker"].id,
    )
    critical.notices = [
        CriticalNotice(who="ambulance", told_at=happened + timedelta(minutes=3)),
        CriticalNotice(who="manager", told_at=happened + timedelta(minutes=20)),
        CriticalNotice(who="funder", told_at=happened + timedelta(days=1)),
    ]
    db.session.add_all([open_one, closed_one, complaint, critical])
