"""User-facing texts of the slack feature, in Swedish and English (key -> (sv, en))."""

from __future__ import annotations

from bot.i18n.catalogue import register

TEXTS: dict[str, tuple[str, str]] = {
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
    "slack.withdrawn": ("(Meddelandet är tillbakadraget.)", "(This message was withdrawn.)"),
    "slack.file_posted": ("Fil: {name}", "File: {name}"),
    "slack.file_failed": (
        "Filen {name} kunde inte skickas till Slack. Försök igen om en stund.",
        "The file {name} could not be sent to Slack. Try again in a moment.",
    ),
}


register(__name__, TEXTS)
