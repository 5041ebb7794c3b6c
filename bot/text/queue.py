"""Entries in a queue of work: most urgent and oldest first, each with its age."""

from __future__ import annotations

from datetime import datetime

from bot.domain.kinds import risk_value
from bot.domain.model import Entry, Kind
from bot.i18n.catalogue import option_label, t
from bot.text.clean import shorten


def age(created: datetime | None, now: datetime, locale: str) -> str:
    """How long it has waited: "nyss", "5 tim", "1 dag", "12 dagar"."""
    if created is None:
        return ""
    hours = int((now - created).total_seconds() // 3600)
    if hours < 1:
        return t(locale, "age.now")
    if hours < 24:
        return t(locale, "age.hours", count=hours)
    days = hours // 24
    return t(locale, "age.day") if days == 1 else t(locale, "age.days", count=days)


def urgency(entry: Entry, locale: str) -> str:
    """The word that made it urgent: an issue's urgency, a need's priority, a risk value."""
    for name in ("urgency", "priority"):
        value = str(entry.fields.get(name, ""))
        if value:
            return option_label(locale, name, value).lower()
    if entry.kind in (Kind.DEVIATION, Kind.RISK) and (risk := risk_value(entry.fields)):
        return f"{t(locale, 'field.risk_value').lower()} {risk}"
    return ""


def queue_row(entry: Entry, locale: str, now: datetime) -> str:
    """`ÄRE-3 · Ny · hög · Skrivaren hänger · 3 dagar · 2 har rapporterat detta`"""
    parts = [entry.ref, t(locale, f"status.{entry.status.value}")]
    if said := urgency(entry, locale):
        parts.append(said)
    parts.append(shorten(entry.title, 80))
    parts.append(age(entry.created_at, now, locale))
    if entry.reporter_count > 1:
        parts.append(t(locale, "reported_by_many", count=entry.reporter_count))
    return " · ".join(part for part in parts if part)
