"""The AODTS-NMDS statistical linkage key 581 (METeOR 686238, newer 750410).

14 characters: letters 2, 3 and 5 of the family name, letters 2 and 3 of the first given
name, the date of birth as DDMMYYYY, then the sex code (1, 2, 3 or 9).
"""

from __future__ import annotations

import unicodedata
from datetime import date

NO_FAMILY_NAME = "999"
NO_GIVEN_NAME = "99"
FILL = "2"


def letters_only(name: str | None) -> str:
    """Upper-case letters A to Z only: hyphens, apostrophes, spaces and accents go."""
    if not name:
        return ""
    plain = unicodedata.normalize("NFKD", name)
    return "".join(c for c in plain.upper() if "A" <= c <= "Z")


def _pick(letters: str, places: tuple[int, ...]) -> str:
    return "".join(letters[p - 1] if len(letters) >= p else FILL for p in places)


def family_part(family_name: str | None) -> str:
    letters = letters_only(family_name)
    return _pick(letters, (2, 3, 5)) if letters else NO_FAMILY_NAME


def given_part(given_name: str | None) -> str:
    """Letters 2 and 3 of the first given name (spaces and hyphens skipped, as for family)."""
    letters = letters_only(given_name)
    return _pick(letters, (2, 3)) if letters else NO_GIVEN_NAME


def slk581(
    family_name: str | None, given_name: str | None, born: date | None, sex_code: int | None
) -> str | None:
    """The key, or None when there is no date of birth (not even an estimated year)."""
    if born is None:
        return None
    sex = sex_code if sex_code in (1, 2, 3, 9) else 9
    return f"{family_part(family_name)}{given_part(given_name)}{born:%d%m%Y}{sex}"
