### Sharepoint adapter texts – Svenska.
### Edit the text after `=`; keep every { $name } as it is. Lines that
### continue a text are indented with four spaces.

sharepoint-uploaded = { $name } ligger på intranätet: { $url }
sharepoint-upload_failed = Rapporten kunde inte sparas på intranätet ({ $reason }).
sharepoint-sync_conflict = Krock mellan SharePoint-listan och boten för { $what }: fälten { $fields } skiljer sig. Inget är överskrivet – jämför listan med boten och rätta det som är fel, så följer nästa synkronisering med.
