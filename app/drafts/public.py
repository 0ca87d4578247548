"""What other areas may use from drafts: removing old drafts (admin: the retention run).

Import it as a module: `from app.drafts import public as drafts`.
"""

from __future__ import annotations

from app.drafts import store as _store

KEEP_DAYS = _store.KEEP_DAYS  # drafts left this many days are removed
remove_old_drafts = _store.remove_old_drafts  # remove them now; returns how many went
