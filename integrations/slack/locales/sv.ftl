### Slack adapter texts – Svenska.
### Edit the text after `=`; keep every { $name } as it is. Lines that
### continue a text are indented with four spaces.

# Slack's own idiom
slack-open_form = Öppna formuläret
slack-submit = Spara
slack-close = Stäng
slack-choose = Välj …
slack-continued = (fortsättning { $page } av { $pages })
slack-cut = … (kortat: resten får inte plats i ett Slack-meddelande)
slack-field_cut = Förifyllt med de första { $limit } tecknen; Slack tar inte emot mer i ett fält.
slack-form_gone = Formuläret finns inte längre. Börja om med /fvis behov (eller ärende, avvikelse, risk, ändring).
slack-withdrawn = (Meddelandet är tillbakadraget.)
slack-file_posted = Fil: { $name }
slack-file_failed = Filen { $name } kunde inte skickas till Slack. Försök igen om en stund.
