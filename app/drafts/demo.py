"""Demo drafts: a case note the demo worker started, and supervision notes the senior started."""

from __future__ import annotations

import json
from datetime import timedelta

from app import clock
from app.core.areas import DemoContext
from app.drafts import store
from app.extensions import db
from app.models import Draft


def make_demo_drafts(context: DemoContext) -> None:
    worker = context.users["worker"]
    theirs = [c for c in context.made.get("clients", []) if c.worker_id == worker.id]
    if theirs:
        client = theirs[0]
        _draft(
            worker,
            f"note:client-{client.id}",
            f"/clients/{client.id}/notes/new",
            {"text": "Met at the drop-in. Talked about the housing form; they want to"},
            client_id=client.id,
            hours_ago=3,
        )
    _draft(
        context.users["senior"],
        "supervision:new",
        "/team/supervision/new",
        {"notes": "Talked about the outreach roster and the new"},
        hours_ago=26,
    )


def _draft(user, key, path, fields, *, client_id=None, hours_ago=1) -> None:
    db.session.add(
        Draft(
            user_id=user.id,
            created_by_id=user.id,
            key=key,
            path=path,
            client_id=client_id,
            fields=json.dumps(fields),
            saved_at=clock.now() - timedelta(hours=hours_ago),
        )
    )
    assert key.split(":", 1)[0] in store.KINDS
