"""What other areas may use from the partners area: who is in at the centre on a day, and an
in-reach session's repeat and times in words.

Everything else in app/partners is private to it (import-linter checks this, `make lint`).
"""

from __future__ import annotations

from app.partners.directory import how_often, in_reach_on, time_text

__all__ = [
    "how_often",  # frontdesk (routes.py): "Every second Tuesday"
    "in_reach_on",  # frontdesk (routes.py): the partner services at the centre today
    "time_text",  # frontdesk (routes.py): an in-reach session's times ("10am", "1:30pm")
]
