from datetime import date

import pytest

from app.contact_rules import is_quiet, months_before, should_close

TODAY = date(2026, 5, 31)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 5, 31), 3, date(2026, 2, 28)),  # February is shorter
        (date(2026, 3, 15), 3, date(2025, 12, 15)),  # across a year
        (date(2028, 5, 29), 3, date(2028, 2, 29)),  # leap year
    ],
)
def test_months_before(day, months, expected):
    assert months_before(day, months) == expected


def test_six_weeks_quiet_counts_from_the_last_contact_or_the_start():
    assert is_quiet(date(2026, 4, 19), date(2026, 1, 1), TODAY)  # 42 days
    assert not is_quiet(date(2026, 4, 20), date(2026, 1, 1), TODAY)  # 41 days
    assert is_quiet(None, date(2026, 4, 19), TODAY)
    assert not is_quiet(None, date(2026, 5, 1), TODAY)


def test_close_after_three_months_with_no_contact_and_none_planned():
    assert should_close(date(2026, 2, 28), date(2025, 1, 1), None, TODAY)
    assert not should_close(date(2026, 3, 1), date(2025, 1, 1), None, TODAY)


def test_a_planned_contact_keeps_the_episode_open():
    assert not should_close(date(2025, 12, 1), date(2025, 1, 1), date(2026, 6, 3), TODAY)
    assert should_close(date(2025, 12, 1), date(2025, 1, 1), date(2026, 5, 1), TODAY)  # past


def test_a_new_episode_with_no_contact_yet_counts_from_its_start():
    assert not should_close(None, date(2026, 4, 1), None, TODAY)
    assert should_close(None, date(2026, 2, 1), None, TODAY)
