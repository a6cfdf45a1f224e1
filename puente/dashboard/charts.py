"""Bar charts computed on the server: geometry for an inline SVG, no JavaScript, no styles inline.

Pure functions: numbers in, rectangles and labels out.
"""

from __future__ import annotations

from dataclasses import dataclass, field

PALETTE = ["#0b4f6c", "#d1495b", "#edae49", "#00798c", "#30638e", "#6a4c93", "#8d8d8d"]
WIDTH, HEIGHT, LEFT, BOTTOM, TOP = 640, 240, 40, 48, 12


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    fill: str
    title: str


@dataclass
class Chart:
    categories: list[str]
    series: list[str]
    rows: list[list[int]]  # one row per category, one value per series
    bars: list[Bar] = field(default_factory=list)
    ticks: list[tuple[float, int]] = field(default_factory=list)
    labels: list[tuple[float, str]] = field(default_factory=list)
    legend: list[tuple[str, str]] = field(default_factory=list)
    width: int = WIDTH
    height: int = HEIGHT

    @property
    def empty(self) -> bool:
        return not any(any(row) for row in self.rows)

    @property
    def table(self) -> list[tuple[str, list[int], int]]:
        return [(c, row, sum(row)) for c, row in zip(self.categories, self.rows, strict=True)]


def nice_max(value: int) -> int:
    """A round top for the axis: 1, 2, 5, 10, 20, 50…"""
    step = 1
    while True:
        for m in (1, 2, 5):
            if step * m >= value:
                return max(step * m, 1)
        step *= 10


def stacked(categories: list[str], series: list[str], rows: list[list[int]], label_every: int = 1) -> Chart:
    """Stacked vertical bars: one per category, one colour per series."""
    chart = Chart(categories, series, rows)
    top = nice_max(max((sum(r) for r in rows), default=0))
    plot_h, plot_w = HEIGHT - BOTTOM - TOP, WIDTH - LEFT - 8
    slot = plot_w / max(len(categories), 1)
    for i, (category, row) in enumerate(zip(categories, rows, strict=True)):
        x, y = LEFT + i * slot + slot * 0.15, TOP + plot_h
        for j, value in enumerate(row):
            h = plot_h * value / top
            y -= h
            if value:
                chart.bars.append(
                    Bar(
                        round(x, 1),
                        round(y, 1),
                        round(slot * 0.7, 1),
                        round(h, 1),
                        PALETTE[j % len(PALETTE)],
                        f"{category} · {series[j]}: {value}",
                    )
                )
        if i % label_every == 0:
            chart.labels.append((round(LEFT + i * slot + slot / 2, 1), category))
    # A middle line only where it falls on a whole number, so no label is rounded.
    fractions = (0, 0.5, 1) if top % 2 == 0 else (0, 1)
    chart.ticks = [(round(TOP + plot_h - plot_h * f, 1), int(top * f)) for f in fractions]
    chart.legend = (
        [(PALETTE[j % len(PALETTE)], name) for j, name in enumerate(series)] if len(series) > 1 else []
    )
    return chart


def simple(pairs: list[tuple[str, int]], series_name: str = "") -> Chart:
    return stacked([p[0] for p in pairs], [series_name], [[p[1]] for p in pairs])
