"""User-facing texts of the slack feature, in Swedish and English (key -> (sv, en))."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # the overview (Slack's App Home); handlers/home.py builds it for any platform
    "home.title": ("FVIS – din översikt", "FVIS – your overview"),
    "home.mine": (
        "Dina ärenden: {count} (visar {shown})",
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
    "home.queue_empty": ("Inga öppna ärenden att hantera.", "No open entries to handle."),
    "home.assignee": (" · handläggare {name}", " · assignee {name}"),
    "home.show": ("Visa", "Show"),
    "home.take": ("Ta", "Take"),
    "home.escalate": ("Eskalera", "Escalate"),
    # Slack's own idiom
    "slack.open_form": ("Öppna formuläret", "Open the form"),
    "slack.submit": ("Spara", "Save"),
    "slack.close": ("Stäng", "Close"),
    "slack.choose": ("Välj …", "Choose …"),
    "slack.continued": ("(fortsättning {page} av {pages})", "(continued, {page} of {pages})"),
    "slack.cut": (
        "… (kortat: resten får inte plats i ett Slack-meddelande)",
        "… (cut: the rest does not fit in a Slack message)",
    ),
    "slack.field_cut": (
        "Förifyllt med de första {limit} tecknen; Slack tar inte emot mer i ett fält.",
        "Prefilled with the first {limit} characters; Slack takes no more in one field.",
    ),
    "slack.form_gone": (
        "Formuläret finns inte längre. Börja om med /fvis behov (eller ärende, avvikelse, risk, ändring).",
        "The form is no longer there. Start again with /fvis need (or issue, deviation, risk, change).",
    ),
    "slack.withdrawn": ("(Meddelandet har dragits tillbaka.)", "(This message was withdrawn.)"),
    "slack.file_posted": ("Fil: {name}", "File: {name}"),
    "slack.file_failed": (
        "Filen {name} kunde inte skickas till Slack. Försök igen om en stund.",
        "The file {name} could not be sent to Slack. Try again in a moment.",
    ),
}
