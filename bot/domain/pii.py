"""Detect Swedish personal identity numbers in free text (DESIGN.md: "No patient data").

Covers personnummer and samordningsnummer (coordination numbers, day + 60), with
10 or 12 digits and an optional separator before the last four. Candidates are found
with a linear regex; the `personnummer` library decides whether each one is real
(date, coordination day, Luhn check digit, `+` for people aged 100 or more).
"""

from __future__ import annotations

import re

from personnummer import personnummer as _pnr

__all__ = ["contains_personal_number", "find_personal_numbers"]

# Separators people type before the last four digits. Besides "-", "+" and a space we
# accept the look-alikes word processors and phones substitute (no-break spaces, en
# dash, minus sign), so a pasted number cannot slip through.
_SEPARATORS = "-+ \u00a0\u202f\u2010\u2011\u2012\u2013\u2212"

# ASCII digits only: `\d` would also match other scripts' digits, which the library's
# own `\d` regex accepts but Skatteverket never issues. The lookarounds make the
# candidate a whole digit run; together with the fixed-width quantifiers each start
# position costs O(1), so the scan stays linear even on huge inputs.
_CANDIDATE = re.compile(
    r"(?<![0-9])"
    r"(?P<date>[0-9]{8}|[0-9]{6})"
    r"(?P<sep>[" + re.escape(_SEPARATORS) + r"])?"
    r"(?P<tail>[0-9]{4})"
    r"(?![0-9])"
)

# Centuries Skatteverket has issued numbers in; rejects 12-digit order or reference
# numbers such as 99121212-1212 that the library would read as the year 9912.
_CENTURIES = frozenset({"18", "19", "20"})


def _is_valid(date: str, sep: str | None, tail: str) -> bool:
    if len(date) == 8 and date[:2] not in _CENTURIES:
        return False
    # The library knows only "-" and "+"; every other separator means "-".
    normalised = date + ("+" if sep == "+" else "-") + tail
    try:
        return bool(_pnr.valid(normalised))
    except Exception:  # an untyped third-party check must never take the bot down
        return False


def find_personal_numbers(text: str) -> list[str]:
    """Return every personnummer or samordningsnummer in `text`, as written, in order.

    Digit runs that only look like one (phone numbers, invalid dates, wrong check digit,
    part of a longer number) are not returned. Never raises.
    """
    if not text:
        return []
    return [
        m.group(0) for m in _CANDIDATE.finditer(text) if _is_valid(m["date"], m["sep"], m["tail"])
    ]


def contains_personal_number(text: str) -> bool:
    """True if `text` holds at least one personnummer or samordningsnummer."""
    if not text:
        return False
    return any(_is_valid(m["date"], m["sep"], m["tail"]) for m in _CANDIDATE.finditer(text))
