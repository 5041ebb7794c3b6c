"""Input cleaning (clean_text) and previews (shorten)."""

from __future__ import annotations

import time
import unicodedata
from xml.etree import ElementTree

import pytest

from bot.text.clean import ELLIPSIS, clean_text, shorten

ARABIC = "مرحبا بالعالم"
HEBREW = "שלום עולם"
FAMILY = "👨\u200d👩\u200d👧\u200d👦"
THUMB = "👍🏽"
FLAG = "🇸🇪"
KEYCAP = "1\ufe0f\u20e3"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("", ""),
        ("   ", ""),
        ("\n\t \r\n", ""),
        ("Hej", "Hej"),
        ("  Hej  \n", "Hej"),
        # line endings
        ("a\r\nb", "a\nb"),
        ("a\rb", "a\nb"),
        ("a\r\rb", "a\n\nb"),
        ("a\n\rb", "a\n\nb"),
        ("a\r\n\r\nb", "a\n\nb"),
        # tab and newline survive inside the text
        ("a\tb\nc", "a\tb\nc"),
        # C0 controls, DEL and C1 controls are removed
        ("a\x00b", "ab"),
        ("\x00" * 10, ""),
        ("a\x01\x02\x07\x08b", "ab"),
        ("a\x0b\x0cb", "ab"),
        ("a\x1b[31mb", "a[31mb"),
        ("a\x1c\x1d\x1e\x1fb", "ab"),
        ("a\x7fb", "ab"),
        ("a\x80\x85\x9fb", "ab"),
        # noncharacters XML 1.0 cannot hold, lone surrogates
        ("a\ufffe\uffffb", "ab"),
        ("a\ud800b\udfffc", "abc"),
        ("\ud83d", ""),
        # NFC: decomposed å/ä/ö become the composed letters
        ("a\u030a", "å"),
        ("Fo\u0308rsta ma\u030al", "Första mål"),
        # removing a control must not leave an uncomposed pair behind
        ("o\x00\u0308", "ö"),
        # emoji, including ZWJ sequences, modifiers, flags and keycaps, are intact
        (f"Bra jobbat {THUMB}", f"Bra jobbat {THUMB}"),
        (FAMILY, FAMILY),
        (f"{FLAG} {KEYCAP}", f"{FLAG} {KEYCAP}"),
        ("😀\U0001f9d1\u200d\u2695\ufe0f", "😀\U0001f9d1\u200d\u2695\ufe0f"),
        # right-to-left text and bidi marks are intact
        (ARABIC, ARABIC),
        (HEBREW, HEBREW),
        (f"\u200f{HEBREW}\u200e abc", f"\u200f{HEBREW}\u200e abc"),
        (
            f"\u2067{ARABIC}\u2069 och \u202b{HEBREW}\u202c",
            f"\u2067{ARABIC}\u2069 och \u202b{HEBREW}\u202c",
        ),
        # no-break space and other Unicode whitespace at the ends are stripped
        ("\u00a0Hej\u2003", "Hej"),
    ],
)
def test_clean_text(raw: str, expected: str) -> None:
    assert clean_text(raw) == expected


def test_clean_text_output_is_valid_xml() -> None:
    everything = "".join(chr(c) for c in range(0x10000)) + "\U0001f600"
    cleaned = clean_text(everything)
    # ElementTree refuses what XML 1.0 cannot hold, like python-docx.
    ElementTree.fromstring(f"<t>{cleaned.replace('&', '').replace('<', '')}</t>")
    assert not any(unicodedata.category(c) in ("Cc", "Cs") and c not in "\n\t" for c in cleaned)
    assert "\ufffe" not in cleaned
    assert "\uffff" not in cleaned
    assert "\U0001f600" in cleaned


def test_clean_text_is_idempotent() -> None:
    raw = f" a\r\n\x00o\u0308 {FAMILY} {HEBREW}\ud800 "
    once = clean_text(raw)
    assert clean_text(once) == once


def test_clean_text_handles_100_000_characters() -> None:
    raw = ("Rad med text\r\n\x00\x1b😀 שלום " * 5_000)[:100_000]
    start = time.perf_counter()
    cleaned = clean_text(raw)
    assert time.perf_counter() - start < 0.5
    assert "\r" not in cleaned
    assert "\x00" not in cleaned
    assert "\x1b" not in cleaned
    assert cleaned.count("😀") == raw.count("😀")
    assert cleaned.count("שלום") == raw.count("שלום")


@pytest.mark.parametrize(
    ("value", "limit", "expected"),
    [
        # short enough: unchanged, no ellipsis
        ("", 10, ""),
        ("Hej", 10, "Hej"),
        ("Exakt tio!", 10, "Exakt tio!"),
        # cut at a word boundary
        ("Hej på dig hela världen", 10, "Hej på…"),
        ("Hej på dig hela världen", 12, "Hej på dig…"),
        ("Hej på dig hela världen", 11, "Hej på dig…"),
        ("Ny server behövs i Q3", 14, "Ny server…"),
        # dangling punctuation before the ellipsis is dropped
        ("Mötet, igen i morgon", 8, "Mötet…"),
        ("Risk: leverans sen", 8, "Risk…"),
        # no useful word boundary: cut mid-word
        ("Programplanen", 8, "Program…"),
        ("a Programplanen", 8, "a Progr…"),
        # never split an emoji sequence or a letter from its accent
        (f"ab{THUMB}cd", 4, "ab…"),
        (f"ab{FAMILY}xy", 6, "ab…"),
        (f"{FLAG}{FLAG}{FLAG}", 4, f"{FLAG}…"),
        (f"{FLAG}{FLAG}{FLAG}", 5, f"{FLAG}{FLAG}…"),
        ("e\u0301e\u0301e\u0301", 4, "e\u0301…"),
        # right-to-left text
        (HEBREW, 6, "שלום…"),
        # degenerate limits
        ("Hej", 1, ELLIPSIS),
        ("Hej", 0, ""),
        ("Hej", -5, ""),
        ("", 0, ""),
    ],
)
def test_shorten(value: str, limit: int, expected: str) -> None:
    result = shorten(value, limit)
    assert result == expected
    assert len(result) <= max(limit, 0)


def test_shorten_100_000_characters() -> None:
    value = "ord " * 25_000
    result = shorten(value, 80)
    assert result.endswith(ELLIPSIS)
    assert len(result) <= 80
    assert result == "ord " * 19 + "ord" + ELLIPSIS
