"""User-facing texts of the intranet (SharePoint), in Swedish and English (key -> (sv, en))."""

from __future__ import annotations

from bot.i18n.catalogue import register

TEXTS: dict[str, tuple[str, str]] = {
    "sharepoint.uploaded": (
        "{name} ligger på intranätet: {url}",
        "{name} is on the intranet: {url}",
    ),
    "sharepoint.upload_failed": (
        "Rapporten kunde inte sparas på intranätet ({reason}).",
        "The report could not be saved on the intranet ({reason}).",
    ),
    "sharepoint.sync_conflict": (
        "Krock mellan SharePoint-listan och boten för {what}: fälten {fields} skiljer sig. "
        "Inget är överskrivet – jämför listan med boten och rätta det som är fel, så följer "
        "nästa synkronisering med.",
        "Conflict between the SharePoint list and the bot for {what}: the fields {fields} "
        "differ. Nothing was overwritten – compare the list with the bot and correct whichever "
        "is wrong; the next sync follows.",
    ),
}


register(__name__, TEXTS)
