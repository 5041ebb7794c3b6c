### Sharepoint adapter texts – English.
### Edit the text after `=`; keep every { $name } as it is. Lines that
### continue a text are indented with four spaces.

sharepoint-uploaded = { $name } is on the intranet: { $url }
sharepoint-upload_failed = The report could not be saved on the intranet ({ $reason }).
sharepoint-sync_conflict = Conflict between the SharePoint list and the bot for { $what }: the fields { $fields } differ. Nothing was overwritten – compare the list with the bot and correct whichever is wrong; the next sync follows.
