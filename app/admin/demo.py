"""A demo file past its time, so the manager's "Old files" page has something to review."""

from datetime import UTC, date, datetime

from app.clients import public as clients
from app.core.areas import DemoContext
from app.extensions import db
from app.models import Episode


def make_old_file(context: DemoContext) -> None:
    worker = context.users["worker"]
    client = clients.create_client({"given_name": "Reg", "family_name": "Oldfield"}, worker)
    client.created_at = datetime(2017, 8, 14, 2, 0, tzinfo=UTC)
    client.born_on = date(1961, 4, 2)
    episode = Episode(
        client_id=client.id,
        opened_on=date(2017, 8, 14),
        closed_on=date(2018, 2, 1),
        source_of_referral=1,
        reason_for_cessation=1,
        created_by_id=worker.id,
    )
    db.session.add(episode)
    context.made["old_file"] = client
