"""The picture of a signature drawn on the screen, for the consent page (issue 17)."""

from __future__ import annotations

from flask import abort

from app.access import get_or_404, requires
from app.clients import bp, signatures
from app.clients.page_helpers import get_client_for_current_user
from app.models import Consent


@bp.route("/<int:client_id>/consents/<int:consent_id>/signature.png")
@requires("clients.open")
def consent_signature(client_id: int, consent_id: int):
    """Only for someone who may open the consent (404 to anyone else). Not written to the
    audit log on its own: the consent page that shows it records the view."""
    client = get_client_for_current_user(client_id)
    consent = get_or_404(Consent, consent_id, visible=lambda c: c.client_id == client.id)
    row = signatures.signature_of(consent)
    if row is None:
        abort(404)
    return row.png, 200, {"Content-Type": "image/png", "Cache-Control": "private, no-store"}
