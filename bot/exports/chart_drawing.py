"""Drawing the chart with matplotlib's object API and the Agg canvas, never pyplot: pyplot
keeps global state and a GUI backend, neither of which a bot drawing in a worker thread
should touch. Imported only when a chart is drawn (see ``bot.exports.chart.chart_png``)."""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from decimal import Decimal

import matplotlib
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from bot.core.formatting import format_compact
from bot.exports.chart import HEIGHT_PX, WIDTH_PX, ChartSeries, Series, Week
from bot.i18n import plain

DPI = 150
# DejaVu Sans ships with matplotlib and has every Vietnamese letter with its diacritics.
FONT = "DejaVu Sans"
ON_TIME, LATE, FIGURE_LINE = "#2e7d32", "#f9a825", "#1565c0"


def draw(series: ChartSeries, lang: str) -> bytes:
    """The chart as a PNG of WIDTH_PX × HEIGHT_PX."""
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
