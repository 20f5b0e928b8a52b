from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.core.periods import PeriodKey, PeriodWindow, WeeklyTime, named_week

HCM = ZoneInfo("Asia/Ho_Chi_Minh")


def test_a_period_is_written_as_an_iso_week() -> None:
    assert str(PeriodKey(2026, 48)) == "2026-W48"
    assert PeriodKey.parse("2026-W48") == PeriodKey(2026, 48)
    assert PeriodKey.parse(" 2026-w07 ") == PeriodKey(2026, 7)


@pytest.mark.parametrize("text", ["2026-48", "2026W48", "W48", "2027-W53", "2026-W00", ""])
def test_a_period_that_does_not_exist_is_refused(text: str) -> None:
    with pytest.raises(ValueError):  # noqa: PT011 - the message varies with the input
        PeriodKey.parse(text)


def test_2026_has_a_53rd_week_and_2027_does_not() -> None:
    assert PeriodKey(2026, 53).next() == PeriodKey(2027, 1)
    with pytest.raises(ValueError):  # noqa: PT011
        PeriodKey(2027, 53)


def test_the_current_period_follows_the_groups_time_zone_not_utc() -> None:
    # Monday 00:30 in Hồ Chí Minh City is still Sunday 17:30 in UTC.
    monday_just_after_midnight = datetime(2026, 11, 29, 17, 30, tzinfo=UTC)
    assert PeriodKey.at(monday_just_after_midnight, HCM) == PeriodKey(2026, 49)
    assert PeriodKey.at(monday_just_after_midnight, ZoneInfo("UTC")) == PeriodKey(2026, 48)


def test_the_new_year_week_belongs_to_the_iso_year() -> None:
    assert PeriodKey.containing(date(2027, 1, 3)) == PeriodKey(2026, 53)
    assert PeriodKey.containing(date(2027, 1, 4)) == PeriodKey(2027, 1)
    assert PeriodKey(2027, 1).previous() == PeriodKey(2026, 53)


def test_a_naive_now_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        PeriodKey.at(datetime(2026, 11, 23, 9, 0), HCM)


def test_the_deadline_is_the_weekday_and_local_time_within_the_period() -> None:
    friday_five_pm = WeeklyTime.parse("friday 17:00")
    deadline = friday_five_pm.in_period(PeriodKey(2026, 48), HCM)
    assert deadline == datetime(2026, 11, 27, 10, 0, tzinfo=UTC)


def test_a_period_window_runs_from_monday_midnight_to_the_next_monday_local_time() -> None:
    window = PeriodWindow.of(PeriodKey(2026, 48), HCM, WeeklyTime.parse("fri 17:00"))
    assert window.starts_at == datetime(2026, 11, 22, 17, 0, tzinfo=UTC)
    assert window.ends_at == datetime(2026, 11, 29, 17, 0, tzinfo=UTC)
    assert window.contains(datetime(2026, 11, 29, 16, 59, tzinfo=UTC))
    assert not window.contains(window.ends_at)


def test_a_week_with_a_daylight_saving_change_is_an_hour_shorter() -> None:
    berlin = ZoneInfo("Europe/Berlin")  # clocks go forward on Sunday 29 March 2026
    window = PeriodWindow.of(PeriodKey(2026, 13), berlin, WeeklyTime.parse("fri 17:00"))
    assert window.ends_at - window.starts_at == timedelta(days=7, hours=-1)
    assert window.deadline_at == datetime(2026, 3, 27, 16, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "weekday", "at"),
    [
        ("friday 17:00", 5, time(17, 0)),
        ("fri 17:00", 5, time(17, 0)),
        ("Monday 08:00", 1, time(8, 0)),
        ("sun 23:59", 7, time(23, 59)),
    ],
)
def test_weekly_times_are_a_weekday_and_hh_mm(text: str, weekday: int, at: time) -> None:
    assert WeeklyTime.parse(text) == WeeklyTime(weekday, at)


@pytest.mark.parametrize(
    "text", ["friday", "17:00 friday", "fr 17:00", "t 17:00", "friday 5pm", "friday 17:00:30"]
)
def test_weekly_times_that_cannot_be_read_are_refused(text: str) -> None:
    with pytest.raises(ValueError):  # noqa: PT011
        WeeklyTime.parse(text)


@pytest.mark.parametrize(
    "text", ["2026-W47", "2026-w47", "47", "w47", "tuan 47", "tuần 47", "week 47"]
)
def test_a_command_names_a_week_by_its_code_or_as_people_say_it(text: str) -> None:
    assert named_week(text, PeriodKey(2026, 48)) == PeriodKey(2026, 47)


def test_a_week_number_still_to_come_this_year_means_last_years() -> None:
    assert named_week("50", PeriodKey(2026, 48)) == PeriodKey(2025, 50)


@pytest.mark.parametrize("text", ["", "0", "54", "tuần", "x47", "47 48", "2026-W99"])
def test_what_names_no_week_is_none(text: str) -> None:
    assert named_week(text, PeriodKey(2026, 48)) is None
