"""The status report's counting sections: entries per kind (with the chart per week), open
entries per status, deviations per category and consequence, the highest risks and the matrix."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from bot.domain.kinds import CASE_NUMBER, REFERRED_FLAGS, risk_value, spec
from bot.domain.model import Entry, Kind, Status
from bot.i18n.catalogue import option_label, t
from bot.reports.context import ReportContext
from bot.reports.model import (
    BarChart,
    Block,
    Column,
    Facts,
    Heading,
    Paragraph,
    RiskMatrix,
    Table,
    number,
)
from bot.reports.scope import OPEN_STATUSES, Period
from bot.text.clean import shorten

CHART_WEEKS_MIN = 8
CHART_WEEKS_MAX = 26
TOP_RISKS = 10


@dataclass(frozen=True, slots=True)
class Week:
    year: int
    week: int
    monday: date


def chart_weeks(period: Period) -> list[Week]:
    """The weeks the chart shows. A week's report shows the trend: its week and the seven
    before. A longer period shows its own weeks only (at most 26, the last ones)."""
    last_monday = period.end - timedelta(days=period.end.weekday())
    first_monday = period.start - timedelta(days=period.start.weekday())
    count = (last_monday - first_monday).days // 7 + 1
    if period.week is not None:
        count = CHART_WEEKS_MIN
    count = min(CHART_WEEKS_MAX, count)
    weeks = []
    for index in range(count - 1, -1, -1):
        monday = last_monday - timedelta(weeks=index)
        iso = monday.isocalendar()
        weeks.append(Week(iso.year, iso.week, monday))
    return weeks


def kind_label(locale: str, kind: Kind) -> str:
    return t(locale, f"kind.{kind.value}")


def by_kind(
    locale: str,
    created: Sequence[Entry],
    resolved: set[tuple[Kind, int]],
    open_counts: Counter[tuple[Kind, Status]],
    window: Sequence[Entry],
    weeks: Sequence[Week],
    context: ReportContext,
) -> list[Block]:
    new = Counter(e.kind for e in created)
    done = Counter(kind for kind, _ in resolved)
    still_open: Counter[Kind] = Counter()
    for (kind, _), count in open_counts.items():
        still_open[kind] += count
    rows = [
        [
            kind_label(locale, k),
            number(new[k], locale),
            number(done[k], locale),
            number(still_open[k], locale),
        ]
        for k in Kind
    ]
    rows.append(
        [
            t(locale, "reports.label.total"),
            number(sum(new.values()), locale),
            number(sum(done.values()), locale),
            number(sum(still_open.values()), locale),
        ]
    )
    return [
        Heading(t(locale, "reports.status.by_kind")),
        Table(
            (
                Column(t(locale, "reports.label.kind"), 2.5),
                Column(t(locale, "reports.label.new"), 1, numeric=True),
                Column(t(locale, "reports.label.resolved_short"), 1, numeric=True),
                Column(t(locale, "reports.label.open"), 1, numeric=True),
            ),
            rows,
            total=True,
        ),
        _per_week_chart(locale, window, weeks, context),
    ]


def _per_week_chart(
    locale: str, window: Sequence[Entry], weeks: Sequence[Week], context: ReportContext
) -> BarChart:
    """New entries per kind and week, with the weeks' totals as the alt text."""
    index = {(w.year, w.week): i for i, w in enumerate(weeks)}
    per_week = {kind: [0] * len(weeks) for kind in Kind}
    for entry in window:
        if entry.created_at is None:
            continue
        iso = entry.created_at.astimezone(context.zone).isocalendar()
        slot = index.get((iso.year, iso.week))
        if slot is not None:
            per_week[entry.kind][slot] += 1
    labels = tuple(t(locale, "reports.week_short", week=w.week) for w in weeks)
    totals = [sum(per_week[k][i] for k in Kind) for i in range(len(weeks))]
    alt = t(
        locale,
        "reports.chart.per_week_alt",
        values=", ".join(
            f"{label}: {number(v, locale)}" for label, v in zip(labels, totals, strict=True)
        ),
    )
    return BarChart(
        title=t(locale, "reports.chart.per_week"),
        categories=labels,
        series=tuple((kind_label(locale, k), tuple(per_week[k])) for k in Kind),
        y_label=t(locale, "reports.chart.entries"),
        alt_text=alt,
    )


def open_by_status(locale: str, counts: Counter[tuple[Kind, Status]]) -> list[Block]:
    blocks: list[Block] = [Heading(t(locale, "reports.status.open_by_status"))]
    if not counts.total():
        return [*blocks, Paragraph(t(locale, "reports.status.no_open"))]
    rows = []
    for kind in Kind:
        values = [counts[(kind, status)] for status in OPEN_STATUSES]
        rows.append(
            [
                kind_label(locale, kind),
                *(number(v, locale) for v in values),
                number(sum(values), locale),
            ]
        )
    sums = [sum(counts[(k, s)] for k in Kind) for s in OPEN_STATUSES]
    rows.append(
        [
            t(locale, "reports.label.total"),
            *(number(v, locale) for v in sums),
            number(sum(sums), locale),
        ]
    )
    columns = (
        Column(t(locale, "reports.label.kind"), 2.5),
        *(Column(t(locale, f"status.{s.value}"), 1, numeric=True) for s in OPEN_STATUSES),
        Column(t(locale, "reports.label.total"), 1, numeric=True),
    )
    return [*blocks, Table(columns, rows, total=True)]


def deviations_table(locale: str, deviations: Sequence[Entry]) -> list[Block]:
    blocks: list[Block] = [Heading(t(locale, "reports.status.new_deviations"), 2)]
    if not deviations:
        return [*blocks, Paragraph(t(locale, "reports.status.no_deviations"))]
    scale = ("1", "2", "3", "4")
    counts = Counter(
        (str(e.fields.get("category", "")), str(e.fields.get("consequence", "")))
        for e in deviations
    )
    categories = [c for c in spec(Kind.DEVIATION, "category").options]
    known = set(categories)
    # Values from elsewhere (an older form, an import) are counted, not dropped.
    categories += sorted({c for c, _ in counts if c not in known})
    rows = []
    for category in categories:
        values = [counts[(category, level)] for level in scale]
        other = sum(v for (c, level), v in counts.items() if c == category and level not in scale)
        total = sum(values) + other
        if total:
            label = option_label(locale, "category", category) if category else "–"
            rows.append([label, *(number(v, locale) for v in values), number(total, locale)])
    sums = [sum(counts[(c, level)] for c in categories) for level in scale]
    rows.append(
        [
            t(locale, "reports.label.total"),
            *(number(v, locale) for v in sums),
            number(len(deviations), locale),
        ]
    )
    # What really happened with the region's system (programplan 7.7), never "forwarded".
    referred = sum(1 for e in deviations if REFERRED_FLAGS & set(e.flags))
    registered = sum(1 for e in deviations if e.fields.get(CASE_NUMBER))
    return [
        *blocks,
        Paragraph(t(locale, "reports.status.deviations_intro")),
        Table(
            (
                Column(t(locale, "field.category"), 3),
                *(
                    Column(option_label(locale, "consequence", level), 1.2, numeric=True)
                    for level in scale
                ),
                Column(t(locale, "reports.label.total"), 1, numeric=True),
            ),
            rows,
            total=True,
        ),
        Facts(
            (
                (t(locale, "reports.label.referred"), number(referred, locale)),
                (t(locale, "reports.label.registered"), number(registered, locale)),
            )
        ),
    ]


def risks_section(locale: str, risks: Sequence[Entry], context: ReportContext) -> list[Block]:
    blocks: list[Block] = [Heading(t(locale, "reports.status.risks"))]
    if not risks:
        return [*blocks, Paragraph(t(locale, "reports.status.no_risks"))]
    top = sorted(risks, key=lambda e: (-(risk_value(e.fields) or 0), -(e.number or 0)))[:TOP_RISKS]
    rows = [
        [
            e.ref,
            shorten(e.title, 200),
            str(e.fields.get("probability", "")),
            str(e.fields.get("consequence", "")),
            str(risk_value(e.fields)),
            shorten(str(e.fields.get("owner", "")), 80) or "–",
            t(locale, f"status.{e.status.value}"),
        ]
        for e in top
    ]
    return [
        *blocks,
        Heading(t(locale, "reports.status.top_risks", count=len(top)), 2),
        Table(
            (
                Column(t(locale, "reports.label.number"), 1.3),
                Column(t(locale, "field.description"), 4),
                Column(t(locale, "reports.label.probability_short"), 0.6, numeric=True),
                Column(t(locale, "reports.label.consequence_short"), 0.6, numeric=True),
                Column(t(locale, "field.risk_value"), 1.3, numeric=True),
                Column(t(locale, "field.owner"), 1.8),
                Column(t(locale, "field.status"), 1.3),
            ),
            rows,
        ),
        Heading(t(locale, "reports.status.matrix"), 2),
        _matrix(locale, risks),
    ]


def _matrix(locale: str, risks: Sequence[Entry]) -> RiskMatrix:
    """Open risks counted by consequence and probability, with the filled cells as alt text."""
    grid = [[0, 0, 0, 0] for _ in range(4)]
    for e in risks:
        try:
            consequence, probability = int(e.fields["consequence"]), int(e.fields["probability"])
        except (KeyError, ValueError):
            continue
        if 1 <= consequence <= 4 and 1 <= probability <= 4:
            grid[consequence - 1][probability - 1] += 1
    cells = [
        t(
            locale,
            "reports.chart.matrix_cell",
            consequence=c + 1,
            probability=p + 1,
            count=grid[c][p],
        )
        for c in range(3, -1, -1)
        for p in range(4)
        if grid[c][p]
    ]
    counts: tuple[tuple[int, int, int, int], ...] = tuple(
        (row[0], row[1], row[2], row[3]) for row in grid
    )
    return RiskMatrix(
        title=t(locale, "reports.chart.matrix", count=number(len(risks), locale)),
        counts=counts,
        x_label=t(locale, "field.probability"),
        y_label=t(locale, "field.consequence"),
        alt_text=t(locale, "reports.chart.matrix_alt", cells="; ".join(cells)),
    )
