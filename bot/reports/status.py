"""The status report (veckorapport, or any period) as a neutral document."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from bot.domain.kinds import RISK_FLAG_THRESHOLD, risk_value, spec
from bot.domain.model import Entry, EscalationLevel, Kind, Person, Status
from bot.i18n.catalogue import TEXTS, option_label, t
from bot.ports.plan import CommsRow, DecisionRow, MilestoneRow
from bot.ports.reports import EntryScope
from bot.reports.context import ReportContext
from bot.reports.decisions import decision_columns, decision_rows
from bot.reports.model import (
    BarChart,
    Block,
    Column,
    Facts,
    Heading,
    Paragraph,
    ReportDocument,
    RiskMatrix,
    Table,
    number,
    period_text,
)
from bot.reports.scope import DONE_STATUSES, OPEN_STATUSES, Period
from bot.text.clean import shorten
from bot.text.render import due_label

CHART_WEEKS_MIN = 8
CHART_WEEKS_MAX = 26
LOOKAHEAD = timedelta(days=30)
TOP_RISKS = 10
ESCALATED_SHOWN = 25
LEVELS = list(EscalationLevel)
# Drafts are seen only by communicators and leads in chat; a report goes to anyone who asks.
COMING_COMMS = ("approved",)


@dataclass(frozen=True, slots=True)
class _Week:
    year: int
    week: int
    monday: date


def chart_weeks(period: Period) -> list[_Week]:
    """The weeks the chart shows: those of the period, at least 8 and at most 26, ending with it."""
    last_monday = period.end - timedelta(days=period.end.weekday())
    first_monday = period.start - timedelta(days=period.start.weekday())
    count = (last_monday - first_monday).days // 7 + 1
    count = max(CHART_WEEKS_MIN, min(CHART_WEEKS_MAX, count))
    weeks = []
    for index in range(count - 1, -1, -1):
        monday = last_monday - timedelta(weeks=index)
        iso = monday.isocalendar()
        weeks.append(_Week(iso.year, iso.week, monday))
    return weeks


def build_status_report(
    context: ReportContext, person: Person, period: Period, locale: str
) -> ReportDocument:
    zone = context.zone
    start, end = period.bounds(zone)
    weeks = chart_weeks(period)
    window_from = min(start, datetime.combine(weeks[0].monday, time(), zone))
    window = list(
        context.read_entries(person, EntryScope(created_from=window_from, created_to=end))
    )
    created = [e for e in window if e.created_at is not None and start <= e.created_at < end]
    # Open entries are counted in the database; only the ones the report lists are read.
    open_counts = context.count_entries(person, EntryScope(statuses=OPEN_STATUSES))
    open_risks = context.read_entries(
        person, EntryScope(kinds=(Kind.RISK,), statuses=OPEN_STATUSES)
    )
    escalated_issues = context.read_entries(
        person, EntryScope(kinds=(Kind.ISSUE,), statuses=(Status.ESCALATED,))
    )
    done_values = {status.value for status in DONE_STATUSES}
    changes = context.store.status_changes(context.scoped(person, EntryScope()), start, end)
    resolved = {(c.kind, c.number) for c in changes if c.new in done_values}
    context.note_report(f"status {period.start.isoformat()}..{period.end.isoformat()}")

    week = period.week
    title = (
        t(locale, "reports.status.title_week", week=week[1], year=week[0])
        if week
        else t(
            locale,
            "reports.status.title_period",
            period=period_text(period.start, period.end, locale),
        )
    )
    report = context.document(
        locale,
        document_type=t(locale, "reports.type.status"),
        title=title,
        subtitle=f"{period_text(period.start, period.end, locale)} · {context.programme.title or context.programme.name}",
        file_stem=(
            t(locale, "reports.file.status_week", year=week[0], week=f"{week[1]:02d}")
            if week
            else t(
                locale,
                "reports.file.status_period",
                start=period.start.isoformat(),
                end=period.end.isoformat(),
            )
        ),
    )
    blocks = report.blocks
    blocks.append(
        Paragraph(
            f"{context.generated_line(person, locale)} {context.scope_line(person, locale)}",
            "note",
        )
    )
    today = context.today()
    milestones = context.plan.milestones()
    open_ = [m for m in milestones if not (m.decided or m.reached)]
    coming = [m for m in open_ if today <= m.due <= today + LOOKAHEAD]
    # Late: passed undecided while the bot knew of it (a plan's history is not "late").
    overdue = [m for m in open_ if m.tracked and m.due < today]
    decisions = context.plan.decisions(start, end)
    comms = context.plan.comms(start, datetime.combine(today + LOOKAHEAD, time(), zone))
    escalated = sorted(
        escalated_issues,
        key=lambda e: (-LEVELS.index(e.escalation_level), e.number or 0),
    )
    deviations = [e for e in created if e.kind is Kind.DEVIATION]
    risks = [e for e in open_risks if risk_value(e.fields) is not None]

    blocks += _summary(
        locale,
        period,
        created,
        resolved,
        open_counts,
        escalated,
        deviations,
        risks,
        coming,
        overdue,
    )
    blocks += _by_kind(locale, created, resolved, open_counts, window, weeks, context)
    blocks += _open_by_status(locale, open_counts)
    blocks += _escalated(locale, escalated, context)
    blocks += _deviations(locale, deviations)
    blocks += _risks(locale, risks, context)
    blocks += _milestones(locale, coming, overdue, context)
    blocks += _decisions(locale, decisions, context)
    blocks += _comms(locale, comms, start, end, context)
    return report


def _summary(
    locale: str,
    period: Period,
    created: Sequence[Entry],
    resolved: set[tuple[Kind, int]],
    open_counts: Counter[tuple[Kind, Status]],
    escalated: Sequence[Entry],
    deviations: Sequence[Entry],
    risks: Sequence[Entry],
    coming: Sequence[MilestoneRow],
    overdue: Sequence[MilestoneRow],
) -> list[Block]:
    def n(value: int) -> str:
        return number(value, locale)

    highest = max((risk_value(e.fields) or 0 for e in risks), default=0)
    blocks: list[Block] = [
        Heading(t(locale, "reports.status.summary")),
        Facts(
            (
                (t(locale, "reports.label.period"), period_text(period.start, period.end, locale)),
                (t(locale, "reports.label.created"), n(len(created))),
                (t(locale, "reports.label.resolved"), n(len(resolved))),
                (t(locale, "reports.label.open_now"), n(open_counts.total())),
                (t(locale, "reports.label.escalated"), n(len(escalated))),
                (t(locale, "reports.label.deviations"), n(len(deviations))),
                (
                    t(locale, "reports.label.open_risks"),
                    t(locale, "reports.open_risks_value", count=n(len(risks)), highest=highest)
                    if risks
                    else n(0),
                ),
                (t(locale, "reports.label.coming_milestones"), n(len(coming))),
                (t(locale, "reports.label.overdue_milestones"), n(len(overdue))),
            )
        ),
    ]
    if not created and not resolved:
        blocks.append(Paragraph(t(locale, "reports.status.nothing_in_period")))
    return blocks


def _kind_label(locale: str, kind: Kind) -> str:
    return t(locale, f"kind.{kind.value}")


def _by_kind(
    locale: str,
    created: Sequence[Entry],
    resolved: set[tuple[Kind, int]],
    open_counts: Counter[tuple[Kind, Status]],
    window: Sequence[Entry],
    weeks: Sequence[_Week],
    context: ReportContext,
) -> list[Block]:
    new = Counter(e.kind for e in created)
    done = Counter(kind for kind, _ in resolved)
    still_open: Counter[Kind] = Counter()
    for (kind, _), count in open_counts.items():
        still_open[kind] += count
    rows = [
        [
            _kind_label(locale, k),
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
        BarChart(
            title=t(locale, "reports.chart.per_week"),
            categories=labels,
            series=tuple((_kind_label(locale, k), tuple(per_week[k])) for k in Kind),
            y_label=t(locale, "reports.chart.entries"),
            alt_text=alt,
        ),
    ]


def _open_by_status(locale: str, counts: Counter[tuple[Kind, Status]]) -> list[Block]:
    blocks: list[Block] = [Heading(t(locale, "reports.status.open_by_status"))]
    if not counts.total():
        return [*blocks, Paragraph(t(locale, "reports.status.no_open"))]
    rows = []
    for kind in Kind:
        values = [counts[(kind, status)] for status in OPEN_STATUSES]
        rows.append(
            [
                _kind_label(locale, kind),
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


def _escalated(locale: str, escalated: Sequence[Entry], context: ReportContext) -> list[Block]:
    blocks: list[Block] = [Heading(t(locale, "reports.status.escalated"))]
    if not escalated:
        return [*blocks, Paragraph(t(locale, "reports.status.no_escalated"))]
    rows = [
        [
            e.ref,
            shorten(e.title, 200),
            t(locale, f"level.{e.escalation_level.value}"),
            e.assignee or "–",
            context.local_day(e.created_at),
        ]
        for e in escalated[:ESCALATED_SHOWN]
    ]
    if len(escalated) > ESCALATED_SHOWN:
        # A status report is read in a meeting; the register has them all.
        blocks.append(
            Paragraph(
                t(
                    locale,
                    "reports.status.escalated_more",
                    shown=ESCALATED_SHOWN,
                    count=number(len(escalated), locale),
                ),
                "note",
            )
        )
    return [
        *blocks,
        Table(
            (
                Column(t(locale, "reports.label.number"), 1.3),
                Column(t(locale, "field.title"), 4),
                Column(t(locale, "field.escalation_level"), 2),
                Column(t(locale, "field.assignee"), 2),
                Column(t(locale, "field.created"), 1.6),
            ),
            rows,
        ),
    ]


def _deviations(locale: str, deviations: Sequence[Entry]) -> list[Block]:
    blocks: list[Block] = [Heading(t(locale, "reports.status.deviations"))]
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
    flagged = sum(1 for e in deviations if (risk_value(e.fields) or 0) >= RISK_FLAG_THRESHOLD)
    forwarded = sum(1 for e in deviations if "forwarded" in e.flags)
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
                (
                    t(locale, "reports.label.flagged", threshold=RISK_FLAG_THRESHOLD),
                    number(flagged, locale),
                ),
                (t(locale, "field.forwarded"), number(forwarded, locale)),
            )
        ),
    ]


def _risks(locale: str, risks: Sequence[Entry], context: ReportContext) -> list[Block]:
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
        RiskMatrix(
            title=t(locale, "reports.chart.matrix", count=number(len(risks), locale)),
            counts=counts,
            x_label=t(locale, "field.probability"),
            y_label=t(locale, "field.consequence"),
            alt_text=t(locale, "reports.chart.matrix_alt", cells="; ".join(cells)),
        ),
    ]


def _milestone_rows(
    locale: str, rows: Sequence[MilestoneRow], context: ReportContext
) -> list[list[str]]:
    return [
        [
            due_label(m.due, m.due_text, locale),
            m.id,
            shorten(m.title, 300),
            t(
                locale,
                f"reports.milestone_kind.{'decision' if m.kind == 'decision' else 'milestone'}",
            ),
            context.person_name(m.owner) or "–",
        ]
        for m in rows
    ]


def _milestone_columns(locale: str) -> tuple[Column, ...]:
    return (
        Column(t(locale, "reports.label.date"), 1.6),
        Column(t(locale, "reports.label.id"), 1.1),
        Column(t(locale, "reports.label.description"), 5),
        Column(t(locale, "reports.label.type"), 1.4),
        Column(t(locale, "reports.label.owner"), 1.6),
    )


def _milestones(
    locale: str,
    coming: Sequence[MilestoneRow],
    overdue: Sequence[MilestoneRow],
    context: ReportContext,
) -> list[Block]:
    blocks: list[Block] = [
        Heading(t(locale, "reports.status.milestones")),
        Heading(t(locale, "reports.status.coming", days=LOOKAHEAD.days), 2),
    ]
    if coming:
        blocks.append(Table(_milestone_columns(locale), _milestone_rows(locale, coming, context)))
    else:
        blocks.append(Paragraph(t(locale, "reports.status.no_coming", days=LOOKAHEAD.days)))
    blocks.append(Heading(t(locale, "reports.status.overdue"), 2))
    if overdue:
        blocks.append(Table(_milestone_columns(locale), _milestone_rows(locale, overdue, context)))
    else:
        blocks.append(Paragraph(t(locale, "reports.status.no_overdue")))
    return blocks


def _decisions(
    locale: str, decisions: Sequence[DecisionRow], context: ReportContext
) -> list[Block]:
    blocks: list[Block] = [Heading(t(locale, "reports.status.decisions"))]
    if not decisions:
        return [*blocks, Paragraph(t(locale, "reports.status.no_decisions"))]
    return [*blocks, Table(decision_columns(locale), decision_rows(locale, decisions, context))]


def _comms(
    locale: str, comms: Sequence[CommsRow], start: datetime, end: datetime, context: ReportContext
) -> list[Block]:
    now = context.clock.now()
    published = sorted(
        (
            c
            for c in comms
            if c.status == "published"
            and c.published_at is not None
            and start <= c.published_at < end
        ),
        key=lambda c: (c.published_at or now, c.id),
    )
    coming = sorted(
        (
            c
            for c in comms
            if c.status in COMING_COMMS and c.send_at is not None and c.send_at >= now
        ),
        key=lambda c: (c.send_at or now, c.id),
    )
    blocks: list[Block] = [
        Heading(t(locale, "reports.status.comms")),
        Heading(t(locale, "reports.status.published"), 2),
    ]
    if published:
        blocks.append(
            Table(
                (
                    Column(t(locale, "reports.label.published_at"), 1.6),
                    Column(t(locale, "reports.label.title"), 5),
                    Column(t(locale, "reports.label.channels"), 2.5),
                ),
                [
                    [
                        context.local(c.published_at),
                        shorten(c.title, 300),
                        ", ".join(c.channels) or "–",
                    ]
                    for c in published
                ],
            )
        )
    else:
        blocks.append(Paragraph(t(locale, "reports.status.no_published")))
    blocks.append(Heading(t(locale, "reports.status.coming_comms", days=LOOKAHEAD.days), 2))
    if coming:
        blocks.append(
            Table(
                (
                    Column(t(locale, "reports.label.send_at"), 1.6),
                    Column(t(locale, "reports.label.title"), 4),
                    Column(t(locale, "field.status"), 1.6),
                    Column(t(locale, "reports.label.channels"), 2.2),
                ),
                [
                    [
                        context.local(c.send_at),
                        shorten(c.title, 300),
                        _comms_status(locale, c.status),
                        ", ".join(c.channels) or "–",
                    ]
                    for c in coming
                ],
            )
        )
    else:
        blocks.append(Paragraph(t(locale, "reports.status.no_coming_comms", days=LOOKAHEAD.days)))
    return blocks


def _comms_status(locale: str, status: str) -> str:
    key = f"reports.comms.{status}"
    return t(locale, key) if key in TEXTS else status
