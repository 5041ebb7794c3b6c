"""A register as a workbook: one row per entry with every field, numbers as numbers and times
as real dates, for programme offices that filter and sort in Excel. Read with the same scope
and audit as the Word register."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from bot.domain.kinds import FIELDS, risk_value, with_origin
from bot.domain.model import Entry, Kind, Person, Status
from bot.i18n.catalogue import t
from bot.reports.context import YIELD_EVERY, ReportContext, share_the_interpreter
from bot.reports.model import CellValue, SheetColumn, Workbook
from bot.reports.register import ESCALATING, SCALES, has_risk_value, register_scope, selection
from bot.reports.scope import Period
from bot.text.render import field_value, referral_state, told_line

# Excel holds at most 32 767 characters in a cell.
CELL_LIMIT = 32_000


def build_register_sheet(
    context: ReportContext,
    person: Person,
    kind: Kind,
    locale: str,
    *,
    statuses: Sequence[Status] = (),
    period: Period | None = None,
) -> Workbook:
    entries = context.read_entries(person, register_scope(context, kind, statuses, period))
    context.note_listed(entries, f"register {kind.value} excel")
    kind_name = t(locale, f"reports.kind_plural.{kind.value}")
    columns = _columns(kind, locale)
    labels = _Labels(context, kind, locale)
    rows = []
    for index, entry in enumerate(entries):
        if index % YIELD_EVERY == 0:
            share_the_interpreter()
        rows.append(labels.row(entry))
    made = context.clock.now()
    about = (
        (t(locale, "reports.header.document_type"), t(locale, "reports.type.register")),
        (t(locale, "reports.header.programme"), context.programme.title or context.programme.name),
        (t(locale, "reports.sheet.made_for"), context.author),
        (t(locale, "reports.sheet.made_at"), context.local(made)),
        (t(locale, "reports.header.registration_number"), context.registration_number or "–"),
        (t(locale, "reports.header.edition"), f"{context.edition}.0"),
        *selection(context, locale, statuses, period, len(entries)),
        (t(locale, "reports.sheet.scope"), context.scope_line(person, locale)),
    )
    return Workbook(
        title=t(locale, "reports.register.title", kinds=kind_name),
        sheet_name=kind_name,
        columns=columns,
        rows=rows,
        about_name=t(locale, "reports.sheet.about"),
        about=about,
        file_name=t(
            locale,
            "reports.file.register",
            kinds=kind_name.lower(),
            date=context.today().isoformat(),
        )
        + ".xlsx",
        author=context.author,
        subject=t(locale, "reports.type.register"),
        created=made,
        generator=t(locale, "reports.author", programme=context.programme.name),
    )


def _columns(kind: Kind, locale: str) -> tuple[SheetColumn, ...]:
    columns = [
        SheetColumn(t(locale, "reports.label.number")),
        SheetColumn(t(locale, "field.status")),
    ]
    for spec in FIELDS[kind]:
        if spec.name in SCALES:
            columns.append(SheetColumn(t(locale, f"field.{spec.name}"), "number"))
        elif spec.type == "date":
            columns.append(SheetColumn(t(locale, f"field.{spec.name}"), "datetime"))
        else:
            columns.append(SheetColumn(t(locale, f"field.{spec.name}")))
    if has_risk_value(kind):
        columns.append(SheetColumn(t(locale, "field.risk_value"), "number"))
    columns += [
        SheetColumn(t(locale, "field.escalation_level")),
        SheetColumn(t(locale, "field.assignee")),
        SheetColumn(t(locale, "field.reporter")),
        SheetColumn(t(locale, "field.created"), "datetime"),
        SheetColumn(t(locale, "reports.label.updated"), "datetime"),
    ]
    if kind is Kind.DEVIATION:
        columns += [
            SheetColumn(t(locale, "dev.system")),
            SheetColumn(t(locale, "reports.label.medical_review")),
            SheetColumn(t(locale, "dev.told")),
        ]
    columns.append(SheetColumn(t(locale, "field.source")))
    return tuple(columns)


def _local(context: ReportContext, value: datetime | None) -> datetime | None:
    """A wall-clock time in the bot's zone, without the zone (what Excel shows)."""
    if value is None:
        return None
    return value.astimezone(context.zone).replace(tzinfo=None, microsecond=0)


class _Labels:
    """One kind's rows, each option's label worked out once per sheet: a register repeats a
    handful of options over thousands of rows (plain labels are cached by t() itself)."""

    def __init__(self, context: ReportContext, kind: Kind, locale: str) -> None:
        self._context = context
        self._kind = kind
        self._locale = locale
        self._fields = FIELDS[kind]
        self._values: dict[tuple[str, str], CellValue] = {}

    def _field(self, name: str, kind_of_field: str, raw: str) -> CellValue:
        if name in SCALES:
            return int(raw) if raw.isdigit() else None
        if kind_of_field == "date":
            return _when(self._context, raw)
        if not raw:
            return None
        if kind_of_field != "select" and name != "benefit":
            return raw[:CELL_LIMIT]  # free text, as written
        cached = (name, raw)
        value = self._values.get(cached)
        if value is None:
            context = self._context
            value = self._values[cached] = field_value(
                self._kind, name, raw, self._locale, context.programme.benefits, context.timezone
            )[:CELL_LIMIT]
        return value

    def row(self, entry: Entry) -> list[CellValue]:
        context, kind, locale = self._context, self._kind, self._locale
        fields = with_origin(kind, entry.fields)
        row: list[CellValue] = [entry.ref, t(locale, f"status.{entry.status.value}")]
        for spec in self._fields:
            row.append(self._field(spec.name, spec.type, str(fields.get(spec.name, "") or "")))
        if has_risk_value(kind):
            row.append(risk_value(fields))
        level = entry.escalation_level.value
        row += [
            t(locale, f"level.{level}") if kind in ESCALATING or level != "project" else None,
            entry.assignee or None,
            entry.reporter_name or None,
            _local(context, entry.created_at),
            _local(context, entry.updated_at),
        ]
        if kind is Kind.DEVIATION:
            row += [
                # What happened with the region's system: blank for a deviation from the plan.
                referral_state(entry, locale),
                t(locale, "yes" if "medical_review" in entry.flags else "no"),
                told_line(entry, locale, context.timezone),
            ]
        row.append(entry.source_link or None)
        return row


def _when(context: ReportContext, raw: str) -> CellValue:
    if not raw:
        return None
    try:
        return _local(context, datetime.fromisoformat(raw))
    except ValueError:
        return raw  # as it was written, when it is no time
