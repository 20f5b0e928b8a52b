"""The chart: a PNG of the expected size, whatever the weeks hold."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from bot.config import GroupConfig, load_config
from bot.core.digest import OrganizationFacts, ReportFacts, StoredAnswer, build_digest
from bot.core.periods import PeriodKey
from bot.exports.chart import HEIGHT_PX, WIDTH_PX, chart_png, chart_series
from bot.exports.data import History, PeriodReport
from tests.images import png_size

EXAMPLE = Path(__file__).parents[2] / "config.example.toml"


def example_group() -> GroupConfig:
    return load_config(EXAMPLE).groups[0]


def week(
    group: GroupConfig,
    key: PeriodKey,
    submitted: int,
    households: int | None,
    *,
    late: int = 0,
    holiday: bool = False,
) -> PeriodReport:
    deadline = datetime.combine(key.day(5), datetime.min.time(), UTC) + timedelta(hours=17)
    organizations = []
    for index, org in enumerate(group.organizations):
        report = None
        if index < submitted:
            at = deadline + timedelta(hours=1) if index < late else deadline - timedelta(hours=1)
            answers = {}
            if households is not None:
                answers["ho_kho_khan"] = StoredAnswer(str(households), str(households))
                answers["gia_tri_ho_kho_khan"] = StoredAnswer("1500000000", "1500000000")
            report = ReportFacts(submitted_at=at, excused=False, answers=answers)
        questions = group.questions_for(org.code)
        organizations.append(OrganizationFacts(org.code, org.name, (), questions, report))
    digest = build_digest(key, deadline, organizations, deadline + timedelta(days=3))
    return PeriodReport(group, digest, key.first_day(), key.day(7), holiday)


def test_the_chart_is_a_png_of_the_expected_size_with_rates_and_figures() -> None:
    group = example_group()
    keys = [PeriodKey(2026, w) for w in range(41, 49)]
    reports = [
        week(group, k, submitted=i % 7, households=100 + i, late=1) for i, k in enumerate(keys)
    ]
    with warnings.catch_warnings():
        # matplotlib warns "Glyph ... missing from font(s)" for a letter it cannot draw:
        # every Vietnamese letter of the labels must be in the font.
        warnings.simplefilter("error")
        data = chart_png(History(group, tuple(reports)))
    assert png_size(data) == (WIDTH_PX, HEIGHT_PX)


def a_new_group(group: GroupConfig) -> list[PeriodReport]:
    return [week(group, PeriodKey(2026, 48), 0, None)]


def a_holiday_then_no_figures(group: GroupConfig) -> list[PeriodReport]:
    return [
        week(group, PeriodKey(2026, 47), 6, 5, holiday=True),
        week(group, PeriodKey(2026, 48), 2, None),
    ]


@pytest.mark.parametrize("weeks", [a_new_group, a_holiday_then_no_figures])
def test_a_chart_is_drawn_for_a_new_group_or_weeks_without_figures(
    weeks: Callable[[GroupConfig], list[PeriodReport]],
) -> None:
    group = example_group()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        data = chart_png(History(group, tuple(weeks(group))))
    assert png_size(data) == (WIDTH_PX, HEIGHT_PX)


def test_the_chart_shows_each_weeks_share_on_time_and_late_and_the_first_figures_totals() -> None:
    group = example_group()
    reports = (
        week(group, PeriodKey(2026, 46), submitted=3, households=10, late=1),
        week(group, PeriodKey(2026, 47), submitted=6, households=None, holiday=True),
        week(group, PeriodKey(2026, 48), submitted=6, households=25),
    )

    series = chart_series(History(group, reports))

    assert series.title == "MTT-CTXH tỉnh Tây Ninh: kết quả báo cáo các tuần gần đây"
    assert [(w.label, round(w.on_time), round(w.late), w.note) for w in series.weeks] == [
        ("Tuần 46\n09/11", 33, 17, "3/6"),
        ("Tuần 47\n16/11", 0, 0, "nghỉ"),
        ("Tuần 48\n23/11", 100, 0, "6/6"),
    ]
    households, money = series.figures
    assert households.title == (
        "Số hộ nghèo, hộ cận nghèo, hộ có hoàn cảnh đặc biệt khó khăn được hỗ trợ trong tuần (hộ)"
    )
    assert households.values == (Decimal(30), None, Decimal(150))
    assert money.title.endswith("(đồng)")
    assert money.values == (Decimal(4_500_000_000), None, Decimal(9_000_000_000))
