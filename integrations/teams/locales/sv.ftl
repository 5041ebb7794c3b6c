### Teams adapter texts – Svenska.
### Edit the text after `=`; keep every { $name } as it is. Lines that
### continue a text are indented with four spaces.

teams-welcome = Hej! Jag är FVIS-boten. Här kan du registrera behov, ärenden, avvikelser, risker och ändringsbegäranden för FVIS-programmet, och jag hör av mig när något händer med dem. Skriv hjälp för att se vad jag kan.
teams-received = Mottaget.
teams-chosen = ✓ { $label }
teams-form_sent = ✓ { $title } – skickat
teams-bad_card = Kortet gick inte att läsa. Skriv det du ville i stället, eller börja om med hjälp.
teams-not_met = Boten har aldrig träffat { $who } i Teams och kan därför inte skriva till hen. Så löser du det: be { $who } öppna Teams, välja Appar, söka efter FVIS-boten, välja Lägg till och skriva hej – eller be en Teams-administratör installera appen för hen. Försök sedan igen.
teams-channel_not_met = Boten är inte tillagd i Teams-kanalen { $who }. Så löser du det: lägg till FVIS-boten i teamet (Hantera team → Appar → Lägg till) och nämn @FVIS-boten en gång i kanalen. Försök sedan igen.
teams-send_failed = Teams tog inte emot meddelandet ({ $reason }).
teams-withdrawn = (Meddelandet är tillbakadraget.)
teams-file_link = { $name }: { $url }
teams-file_consent = Rapporten { $name }. Välj Tillåt så lägger jag den i din OneDrive och delar den här.
teams-file_declined = Okej, jag sparar inte rapporten i din OneDrive.
teams-file_gone = Rapporten finns inte längre hos mig. Be om den igen.
teams-file_uploaded = Rapporten { $name } ligger nu i din OneDrive.
teams-file_in_channel = Rapporter kan bara delas i en personlig chatt när intranätet (SharePoint) inte är anslutet. Skriv till mig direkt så skickar jag den där.
teams-cannot_open = Teams lät inte boten öppna en chatt med { $who } ({ $reason }). Det händer när appen inte är tillåten för hen eller när hen har blockerat den. Be { $who } lägga till FVIS-boten under Appar, eller be en Teams-administratör tillåta appen för hen.
teams-continued = (del { $page } av { $pages })
teams-cut = … (avkortat: resten ryms inte i Teams-meddelanden)
teams-choose = Välj …
teams-choose_button = Välj
