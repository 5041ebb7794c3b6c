"""Texts of the overview (Slack's App Home, the web chat's and Teams' overview), built for any
platform by handlers/home.py: key -> (sv, en)."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # the overview (Slack's App Home); handlers/home.py builds it for any platform
    "home.title": ("FVIS – din översikt", "FVIS – your overview"),
    "home.mine": (
        "Dina poster: {count} (visar {shown})",
        "Your entries: {count} (showing {shown})",
    ),
    "home.mine_empty": (
        "Du har inte registrerat något ännu. Skriv /fvis behov, /fvis avvikelse … eller skriv till mig.",
        "You have not logged anything yet. Type /fvis need, /fvis deviation … or write to me.",
    ),
    "home.queue": (
        "Att hantera: {count} öppna (visar {shown})",
        "To handle: {count} open (showing {shown})",
    ),
    "home.queue_empty": ("Inga öppna poster att hantera.", "No open entries to handle."),
    "home.assignee": (" · handläggare {name}", " · assignee {name}"),
    "home.show": ("Visa", "Show"),
    "home.take": ("Ta", "Take"),
    "home.escalate": ("Eskalera", "Escalate"),
}
