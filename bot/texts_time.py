"""User-facing texts of the time feature, in Swedish and English (key -> (sv, en))."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {}
