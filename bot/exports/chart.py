"""The chart of a group's last weeks: how many organizations reported (on time and late), and
the trend of the main figures. ``chart_series`` decides what is drawn (and is what the tests
check); ``chart_png`` draws it (``bot.exports.chart_drawing``) as a PNG of a fixed size,
readable on a phone.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from bot.core.questionnaire import Question
from bot.core.status import ReportStatus
from bot.exports.data import History, PeriodReport, unit_label
from bot.i18n import plain

WIDTH_PX, HEIGHT_PX = 1200, 1200
TITLE_CHARS = 100  # a panel title on one line
MAX_FIGURES = 3  # panels of figures under the rate; more would not read on a phone


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
    # matplotlib costs about 30 MiB and half a second to import, for a chart a week: it is
    # loaded the first time one is drawn, not when the bot starts.
    from bot.exports.chart_drawing import draw

    return draw(chart_series(history), history.group.language)


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
