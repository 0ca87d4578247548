"""What other areas may use from the admin area: nothing today. The manager's pages (accounts,
the audit log, old files) are reached by their addresses, not called by other areas.

Everything in app/admin is private to it (import-linter checks this, `make lint`).
"""

from __future__ import annotations

__all__: list[str] = []
