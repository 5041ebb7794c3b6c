"""Words people type for kinds and statuses, in Swedish (with and without å/ä/ö) and English."""

from __future__ import annotations

from bot.domain.model import Kind, Status
from bot.i18n.catalogue import t

KIND_WORDS: dict[str, Kind] = {
    **dict.fromkeys(("behov", "need", "needs", "beh"), Kind.NEED),
    **dict.fromkeys(
        ("ärende", "ärenden", "arende", "arenden", "issue", "issues", "äre", "are"), Kind.ISSUE
    ),
    **dict.fromkeys(("avvikelse", "avvikelser", "deviation", "deviations", "avv"), Kind.DEVIATION),
    **dict.fromkeys(("risk", "risker", "risks", "ris"), Kind.RISK),
    **dict.fromkeys(
        (
            "ändring",
            "ändringar",
            "andring",
            "andringar",
            "ändringsbegäran",
            "ändringsbegäranden",
            "change",
            "changes",
            "änd",
            "and",
        ),
        Kind.CHANGE,
    ),
}

STATUS_WORDS: dict[str, Status] = {
    **dict.fromkeys(("ny", "nya", "new"), Status.NEW),
    **dict.fromkeys(
        (
            "pågår",
            "pågående",
            "pagar",
            "pagaende",
            "in_progress",
            "in progress",
            "started",
            "påbörjad",
        ),
        Status.IN_PROGRESS,
    ),
    **dict.fromkeys(("eskalerad", "eskalerade", "escalated"), Status.ESCALATED),
    **dict.fromkeys(("löst", "lösta", "lost", "losta", "resolved", "solved"), Status.RESOLVED),
    **dict.fromkeys(("stängd", "stängda", "stangd", "stangda", "closed"), Status.CLOSED),
    **dict.fromkeys(("avvisad", "avvisade", "rejected", "avslagen", "avslagna"), Status.REJECTED),
    **dict.fromkeys(
        ("väntar på beslut", "väntar", "vantar pa beslut", "vantar", "awaiting decision"),
        Status.AWAITING_DECISION,
    ),
    **dict.fromkeys(("beviljad", "beviljade", "approved"), Status.APPROVED),
    **dict.fromkeys(("vilande", "postponed"), Status.POSTPONED),
    **dict.fromkeys(
        ("lämnad till linjen", "lamnad till linjen", "handed to line", "handed_to_line"),
        Status.HANDED_TO_LINE,
    ),
}


def kind_names(locale: str) -> str:
    return ", ".join(t(locale, f"kind.{kind.value}").lower() for kind in Kind)


# What `status REF <status>` sets; the others come from a decision or a handover.
TRIAGE_STATUSES = (
    Status.NEW,
    Status.IN_PROGRESS,
    Status.ESCALATED,
    Status.RESOLVED,
    Status.CLOSED,
    Status.REJECTED,
)


def status_names(locale: str) -> str:
    return ", ".join(t(locale, f"status.{status.value}").lower() for status in TRIAGE_STATUSES)


def parse_status(text: str) -> Status | None:
    return STATUS_WORDS.get(text.casefold().strip(" .!"))
