"""This adapter's texts (locales/sv.ftl, locales/en.ftl), added to the catalogue on import."""

from pathlib import Path

from bot.i18n.catalogue import load

load(Path(__file__).parent / "locales")
