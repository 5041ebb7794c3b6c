"""The status report's sections a steering group decides from: the programme manager's
assessment, what awaits decision (change requests, escalated entries of every kind), deviations
from the plan and those with a high risk value (named), needs per benefit objective, and budget
and forecast with their source.

The governance of issue 13 decides two things here: a change request awaits the steering
group's decision once it is sent for one (`awaits_decision`: programplan 7.5, "ska
ändringshanteras"), and a deviation is one from the programme plan by its kind (programplan 7.7;
`is_plan_deviation`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import datetime

from bot.domain.kinds import (
    PLAN,
    PLAN_CATEGORIES,
    RISK_FLAG_THRESHOLD,
    deviation_origin,
    risk_value,
)
from bot.domain.model import Entry, EscalationLevel, Kind, Status
from bot.i18n.catalogue import option_label, t
from bot.ports.reports import Assessment, BudgetFigures, BudgetLine
from bot.reports.context import ReportContext
from bot.reports.model import Block, Column, Facts, Heading, Paragraph, Table, long_date, number
from bot.text.clean import shorten
from bot.text.render import told_people

# The field that says what an entry is about, beyond its title.
DESCRIBES = {
    Kind.NEED: "description",
    Kind.ISSUE: "description",
    Kind.DEVIATION: "what",
    Kind.RISK: "description",
    Kind.CHANGE: "what",
}
LEVELS = list(EscalationLevel)
SHOWN = 25  # rows of one list in a report read in a meeting; the register has them all


def awaits_decision(entry: Entry) -> bool:
    """Sent for decision (`till beslut ÄND-2 <nivå>`) and not decided yet; one still being
    prepared (new, in progress) is not yet for the steering group."""
    return entry.kind is Kind.CHANGE and entry.status is Status.AWAITING_DECISION


def is_plan_deviation(entry: Entry) -> bool:
    """A deviation from the programme plan (time, scope, budget), not one at go-live: its
    `origin` (programplan 7.7); one logged before the bot asked, by its category or area."""
    return entry.kind is Kind.DEVIATION and deviation_origin(entry.fields) == PLAN


def _more(locale: str, shown: int, count: int, command: str) -> list[Block]:
    if count <= shown:
        return []
    text = t(
        locale, "reports.status.more", shown=shown, count=number(count, locale), command=command
    )
    return [Paragraph(text, "note")]


# -- assessment ---------------------------------------------------------------------------


def assessment_section(
    locale: str, assessment: Assessment | None, period_start: datetime, context: ReportContext
) -> list[Block]:
    blocks: list[Block] = [Heading(t(locale, "reports.status.assessment"))]
    if assessment is None:
        return [*blocks, Paragraph(t(locale, "reports.assessment.none"))]
    when = long_date(assessment.at.astimezone(context.zone).date(), locale)
    made = t(locale, "reports.assessment.made", name=assessment.by_name or "–", date=when)
    if assessment.at < period_start:
        made = t(locale, "reports.assessment.carried", name=assessment.by_name or "–", date=when)
    return [
        *blocks,
        Facts(
            (
                (
                    t(locale, "reports.assessment.colour"),
                    t(locale, f"reports.colour.{assessment.colour}"),
                ),
                (t(locale, "reports.assessment.text"), assessment.text or "–"),
                (t(locale, "reports.assessment.by"), made),
            )
        ),
    ]


# -- what awaits decision -----------------------------------------------------------------


def changes_section(locale: str, changes: Sequence[Entry], context: ReportContext) -> list[Block]:
    blocks: list[Block] = [Heading(t(locale, "reports.status.changes"), 2)]
    if not changes:
        return [*blocks, Paragraph(t(locale, "reports.status.no_changes"))]
    rows = [
        [
            e.ref,
            shorten(str(e.fields.get("what", "") or e.title), 300),
            shorten(str(e.fields.get("impact_scope", "")), 200) or "–",
            shorten(str(e.fields.get("impact_time", "")), 200) or "–",
            shorten(str(e.fields.get("impact_budget", "")), 200) or "–",
            context.local_day(e.created_at),
        ]
        for e in sorted(changes, key=lambda e: e.number or 0)[:SHOWN]
    ]
    columns = (
        Column(t(locale, "reports.label.number"), 0),
        Column(t(locale, "field.what"), 4),
        Column(t(locale, "reports.label.impact_scope"), 2),
        Column(t(locale, "reports.label.impact_time"), 2),
        Column(t(locale, "reports.label.impact_budget"), 2),
        Column(t(locale, "field.created"), 0),
    )
    more = _more(locale, SHOWN, len(changes), t(locale, "reports.command.changes"))
    return [*blocks, Table(columns, rows), *more]


def escalated_section(
    locale: str,
    escalated: Sequence[Entry],
    context: ReportContext,
    reasons: Mapping[tuple[Kind, int], str],
) -> list[Block]:
    """Escalated entries of every kind, highest level first, with what is to be decided: the
    reason it was escalated with (`reasons`, from the history), else what the entry describes."""
    blocks: list[Block] = [Heading(t(locale, "reports.status.escalated"), 2)]
    if not escalated:
        return [*blocks, Paragraph(t(locale, "reports.status.no_escalated"))]
    ordered = sorted(
        escalated, key=lambda e: (-LEVELS.index(e.escalation_level), e.kind.value, e.number or 0)
    )
    rows = [
        [
            e.ref,
            t(locale, f"kind.{e.kind.value}"),
            shorten(e.title, 200),
            _to_decide(e, reasons, locale),
            t(locale, f"level.{e.escalation_level.value}"),
            e.assignee or "–",
        ]
        for e in ordered[:SHOWN]
    ]
    columns = (
        Column(t(locale, "reports.label.number"), 0),
        Column(t(locale, "reports.label.kind"), 0),
        Column(t(locale, "field.title"), 2),
        Column(t(locale, "reports.label.to_decide"), 4),
        Column(t(locale, "reports.label.level"), 1),
        Column(t(locale, "field.assignee"), 1),
    )
    more = _more(locale, SHOWN, len(escalated), t(locale, "reports.command.escalated"))
    return [*blocks, Table(columns, rows), *more]


def _to_decide(entry: Entry, reasons: Mapping[tuple[Kind, int], str], locale: str) -> str:
    """What the level above is asked: the reason given when it was last escalated (issues;
    bot/entries/escalation.py), the rule that escalated a deviation (its risk value), else what
    the entry describes."""
    reason = reasons.get((entry.kind, entry.number or 0), "").strip()
    if reason:
        return shorten(reason, 300)
    value = risk_value(entry.fields) if entry.kind is Kind.DEVIATION else None
    if value is not None and value >= RISK_FLAG_THRESHOLD:
        return t(locale, "reports.status.rule_risk_value", value=value, limit=RISK_FLAG_THRESHOLD)
    text = str(entry.fields.get(DESCRIBES[entry.kind], "") or "")
    return shorten(text or entry.title, 300)


# -- deviations ---------------------------------------------------------------------------


def _category(locale: str, entry: Entry) -> str:
    category = str(entry.fields.get("category", ""))
    if category in PLAN_CATEGORIES:
        # Under a heading that says "from the programme plan": time, scope or budget is enough.
        return t(locale, f"reports.plan_category.{category}")
    return option_label(locale, "category", category) or "–"


def _deviation_rows(
    locale: str, deviations: Sequence[Entry], *, told: bool = False
) -> list[list[str]]:
    """`told`: who of the unit's line organisation was told, one per line (programplan 7.7),
    beside who handles it and in place of the category (the table of categories follows)."""
    rows = []
    for e in deviations[:SHOWN]:
        row = [e.ref, shorten(e.title, 200), _category(locale, e)]
        row += [str(risk_value(e.fields) or "–"), t(locale, f"status.{e.status.value}")]
        if told:
            del row[2]
            row.append("\n".join(told_people(e, locale)) or "–")
        rows.append([*row, e.assignee or "–"])
    return rows


def _deviation_columns(locale: str, *, told: bool = False) -> tuple[Column, ...]:
    what = (Column(t(locale, "reports.label.number"), 0), Column(t(locale, "field.what"), 4))
    value = Column(t(locale, "field.risk_value"), 0, numeric=True)
    status, assignee = Column(t(locale, "field.status"), 0), Column(t(locale, "field.assignee"), 1)
    if told:
        return (*what, value, status, Column(t(locale, "dev.told"), 3), assignee)
    return (*what, Column(t(locale, "field.category"), 1.5), value, status, assignee)


def plan_deviations_section(
    locale: str, deviations: Sequence[Entry], context: ReportContext
) -> list[Block]:
    blocks: list[Block] = [Heading(t(locale, "reports.status.plan_deviations"), 2)]
    if not deviations:
        return [*blocks, Paragraph(t(locale, "reports.status.no_plan_deviations"))]
    ordered = sorted(deviations, key=lambda e: (-(risk_value(e.fields) or 0), e.number or 0))
    context.note_listed(ordered[:SHOWN], "status report")
    more = _more(locale, SHOWN, len(ordered), t(locale, "reports.command.deviations"))
    rows = _deviation_rows(locale, ordered)
    return [*blocks, Table(_deviation_columns(locale), rows), *more]


def high_risk_section(
    locale: str, deviations: Sequence[Entry], context: ReportContext
) -> list[Block]:
    heading = t(locale, "reports.status.high_risk", threshold=RISK_FLAG_THRESHOLD)
    blocks: list[Block] = [Heading(heading, 2)]
    flagged = sorted(
        (e for e in deviations if (risk_value(e.fields) or 0) >= RISK_FLAG_THRESHOLD),
        key=lambda e: (-(risk_value(e.fields) or 0), e.number or 0),
    )
    if not flagged:
        return [
            *blocks,
            Paragraph(t(locale, "reports.status.no_high_risk", threshold=RISK_FLAG_THRESHOLD)),
        ]
    context.note_listed(flagged[:SHOWN], "status report")
    more = _more(locale, SHOWN, len(flagged), t(locale, "reports.command.deviations"))
    rows = _deviation_rows(locale, flagged, told=True)
    return [*blocks, Table(_deviation_columns(locale, told=True), rows), *more]


# -- benefits -----------------------------------------------------------------------------


def benefits_section(
    locale: str, created: Sequence[Entry], open_needs: Sequence[Entry], context: ReportContext
) -> list[Block]:
    blocks: list[Block] = [Heading(t(locale, "reports.status.benefits"))]
    benefits = context.programme.benefits
    new = Counter(str(e.fields.get("benefit", "")) for e in created if e.kind is Kind.NEED)
    still = Counter(str(e.fields.get("benefit", "")) for e in open_needs)
    keys = [str(k) for k in sorted(benefits)]
    keys += sorted((set(new) | set(still)) - set(keys) - {""})
    rows = [
        [
            f"{k}. {benefits[int(k)]}" if k.isdigit() and int(k) in benefits else k,
            number(new[k], locale),
            number(still[k], locale),
        ]
        for k in keys
    ]
    if new[""] or still[""]:
        rows.append(
            [t(locale, "reports.benefit.none"), number(new[""], locale), number(still[""], locale)]
        )
    rows.append(
        [
            t(locale, "reports.label.total"),
            number(sum(new.values()), locale),
            number(sum(still.values()), locale),
        ]
    )
    columns = (
        Column(t(locale, "field.benefit"), 1),
        Column(t(locale, "reports.label.new_in_period"), 0, numeric=True),
        Column(t(locale, "reports.label.open"), 0, numeric=True),
    )
    return [*blocks, Table(columns, rows, total=True)]


# -- budget and forecast ------------------------------------------------------------------


def money(value: int | None, locale: str) -> str:
    """Kronor as people read them in a steering group: "12,5 mnkr", "850 tkr"."""
    if value is None:
        return "–"
    if abs(value) >= 1_000_000:
        return t(locale, "reports.money.million", amount=number(value / 1_000_000, locale, 1))
    if abs(value) >= 1_000:
        return t(locale, "reports.money.thousand", amount=number(value / 1_000, locale))
    return t(locale, "reports.money.kronor", amount=number(value, locale))


def _difference(line: BudgetLine, locale: str) -> str:
    if line.budget is None or line.forecast is None:
        return "–"
    diff = line.forecast - line.budget
    sign = "+" if diff > 0 else ""
    return sign + money(diff, locale) if diff else money(0, locale)


def budget_section(
    locale: str, figures: BudgetFigures | None, error: str, context: ReportContext
) -> list[Block]:
    blocks: list[Block] = [Heading(t(locale, "reports.status.budget"))]
    if error:
        return [*blocks, Paragraph(t(locale, "reports.budget.unreadable", error=error))]
    if figures is None or not figures.lines:
        return [*blocks, Paragraph(t(locale, "reports.budget.none"))]
    lines = list(figures.lines)
    if len(lines) > 1:

        def total(values: list[int | None]) -> int | None:
            known = [v for v in values if v is not None]
            return sum(known) if known else None

        lines.append(
            BudgetLine(
                t(locale, "reports.label.total"),
                total([line.budget for line in figures.lines]),
                total([line.outcome for line in figures.lines]),
                total([line.forecast for line in figures.lines]),
            )
        )
    rows = [
        [
            line.label or t(locale, "reports.budget.programme"),
            money(line.budget, locale),
            money(line.outcome, locale),
            money(line.forecast, locale),
            _difference(line, locale),
        ]
        for line in lines
    ]
    columns = (
        Column(t(locale, "reports.budget.line"), 1),
        Column(t(locale, "reports.budget.budget"), 0, numeric=True),
        Column(t(locale, "reports.budget.outcome"), 0, numeric=True),
        Column(t(locale, "reports.budget.forecast"), 0, numeric=True),
        Column(t(locale, "reports.budget.difference"), 0, numeric=True),
    )
    when = context.local(figures.at)
    source = (
        t(locale, "reports.budget.from_chat", name=figures.by_name or "–", when=when)
        if figures.source == "chat"
        else t(locale, "reports.budget.from_file", file=figures.source, when=when)
    )
    blocks += [Paragraph(source), Table(columns, rows, total=len(lines) > 1)]
    if figures.note:
        blocks.append(Paragraph(t(locale, "reports.budget.note", note=figures.note)))
    return blocks
