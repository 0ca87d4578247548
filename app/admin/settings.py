"""Settings the manager changes in the app (issue 17): the national data set's establishment
identifier. The saved value wins over the deployment's PEERDESK_ESTABLISHMENT_ID, which stays
as the default for a new deployment."""

from __future__ import annotations

from dataclasses import dataclass

from app import audit, clock
from app.core.saving import Refused
from app.extensions import db
from app.models import Setting, User
from app.reports import public as reports

PLACEHOLDER = "That is the placeholder number. Enter your service's own number"


@dataclass
class EstablishmentNow:
    """What the file uses now, and where it comes from, for the settings page."""

    value: str
    source: str  # "saved", "deployment" or "placeholder"
    row: Setting | None


def establishment_now() -> EstablishmentNow:
    row = reports.saved_establishment()
    if row is not None and row.value:
        return EstablishmentNow(row.value, "saved", row)
    deployed = reports.deployment_establishment()
    if deployed:
        return EstablishmentNow(deployed, "deployment", None)
    return EstablishmentNow(reports.DEFAULT_ESTABLISHMENT, "placeholder", None)


def normalise(text: str) -> str:
    """People copy it with spaces or in lower case: 81010 0001 is 810100001."""
    return "".join(text.split()).upper()


def establishment_refusal(text: str) -> str | None:
    """Why this cannot be the establishment identifier, in plain words, or None."""
    value = normalise(text or "")
    if value == reports.DEFAULT_ESTABLISHMENT:
        return PLACEHOLDER
    problem = reports.establishment_problem(value)
    if problem:
        return (
            f"{problem}. It is 2 digits for the state and sector, 1 or 2 letters or digits "
            "for the region, then 5 digits"
        )
    return None


def set_establishment(text: str, *, by: User) -> bool:
    """Save the establishment identifier. Refused when it is not in the national shape or is
    the placeholder. False when it is already that number."""
    refusal = establishment_refusal(text)
    if refusal:
        raise Refused(refusal)
    value = normalise(text)
    row = reports.saved_establishment()
    before = row.value if row is not None else None
    if before == value:
        return False
    if row is None:
        row = Setting(name=reports.ESTABLISHMENT_SETTING, value=value, created_by_id=by.id)
        db.session.add(row)
    row.value = value
    row.changed_by_id = by.id
    row.changed_at = clock.now()
    db.session.flush()
    audit.record(
        "setting.changed",
        record=row,
        detail={"setting": reports.ESTABLISHMENT_SETTING, "from": before, "to": value},
    )
    return True
