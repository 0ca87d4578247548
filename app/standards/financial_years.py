"""Australian financial years (1 July to 30 June), as the national data set counts them."""

from __future__ import annotations

from datetime import date


def financial_year(start_year: int) -> tuple[date, date]:
    """1 July of `start_year` to 30 June of the next year."""
    return date(start_year, 7, 1), date(start_year + 1, 6, 30)


def financial_year_of(day: date) -> int:
    """The year the financial year holding `day` starts in (30 June 2026 -> 2025)."""
    return day.year if day.month >= 7 else day.year - 1


def financial_year_words(start_year: int) -> str:
    """'2025-26'."""
    return f"{start_year}-{(start_year + 1) % 100:02d}"


def last_full_year(today: date) -> int:
    """The latest financial year that has ended."""
    return financial_year_of(today) - 1
