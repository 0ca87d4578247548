"""What other areas may use of training: putting the programme and the agreements in a new
database (the scale-data command makes a big one).

Everything else in app/training is private to it (import-linter checks this, `make lint`).
"""

from __future__ import annotations

from app.training.agreements import load_agreements
from app.training.programme import load_programme

__all__ = [
    "load_agreements",  # scale (staff.py): the four agreements, first versions
    "load_programme",  # scale (staff.py): the programme from programme.yaml, once
]
