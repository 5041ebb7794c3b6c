"""User-facing texts of the web chat's server side, in Swedish and English (key -> (sv, en)).

The page's own texts (buttons, labels) are in static/app.js, beside the code that shows them.
"""

from __future__ import annotations

from bot.i18n.catalogue import register

TEXTS: dict[str, tuple[str, str]] = {
    "webchat.sign_in_needed": (
        "Logga in för att använda chatten.",
        "Sign in to use the chat.",
    ),
    "webchat.unknown_file": (
        "Filen finns inte (längre). Be boten göra rapporten igen.",
        "The file does not exist (any more). Ask the bot to make the report again.",
    ),
    "webchat.signed_in_title": ("Du är inloggad", "You are signed in"),
    "webchat.signed_in": (
        "Du är inloggad i FVIS-boten. Fönstret stängs av sig självt; annars kan du stänga det "
        "och gå tillbaka till chatten.",
        "You are signed in to the FVIS bot. This window closes by itself; otherwise close it "
        "and go back to the chat.",
    ),
    "webchat.open_chat": ("Öppna chatten", "Open the chat"),
    "webchat.sign_in_failed_title": ("Inloggningen misslyckades", "Sign-in failed"),
    "webchat.sign_in_failed": (
        "Inloggningen kunde inte slutföras. Försök igen; om det inte går, kontakta den som "
        "driver FVIS-boten.",
        "The sign-in could not be completed. Try again; if it still fails, contact whoever "
        "runs the FVIS bot.",
    ),
    "webchat.sign_in_cancelled": (
        "Inloggningen avbröts hos inloggningstjänsten.",
        "The sign-in was cancelled at the sign-in service.",
    ),
    "webchat.sign_in_unavailable": (
        "Inloggningstjänsten går inte att nå just nu. Försök igen om en stund.",
        "The sign-in service cannot be reached right now. Try again in a while.",
    ),
    "webchat.try_again": ("Försök igen", "Try again"),
    "webchat.ticket_refused": (
        "Inloggningen gick inte att föra över till chatten. Logga in igen.",
        "The sign-in could not be handed to the chat. Sign in again.",
    ),
}

register(__name__, TEXTS)
