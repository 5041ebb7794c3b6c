"""User-facing texts of the teams feature, in Swedish and English (key -> (sv, en))."""

from __future__ import annotations

from bot.i18n.catalogue import register

TEXTS: dict[str, tuple[str, str]] = {
    "teams.welcome": (
        "Hej! Jag är FVIS-boten. Här kan du registrera behov, ärenden, avvikelser, risker och "
        "ändringsbegäranden för FVIS-programmet, och jag hör av mig när något händer med dem. "
        "Skriv hjälp för att se vad jag kan.",
        "Hi! I am the FVIS bot. Here you can log needs, issues, deviations, risks and change "
        "requests for the FVIS programme, and I will tell you when something happens to them. "
        "Write help to see what I can do.",
    ),
    "teams.received": ("Mottaget.", "Received."),
    "teams.chosen": ("✓ {label}", "✓ {label}"),
    "teams.form_sent": ("✓ {title} – skickat", "✓ {title} – sent"),
    "teams.bad_card": (
        "Kortet gick inte att läsa. Skriv det du ville i stället, eller börja om med hjälp.",
        "The card could not be read. Write what you meant instead, or start again with help.",
    ),
    "teams.not_met": (
        "Boten har aldrig träffat {who} i Teams och kan därför inte skriva till hen. "
        "Så löser du det: be {who} öppna Teams, välja Appar, söka efter FVIS-boten, välja "
        "Lägg till och skriva hej – eller be en Teams-administratör installera appen för hen. "
        "Försök sedan igen.",
        "The bot has never met {who} in Teams, so it cannot write to them. "
        "To fix it: ask {who} to open Teams, choose Apps, search for the FVIS bot, choose Add "
        "and write hi – or ask a Teams administrator to install the app for them. "
        "Then try again.",
    ),
    "teams.channel_not_met": (
        "Boten är inte tillagd i Teams-kanalen {who}. Så löser du det: lägg till FVIS-boten i "
        "teamet (Hantera team → Appar → Lägg till) och nämn @FVIS-boten en gång i kanalen. "
        "Försök sedan igen.",
        "The bot has not been added to the Teams channel {who}. To fix it: add the FVIS bot "
        "to the team (Manage team → Apps → Add) and @mention the FVIS bot once in the channel. "
        "Then try again.",
    ),
    "teams.send_failed": (
        "Teams tog inte emot meddelandet ({reason}).",
        "Teams did not accept the message ({reason}).",
    ),
    "teams.withdrawn": ("(Meddelandet är tillbakadraget.)", "(This message was withdrawn.)"),
    "teams.file_link": ("{name}: {url}", "{name}: {url}"),
    "teams.file_consent": (
        "Rapporten {name}. Välj Tillåt så lägger jag den i din OneDrive och delar den här.",
        "The report {name}. Choose Allow and I will put it in your OneDrive and share it here.",
    ),
    "teams.file_declined": (
        "Okej, jag sparar inte rapporten i din OneDrive.",
        "All right, I will not save the report in your OneDrive.",
    ),
    "teams.file_gone": (
        "Rapporten finns inte längre hos mig. Be om den igen.",
        "I no longer have the report. Ask for it again.",
    ),
    "teams.file_uploaded": (
        "Rapporten {name} ligger nu i din OneDrive.",
        "The report {name} is now in your OneDrive.",
    ),
    "teams.file_in_channel": (
        "Rapporter kan bara delas i en personlig chatt när intranätet (SharePoint) inte är "
        "anslutet. Skriv till mig direkt så skickar jag den där.",
        "Reports can only be shared in a personal chat while the intranet (SharePoint) is not "
        "connected. Write to me directly and I will send it there.",
    ),
    "teams.cannot_open": (
        "Teams lät inte boten öppna en chatt med {who} ({reason}). Det händer när appen inte "
        "är tillåten för hen eller när hen har blockerat den. Be {who} lägga till FVIS-boten "
        "under Appar, eller be en Teams-administratör tillåta appen för hen.",
        "Teams did not let the bot open a chat with {who} ({reason}). That happens when the app "
        "is not allowed for them or they have blocked it. Ask {who} to add the FVIS bot under "
        "Apps, or ask a Teams administrator to allow the app for them.",
    ),
    "teams.continued": ("(del {page} av {pages})", "(part {page} of {pages})"),
    "teams.cut": (
        "… (avkortat: resten ryms inte i Teams-meddelanden)",
        "… (cut: the rest does not fit in Teams messages)",
    ),
    "teams.choose": ("Välj …", "Choose …"),
    "teams.choose_button": ("Välj", "Choose"),
}


register(__name__, TEXTS)
