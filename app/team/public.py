"""What other areas may use from the team area: its file check questions and the words of
its choices.

Everything else in app/team is private to it (import-linter checks this, `make lint`).
"""

from __future__ import annotations

from app.team.completeness import CHECKS
from app.team.forms import OUTCOMES, TOPICS
from app.team.reallocation import PERSON_VIEWS

__all__ = [
    "CHECKS",  # scale (staff.py): the file check's questions, for believable checks
    "OUTCOMES",  # scale (staff.py): what a case meeting decided
    "PERSON_VIEWS",  # what the person said about a move to a new worker (models name its keys)
    "TOPICS",  # scale (staff.py): supervision topics
]
