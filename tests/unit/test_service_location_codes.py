"""Where we met them -> the national treatment delivery setting (METeOR 270068), the contact
frequency rule, and a worker's fit against what a person asked for (issue 17)."""

from datetime import UTC, date, datetime, timedelta
from types import SimpleNamespace

import pytest

from app.clients import contact_frequency, preferences
from app.standards import codes


@pytest.mark.parametrize(
    ("place", "setting"),
    [
        ("drop_in", 1),
        ("home", 3),
        ("outreach", 4),
        ("prison", 4),  # a prison or correctional centre visit is outreach
        ("hospital", 4),  # so is a hospital visit
        ("other", 8),
        (None, 1),  # not answered: the drop-in centre, the service's own place
    ],
)
def test_each_place_we_meet_has_its_national_setting(place, setting):
    assert codes.delivery_setting_code(place) == setting


def test_every_place_maps_to_a_code_in_the_national_table():
    for key, answer in codes.SERVICE_LOCATION.items():
        assert answer.code in codes.DELIVERY_SETTING, key


def test_the_new_places_are_offered_in_plain_words():
    words = dict(codes.choices(codes.SERVICE_LOCATION))
    assert words["prison"] == "Prison or correctional centre"
    assert words["hospital"] == "Hospital"
    assert words["other"] == "Somewhere else"


TODAY = date(2026, 3, 3)


@pytest.mark.parametrize(
    ("frequency", "days_since", "overdue"),
    [
        ("daily", 1, False),
        ("daily", 2, True),
        ("weekly", 7, False),
        ("weekly", 8, True),
        ("fortnightly", 14, False),
        ("fortnightly", 15, True),
        ("monthly", 31, False),
        ("monthly", 32, True),
        (None, 400, False),  # nothing agreed: never overdue
    ],
)
def test_overdue_for_contact_is_more_days_than_agreed(frequency, days_since, overdue):
    last = TODAY - timedelta(days=days_since)
    assert contact_frequency.is_overdue(frequency, last, today=TODAY) is overdue


def test_with_no_contact_yet_the_time_counts_from_the_start():
    start = TODAY - timedelta(days=9)
    assert contact_frequency.is_overdue("weekly", None, since=start, today=TODAY)
    assert not contact_frequency.is_overdue("weekly", None, since=None, today=TODAY)


def test_a_contact_time_is_read_as_a_canberra_day():
    # 11pm UTC on 23 February is 24 February in Canberra: 7 days before 3 March.
    late_evening = datetime(2026, 2, 23, 23, 0, tzinfo=UTC)
    assert not contact_frequency.is_overdue("weekly", late_evening, today=TODAY)


def test_stepping_down_is_suggested_from_daily_or_weekly_only():
    assert [f for f in contact_frequency.FREQUENCIES if contact_frequency.step_down_prompt(f)] == [
        "daily",
        "weekly",
    ]


def worker(**about):
    return SimpleNamespace(
        gender=about.get("gender"),
        indigenous=about.get("indigenous"),
        languages=about.get("languages", []),
    )


def test_a_workers_fit_in_plain_words():
    wanted = {"gender": "woman", "indigenous": "yes", "language": "vietnamese"}
    fits = preferences.fit(
        worker(gender="woman", indigenous="Aboriginal", languages=["Vietnamese"]), wanted
    )
    assert fits.words == "Woman · Aboriginal · speaks Vietnamese" and fits.meets
    unknown = preferences.fit(worker(), wanted)
    assert unknown.words == "Nothing shared" and len(unknown.unmet) == 3


def test_any_gender_and_does_not_matter_ask_for_nothing():
    wanted = {"gender": "any", "indigenous": "no_matter", "language": "  "}
    assert preferences.clean(wanted) == {}
    assert preferences.in_words(wanted) == ""
    assert preferences.fit(worker(), wanted).meets


def test_non_binary_is_met_by_a_non_binary_worker_or_another_gender():
    wanted = {"gender": "nonbinary"}
    assert preferences.fit(worker(gender="nonbinary"), wanted).meets
    assert preferences.fit(worker(gender="another"), wanted).meets
    assert not preferences.fit(worker(gender="woman"), wanted).meets
