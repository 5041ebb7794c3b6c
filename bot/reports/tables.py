"""Registers, one entry's full record and the decision log as neutral documents."""

from __future__ import annotations

from bot.domain.kinds import FIELDS, applies, risk_value, with_origin
from bot.domain.model import Entry
from bot.i18n.catalogue import has_text, t
from bot.reports.context import ReportContext
from bot.reports.model import (
    Block,
    Column,
    Facts,
    Heading,
    Paragraph,
    ReportDocument,
    Table,
)
from bot.reports.register import has_risk_value
from bot.text.render import (
    field_value,
    history_value,
    referral_state,
    status_label,
    told_line,
)


def build_entry_record(context: ReportContext, entry: Entry, locale: str) -> ReportDocument:
    report = context.document(
        locale,
        document_type=t(locale, "reports.type.record"),
        title=f"{entry.ref} – {entry.title}",
        subtitle=t(locale, f"kind.{entry.kind.value}"),
        file_stem=entry.ref,
    )
    report.blocks.extend(
        [
            Heading(t(locale, "reports.record.details")),
            Facts(_details(context, entry, locale)),
            Heading(t(locale, "reports.record.handling")),
            Facts(_handling(context, entry, locale)),
            Heading(t(locale, "comments")),
            _comments(context, entry, locale),
            Heading(t(locale, "history")),
            _history(context, entry, locale),
        ]
    )
    return report


def _details(context: ReportContext, entry: Entry, locale: str) -> tuple[tuple[str, str], ...]:
    """The status and every field the entry's kind has (and that applies to it)."""
    benefits = context.programme.benefits
    details = [(t(locale, "field.status"), status_label(locale, entry.status.value, entry.kind))]
    fields = with_origin(entry.kind, entry.fields)
    for f in FIELDS[entry.kind]:
        raw = str(fields.get(f.name, "") or "")
        if not raw and not applies(f, fields):
            continue  # a deviation from the plan has no unit, probability or Lex Maria
        details.append(
            (
                t(locale, f"field.{f.name}"),
                field_value(entry.kind, f.name, raw, locale, benefits, context.timezone),
            )
        )
    if has_risk_value(entry.kind) and (value := risk_value(entry.fields)) is not None:
        details.append((t(locale, "field.risk_value"), str(value)))
    return tuple(details)


def _handling(context: ReportContext, entry: Entry, locale: str) -> tuple[tuple[str, str], ...]:
    """Who handles it and at what level, who reported it, and what happened outside the bot."""
    handling = [
        (t(locale, "field.escalation_level"), t(locale, f"level.{entry.escalation_level.value}")),
        (t(locale, "field.assignee"), entry.assignee or "–"),
        (t(locale, "field.reporter"), entry.reporter_name),
        (t(locale, "field.created"), context.local(entry.created_at)),
        (t(locale, "reports.label.updated"), context.local(entry.updated_at)),
    ]
    if entry.reporter_count > 1:
        handling.insert(3, (t(locale, "field.reporters"), str(entry.reporter_count)))
    if (state := referral_state(entry, locale)) is not None:
        handling.append((t(locale, "dev.system"), state))
    if "medical_review" in entry.flags:
        handling.append((t(locale, "reports.label.medical_review"), t(locale, "yes")))
    if (told := told_line(entry, locale, context.timezone)) is not None:
        handling.append((t(locale, "dev.told"), told))
    if entry.source_link:
        handling.append((t(locale, "field.source"), entry.source_link))
    return tuple(handling)


def _comments(context: ReportContext, entry: Entry, locale: str) -> Block:
    if not entry.comments:
        return Paragraph(t(locale, "reports.record.no_comments"))
    return Table(
        (
            Column(t(locale, "reports.label.when"), 1.6),
            Column(t(locale, "reports.label.by"), 1.8),
            Column(t(locale, "reports.label.comment"), 6),
        ),
        [[context.local(c.at), c.author_name, c.text] for c in entry.comments],
    )


def _history(context: ReportContext, entry: Entry, locale: str) -> Block:
    if not entry.history:
        return Paragraph(t(locale, "reports.record.no_history"))
    return Table(
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


def _field_label(locale: str, field: str) -> str:
    return t(locale, f"field.{field}") if has_text(f"field.{field}") else field
