"""A register of one kind as a neutral document: a section per status, the columns a reader
scans (every field is in the Excel register and in the entry's own record)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.domain.kinds import (
    CASE_NUMBER,
    FIELDS,
    PLAN_CATEGORIES,
    REFERRED_FLAGS,
    deviation_origin,
    risk_value,
)
from bot.domain.model import Entry, Kind, Person, Status
from bot.i18n.catalogue import t
from bot.ports.reports import EntryScope
from bot.reports.context import YIELD_EVERY, ReportContext, share_the_interpreter
from bot.reports.model import (
    NBSP,
    Block,
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
from bot.text.render import field_value

# 1–4 scales show as digits under a short label ("K"): a register has many columns.
SCALES = frozenset({"consequence", "probability"})
ESCALATING = (Kind.ISSUE, Kind.DEVIATION)
RISK_VALUE = "risk_value"  # consequence × probability, beside its two factors
# A deviation's kind (programplan 7.7) and what happened with the region's deviation system
# (referred, or registered with its case number), in a word or two each.
ORIGIN = "origin"
REFERRAL = "referral"
SHORT_HEADERS = SCALES | {ORIGIN, REFERRAL}
NOT_FIELDS = frozenset({RISK_VALUE, REFERRAL})


@dataclass(frozen=True, slots=True)
class _Shown:
    """A field as the Word register shows it: how much of its text, how much room it wants."""

    name: str
    limit: int = 1_500
    share: float = 1.0


# What a reader scans per kind. Deviations are slimmed to what a steering group sorts by; the
# record ("rapport AVV-3") and the Excel register have every field.
SHOWN: dict[Kind, tuple[_Shown, ...]] = {
    Kind.NEED: (
        _Shown("title", 200, 3),
        _Shown("description", 600, 5),
        _Shown("unit", 200, 1.5),
        _Shown("benefit", 10, 0),  # a digit; the objectives are listed under the selection
        _Shown("priority", 40, 0),
    ),
    Kind.ISSUE: (
        _Shown("title", 200, 3),
        _Shown("description", 600, 5),
        _Shown("unit", 200, 1.5),
        _Shown("urgency", 40, 0),
    ),
    Kind.DEVIATION: (
        _Shown(ORIGIN, 40, 0),
        _Shown("what", 200, 5),
        _Shown("unit", 200, 1.5),
        _Shown("category", 60, 1),
        _Shown("consequence", 2, 0),
        _Shown("probability", 2, 0),
        _Shown(RISK_VALUE, 2, 0),
        _Shown(REFERRAL, 80, 0.5),
    ),
    Kind.RISK: (
        _Shown("description", 600, 5),
        _Shown("probability", 2, 0),
        _Shown("consequence", 2, 0),
        _Shown(RISK_VALUE, 2, 0),
        _Shown("owner", 200, 1),
        _Shown("mitigation", 600, 4),
    ),
    Kind.CHANGE: (
        _Shown("what", 600, 4),
        _Shown("why", 400, 3),
        _Shown("impact_scope", 300, 2),
        _Shown("impact_time", 300, 2),
        _Shown("impact_budget", 300, 2),
    ),
}


def has_risk_value(kind: Kind) -> bool:
    return kind in (Kind.DEVIATION, Kind.RISK)


def register_scope(
    context: ReportContext, kind: Kind, statuses: Sequence[Status], period: Period | None
) -> EntryScope:
    created_from = created_to = None
    if period is not None:
        created_from, created_to = period.bounds(context.zone)
    return EntryScope(
        kinds=(kind,), statuses=tuple(statuses), created_from=created_from, created_to=created_to
    )


def selection(
    context: ReportContext,
    locale: str,
    statuses: Sequence[Status],
    period: Period | None,
    count: int,
) -> tuple[tuple[str, str], ...]:
    """The register's selection as label–value pairs (Word and Excel alike)."""
    return (
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
        (t(locale, "reports.label.count"), number(count, locale)),
    )


def build_register(
    context: ReportContext,
    person: Person,
    kind: Kind,
    locale: str,
    *,
    statuses: Sequence[Status] = (),
    period: Period | None = None,
) -> ReportDocument:
    entries = context.read_entries(person, register_scope(context, kind, statuses, period))
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
    blocks = report.blocks
    blocks.append(
        Paragraph(
            f"{context.generated_line(person, locale)} {context.scope_line(person, locale)}",
            "note",
        )
    )
    blocks.append(Heading(t(locale, "reports.register.selection")))
    blocks.append(Facts(selection(context, locale, statuses, period, len(entries))))
    if not entries:
        blocks.append(Paragraph(t(locale, "reports.register.empty")))
        return report
    columns = _columns(kind, locale)
    rows: dict[Status, list[list[str]]] = {}
    cut = False
    for index, entry in enumerate(entries):
        if index % YIELD_EVERY == 0:
            share_the_interpreter()
        row, shortened = _row(context, entry, locale)
        cut = cut or shortened
        rows.setdefault(entry.status, []).append(row)
    blocks += _notes(context, kind, locale, cut)
    for status in Status:
        if status in rows:
            heading = t(
                locale,
                "reports.register.section",
                status=t(locale, f"status.{status.value}"),
                count=number(len(rows[status]), locale),
            )
            blocks += [Heading(heading), Table(columns, rows[status], dense=True)]
    return report


def _columns(kind: Kind, locale: str) -> tuple[Column, ...]:
    columns = [Column(t(locale, "reports.label.number"), 0)]
    for shown in SHOWN[kind]:
        if shown.name in SHORT_HEADERS:
            title = t(locale, f"reports.short.{shown.name}")
            columns.append(Column(title, shown.share, numeric=shown.name in SCALES))
        else:
            numeric = shown.name == RISK_VALUE
            columns.append(Column(t(locale, f"field.{shown.name}"), shown.share, numeric=numeric))
    if kind in ESCALATING:
        columns.append(Column(t(locale, "reports.short.escalation_level"), 0.5))
    columns.append(Column(t(locale, "field.assignee"), 1))
    if kind is not Kind.DEVIATION:
        columns.append(Column(t(locale, "field.reporter"), 1))
    columns.append(Column(t(locale, "field.created"), 0))
    return tuple(columns)


def _row(context: ReportContext, entry: Entry, locale: str) -> tuple[list[str], bool]:
    kind = entry.kind
    benefits = context.programme.benefits
    row = [entry.ref]
    cut = False
    for shown in SHOWN[kind]:
        if shown.name == RISK_VALUE:
            risk = risk_value(entry.fields)
            row.append("–" if risk is None else str(risk))
            continue
        if shown.name in (ORIGIN, REFERRAL):
            row.append(_origin(entry, locale) if shown.name == ORIGIN else _referral(entry, locale))
            continue
        raw = str(entry.fields.get(shown.name, "") or "")
        if shown.name in SCALES or shown.name == "benefit":
            row.append(raw or "–")
            continue
        if shown.name == "category" and raw in PLAN_CATEGORIES:
            # The kind column already says "from the plan": time, scope or budget is enough.
            row.append(t(locale, f"reports.plan_category.{raw}"))
            continue
        value = field_value(kind, shown.name, raw, locale, benefits, context.timezone)
        if len(value) > shown.limit:
            value, cut = shorten(value, shown.limit), True
        row.append(value)
    if kind in ESCALATING:
        row.append(t(locale, f"level.{entry.escalation_level.value}"))
    row.append(entry.assignee or "–")
    if kind is not Kind.DEVIATION:
        reporter = entry.reporter_name or "–"
        if entry.reporter_count > 1:  # the same thing, reported by several ("Samma sak")
            reporter += f" ({t(locale, 'reported_by_many', count=entry.reporter_count)})"
        row.append(reporter)
    row.append(context.local_day(entry.created_at))
    return row, cut


def _notes(context: ReportContext, kind: Kind, locale: str, cut: bool) -> list[Block]:
    notes: list[Block] = []
    names = {shown.name for shown in SHOWN[kind]} - NOT_FIELDS
    if names & SCALES:
        notes.append(Paragraph(t(locale, "reports.register.scales"), "note"))
    if ORIGIN in names:
        notes.append(Paragraph(t(locale, "reports.register.origins"), "note"))
    if "benefit" in names and context.programme.benefits:
        notes.append(Paragraph(t(locale, "reports.register.benefits"), "note"))
        notes.append(
            Facts(tuple((str(k), v) for k, v in sorted(context.programme.benefits.items())))
        )
    if cut or len(names) < len(FIELDS[kind]):
        kinds = t(locale, f"reports.kind_plural.{kind.value}").lower()
        notes.append(
            Paragraph(
                t(locale, "reports.register.shortened", ref=f"{kind.prefix}-1", kinds=kinds),
                "note",
            )
        )
    return notes


def _origin(entry: Entry, locale: str) -> str:
    """The deviation's kind; one logged before the bot asked, as the reports read it."""
    origin = deviation_origin(entry.fields)
    return t(locale, f"reports.origin.{origin}") if origin else "–"


def _referral(entry: Entry, locale: str) -> str:
    """Referred to the region's deviation system until its case number makes it registered."""
    number = str(entry.fields.get(CASE_NUMBER, "") or "")
    if number:
        # "AVV 2026/4711" is one number: in a narrow column it wraps whole, not at its space.
        return t(locale, "reports.referral.registered", number=number.replace(" ", NBSP))
    if REFERRED_FLAGS & set(entry.flags):
        return t(locale, "reports.referral.referred")
    return "–"
