### Web chat adapter texts – Svenska.
### Edit the text after `=`; keep every { $name } as it is. Lines that
### continue a text are indented with four spaces.

webchat-sign_in_needed = Logga in för att använda chatten.
webchat-unknown_file = Filen finns inte (längre). Be boten göra rapporten igen.
webchat-signed_in_title = Du är inloggad
webchat-signed_in = Du är inloggad i FVIS-boten. Fönstret stängs av sig självt; annars kan du stänga det och gå tillbaka till chatten.
webchat-open_chat = Öppna chatten
webchat-sign_in_failed_title = Inloggningen misslyckades
webchat-sign_in_failed = Inloggningen kunde inte slutföras. Försök igen; om det inte går, kontakta den som driver FVIS-boten.
webchat-sign_in_cancelled = Inloggningen avbröts hos inloggningstjänsten.
webchat-sign_in_unavailable = Inloggningstjänsten går inte att nå just nu. Försök igen om en stund.
webchat-try_again = Försök igen
webchat-ticket_refused = Inloggningen gick inte att föra över till chatten. Logga in igen.
