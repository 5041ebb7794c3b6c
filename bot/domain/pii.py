"""Detect Swedish personal identity numbers in any text (DESIGN.md: "No patient data").

Covers personnummer and samordningsnummer (coordination numbers, day + 60), with 10 or 12
digits, however they were pasted. Every text is first normalised (`normalise`): Unicode
NFKC, digits of any script to ASCII, every dash-like character to "-", every kind of space
and line break to " ", invisible characters (zero-width, soft hyphen, bidi marks, controls)
removed. In the normalised text, runs of digits joined by short separators (spaces, one or
two of `- . / +`) are read in the layouts people write numbers in:

    YYMMDD-NNNN   YYYYMMDD-NNNN   YYMMDDNNNN   YYYYMMDDNNNN
    YY MM DD-NNNN   YYYY-MM-DD-NNNN   YYMMDD-NN NN   YYYYMMDD-NN NN

and the `personnummer` library decides whether each candidate is real (date, coordination
day, Luhn check digit, `+` for people aged 100 or more). Phone numbers in their usual groups
(`070-123 45 67`, `090-785 00 00`) fit no layout and pass; a bare 10-digit number passes
unless it is a valid personnummer, which then it may well be.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from personnummer import personnummer as _pnr

__all__ = [
    "Found",
    "contains_personal_number",
    "find_personal_numbers",
    "normalise",
    "redact",
    "refusal_hint",
    "scan",
]

REDACTED = "[personnummer]"

# A separator between two digit groups: up to three spaces, one or two of "-./+", up to three
# spaces. Anything else (a letter, a colon, a comma) ends the number.
_SEP = r"(?: {0,3}[-./+]{1,2} {0,3}| {1,6})"
# The layouts people write numbers in, as whole digit runs. Every quantifier is bounded and a
# separator never starts with a digit, so each start position costs O(1): the scan is linear.
_CANDIDATE = re.compile(
    r"(?<![0-9])(?:"
    r"[0-9]{12}|[0-9]{10}"
    rf"|(?:[0-9]{{8}}|[0-9]{{6}}){_SEP}[0-9]{{4}}"
    rf"|(?:[0-9]{{8}}|[0-9]{{6}}){_SEP}[0-9]{{2}}{_SEP}[0-9]{{2}}"
    rf"|(?:[0-9]{{2}}|[0-9]{{4}}){_SEP}[0-9]{{2}}{_SEP}[0-9]{{2}}{_SEP}[0-9]{{4}}"
    # Not the year of a date that goes on ("2026-01-05 2026-01-11" is a period, not a number).
    r")(?![0-9])(?![-./][0-9])"
)
_RUNS = re.compile(r"[0-9]+")
_FIRST_GROUPS = frozenset({2, 4, 6, 8, 10, 12})  # lengths a layout's first group can have
_GAPS = re.compile(r"[^0-9]+")

# Centuries Skatteverket has issued numbers in; rejects 12-digit order or reference numbers
# such as 99121212-1212 that the library would read as the year 9912.
_CENTURIES = frozenset({"18", "19", "20"})

_PUNCTUATION = "-./+"

# Characters that show nothing, or nearly nothing, yet are not format characters (Cf).
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")
_DASHES = frozenset("\u2043\u2212\u2796\u02d7\u207b\u208b\ufe63\uff0d")
_SLASHES = frozenset("\u2044\u2215\u29f8\uff0f")
_DOTS = frozenset("\u00b7\u2024\u2027\u3002\uff0e\uff61\u2e31")
_ASCII_REMOVE = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
_ASCII_SPACES = str.maketrans("\t\n\x0b\x0c\r", "     ")


@lru_cache(maxsize=8192)
def _fold(char: str) -> str:
    """What one non-ASCII character becomes in the normalised text ("" when invisible)."""
    digit = unicodedata.decimal(char, None)
    if digit is not None:
        return str(digit)
    if char.isspace():
        return " "
    category = unicodedata.category(char)
    if category in ("Cf", "Cc", "Cs", "Mn", "Me", "Co", "Cn") or char in _BLANK_LETTERS:
        return ""
    if category == "Pd" or char in _DASHES:
        return "-"
    if char in _SLASHES:
        return "/"
    if char in _DOTS:
        return "."
    folded = unicodedata.normalize("NFKC", char)
    if folded and all(c.isascii() and (c.isdigit() or c in _PUNCTUATION) for c in folded):
        return folded  # full-width plus, superscript and circled digits, one dot leader …
    return char


class _Folding(dict[int, str]):
    """`str.translate`'s table, filled as characters are met (bounded: odd input can't grow it)."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        if char.isascii():
            value = " " if char in "\t\n\x0b\x0c\r" else "" if _ASCII_REMOVE.match(char) else char
        else:
            value = _fold(char)
        if len(self) < 65_536:
            self[code] = value
        return value


_FOLDING = _Folding()


def normalise(text: str) -> str:
    """The text as the scan reads it: ASCII digits, "-" for dashes, " " for spaces, no
    invisible characters; everything else as it was."""
    if text.isascii() and not _ASCII_REMOVE.search(text):
        return text.translate(_ASCII_SPACES)
    return text.translate(_FOLDING)


def _origin(text: str) -> list[int]:
    """For every character of `normalise(text)`, the index in `text` it came from."""
    origin: list[int] = []
    for index, char in enumerate(text):
        origin.extend([index] * len(_FOLDING[ord(char)]))
    return origin


@dataclass(frozen=True, slots=True)
class Found:
    """One number found: where it is in the original text, and its digit groups."""

    start: int
    end: int
    groups: tuple[str, ...]
    separators: tuple[str, ...]


def _is_valid(date: str, separator: str, serial: str) -> bool:
    if len(date) == 8 and date[:2] not in _CENTURIES:
        return False
    # The library knows only "-" and "+"; every other separator means "-".
    normalised = date + ("+" if "+" in separator else "-") + serial
    try:
        return bool(_pnr.valid(normalised))
    except Exception:  # an untyped third-party check must never take the bot down
        return False


def _candidate(groups: tuple[str, ...], separators: tuple[str, ...]) -> bool:
    if len(groups) == 1:
        run = groups[0]
        return _is_valid(run[:-4], "-", run[-4:])
    if len(groups[-1]) == 4:  # ... date, separator, serial
        return _is_valid("".join(groups[:-1]), separators[-1], groups[-1])
    return _is_valid(groups[0], separators[0], groups[1] + groups[2])  # date, NN NN


def scan(text: str) -> list[Found]:
    """Every personnummer or samordningsnummer in `text`, in order. Never raises."""
    if not text:
        return []
    normalised = normalise(text)
    origin: list[int] | None = None
    if sum(map(normalised.count, "0123456789")) < 10:
        return []
    found: list[Found] = []
    position = 0
    # Digit runs are found in C; the layouts are tried only where one starts (trying them at
    # every position of a long text costs more than all the rest).
    for run in _RUNS.finditer(normalised):
        if run.start() < position or run.end() - run.start() not in _FIRST_GROUPS:
            continue
        match = _CANDIDATE.match(normalised, run.start())
        if match is None:
            continue
        groups = tuple(_RUNS.findall(match.group()))
        separators = tuple(_GAPS.findall(match.group()))
        if not _candidate(groups, separators):
            continue
        start, end = match.span()
        if normalised is not text and normalised != text:
            origin = origin or _origin(text)
            start, end = origin[start], origin[end - 1] + 1
        found.append(Found(start, end, groups, separators))
        position = match.end()
    return found


def find_personal_numbers(text: str) -> list[str]:
    """Return every personnummer or samordningsnummer in `text`, as written, in order.

    Digit runs that only look like one (phone numbers, invalid dates, wrong check digit,
    part of a longer number) are not returned. Never raises.
    """
    return [text[found.start : found.end] for found in scan(text)]


def contains_personal_number(text: str) -> bool:
    """True if `text` holds at least one personnummer or samordningsnummer."""
    return bool(scan(text))


def redact(text: str, mask: str = REDACTED) -> str:
    """`text` with every personnummer or samordningsnummer replaced by `mask` (for logs)."""
    found = scan(text)
    if not found:
        return text
    parts: list[str] = []
    last = 0
    for item in found:
        parts += [text[last : item.start], mask]
        last = item.end
    parts.append(text[last:])
    return "".join(parts)


def refusal_hint(text: str) -> str | None:
    """Why a refused text may have been innocent: "timestamp", "phone", or None.

    A date and time written without separators (`20240315-1430`) passes the check one time
    in ten, a bare mobile number (`0701234567`) too; the answer then says how to write it.
    """
    for found in scan(text):
        digits = "".join(found.groups)
        serial = digits[-4:]
        if (
            len(digits) == 12
            and digits[:2] == "20"
            and int(serial[:2]) < 24
            and int(serial[2:]) < 60
        ):
            return "timestamp"
        if len(found.groups) == 1 and len(digits) == 10 and digits.startswith("07"):
            return "phone"
    return None
