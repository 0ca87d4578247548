"""What other areas may use of the front desk: its lists and its standard rows.

Everything else in app/frontdesk is private to it (import-linter checks this, `make lint`).
"""

from __future__ import annotations

from app.frontdesk.demo import CLOSE, DAILY, OPEN
from app.frontdesk.lists import CLOSE_REASONS, GROUPS
from app.frontdesk.tally import add_standard_lists

__all__ = [
    "CLOSE",  # scale (places.py): the hour the drop-in closes, for believable made-up days
    "CLOSE_REASONS",  # scale (places.py): why a handover was closed
    "DAILY",  # scale (places.py): how many of each thing a drop-in day counts, on average
    "GROUPS",  # reports (weekly.py): the order of the tally groups
    "OPEN",  # scale (places.py): the hour the drop-in opens
    "add_standard_lists",  # scale (staff.py): the standard tally items and daily tasks
]
