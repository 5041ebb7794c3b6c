"""Texts the command line prints (`fvis-bot …`): key -> (sv, en)."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "cli.imported": (
        "Programmet från {file} är importerat; starta om boten för att använda det.",
        "The programme from {file} is imported; restart the bot to use it.",
    ),
    "cli.migrated": (
        "{db}: {count} migreringar körda ({names}).",
        "{db}: {count} migrations applied ({names}).",
    ),
    "cli.migrated_none": ("inga", "none"),
    "cli.teams_package": (
        "Teams-appen är skriven till {out}: ladda upp den i Teams administrationscenter.",
        "The Teams app is written to {out}: upload it in the Teams admin center.",
    ),
    "cli.config_error": ("Konfigurationsfel: {error}", "Configuration error: {error}"),
    "cli.programme_error": ("Fel i programfilen: {error}", "Error in the programme file: {error}"),
    "cli.not_written": ("Kunde inte skriva {out}: {reason}", "Could not write {out}: {reason}"),
    "cli.report_written": ("{out} ({size} byte)", "{out} ({size} bytes)"),
    "cli.bad_kind": ("Okänd typ eller status: {text}", "Unknown kind or status: {text}"),
    "cli.listed": ("({shown} av {total})", "({shown} of {total})"),
}
