"""What the client file page shows about a re-allocation still to be handed over.

The clients area may not import team, so the file page asks for `moving_away(client)` (the
way it asks care for `care_cover`). Who may open the file stays the clients area's one rule.
"""

from __future__ import annotations

from app.clients import public as clients
from app.core.people import me
from app.team import bp


def moving_away(client):
    """The re-allocation moving this file away from the signed-in worker, before its
    handover day, or None."""
    return clients.pending_handover(me(), client)


@bp.app_context_processor
def reallocation_helpers():
    return {"moving_away": moving_away}
