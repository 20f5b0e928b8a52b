"""The chart: a PNG about a thousand pixels wide, which Telegram shows about 400 px wide on a
phone, readable there (its text at least 11 pt of a 4-inch picture, nothing cut or covered),
in the digest's words, whatever the weeks hold."""

from __future__ import annotations

import itertools
import warnings
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from matplotlib.figure import Figure
from matplotlib.legend import Legend
from matplotlib.lines import Line2D
from matplotlib.text import Text

from bot.config import GroupConfig, load_config
from bot.core.digest import OrganizationFacts, ReportFacts, StoredAnswer, build_digest
from bot.core.periods import PeriodKey
from bot.exports.chart import DPI, HEIGHT_PX, WIDTH_PX, chart_png, chart_series
from bot.exports.chart_drawing import chart_figure
from bot.exports.data import History, PeriodReport
from bot.i18n import plain
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


def test_the_chart_is_a_png_about_a_thousand_pixels_wide_with_rates_and_figures() -> None:
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
    assert png_size(data) == (WIDTH_PX, HEIGHT_PX) == (960, 1200)
    # Telegram shows it about 400 px wide and keeps up to 1280: sharp, not wastefully large.
    assert 800 <= WIDTH_PX <= 1000


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

    assert series.title == "MTT-CTXH tỉnh Tây Ninh"
    assert series.subtitle == "từ tuần 46 đến tuần 48"
    assert [(w.label, round(w.on_time), round(w.late), w.note) for w in series.weeks] == [
        ("tuần 46", 33, 17, "3/6"),
        ("tuần 47", 0, 0, "nghỉ"),
        ("tuần 48", 100, 0, "6/6"),
    ]
    households, money = series.figures
    # The question as the digest words it, shortened onto two lines, the unit kept.
    assert households.title == "Số hộ nghèo, hộ cận nghèo, hộ có\nhoàn cảnh đặc biệt khó… (hộ)"
    assert households.values == (Decimal(30), None, Decimal(150))
    assert money.title.endswith("(đồng)")
    assert money.values == (Decimal(4_500_000_000), None, Decimal(9_000_000_000))


def eight_weeks() -> History:
    group = example_group()
    reports = [
        week(group, PeriodKey(2026, w), submitted=i % 7, households=100 + 7 * i, late=i % 2)
        for i, w in enumerate(range(41, 49))
    ]
    return History(group, tuple(reports))


def drawn(history: History) -> Figure:
    figure = chart_figure(chart_series(history), history.group.language)
    figure.canvas.draw()
    return figure


def texts(figure: Figure) -> list[Text]:
    """Every piece of text the chart shows."""
    return [t for t in figure.findobj(Text) if t.get_visible() and t.get_text().strip()]


def test_the_chart_speaks_the_digests_words() -> None:
    lang = "vi"
    series = chart_series(eight_weeks())

    # The digest: "Đã nộp 5/6 tổ chức (83%): 4 đúng hạn, 1 nộp muộn."
    rate = plain("weekly.digest.rate", lang, submitted=5, expected=6, percent=83, on_time=4, late=1)
    assert (series.on_time, series.late) == ("Đúng hạn", "Nộp muộn")
    assert f"4 {series.on_time.lower()}, 1 {series.late.lower()}" in rate
    assert series.rate == "Tỉ lệ tổ chức đã nộp"
    assert [w.note for w in series.weeks[-2:]] == ["6/6", "0/6"]  # as "Đã nộp 6/6 tổ chức"


def test_weeks_are_named_as_people_say_them_never_by_their_iso_code() -> None:
    figure = drawn(eight_weeks())

    shown = [t.get_text() for t in texts(figure)]
    assert "tuần 48" in shown  # the latest week is always named under the axis
    assert "từ tuần 41 đến tuần 48" in "\n".join(shown)
    assert not [t for t in shown if "2026-W" in t or "W48" in t]


def test_every_text_is_at_least_11_points_that_is_15_pixels_on_a_phone() -> None:
    figure = drawn(eight_weeks())

    for text in texts(figure):
        size = float(text.get_fontsize())
        # A point is DPI / 72 pixels of the PNG, and the PNG is shown 400 px wide.
        on_the_phone = size * DPI / 72 * 400 / WIDTH_PX
        assert size >= 11, text.get_text()
        assert on_the_phone >= 15, text.get_text()


def test_lines_are_thick_and_points_large_enough_to_see_on_a_phone() -> None:
    figure = drawn(eight_weeks())

    lines = [line for line in figure.findobj(Line2D) if line.get_marker() == "o"]
    assert len(lines) == 2  # the two figures' trends
    for line in lines:
        assert line.get_linewidth() >= 2.5
        assert line.get_markersize() >= 7


@pytest.mark.parametrize("weeks", [1, 3, 8], ids=["one week", "three weeks", "eight weeks"])
def test_nothing_is_cut_at_the_edges_and_no_week_name_runs_into_another(weeks: int) -> None:
    history = eight_weeks()
    figure = drawn(History(history.group, history.reports[-weeks:]))

    for text in texts(figure):
        box = text.get_window_extent()
        assert box.x0 >= 0, text.get_text()
        assert box.x1 <= WIDTH_PX, text.get_text()
        assert box.y0 >= 0, text.get_text()
        assert box.y1 <= HEIGHT_PX, text.get_text()
    bottom = figure.axes[-1]
    names = sorted(
        (label.get_window_extent() for label in bottom.get_xticklabels() if label.get_text()),
        key=lambda box: box.x0,
    )
    assert names
    assert all(left.x1 < right.x0 for left, right in itertools.pairwise(names))


def test_the_legend_sits_above_the_bars_and_covers_no_data() -> None:
    figure = drawn(eight_weeks())

    rates = figure.axes[0]
    legends = [legend for legend in figure.findobj(Legend) if legend.get_visible()]
    assert len(legends) == 1
    legend, plot = legends[0].get_window_extent(), rates.get_window_extent()
    assert legend.y0 >= plot.y1 - 1  # above the plotting area, where no bar or note is
    title = rates.title.get_window_extent()
    assert title.y0 >= legend.y1 - 1  # and under the panel's title
    assert [t.get_text() for t in legends[0].get_texts()] == ["Đúng hạn", "Nộp muộn"]
