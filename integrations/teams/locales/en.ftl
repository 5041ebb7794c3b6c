### Teams adapter texts – English.
### Edit the text after `=`; keep every { $name } as it is. Lines that
### continue a text are indented with four spaces.

teams-welcome = Hi! I am the FVIS bot. Here you can log needs, issues, deviations, risks and change requests for the FVIS programme, and I will tell you when something happens to them. Write help to see what I can do.
teams-received = Received.
teams-chosen = ✓ { $label }
teams-form_sent = ✓ { $title } – sent
teams-bad_card = The card could not be read. Write what you meant instead, or start again with help.
teams-not_met = The bot has never met { $who } in Teams, so it cannot write to them. To fix it: ask { $who } to open Teams, choose Apps, search for the FVIS bot, choose Add and write hi – or ask a Teams administrator to install the app for them. Then try again.
teams-channel_not_met = The bot has not been added to the Teams channel { $who }. To fix it: add the FVIS bot to the team (Manage team → Apps → Add) and @mention the FVIS bot once in the channel. Then try again.
teams-send_failed = Teams did not accept the message ({ $reason }).
teams-withdrawn = (This message was withdrawn.)
teams-file_link = { $name }: { $url }
teams-file_consent = The report { $name }. Choose Allow and I will put it in your OneDrive and share it here.
teams-file_declined = All right, I will not save the report in your OneDrive.
teams-file_gone = I no longer have the report. Ask for it again.
teams-file_uploaded = The report { $name } is now in your OneDrive.
teams-file_in_channel = Reports can only be shared in a personal chat while the intranet (SharePoint) is not connected. Write to me directly and I will send it there.
teams-cannot_open = Teams did not let the bot open a chat with { $who } ({ $reason }). That happens when the app is not allowed for them or they have blocked it. Ask { $who } to add the FVIS bot under Apps, or ask a Teams administrator to allow the app for them.
teams-continued = (part { $page } of { $pages })
teams-cut = … (cut: the rest does not fit in Teams messages)
teams-choose = Choose …
teams-choose_button = Choose
