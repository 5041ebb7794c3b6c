"""The web chat server's texts (locales/sv.ftl, locales/en.ftl), added to the catalogue on import.

The page's own texts (buttons, labels) are in static/app.js, beside the code that shows them.
"""

from pathlib import Path

from bot.i18n.catalogue import load

load(Path(__file__).parent / "locales")
