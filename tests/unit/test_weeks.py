"""Weeks as people say them, everywhere a person reads: never the ISO code."""

from __future__ import annotations

from bot.core.periods import PeriodKey
from bot.i18n.weeks import first_up, week, week_long, week_number


def test_a_week_is_its_number_and_its_days() -> None:
    assert week(PeriodKey(2026, 48), "vi") == "tuần 48 (23/11 – 29/11)"
    assert week(PeriodKey(2026, 48), "en") == "week 48 (23/11 – 29/11)"


def test_a_week_across_the_new_year_shows_both_years() -> None:
    assert week(PeriodKey(2026, 1), "vi") == "tuần 1 (29/12/2025 – 04/01/2026)"


def test_a_documents_title_says_the_week_with_its_year() -> None:
    assert week_long(PeriodKey(2026, 48), "vi") == "tuần 48, từ ngày 23/11 đến ngày 29/11/2026"


def test_a_label_starts_with_a_capital() -> None:
    assert first_up(week(PeriodKey(2026, 48), "vi")) == "Tuần 48 (23/11 – 29/11)"
    assert week_number(PeriodKey(2026, 48), "vi") == "tuần 48"


def test_the_last_week_of_the_calendar_is_named_without_its_days() -> None:
    assert week(PeriodKey(9999, 52), "vi") == "tuần 52/9999"
