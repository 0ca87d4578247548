"""Countries (ABS SACC 2016) and languages (ABS ASCL 2016) as people name them, to the
national codes, for the answers people give most often."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache


def plain_name(name: str | None) -> str:
    """Lower case letters and single spaces, no accents or dots ("Viet Nam" -> "viet nam")."""
    if not name:
        return ""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[^a-z]+", " ", text)
    return " ".join(text.split())


# ABS Standard Australian Classification of Countries 2016 (SACC), 4 digits, for METeOR
# 659454 (country of birth). Only the answers people give most often; a name not here is
# listed by the check so it can be added. Codes: check against the ABS list before an
# official submission.
SACC: dict[str, str] = {
    "0000": "Inadequately described",
    "0003": "Not stated",
    "1101": "Australia",
    "1201": "New Zealand",
    "1302": "Papua New Guinea",
    "1502": "Fiji",
    "1505": "Samoa",
    "1508": "Tonga",
    "2100": "United Kingdom, not further defined",
    "2102": "England",
    "2104": "Scotland",
    "2201": "Ireland",
    "2304": "Germany",
    "2308": "Netherlands",
    "3104": "Italy",
    "3207": "Greece",
    "4102": "Egypt",
    "4203": "Iran",
    "4204": "Iraq",
    "4208": "Lebanon",
    "4215": "Turkey",
    "4111": "Sudan",
    "5102": "Cambodia",
    "5104": "Thailand",
    "5105": "Vietnam",
    "5202": "Indonesia",
    "5203": "Malaysia",
    "5204": "Philippines",
    "6101": "China (excludes SARs and Taiwan)",
    "6102": "Hong Kong (SAR of China)",
    "6201": "Japan",
    "6203": "Korea, Republic of (South)",
    "7103": "India",
    "7107": "Sri Lanka",
    "7201": "Afghanistan",
    "8102": "Canada",
    "8104": "United States of America",
    "8206": "Chile",
    "9225": "South Africa",
}
COUNTRY_NOT_STATED = "0003"
COUNTRY_INADEQUATELY_DESCRIBED = "0000"
# Other ways people say the same country.
COUNTRY_ALIASES: dict[str, str] = {
    "aus": "1101",
    "oz": "1101",
    "nz": "1201",
    "aotearoa": "1201",
    "png": "1302",
    "uk": "2100",
    "united kingdom": "2100",
    "great britain": "2100",
    "britain": "2100",
    "viet nam": "5105",
    "china": "6101",
    "hong kong": "6102",
    "south korea": "6203",
    "korea": "6203",
    "usa": "8104",
    "us": "8104",
    "united states": "8104",
    "america": "8104",
}

# ABS Australian Standard Classification of Languages 2016 (ASCL), 4 digits, for METeOR
# 659407 (preferred language). The answers people give most often; check before an
# official submission.
ASCL: dict[str, str] = {
    "0000": "Inadequately described",
    "0002": "Not stated",
    "1201": "English",
    "2201": "Greek",
    "2303": "Spanish",
    "2401": "Italian",
    "4106": "Persian (excluding Dari)",
    "4202": "Arabic",
    "5203": "Hindi",
    "6302": "Vietnamese",
    "6511": "Tagalog",
    "7101": "Cantonese",
    "7104": "Mandarin",
    "7201": "Japanese",
    "7301": "Korean",
    "9701": "Auslan",
}
LANGUAGE_NOT_STATED = "0002"
LANGUAGE_INADEQUATELY_DESCRIBED = "0000"
LANGUAGE_ALIASES: dict[str, str] = {
    "australian english": "1201",
    "eng": "1201",
    "farsi": "4106",
    "persian": "4106",
    "chinese mandarin": "7104",
    "filipino": "6511",
    "sign language": "9701",
    "australian sign language": "9701",
}


def _lookup(name: str | None, table: dict[str, str], aliases: dict[str, str]) -> str | None:
    wanted = plain_name(name)
    if not wanted:
        return None
    if wanted in aliases:
        return aliases[wanted]
    for code, label in table.items():
        if code.startswith("000"):
            continue
        names = {
            plain_name(label),
            plain_name(label.split(",")[0]),
            plain_name(label.split(" (")[0]),
        }
        if wanted in names:
            return code
    return None


# Remembered: the export asks for the same few countries and languages for every episode.
@lru_cache(maxsize=2048)
def country_code(name: str | None) -> str | None:
    """SACC code of a country as a person names it, or None when it is not in our list."""
    return _lookup(name, SACC, COUNTRY_ALIASES)


@lru_cache(maxsize=2048)
def language_code(name: str | None) -> str | None:
    """ASCL code of a language as a person names it, or None when it is not in our list."""
    return _lookup(name, ASCL, LANGUAGE_ALIASES)
