"""Registers, one entry's full record and the decision log as neutral documents."""

from __future__ import annotations

from collections.abc import Sequence

from bot.domain.kinds import FIELDS, FieldSpec, risk_value
from bot.domain.model import Entry, Kind, Person, Status
from bot.i18n.catalogue import TEXTS, t
from bot.ports.reports import EntryScope
from bot.reports.context import ReportContext
from bot.reports.model import (
    Column,
    Facts,
    Heading,
    Paragraph,
    ReportDocument,
    Table,
    number,
    period_text,
)
from bot.reports.scope import Period
from bot.text.clean import shorten
from bot.text.render import field_value, history_value, status_label

# A register is an overview: a cell holds at most this much; the record has the whole text.
CELL_LIMIT = 1_500
_WIDTH = {"select": 1.9, "number": 1.0, "date": 1.9, "text": 2.2, "textarea": 3.2}
# 1–4 scales show as digits under a short label ("K (1–4)"): a register has many columns.
SCALES = frozenset({"consequence", "probability"})
ESCALATING = (Kind.ISSUE, Kind.DEVIATION)


def _width(field: FieldSpec) -> float:
    return 3.0 if field.name == "title" else _WIDTH.get(field.type, 2.2)


def _has_risk_value(kind: Kind) -> bool:
    return kind in (Kind.DEVIATION, Kind.RISK)


def build_register(
    context: ReportContext,
    person: Person,
    kind: Kind,
    locale: str,
    *,
    statuses: Sequence[Status] = (),
    period: Period | None = None,
) -> ReportDocument:
    created_from = created_to = None
    if period is not None:
        created_from, created_to = period.bounds(context.zone)
    scope = EntryScope(
        kinds=(kind,),
        statuses=tuple(statuses),
        created_from=created_from,
        created_to=created_to,
    )
    entries = list(context.read_entries(person, scope))
    context.note_listed(entries, f"register {kind.value}")

    kind_name = t(locale, f"reports.kind_plural.{kind.value}")
    report = context.document(
        locale,
        document_type=t(locale, "reports.type.register"),
        title=t(locale, "reports.register.title", kinds=kind_name),
        subtitle=context.programme.title or context.programme.name,
        file_stem=t(
            locale,
            "reports.file.register",
            kinds=kind_name.lower(),
            date=context.today().isoformat(),
        ),
        landscape=True,
    )
    filters = [
        (
            t(locale, "field.status"),
            ", ".join(t(locale, f"status.{s.value}") for s in statuses)
            or t(locale, "reports.register.all_statuses"),
        ),
        (
            t(locale, "reports.label.period"),
            period_text(period.start, period.end, locale)
            if period
            else t(locale, "reports.register.all_time"),
        ),
        (t(locale, "reports.label.count"), number(len(entries), locale)),
    ]
    report.blocks.append(
        Paragraph(
            f"{context.generated_line(person, locale)} {context.scope_line(person, locale)}",
            "note",
        )
    )
    report.blocks.append(Facts(tuple(filters)))
    if not entries:
        report.blocks.append(Paragraph(t(locale, "reports.register.empty")))
        return report

    fields = FIELDS[kind]
    escalates = kind in ESCALATING
    columns = [
        Column(t(locale, "reports.label.number"), 1.8),
        Column(t(locale, "field.status"), 2.0),
    ]
    for f in fields:
        if f.name in SCALES:
            columns.append(Column(t(locale, f"reports.short.{f.name}"), 0.6, numeric=True))
        else:
            columns.append(Column(t(locale, f"field.{f.name}"), _width(f)))
    if _has_risk_value(kind):
        columns.append(Column(t(locale, "field.risk_value"), 1.9, numeric=True))
    if escalates:
        columns.append(Column(t(locale, "reports.short.escalation_level"), 1.9))
    columns += [
        Column(t(locale, "field.assignee"), 2.3),
        Column(t(locale, "field.reporter"), 2.2),
        Column(t(locale, "field.created"), 2.0),
    ]
    benefits = context.programme.benefits
    cut = False
    rows: list[list[str]] = []
    for entry in entries:
        row = [entry.ref, status_label(locale, entry.status.value, entry.kind)]
        for f in fields:
            raw = str(entry.fields.get(f.name, "") or "")
            if f.name in SCALES:
                row.append(raw or "–")
                continue
            value = field_value(kind, f.name, raw, locale, benefits, context.timezone)
            if len(value) > CELL_LIMIT:
                value, cut = shorten(value, CELL_LIMIT), True
            row.append(value)
        if _has_risk_value(kind):
            risk = risk_value(entry.fields)
            row.append("–" if risk is None else str(risk))
        if escalates:
            row.append(t(locale, f"level.{entry.escalation_level.value}"))
        row += [
            entry.assignee or "–",
            entry.reporter_name or "–",
            context.local(entry.created_at),
        ]
        rows.append(row)
    if any(f.name in SCALES for f in fields):
        report.blocks.append(Paragraph(t(locale, "reports.register.scales"), "note"))
    if cut:
        report.blocks.append(Paragraph(t(locale, "reports.register.shortened"), "note"))
    report.blocks.append(Table(tuple(columns), rows, dense=True))
    return report


def build_entry_record(context: ReportContext, entry: Entry, locale: str) -> ReportDocument:
    report = context.document(
        locale,
        document_type=t(locale, "reports.type.record"),
        title=f"{entry.ref} – {entry.title}",
        subtitle=t(locale, f"kind.{entry.kind.value}"),
        file_stem=entry.ref,
    )
    benefits = context.programme.benefits
    details = [(t(locale, "field.status"), status_label(locale, entry.status.value, entry.kind))]
    for f in FIELDS[entry.kind]:
        raw = str(entry.fields.get(f.name, "") or "")
        details.append(
            (
                t(locale, f"field.{f.name}"),
                field_value(entry.kind, f.name, raw, locale, benefits, context.timezone),
            )
        )
    if _has_risk_value(entry.kind) and (value := risk_value(entry.fields)) is not None:
        details.append((t(locale, "field.risk_value"), str(value)))
    handling = [
        (t(locale, "field.escalation_level"), t(locale, f"level.{entry.escalation_level.value}")),
        (t(locale, "field.assignee"), entry.assignee or "–"),
        (
            t(locale, "field.reporter"),
            f"{entry.reporter_name} ({entry.reporter_platform})",
        ),
        (t(locale, "field.created"), context.local(entry.created_at)),
        (t(locale, "reports.label.updated"), context.local(entry.updated_at)),
    ]
    if "forwarded" in entry.flags:
        handling.append((t(locale, "field.forwarded"), t(locale, "yes")))
    if "medical_review" in entry.flags:
        handling.append((t(locale, "reports.label.medical_review"), t(locale, "yes")))
    if entry.source_link:
        handling.append((t(locale, "field.source"), entry.source_link))
    report.blocks.extend(
        [
            Heading(t(locale, "reports.record.details")),
            Facts(tuple(details)),
            Heading(t(locale, "reports.record.handling")),
            Facts(tuple(handling)),
            Heading(t(locale, "comments")),
        ]
    )
    if entry.comments:
        report.blocks.append(
            Table(
                (
                    Column(t(locale, "reports.label.when"), 1.6),
                    Column(t(locale, "reports.label.by"), 1.8),
                    Column(t(locale, "reports.label.comment"), 6),
                ),
                [[context.local(c.at), c.author_name, c.text] for c in entry.comments],
            )
        )
    else:
        report.blocks.append(Paragraph(t(locale, "reports.record.no_comments")))
    report.blocks.append(Heading(t(locale, "history")))
    if entry.history:
        report.blocks.append(
            Table(
                (
                    Column(t(locale, "reports.label.when"), 1.6),
                    Column(t(locale, "reports.label.by"), 1.8),
                    Column(t(locale, "reports.label.change"), 1.8),
                    Column(t(locale, "reports.label.from"), 2),
                    Column(t(locale, "reports.label.to"), 2),
                ),
                [
                    [
                        context.local(c.at),
                        c.actor_name,
                        _field_label(locale, c.field),
                        history_value(c.field, c.old, locale, entry.kind) or "–",
                        history_value(c.field, c.new, locale, entry.kind) or "–",
                    ]
                    for c in entry.history
                ],
            )
        )
    else:
        report.blocks.append(Paragraph(t(locale, "reports.record.no_history")))
    return report


def _field_label(locale: str, field: str) -> str:
    return t(locale, f"field.{field}") if f"field.{field}" in TEXTS else field
