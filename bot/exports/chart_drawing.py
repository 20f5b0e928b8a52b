"""Drawing the chart with matplotlib's object API and the Agg canvas, never pyplot: pyplot
keeps global state and a GUI backend, neither of which a bot drawing in a worker process
should touch. Imported only when a chart is drawn (see ``bot.exports.chart.chart_png`` and
``bot.exports.painter``).

Sized for a phone: the figure is 4 inches wide, what Telegram shows as about 400 px, so a point
here is a point of that picture at 100 dpi; the text is 11 to 14 pt, the lines 2.5 pt, and
there are few ticks and labels, none over another.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from contextlib import AbstractContextManager
from decimal import Decimal

import matplotlib
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.layout_engine import ConstrainedLayoutEngine
from matplotlib.ticker import FixedLocator, FuncFormatter, MaxNLocator

from bot.core.formatting import format_compact
from bot.exports.chart import DPI, HEIGHT_IN, WIDTH_IN, ChartSeries, Series, Week

# DejaVu Sans ships with matplotlib and has every Vietnamese letter with its diacritics.
FONT = "DejaVu Sans"
ON_TIME, LATE, FIGURE_LINE, MUTED = "#2e7d32", "#f9a825", "#1565c0", "#555555"
TITLE_PT, PANEL_PT, TEXT_PT = 14, 12, 11  # at least 11 pt: about 15 px on the phone
LINE_PT, MARKER_PT = 2.5, 7
WEEK_LABELS = 4  # at most this many weeks named under the axis (a "tuần 48" is wide)


def _style() -> AbstractContextManager[None]:
    """matplotlib's settings for the chart, for the time it is drawn."""
    return matplotlib.rc_context(
        {
            "font.family": FONT,
            "font.size": TEXT_PT,
            "axes.titlesize": PANEL_PT,
            "axes.titlelocation": "left",
            "axes.titlepad": 8,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.edgecolor": MUTED,
            "xtick.color": MUTED,
            "ytick.color": MUTED,
            "xtick.labelcolor": "black",
            "ytick.labelcolor": "black",
            "xtick.labelsize": TEXT_PT,
            "ytick.labelsize": TEXT_PT,
            "legend.fontsize": TEXT_PT,
        }
    )


def draw(series: ChartSeries, lang: str) -> bytes:
    """The chart as a PNG of WIDTH_PX × HEIGHT_PX."""
    with _style():
        figure = chart_figure(series, lang)
        out = io.BytesIO()
        figure.savefig(out, format="png", dpi=DPI)
    return out.getvalue()


def chart_figure(series: ChartSeries, lang: str) -> Figure:
    """The chart, laid out on its canvas (the tests measure it before it becomes pixels)."""
    with _style():
        # A margin on the right: the latest week's name is centred under the last bar, past the
        # plot's edge, and the layout does not always leave room for it.
        layout = ConstrainedLayoutEngine(rect=(0, 0, 0.95, 1))
        figure = Figure(figsize=(WIDTH_IN, HEIGHT_IN), dpi=DPI, layout=layout)
        FigureCanvasAgg(figure)
        ratios = [1.25] + [1.0] * len(series.figures)
        axes = figure.subplots(
            len(ratios), 1, sharex=True, gridspec_kw={"height_ratios": ratios}, squeeze=False
        )
        panels: Sequence[Axes] = [row[0] for row in axes]
        positions = list(range(len(series.weeks)))
        figure.suptitle(
            f"{series.title}\n{series.subtitle}" if series.subtitle else series.title,
            fontsize=TITLE_PT,
            fontweight="bold",
            linespacing=1.3,
        )
        _draw_rates(panels[0], series, positions)
        for panel, figures in zip(panels[1:], series.figures, strict=True):
            _draw_figures(panel, figures, positions, lang)
        _name_weeks(panels[-1], series.weeks, positions)
    return figure


def _draw_rates(panel: Axes, series: ChartSeries, positions: list[int]) -> None:
    weeks = series.weeks
    on_time = [week.on_time for week in weeks]
    late = [week.late for week in weeks]
    panel.bar(positions, on_time, width=0.7, color=ON_TIME, label=series.on_time)
    panel.bar(positions, late, width=0.7, bottom=on_time, color=LATE, label=series.late)
    for x, week in zip(positions, weeks, strict=True):
        panel.annotate(
            week.note,
            (x, week.on_time + week.late),
            xytext=(0, 3),
            textcoords="offset points",
            ha="center",
            va="bottom",
        )
    panel.set_ylim(0, 118)  # room for the notes above a full bar
    panel.yaxis.set_major_locator(FixedLocator([0, 50, 100]))
    panel.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:.0f}%"))
    # At least the width of four weeks, so that a new group's one bar is not a wall.
    margin = 0.6 + max(0, 4 - len(weeks)) / 2
    panel.set_xlim(-margin, len(weeks) - 1 + margin)
    # Between the title and the bars, outside the axes: it covers no bar and no note.
    panel.legend(
        loc="lower left",
        bbox_to_anchor=(0, 1.0),
        ncols=2,
        frameon=False,
        borderaxespad=0.1,
        handlelength=1.0,
        columnspacing=1.2,
    )
    panel.set_title(series.rate, pad=8 + 2.2 * TEXT_PT)  # above the legend
    panel.grid(axis="y", alpha=0.3)


def _draw_figures(panel: Axes, series: Series, positions: list[int], lang: str) -> None:
    values = series.values
    # A week where nobody gave the figure is a gap in the line, not a zero.
    points = [math.nan if v is None else float(v) for v in values]
    panel.plot(
        positions, points, marker="o", color=FIGURE_LINE, linewidth=LINE_PT, markersize=MARKER_PT
    )
    panel.set_title(series.title)
    panel.yaxis.set_major_locator(MaxNLocator(nbins=2, integer=True, min_n_ticks=2))
    panel.yaxis.set_major_formatter(FuncFormatter(lambda v, _: format_compact(Decimal(v), lang)))
    shown = [float(v) for v in values if v is not None]
    # Room above the highest point for its label.
    panel.set_ylim(0, max(shown, default=1.0) * 1.5 or 1.0)
    panel.grid(axis="y", alpha=0.3)
    # The latest figure in words, beside its point: the others read off the axis (labels on
    # every point would run into each other at this size).
    last = next((i for i in reversed(range(len(values))) if values[i] is not None), None)
    if last is not None:
        value = values[last]
        assert value is not None
        panel.annotate(
            format_compact(value, lang),
            (positions[last], float(value)),
            xytext=(0, 7),
            textcoords="offset points",
            ha="right" if last else "left",
            va="bottom",
            fontweight="bold",
            color=FIGURE_LINE,
        )


def _name_weeks(panel: Axes, weeks: Sequence[Week], positions: list[int]) -> None:
    """A tick under every week, and its name under every one of a few, counted back from the
    latest, which is always named."""
    step = max(1, math.ceil(len(weeks) / WEEK_LABELS))
    panel.set_xticks(positions)
    panel.set_xticklabels(
        [
            week.label if (len(weeks) - 1 - x) % step == 0 else ""
            for x, week in zip(positions, weeks, strict=True)
        ]
    )
