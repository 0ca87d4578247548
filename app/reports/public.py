"""What other areas may use from the reports area: the facts the national data row needs, and
the establishment identifier the national file carries.

Everything else in app/reports is private to it (import-linter checks this, `make lint`).
"""

from __future__ import annotations

from app.reports.nmds import (
    DEFAULT_ESTABLISHMENT,
    ESTABLISHMENT_SETTING,
    deployment_establishment,
    establishment_id,
    establishment_problem,
    facts_of,
    saved_establishment,
)

__all__ = [
    "facts_of",  # team (audits.py): a file check lists the national items a file is missing
    # admin (settings): the manager sets the establishment identifier
    "DEFAULT_ESTABLISHMENT",
    "ESTABLISHMENT_SETTING",
    "deployment_establishment",
    "establishment_id",
    "establishment_problem",
    "saved_establishment",
]
