"""What other code may use of scale-data: only its command, which app/cli.py adds.

Everything else in app/scale is private to it (import-linter checks this, `make lint`).
"""

from __future__ import annotations

from app.scale.command import init_app

__all__ = ["init_app"]  # cli: adds `flask scale-data` to the app's commands
