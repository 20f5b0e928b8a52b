"""The chart of a group's last weeks: how many organizations reported (on time and late), and
the trend of the main figures. ``chart_series`` decides what is drawn (and is what the tests
check); ``chart_png`` draws it as a PNG of a fixed size, readable on a phone.

Drawn with matplotlib's object API and the Agg canvas, never pyplot: pyplot keeps global
state and a GUI backend, neither of which a bot rendering in a worker thread should touch.
"""

from __future__ import annotations

import io
import math
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

import matplotlib
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from bot.core.formatting import format_compact
from bot.core.questionnaire import Question
from bot.core.status import ReportStatus
from bot.exports.data import History, PeriodReport, unit_label
from bot.i18n import plain

WIDTH_PX, HEIGHT_PX = 1200, 1200
DPI = 150
TITLE_CHARS = 100  # a panel title on one line
MAX_FIGURES = 3  # panels of figures under the rate; more would not read on a phone
# DejaVu Sans ships with matplotlib and has every Vietnamese letter with its diacritics.
FONT = "DejaVu Sans"
ON_TIME, LATE, FIGURE_LINE = "#2e7d32", "#f9a825", "#1565c0"


@dataclass(frozen=True)
class Week:
    label: str  # "Tuần 47\n16/11"
    on_time: float  # percent of the organizations that owed a report
    late: float
    note: str  # above the bar: "5/6", or "nghỉ" for a holiday


@dataclass(frozen=True)
class Series:
    title: str  # the question, shortened, with its unit
    values: tuple[Decimal | None, ...]  # None: nobody gave the figure that week


@dataclass(frozen=True)
class ChartSeries:
    title: str
    weeks: tuple[Week, ...]  # oldest first
    figures: tuple[Series, ...]


def chart_series(history: History) -> ChartSeries:
    """What the chart shows: per week the share reported on time and late, and the totals of
    the first ``MAX_FIGURES`` numeric questions with a figure in any of the weeks."""
    lang = history.group.language
    reports = history.reports
    return ChartSeries(
        title=plain("chart.title", lang, name=history.group.name),
        weeks=tuple(_week(report, lang) for report in reports),
        figures=tuple(
            Series(_title(question, lang), tuple(_total(r, question.key) for r in reports))
            for question in _main_questions(reports)
        ),
    )


def chart_png(history: History) -> bytes:
    """The chart as a PNG of WIDTH_PX × HEIGHT_PX."""
    lang = history.group.language
    series = chart_series(history)
    figure = Figure(figsize=(WIDTH_PX / DPI, HEIGHT_PX / DPI), dpi=DPI)
    FigureCanvasAgg(figure)
    ratios = [1.4] + [1.0] * len(series.figures)
    axes = figure.subplots(len(ratios), 1, sharex=True, gridspec_kw={"height_ratios": ratios})
    panels: Sequence[Axes] = list(axes) if len(ratios) > 1 else [axes]
    positions = list(range(len(series.weeks)))
    with matplotlib.rc_context({"font.family": FONT}):
        figure.suptitle(series.title, fontsize=13, fontweight="bold")
        _draw_rates(panels[0], series.weeks, positions, lang)
        for panel, figures in zip(panels[1:], series.figures, strict=True):
            _draw_figures(panel, figures, positions, lang)
        panels[-1].set_xticks(positions)
        panels[-1].set_xticklabels([week.label for week in series.weeks], fontsize=8)
        figure.tight_layout()
        out = io.BytesIO()
        figure.savefig(out, format="png", dpi=DPI)
    return out.getvalue()


def _week(report: PeriodReport, lang: str) -> Week:
    digest = report.digest
    label = plain("chart.week", lang, week=digest.period.week,
                  day=report.first_day.strftime("%d/%m"))  # fmt: skip
    if report.holiday:
        return Week(label, 0.0, 0.0, plain("chart.holiday", lang))
    share = 100 / digest.expected if digest.expected else 0.0
    on_time = sum(1 for line in digest.lines if line.status is ReportStatus.ON_TIME)
    late = sum(1 for line in digest.lines if line.status is ReportStatus.LATE)
    return Week(label, on_time * share, late * share, f"{digest.submitted}/{digest.expected}")


def _main_questions(reports: Sequence[PeriodReport]) -> list[Question]:
    """The numeric questions with a total in any shown week, in template order."""
    seen: dict[str, Question] = {}
    for report in reports:
        for total in report.digest.totals:
            if total.reporting:
                seen.setdefault(total.question.key, total.question)
    order = {q.key: i for i, q in enumerate(reports[-1].group.questions)} if reports else {}
    return sorted(seen.values(), key=lambda q: order.get(q.key, len(order)))[:MAX_FIGURES]


def _title(question: Question, lang: str) -> str:
    title = textwrap.shorten(question.text, TITLE_CHARS, placeholder="…")
    unit = unit_label(question, lang)
    return f"{title} ({unit})" if unit else title


def _total(report: PeriodReport, key: str) -> Decimal | None:
    for total in report.digest.totals:
        if total.question.key == key and total.reporting:
            return total.total
    return None


def _draw_rates(panel: Axes, weeks: Sequence[Week], positions: list[int], lang: str) -> None:
    on_time = [week.on_time for week in weeks]
    late = [week.late for week in weeks]
    panel.bar(positions, on_time, color=ON_TIME, label=plain("chart.on_time", lang))
    panel.bar(positions, late, bottom=on_time, color=LATE, label=plain("chart.late", lang))
    for x, week in zip(positions, weeks, strict=True):
        panel.annotate(week.note, (x, week.on_time + week.late), xytext=(0, 3),
                       textcoords="offset points", ha="center", fontsize=8)  # fmt: skip
    panel.set_ylim(0, 115)  # room for the labels above a full bar
    panel.set_yticks([0, 25, 50, 75, 100])
    panel.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:.0f}%"))
    panel.set_title(plain("chart.rate", lang), fontsize=10, loc="left")
    # Above the panel on the right, where no bar or label can be.
    panel.legend(loc="lower right", bbox_to_anchor=(1, 1), fontsize=8, ncols=2, frameon=False)
    panel.grid(axis="y", alpha=0.3)


def _draw_figures(panel: Axes, series: Series, positions: list[int], lang: str) -> None:
    values = series.values
    # A week where nobody gave the figure is a gap in the line, not a zero.
    panel.plot(positions, [math.nan if v is None else float(v) for v in values],
               marker="o", color=FIGURE_LINE)  # fmt: skip
    panel.set_title(series.title, fontsize=10, loc="left")
    panel.yaxis.set_major_locator(MaxNLocator(nbins=4, integer=True))
    panel.yaxis.set_major_formatter(FuncFormatter(lambda v, _: format_compact(Decimal(v), lang)))
    shown = [float(v) for v in values if v is not None]
    # Room above the highest point for its label.
    panel.set_ylim(0, max(shown, default=1.0) * 1.3 or 1.0)
    panel.grid(axis="y", alpha=0.3)
    for x, value in zip(positions, values, strict=True):
        if value is not None:
            panel.annotate(format_compact(value, lang), (x, float(value)), xytext=(0, 5),
                           textcoords="offset points", ha="center", fontsize=7)  # fmt: skip
