"""Charts as PNG through matplotlib's object API and the Agg canvas.

matplotlib is imported only when a chart is drawn, so the bot starts fast; no pyplot (no global
figure state, safe in the worker thread reports render in).
"""

from __future__ import annotations

import textwrap
from io import BytesIO
from typing import TYPE_CHECKING

from bot.reports.model import BarChart, RiskMatrix
from integrations.word.text import chart_text

if TYPE_CHECKING:
    from matplotlib.figure import Figure

# One colour per kind (need, issue, deviation, risk, change): distinguishable in greyscale too.
PALETTE = ("#1F4E79", "#5B9BD5", "#C55A11", "#F4B183", "#70AD47", "#7F7F7F")
DPI = 200


def _figure(width_cm: float, height_cm: float) -> Figure:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width_cm / 2.54, height_cm / 2.54), dpi=DPI)
    FigureCanvasAgg(figure)
    return figure


def _png(figure: Figure) -> bytes:
    buffer = BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI)
    return buffer.getvalue()


def bar_chart_png(chart: BarChart, width_cm: float = 16.0, height_cm: float = 7.5) -> bytes:
    from matplotlib.ticker import MaxNLocator

    figure = _figure(width_cm, height_cm)
    axes = figure.add_subplot()
    positions = list(range(len(chart.categories)))
    bottom = [0] * len(positions)
    for index, (name, values) in enumerate(chart.series):
        heights = list(values) + [0] * (len(positions) - len(values))
        axes.bar(
            positions,
            heights[: len(positions)],
            bottom=bottom,
            width=0.7,
            label=chart_text(name),
            color=PALETTE[index % len(PALETTE)],
            edgecolor="white",
            linewidth=0.5,
        )
        bottom = [b + h for b, h in zip(bottom, heights, strict=False)]
    axes.set_xticks(positions, [chart_text(c) for c in chart.categories], fontsize=7)
    axes.tick_params(axis="y", labelsize=7)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    if max(bottom, default=0) == 0:
        axes.set_ylim(0, 1)
    axes.set_ylabel(chart_text(chart.y_label), fontsize=8)
    axes.set_title(chart_text(chart.title), fontsize=9, loc="left")
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    axes.grid(axis="y", linewidth=0.4, alpha=0.5)
    axes.set_axisbelow(True)
    if any(name.strip() for name, _ in chart.series):
        axes.legend(
            fontsize=7,
            ncols=min(5, max(1, len(chart.series))),
            loc="upper center",
            bbox_to_anchor=(0.5, -0.13),
            frameon=False,
        )
    figure.tight_layout()
    return _png(figure)


def _level_colour(value: int) -> str:
    # The usual 4 × 4 bands: low 1–3, medium 4–6, high 8–9, very high 12–16.
    if value >= 12:
        return "#E06666"
    if value >= 8:
        return "#F6B26B"
    if value >= 4:
        return "#FFE599"
    return "#B6D7A8"


def risk_matrix_png(matrix: RiskMatrix, size_cm: float = 9.5) -> bytes:
    from matplotlib.patches import Rectangle

    figure = _figure(size_cm, size_cm * 0.9)
    axes = figure.add_subplot()
    for consequence in range(1, 5):
        for probability in range(1, 5):
            count = matrix.counts[consequence - 1][probability - 1]
            axes.add_patch(
                Rectangle(
                    (probability - 0.5, consequence - 0.5),
                    1,
                    1,
                    facecolor=_level_colour(consequence * probability),
                    edgecolor="white",
                    linewidth=2,
                )
            )
            axes.text(
                probability,
                consequence,
                str(count),
                ha="center",
                va="center",
                fontsize=14 if count else 9,
                fontweight="bold" if count else "normal",
                color="#000000" if count else "#404040",
            )
    axes.set_xlim(0.5, 4.5)
    axes.set_ylim(0.5, 4.5)
    axes.set_xticks([1, 2, 3, 4])
    axes.set_yticks([1, 2, 3, 4])
    axes.tick_params(labelsize=8, length=0)
    axes.set_xlabel(chart_text(matrix.x_label), fontsize=9)
    axes.set_ylabel(chart_text(matrix.y_label), fontsize=9)
    # The square is narrow: a long title wraps instead of running off the picture.
    axes.set_title(textwrap.fill(chart_text(matrix.title), 42), fontsize=9, loc="left")
    axes.set_aspect("equal")
    for spine in axes.spines.values():
        spine.set_visible(False)
    figure.tight_layout()
    return _png(figure)
