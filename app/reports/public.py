"""What other areas may use from the reports area: the facts the national data row needs.

Everything else in app/reports is private to it (import-linter checks this, `make lint`).
"""

from __future__ import annotations

from app.reports.nmds import facts_of

__all__ = [
    "facts_of",  # team (audits.py): a file check lists the national items a file is missing
]
