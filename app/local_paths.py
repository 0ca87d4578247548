"""The one check for a page address the app sends people to after signing in (`next`).

Only a path on this site passes. Browsers forgive a lot (they drop tabs and newlines, read a
backslash as a slash), so anything a browser might turn into another site is refused, not
cleaned up: the person simply goes to their home page.
"""

from __future__ import annotations

import re
from urllib.parse import quote, unquote, urlsplit

# Control characters (tab, CR, LF, NUL, DEL, ...), raw or after one round of decoding.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# A slash or backslash written as %2F or %5C in the path: a browser or proxy may decode it.
_ENCODED_SLASH = re.compile(r"%(2f|5c)", re.IGNORECASE)
# Characters kept as they are when the path is made safe for a Location header.
_KEEP = "/?&=%#:@!$'()*+,;~"
MAX_LENGTH = 2000


def safe_local_path(value: object) -> str | None:
    """The value when it is a path on this site (like "/clients/3?tab=notes"), otherwise None."""
    if not isinstance(value, str) or not value or len(value) > MAX_LENGTH:
        return None
    decoded = unquote(value)
    for text in (value, decoded):
        if _CONTROL.search(text) or "\\" in text or not text.startswith("/"):
            return None
        path = text.split("?", 1)[0]
        if "//" in path or _ENCODED_SLASH.search(path):
            return None
    parts = urlsplit(value)
    if parts.scheme or parts.netloc:
        return None
    # Letters beyond ASCII (a name in a search) are encoded, so the header stays valid.
    return quote(value, safe=_KEEP)
