"""The decision log (beslutslogg): decisions of the decision points (programplan 5.4), each with
the body that decided it and who recorded it, and the decisions on change requests (7.5); the
decision points with their state. Shared by the status report and `rapport beslut`."""

from __future__ import annotations

from collections.abc import Sequence

from bot.domain.model import Person
from bot.i18n.catalogue import t
from bot.ports.plan import DecisionRow, MilestoneRow
from bot.reports.context import ReportContext
from bot.reports.model import Column, Heading, Paragraph, ReportDocument, Table
from bot.text.clean import shorten
from bot.text.render import due_label, outcome_label

FROM_FILE = "programme-file"  # as bot/plan/milestones.py records a decision the file gives


def decision_outcome(locale: str, d: DecisionRow) -> str:
    if d.subject == "change_request":
        return t(locale, f"change.decision.{d.outcome}")
    return outcome_label(locale, d.outcome)


def decision_rows(
    locale: str, decisions: Sequence[DecisionRow], context: ReportContext
) -> list[list[str]]:
    def recorder(d: DecisionRow) -> str:
        if d.recorded_by == FROM_FILE:
            return t(locale, "ms.from_file")
        name = context.person_name(d.recorded_by) or d.recorded_by or "–"
        return f"{name}, {context.local(d.recorded_at)}"

    return [
        [
            d.decided_on.isoformat() if d.decided_on else context.local_day(d.recorded_at),
            f"{d.milestone_id} {shorten(d.milestone_title, 200)}".strip(),
            decision_outcome(locale, d),
            d.decided_by or "–",
            d.motivation or "–",
            recorder(d),
        ]
        for d in sorted(
            decisions, key=lambda d: (d.decided_on or d.recorded_at.date(), d.recorded_at)
        )
    ]


def decision_columns(locale: str) -> tuple[Column, ...]:
    return (
        Column(t(locale, "reports.label.decision_day"), 1.6),
        Column(t(locale, "reports.label.decision_point"), 3.2),
        Column(t(locale, "reports.label.decision"), 1.6),
        Column(t(locale, "reports.label.decided_by"), 1.6),
        Column(t(locale, "reports.label.motivation"), 3.2),
        Column(t(locale, "reports.label.recorded_by"), 1.8),
    )


def point_state(locale: str, m: MilestoneRow, decided: set[str], context: ReportContext) -> str:
    if m.decided or m.id in decided:
        return t(locale, "reports.decisions.state_decided")
    if m.due >= context.today():
        return t(locale, "reports.decisions.state_coming")
    if not m.tracked:
        return t(locale, "ms.row_unrecorded")
    return t(locale, "reports.decisions.state_overdue")


def build_decision_log(context: ReportContext, person: Person, locale: str) -> ReportDocument:
    report = context.document(
        locale,
        document_type=t(locale, "reports.type.decisions"),
        title=t(locale, "reports.decisions.title"),
        subtitle=context.programme.title or context.programme.name,
        file_stem=t(locale, "reports.file.decisions", date=context.today().isoformat()),
    )
    decisions = context.plan.decisions()
    points = [m for m in context.plan.milestones() if m.kind == "decision"]
    decided = {d.milestone_id for d in decisions}
    report.blocks.append(Paragraph(context.generated_line(person, locale), "note"))
    if context.programme.governance.demo:
        report.blocks.append(Paragraph(t(locale, "demo.notice"), "note"))
    report.blocks.append(Heading(t(locale, "reports.decisions.taken")))
    if decisions:
        report.blocks.append(
            Table(decision_columns(locale), decision_rows(locale, decisions, context))
        )
    else:
        report.blocks.append(Paragraph(t(locale, "reports.decisions.none")))
    report.blocks.append(Heading(t(locale, "reports.decisions.points")))
    if not points:
        report.blocks.append(Paragraph(t(locale, "reports.decisions.no_points")))
        return report
    report.blocks.append(
        Table(
            (
                Column(t(locale, "reports.label.date"), 1.6),
                Column(t(locale, "reports.label.id"), 1.1),
                Column(t(locale, "reports.label.description"), 5.5),
                Column(t(locale, "reports.label.decided_by"), 1.6),
                Column(t(locale, "reports.label.state"), 1.4),
            ),
            [
                [
                    due_label(m.due, m.due_text, locale),
                    m.id,
                    m.title,
                    context.programme.governance.body_of(m.id) or "–",
                    point_state(locale, m, decided, context),
                ]
                for m in points
            ],
        )
    )
    return report
