"""Entries as text people read: summaries, one-line list rows and the full record."""

from __future__ import annotations

from datetime import date, datetime, tzinfo
from zoneinfo import ZoneInfo

from bot.domain.kinds import (
    CASE_NUMBER,
    FIELDS,
    NAMES_SEPARATOR,
    NOBODY,
    REFERRED_FLAGS,
    TOLD_AT,
    TOLD_FIELDS,
    applies,
    risk_value,
)
from bot.domain.model import Entry, Kind
from bot.i18n.catalogue import has_text, option_label, t
from bot.text.clean import shorten
from bot.text.timeparse import quarter_of


def local_time(value: datetime | None, timezone: str | tzinfo) -> str:
    """How every time is shown to people: local, to the minute."""
    if value is None:
        return ""
    zone = ZoneInfo(timezone) if isinstance(timezone, str) else timezone
    return value.astimezone(zone).strftime("%Y-%m-%d %H:%M")


def due_label(due: date, written: str, locale: str) -> str:
    """A plan date as the plan gives it: "kvartal 4 2020" for "2020-Q4", else the day."""
    quarter = quarter_of(written) if written else None
    if quarter is None:
        return due.isoformat()
    return t(locale, "ms.quarter", year=quarter[0], quarter=quarter[1])


def outcome_label(locale: str, outcome: str) -> str:
    """A decision's outcome words, each in the reader's language ("approve, continue"); the
    words themselves are the plan's and are never replaced by others."""
    words = [word.strip() for word in outcome.split(",") if word.strip()]
    return ", ".join(verb_label(locale, word) for word in words)


def verb_label(locale: str, word: str) -> str:
    for key in (f"verb.{word.casefold()}", f"ms.outcome.{word}"):
        if has_text(key):
            return t(locale, key)
    return word


def field_value(
    kind: Kind, name: str, value: str, locale: str, benefits: dict[int, str], timezone: str
) -> str:
    if not value:
        return "–"
    if name == "benefit" and value.isdigit():
        return f"{value}. {benefits.get(int(value), '')}".rstrip(". ")
    spec = next(s for s in FIELDS[kind] if s.name == name)
    if spec.type == "date":
        try:
            shown = local_time(datetime.fromisoformat(value), timezone)
        except ValueError:
            return value
        # A day ahead (a review date) is a day; a time past (when it happened) is to the minute.
        return shown[:10] if spec.when == "future" else shown
    return option_label(locale, name, value) if spec.type == "select" else value


def summary(
    kind: Kind,
    values: dict[str, str],
    locale: str,
    benefits: dict[int, str],
    timezone: str,
    *,
    marked: frozenset[str] = frozenset(),
    mark: str = "",
) -> str:
    """One line per field; the `marked` fields (values the bot proposed) end with `mark`."""
    lines = [t(locale, f"kind.{kind.value}")]
    for spec in FIELDS[kind]:
        if not applies(spec, values):
            continue  # a deviation from the plan has no unit, probability or Lex Maria
        shown = field_value(kind, spec.name, values.get(spec.name, ""), locale, benefits, timezone)
        suffix = f" {mark}" if spec.name in marked and mark else ""
        lines.append(f"{t(locale, f'field.{spec.name}')}: {shorten(shown, 600)}{suffix}")
    if kind in (Kind.DEVIATION, Kind.RISK) and (value := risk_value(values)) is not None:
        lines.append(f"{t(locale, 'field.risk_value')}: {value}")
    return "\n".join(lines)


def list_row(entry: Entry, locale: str, timezone: str) -> str:
    status = status_label(locale, entry.status.value, entry.kind)
    return (
        f"{entry.ref} · {status} · {shorten(entry.title, 80)} · "
        f"{local_time(entry.created_at, timezone)[:10]}"
    )


def full_record(entry: Entry, locale: str, benefits: dict[int, str], timezone: str) -> str:
    lines = [f"{entry.ref} – {entry.title}", ""]
    lines.append(
        f"{t(locale, 'field.status')}: {status_label(locale, entry.status.value, entry.kind)}"
    )
    for spec in FIELDS[entry.kind]:
        value = str(entry.fields.get(spec.name, ""))
        if not value and not applies(spec, entry.fields):
            continue
        shown = field_value(entry.kind, spec.name, value, locale, benefits, timezone)
        if spec.name == "owner" and entry.fields.get("owner_external"):
            shown = f"{shown} ({t(locale, 'risk.external_mark')})"
        lines.append(f"{t(locale, f'field.{spec.name}')}: {shown}")
    if entry.fields.get("line_manager"):
        lines.append(f"{t(locale, 'field.line_manager')}: {entry.fields['line_manager']}")
    if entry.kind in (Kind.DEVIATION, Kind.RISK) and (risk := risk_value(entry.fields)) is not None:
        lines.append(f"{t(locale, 'field.risk_value')}: {risk}")
    if entry.kind is Kind.ISSUE or entry.escalation_level.value != "project":
        level = t(locale, f"level.{entry.escalation_level.value}")
        lines.append(f"{t(locale, 'field.escalation_level')}: {level}")
    lines.append(f"{t(locale, 'field.assignee')}: {entry.assignee or '–'}")
    if (state := referral_state(entry, locale)) is not None:
        lines.append(f"{t(locale, 'dev.system')}: {state}")
    if (told := told_line(entry, locale, timezone)) is not None:
        lines.append(f"{t(locale, 'dev.told')}: {told}")
    lines.append(f"{t(locale, 'field.reporter')}: {entry.reporter_name}")
    if entry.reporter_count > 1:
        lines.append(t(locale, "reported_by_many", count=entry.reporter_count))
    lines.append(f"{t(locale, 'field.created')}: {local_time(entry.created_at, timezone)}")
    if entry.source_link:
        lines.append(f"{t(locale, 'field.source')}: {entry.source_link}")
    if entry.comments:
        lines += ["", t(locale, "comments") + ":"]
        lines += [
            f"  {local_time(c.at, timezone)} {c.author_name}: {c.text}" for c in entry.comments
        ]
    if entry.history:
        lines += ["", t(locale, "history") + ":"]
        for change in entry.history:
            old = history_value(change.field, change.old, locale, entry.kind)
            new = history_value(change.field, change.new, locale, entry.kind)
            label = t(locale, f"field.{change.field}")
            arrow = f"{old} → {new}" if old else new
            lines.append(
                f"  {local_time(change.at, timezone)} {change.actor_name}: {label}: {arrow}"
            )
    return "\n".join(lines)


def status_label(locale: str, status: str, kind: Kind | None = None) -> str:
    """A status in words; a change request's "rejected" is avslagen (by its decision), not
    avvisad (in triage)."""
    key = f"status.{kind.value}.{status}" if kind is not None else ""
    return t(locale, key) if has_text(key) else t(locale, f"status.{status}")


def referral_state(entry: Entry, locale: str) -> str | None:
    """What really happened with the region's deviation system (programplan 7.7): the reporter
    was given the text (referred), or gave the case number it got there (registered)."""
    number = entry.fields.get(CASE_NUMBER)
    if number:
        return t(locale, "dev.state.registered", number=number)
    if REFERRED_FLAGS & set(entry.flags):
        return t(locale, "dev.state.referred")
    return None


def told_line(entry: Entry, locale: str, timezone: str) -> str | None:
    """Who of the line organisation was told of it, as what, and when (programplan 7.7)."""
    try:
        at = local_time(datetime.fromisoformat(str(entry.fields.get(TOLD_AT, ""))), timezone)
    except ValueError:
        return None
    return "; ".join(f"{told}, {at}" for told in told_people(entry, locale)) or None


def told_people(entry: Entry, locale: str) -> list[str]:
    """Each person of the line organisation told, as what: "Maria Sandberg (medicinskt
    ansvarig)"; someone not reached, or nobody named for the unit, says so."""
    return [
        f"{told_value(name, locale)} ({t(locale, f'dev.role.{field}')})"
        for field in TOLD_FIELDS
        for name in str(entry.fields.get(field, "")).split(NAMES_SEPARATOR)
        if name
    ]


def told_value(value: str, locale: str) -> str:
    """Who was told of a go-live deviation, as bot/entries/deviations.py records it: a name,
    "!name" for someone the notice did not reach, NOBODY when the file names no one."""
    if value == NOBODY:
        return t(locale, "dev.nobody_named")
    if value.startswith("!"):
        return t(locale, "dev.not_reached", name=value[1:])
    return value


def history_value(field: str, value: str, locale: str, kind: Kind | None = None) -> str:
    if not value:
        return ""
    if field in TOLD_FIELDS:
        return told_value(value, locale)
    if field == "status":
        return status_label(locale, value, kind)
    if field == "escalation_level":
        return t(locale, f"level.{value}")
    return value
