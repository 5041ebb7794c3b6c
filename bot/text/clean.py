"""Cleaning of everything users type, before it is checked, stored or rendered.

Stored text ends up in Word files (XML 1.0) and in chat messages, so characters that
XML cannot hold are removed here once, instead of failing later in python-docx.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["ELLIPSIS", "clean_text", "shorten"]

ELLIPSIS = "…"

_NEWLINES = re.compile(r"\r\n?")

# C0 and C1 controls except \t and \n (\r is already converted), DEL, the
# noncharacters U+FFFE/U+FFFF and lone surrogates: XML 1.0 forbids them and
# python-docx refuses them. Format characters (bidi marks, ZWJ in emoji) are kept.
_UNWANTED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")

_ZWJ = "\u200d"
_REGIONAL_INDICATORS = range(0x1F1E6, 0x1F200)


def clean_text(value: str) -> str:
    """Return `value` NFC-normalised, with \\n line ends, unsafe characters removed, stripped.

    Emoji, right-to-left scripts and bidi marks pass through unchanged. Never raises.
    """
    if not value:
        return ""
    text = _NEWLINES.sub("\n", value)
    text = _UNWANTED.sub("", text)
    # Normalise after removal: dropping a control between a letter and its combining
    # mark creates a new composable pair.
    text = unicodedata.normalize("NFC", text)
    return text.strip()


def _joins_previous(char: str) -> bool:
    """True if `char` belongs to the grapheme before it (combining mark, emoji modifier)."""
    code = ord(char)
    return (
        unicodedata.category(char) in ("Mn", "Mc", "Me")
        or char == _ZWJ
        or 0xFE00 <= code <= 0xFE0F  # variation selectors (text/emoji presentation)
        or 0x1F3FB <= code <= 0x1F3FF  # skin tone modifiers
        or 0xE0020 <= code <= 0xE007F  # tag characters of subdivision flags
    )


def _safe_cut(value: str, cut: int) -> int:
    """Move `cut` back so it does not split a character sequence shown as one glyph."""
    while 0 < cut < len(value) and (_joins_previous(value[cut]) or value[cut - 1] == _ZWJ):
        cut -= 1
    # Flags are pairs of regional indicators; do not keep half a flag.
    if 0 < cut < len(value) and ord(value[cut]) in _REGIONAL_INDICATORS:
        run = 0
        while cut - run > 0 and ord(value[cut - run - 1]) in _REGIONAL_INDICATORS:
            run += 1
        if run % 2 == 1:
            cut -= 1
    return cut


def shorten(value: str, limit: int) -> str:
    """Return `value` cut to at most `limit` characters, ending in "…" when cut.

    Cuts at the last whitespace when that keeps at least half of the room, otherwise
    mid-word (never inside an emoji or a letter with its accents). Never raises.
    """
    if len(value) <= limit:
        return value
    if limit <= 0:
        return ""
    room = limit - len(ELLIPSIS)
    cut = room
    if not value[room].isspace():
        # Look for a word boundary, but not so far back that the preview becomes useless.
        space = next((i for i in range(room - 1, room // 2 - 1, -1) if value[i].isspace()), -1)
        cut = space if space > 0 else _safe_cut(value, room)
    head = value[:cut].rstrip()
    # Dangling punctuation before the ellipsis reads as a typo ("Mötet,…").
    head = head.rstrip(",;:-–—").rstrip()
    return head + ELLIPSIS
