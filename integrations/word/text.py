"""Text at the rendering edge: whatever reaches a .docx is XML 1.0 and reads the right way round.

The core cleans what people type (bot/text/clean.py), but a report also shows what came from files,
imports and older rows; python-docx raises on a single control character, so everything is
cleaned again here, where the XML is written.
"""

from __future__ import annotations

import re
import unicodedata
from xml.sax.saxutils import escape

# XML 1.0 allows \t \n \r and everything from U+0020 except surrogates and U+FFFE/U+FFFF.
# C1 controls (U+0080–U+009F) are legal XML but render as boxes; they go too.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_RTL = re.compile(
    "[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff]"
)


# Anything a cell's text needs more than copying for: XML specials, controls, line breaks and
# tabs, surrogates and non-characters, right-to-left script.
_CARE = re.compile(
    "[\x00-\x1f\x7f-\x9f&<>\ud800-\udfff\ufffe\uffff"
    "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff]"
)


def needs_care(text: str) -> bool:
    """False when the text can go into a w:t as it is (the common case, checked fast)."""
    return _CARE.search(text) is not None


def xml_safe(value: object) -> str:
    """Text that lxml and Word accept: line ends as \\n, nothing XML 1.0 forbids. Never raises."""
    text = value if isinstance(value, str) else str(value)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _NOT_XML.sub("", text)


def has_rtl(text: str) -> bool:
    return _RTL.search(text) is not None


def _direction(char: str) -> str:
    kind = unicodedata.bidirectional(char)
    if kind in ("R", "AL"):
        return "rtl"
    if kind == "L":
        return "ltr"
    return ""


def direction_runs(text: str) -> list[tuple[str, bool]]:
    """Split text into (segment, right_to_left) by strong direction; neutrals join the run
    they stand in, so "Avd 5: مرحبا بكم" is two runs and the Arabic one is marked RTL."""
    runs: list[tuple[str, bool]] = []
    current: list[str] = []
    current_rtl: bool | None = None
    for char in text:
        direction = _direction(char)
        if direction and current_rtl is not None and (direction == "rtl") != current_rtl:
            runs.append(("".join(current), current_rtl))
            current = []
        if direction:
            current_rtl = direction == "rtl"
        current.append(char)
    if current:
        runs.append(("".join(current), bool(current_rtl)))
    return runs


def starts_rtl(text: str) -> bool:
    """True when the first strong character is right-to-left (the paragraph reads RTL)."""
    for char in text:
        direction = _direction(char)
        if direction:
            return direction == "rtl"
    return False


def _text_xml(text: str) -> str:
    """w:t, w:br and w:tab elements for one run's text (already XML-safe)."""
    parts: list[str] = []
    for index, line in enumerate(text.split("\n")):
        if index:
            parts.append("<w:br/>")
        for cut, piece in enumerate(line.split("\t")):
            if cut:
                parts.append("<w:tab/>")
            if piece:
                parts.append(f'<w:t xml:space="preserve">{escape(piece)}</w:t>')
    return "".join(parts)


def runs_xml(text: str, *, bold: bool = False) -> str:
    """The w:r elements for a text, split by direction when it holds right-to-left script."""
    safe = xml_safe(text)
    return safe_runs_xml(safe, bold=bold, rtl=has_rtl(safe))


def safe_runs_xml(safe: str, *, bold: bool, rtl: bool) -> str:
    """`runs_xml` for text already through `xml_safe`, whose RTL test is known."""
    base = "<w:b/><w:bCs/>" if bold else ""
    if not rtl:
        props = f"<w:rPr>{base}</w:rPr>" if base else ""
        return f"<w:r>{props}{_text_xml(safe)}</w:r>"
    out = []
    for segment, rtl in direction_runs(safe):
        props = base + ("<w:rtl/>" if rtl else "")
        rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
        out.append(f"<w:r>{rpr}{_text_xml(segment)}</w:r>")
    return "".join(out)


CHART_TEXT_LIMIT = 120


def chart_text(value: str) -> str:
    """Text for matplotlib: one line, XML-safe, `$` shown as itself instead of starting math."""
    line = " ".join(xml_safe(value).split())
    if len(line) > CHART_TEXT_LIMIT:
        line = line[: CHART_TEXT_LIMIT - 1] + "…"
    return line.replace("$", r"\$")
