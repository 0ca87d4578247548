"""What other areas may use from the partners area: who is in at the centre on a day, an
in-reach session's repeat and times in words, and suggesting a service for the directory.

Everything else in app/partners is private to it (import-linter checks this, `make lint`).
"""

from __future__ import annotations

from app.partners.directory import find_partners, how_often, in_reach_on, time_text
from app.partners.suggestions import suggest_partner

__all__ = [
    "find_partners",  # clients (consent_routes.py): active partners by name, to choose from
    "how_often",  # frontdesk (routes.py): "Every second Tuesday"
    "in_reach_on",  # frontdesk (routes.py): the partner services at the centre today
    "suggest_partner",  # care (referrals.py): a typed service suggested for the directory
    "time_text",  # frontdesk (routes.py): an in-reach session's times ("10am", "1:30pm")
]
