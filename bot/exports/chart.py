"""The chart of a group's last weeks: how many organizations reported (on time and late), and
the trend of the main figures. ``chart_series`` decides what is drawn and in which words (and
is what the tests check); ``chart_png`` draws it (``bot.exports.chart_drawing``) as a PNG of a
fixed size, readable on a phone.

Its words are the digest's: the weeks as people say them ("tuần 48"), "đúng hạn" and "nộp
muộn" for the statuses, "5/6" for "Đã nộp 5/6 tổ chức", each figure under its question.
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
from bot.i18n.weeks import week_number

# Telegram shows a photo about 400 px wide on a phone: the PNG is drawn as a 4-inch-wide page,
# so that its points are the points of a 400-pixel picture seen at 100 dpi, at 240 dpi for a
# sharp picture (960 px wide; Telegram keeps photos up to 1280 px).
WIDTH_IN, HEIGHT_IN, DPI = 4.0, 5.0, 240
WIDTH_PX, HEIGHT_PX = round(WIDTH_IN * DPI), round(HEIGHT_IN * DPI)
TITLE_CHARS = 28  # a line of the title (14 pt, bold) on that width
TITLE_LINES = 2  # for the group's name; the weeks shown take a third
PANEL_TITLE_CHARS = 32  # a line of a panel's title (12 pt)
PANEL_TITLE_LINES = 2
MAX_FIGURES = 2  # panels of figures under the rate; more would not read on a phone


@dataclass(frozen=True)
class Week:
    label: str  # "tuần 48"
    on_time: float  # percent of the organizations that owed a report
    late: float
    note: str  # above the bar: "5/6", or "nghỉ" for a holiday


@dataclass(frozen=True)
class Series:
    title: str  # the question, shortened to two lines, with its unit
    values: tuple[Decimal | None, ...]  # None: nobody gave the figure that week


@dataclass(frozen=True)
class ChartSeries:
    title: str  # the group
    subtitle: str  # "từ tuần 41 đến tuần 48"
    weeks: tuple[Week, ...]  # oldest first
    figures: tuple[Series, ...]
    rate: str  # the rate panel's title
    on_time: str  # the legend: the digest's words for the statuses
    late: str


def chart_series(history: History) -> ChartSeries:
    """What the chart shows: per week the share reported on time and late, and the totals of
    the first ``MAX_FIGURES`` numeric questions with a figure in any of the weeks."""
    lang = history.group.language
    reports = history.reports
    return ChartSeries(
        title=_lines(history.group.name, TITLE_CHARS, TITLE_LINES),
        subtitle=_subtitle(reports, lang),
        weeks=tuple(_week(report, lang) for report in reports),
        figures=tuple(
            Series(_title(question, lang), tuple(_total(r, question.key) for r in reports))
            for question in _main_questions(reports)
        ),
        rate=plain("chart.rate", lang),
        on_time=_capitalized(plain("status.on_time", lang)),
        late=_capitalized(plain("status.late", lang)),
    )


def chart_png(history: History) -> bytes:
    """The chart as a PNG of WIDTH_PX × HEIGHT_PX."""
    # matplotlib costs about 30 MiB and half a second to import, for a chart a week: it is
    # loaded the first time one is drawn, not when the bot starts.
    from bot.exports.chart_drawing import draw

    return draw(chart_series(history), history.group.language)


def _subtitle(reports: Sequence[PeriodReport], lang: str) -> str:
    if not reports:
        return ""
    first, last = reports[0].digest.period, reports[-1].digest.period
    if first == last:
        return week_number(last, lang)
    return plain(
        "chart.subtitle", lang, first=week_number(first, lang), last=week_number(last, lang)
    )


def _week(report: PeriodReport, lang: str) -> Week:
    digest = report.digest
    label = week_number(digest.period, lang)
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
    """The question as the digest words it, on at most two lines with its unit at the end."""
    unit = unit_label(question, lang)
    return _lines(question.text, PANEL_TITLE_CHARS, PANEL_TITLE_LINES, f" ({unit})" if unit else "")


def _lines(text: str, width: int, most: int, suffix: str = "") -> str:
    """``text`` wrapped onto at most ``most`` lines of ``width`` characters, shortened with
    "…" if it must be, ``suffix`` (the unit) kept at its end."""
    room = width * most
    while True:  # shorter until it wraps onto the lines there are (words do not split)
        short = textwrap.shorten(text, max(room - len(suffix), 12), placeholder="…")
        lines = textwrap.wrap(short + suffix, width)
        if len(lines) <= most or room <= 12:
            return "\n".join(lines[:most])
        room -= 4


def _capitalized(words: str) -> str:
    return words[:1].upper() + words[1:]


def _total(report: PeriodReport, key: str) -> Decimal | None:
    for total in report.digest.totals:
        if total.question.key == key and total.reporting:
            return total.total
    return None
