"""The one parser for whole numbers that people or pages send: ids, versions, counts.

`str.isdigit()` is true for "²" and "٣", and `int()` then raises or reads a number nobody
typed: a 500 from a crafted request. Only the ASCII digits 0-9 count here.
"""

from __future__ import annotations

import re

ASCII_DIGITS = re.compile(r"[0-9]{1,19}")
LARGEST_ID = 2**63 - 1  # a signed 64-bit column


def whole_number(value, *, low: int = 0, high: int = LARGEST_ID) -> int | None:
    """The number in `value` ("12", " 12 "), or None when it is not a whole number from
    `low` to `high` written in ASCII digits."""
    text = str(value if value is not None else "").strip()
    if not ASCII_DIGITS.fullmatch(text):
        return None
    number = int(text)
    return number if low <= number <= high else None


def record_id(value) -> int | None:
    """A record's id sent in a form or a query string: 1 or more, and fits the database."""
    return whole_number(value, low=1)
