"""Small rules of care work: times as people type them, late notes, months, plan limits,
and the plain words kept beside the national codes when an episode closes."""

from datetime import UTC, date, datetime, time, timedelta

import pytest

from app.care import closing, plan_changes, plans
from app.care.notes import NOTE_LIMIT, is_late
from app.care.times import add_months, local_moment, monday_of
from app.forms import parse_time
from app.standards import codes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14:30", time(14, 30)),
        ("2:30pm", time(14, 30)),
        ("2.30 pm", time(14, 30)),
        ("9am", time(9, 0)),
        ("12am", time(0, 0)),
        ("12pm", time(12, 0)),
        ("09:05", time(9, 5)),
        ("0:00", time(0, 0)),
        ("25:00", None),
        ("13pm", None),
        ("half past two", None),
        ("", None),
        (None, None),
    ],
)
def test_times_as_people_type_them(text, expected):
    assert parse_time(text) == expected


def test_a_note_is_late_after_48_hours():
    contact = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
    assert not is_late(contact, contact + timedelta(hours=47, minutes=59))
    assert not is_late(contact, contact + timedelta(hours=48))
    assert is_late(contact, contact + timedelta(hours=48, seconds=1))
    assert NOTE_LIMIT == 20_000


def test_three_months_on_and_the_week_and_canberra_time():
    assert add_months(date(2026, 3, 3), 3) == date(2026, 6, 3)
    assert add_months(date(2026, 11, 30), 3) == date(2027, 2, 28)
    assert add_months(date(2027, 11, 30), 3) == date(2028, 2, 29)
    assert monday_of(date(2026, 3, 8)) == date(2026, 3, 2)
    # Canberra is 11 hours ahead in March (daylight saving).
    assert local_moment(date(2026, 3, 3), time(9, 0)) == datetime(2026, 3, 2, 22, 0, tzinfo=UTC)
    assert local_moment(date(2026, 7, 1), time(9, 0)) == datetime(2026, 6, 30, 23, 0, tzinfo=UTC)


def test_the_plan_rules_in_plain_words():
    assert plans.MAX_GOALS == 3
    assert plans.TOO_MANY_GOALS == "A plan has up to three goals. Finish or change one first."
    assert "failed" not in " ".join(plan_changes.STATUS_CHANGE_WORDS.values())


def test_every_national_reason_has_plain_words_and_the_code_is_kept():
    assert set(closing.REASON_WORDS) == set(codes.REASON_FOR_CESSATION)
    assert closing.REASON_WORDS[8] == "Asked to leave the service"
    assert "participate" not in " ".join(closing.REASON_WORDS.values()).lower()
    assert set(closing.SETTING_WORDS) == set(codes.DELIVERY_SETTING)
    rows = closing.check_rows(
        {
            "reason": 7,
            "main_treatment_type": 5,
            "delivery_setting": 1,
            "principal_drug": "3103",
            "closed_on": "2026-03-02",
        }
    )
    words = dict((q, a) for q, a, _ in rows)
    assert words["Why it is closing"] == (
        "Stopped coming, without telling us (national code 7: Ceased to participate without notice)"
    )
    assert words["Main kind of support"] == "Support and case management only (national code 5)"
    assert words["Main drug of concern"] == "Methamphetamine (code 3103)"
    assert closing.missing({"reason": 1}) == [
        "the main kind of support",
        "where the support happened",
        "the day it closed",
    ]
