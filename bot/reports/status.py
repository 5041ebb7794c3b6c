"""The status report (veckorapport, or any period) as a neutral document: what a steering group
decides from first (the assessment, what awaits decision, deviations, risks, budget, the time
plan), then the counts, then communication. The sections are built in status_decide.py,
status_counts.py and status_plan.py; this module reads and puts them in order."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time

from bot.domain.kinds import risk_value
from bot.domain.model import Entry, Kind, Person, Status
from bot.entries.escalation import REASON_FIELD
from bot.i18n.catalogue import t
from bot.ports.plan import MilestoneRow
from bot.ports.reports import Assessment, BudgetFigures, EntryScope
from bot.reports.context import ReportContext
from bot.reports.model import Block, Facts, Heading, Paragraph, ReportDocument, number, period_text
from bot.reports.scope import DONE_STATUSES, OPEN_STATUSES, Period
from bot.reports.status_counts import (
    by_kind,
    chart_weeks,
    deviations_table,
    open_by_status,
    risks_section,
)
from bot.reports.status_decide import (
    assessment_section,
    awaits_decision,
    benefits_section,
    budget_section,
    changes_section,
    escalated_section,
    high_risk_section,
    is_plan_deviation,
    plan_deviations_section,
)
from bot.reports.status_plan import (
    LOOKAHEAD,
    comms_section,
    decisions_section,
    milestones_section,
)

# Kept for the register and decision log, which share the decision table.
__all__ = ["build_status_report", "chart_weeks"]


@dataclass(slots=True)
class _Read:
    """Everything the report reads, once."""

    created: list[Entry]
    window: list[Entry]
    resolved: set[tuple[Kind, int]]
    open_counts: Counter[tuple[Kind, Status]]
    open_entries: list[Entry]
    assessment: Assessment | None
    budget: BudgetFigures | None
    budget_error: str


def _read(context: ReportContext, person: Person, period: Period) -> _Read:
    zone = context.zone
    start, end = period.bounds(zone)
    weeks = chart_weeks(period)
    window_from = min(start, datetime.combine(weeks[0].monday, time(), zone))
    if period.week is None:
        window_from = start  # a period's chart counts only the period
    window = context.read_entries(person, EntryScope(created_from=window_from, created_to=end))
    created = [e for e in window if e.created_at is not None and start <= e.created_at < end]
    # Open entries are counted in the database; the open ones the sections list are read.
    open_counts = context.count_entries(person, EntryScope(statuses=OPEN_STATUSES))
    open_entries = context.read_entries(person, EntryScope(statuses=OPEN_STATUSES))
    done = {status.value for status in DONE_STATUSES}
    changes = context.store.status_changes(context.scoped(person, EntryScope()), start, end)
    resolved = {(c.kind, c.number) for c in changes if c.new in done}
    assessment = context.inputs.assessment_at(end) if context.inputs else None
    budget, error = _budget(context, end)
    return _Read(created, window, resolved, open_counts, open_entries, assessment, budget, error)


def _budget(context: ReportContext, end: datetime) -> tuple[BudgetFigures | None, str]:
    """A configured source wins over figures entered in chat; an unreadable one says why."""
    if context.budget is not None:
        try:
            figures = context.budget.figures()
        except ValueError as error:
            return None, str(error)
        if figures is not None:
            return figures, ""
    return (context.inputs.budget_at(end) if context.inputs else None), ""


def _title(locale: str, period: Period) -> str:
    week = period.week
    if week:
        return t(locale, "reports.status.title_week", week=week[1], year=week[0])
    return t(
        locale, "reports.status.title_period", period=period_text(period.start, period.end, locale)
    )


def _file_stem(locale: str, period: Period) -> str:
    week = period.week
    if week:
        return t(locale, "reports.file.status_week", year=week[0], week=f"{week[1]:02d}")
    return t(
        locale,
        "reports.file.status_period",
        start=period.start.isoformat(),
        end=period.end.isoformat(),
    )


def build_status_report(
    context: ReportContext, person: Person, period: Period, locale: str
) -> ReportDocument:
    read = _read(context, person, period)
    start, end = period.bounds(context.zone)
    context.note_report(f"status {period.start.isoformat()}..{period.end.isoformat()}")
    programme = context.programme.title or context.programme.name
    report = context.document(
        locale,
        document_type=t(locale, "reports.type.status"),
        title=_title(locale, period),
        subtitle=f"{period_text(period.start, period.end, locale)} · {programme}",
        file_stem=_file_stem(locale, period),
    )
    blocks = report.blocks
    blocks.append(
        Paragraph(
            f"{context.generated_line(person, locale)} {context.scope_line(person, locale)}",
            "note",
        )
    )
    today = context.today()
    # The demo programme's invented points never reach a steering group's report.
    milestones = [m for m in context.plan.milestones() if not m.demo]
    blocks += _decide(context, person, period, locale, read, milestones)
    blocks += budget_section(locale, read.budget, read.budget_error, context)
    decisions = context.plan.decisions(start, end)
    decided = {d.milestone_id for d in decisions}
    blocks += milestones_section(locale, milestones, context, decided)
    blocks += decisions_section(locale, decisions, context)
    open_needs = [e for e in read.open_entries if e.kind is Kind.NEED]
    blocks += benefits_section(locale, read.created, open_needs, context)
    weeks = chart_weeks(period)
    blocks += by_kind(
        locale, read.created, read.resolved, read.open_counts, read.window, weeks, context
    )
    blocks += open_by_status(locale, read.open_counts)
    comms_until = datetime.combine(today + LOOKAHEAD, time(), context.zone)
    blocks += comms_section(
        locale, context.plan.posts(start, end), context.plan.comms(start, comms_until), context
    )
    return report


def _decide(
    context: ReportContext,
    person: Person,
    period: Period,
    locale: str,
    read: _Read,
    milestones: Sequence[MilestoneRow],
) -> list[Block]:
    """The report's first part: the assessment, the summary, what awaits decision, the
    deviations and the risks."""
    start, _ = period.bounds(context.zone)
    open_entries = read.open_entries
    escalated = [e for e in open_entries if e.status is Status.ESCALATED]
    changes = [e for e in open_entries if awaits_decision(e)]
    deviations = [e for e in read.created if e.kind is Kind.DEVIATION]
    open_deviations = [e for e in open_entries if e.kind is Kind.DEVIATION]
    plan_deviations = [e for e in open_deviations if is_plan_deviation(e)]
    risks = [e for e in open_entries if e.kind is Kind.RISK and risk_value(e.fields) is not None]
    today = context.today()
    blocks = assessment_section(locale, read.assessment, start, context)
    blocks += _summary(locale, period, read, escalated, changes, plan_deviations, milestones, today)
    blocks.append(Heading(t(locale, "reports.status.to_decide")))
    blocks += changes_section(locale, changes, context)
    # What is to be decided: the reason each was escalated with (kept in the history).
    reasons = context.store.latest_values(
        context.scoped(person, EntryScope(statuses=(Status.ESCALATED,))), REASON_FIELD
    )
    blocks += escalated_section(locale, escalated, context, reasons)
    context.note_listed(escalated, "status report")
    blocks.append(Heading(t(locale, "reports.status.deviations")))
    blocks += plan_deviations_section(locale, plan_deviations, context)
    blocks += high_risk_section(locale, open_deviations, context)
    blocks += deviations_table(locale, deviations)
    blocks += risks_section(locale, risks, context)
    return blocks


def _summary(
    locale: str,
    period: Period,
    read: _Read,
    escalated: Sequence[Entry],
    changes: Sequence[Entry],
    plan_deviations: Sequence[Entry],
    milestones: Sequence[MilestoneRow],
    today: date,
) -> list[Block]:
    def n(value: int) -> str:
        return number(value, locale)

    open_ = [m for m in milestones if not (m.decided or m.reached)]
    coming = [m for m in open_ if today <= m.due <= today + LOOKAHEAD]
    # Late: passed undecided while the bot knew of it (a plan's history is not "late").
    overdue = [m for m in open_ if m.tracked and m.due < today]
    blocks: list[Block] = [
        Heading(t(locale, "reports.status.summary")),
        Facts(
            (
                (t(locale, "reports.label.period"), period_text(period.start, period.end, locale)),
                (t(locale, "reports.label.created"), n(len(read.created))),
                (t(locale, "reports.label.resolved"), n(len(read.resolved))),
                (t(locale, "reports.label.open_now"), n(read.open_counts.total())),
                (t(locale, "reports.label.changes_waiting"), n(len(changes))),
                (t(locale, "reports.label.escalated"), n(len(escalated))),
                (t(locale, "reports.label.plan_deviations"), n(len(plan_deviations))),
                (t(locale, "reports.label.coming_milestones"), n(len(coming))),
                (t(locale, "reports.label.overdue_milestones"), n(len(overdue))),
            )
        ),
    ]
    if not read.created and not read.resolved:
        blocks.append(Paragraph(t(locale, "reports.status.nothing_in_period")))
    return blocks
