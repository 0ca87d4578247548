"""What other areas may use from the safety area: nothing yet. Its pages are reached through
its blueprint, its tiles and its home page panel (declared in `__init__.py`).

Everything else in app/safety is private to it (import-linter checks this, `make lint`).
"""

from __future__ import annotations

__all__: list[str] = []
