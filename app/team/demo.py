"""Demo supervision records: line, clinical and group, with next dates."""
from datetime import timedelta

from app import clock
from app.demo import DemoContext, demo_area
from app.team import service


@demo_area(90, "supervision")
def make_demo_supervision(context: DemoContext) -> None:
    users = context.users
    today = clock.today()
    for weeks_ago, worker in [(6, "worker"), (2, "worker"), (3, "worker2"), (1, "worker3")]:
        held = today - timedelta(weeks=weeks_ago)
        service.create_supervision(
            supervisor=users["manager"],
            kind="line",
            held_on=held,
            worker_ids=[users[worker].id],
            topics=["workload", "balance"],
            other_topics="",
            notes="Caseload feels right. Planning leave after the court dates.",
            next_on=held + timedelta(weeks=4),
        )
    for weeks_ago in (4, 2):
        held = today - timedelta(weeks=weeks_ago)
        service.create_supervision(
            supervisor=users["senior"],
            kind="group",
            held_on=held,
            worker_ids=[users[w].id for w in ("worker", "worker2", "worker3")],
            topics=["boundaries", "self_care"],
            other_topics="Debrief after a hard week",
            notes="Shared ideas for keeping boundaries with people we knew before.",
            next_on=held + timedelta(weeks=2),
        )
