"""Finding the unit in what people write: "Skrivaren på avd 5 fungerar inte" → "Avdelning 5"."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.domain.organisation import unit_key

# "på avdelning 5", "vid avd. 12B", "on ward 5", "på mottagning 3"
NAMED = re.compile(
    r"\b(?:på|vid|från|hos|at|on|in|from)\s+"
    r"(avdelning|avd\.?|ward|mottagning(?:en)?|enhet(?:en)?)\s*([0-9]+[A-Za-zÅÄÖåäö]?)\b",
    re.IGNORECASE,
)
WORDS = {"avd": "Avdelning", "avd.": "Avdelning", "avdelning": "Avdelning", "ward": "Ward"}


def unit_in(text: str, known: Sequence[str] = ()) -> str:
    """The unit the text names: one the programme file knows ("på akuten" → "Akuten"), else a
    numbered ward ("Avdelning 5"); "" when it names none."""
    folded = text.casefold()
    for unit in sorted(known, key=len, reverse=True):
        name = unit.casefold()
        if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", folded):
            return unit
    match = NAMED.search(text)
    if match is None:
        return ""
    word = match.group(1).casefold()
    found = f"{WORDS.get(word, word.capitalize())} {match.group(2).upper()}"
    # The file's spelling when it knows the unit under another ("avd 5" is "Avdelning 5").
    return next((unit for unit in known if unit_key(unit) == unit_key(found)), found)
