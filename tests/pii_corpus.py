"""Patient numbers as people paste them, and numbers that must pass: one corpus for the guard's
unit tests, the corpus test through every entry point and bench/pii_rates.py.

Only Skatteverket's published test numbers: the classic 19121212-1212 and the coordination
number 19701063-2391. Never put a real person's number here.
"""

from __future__ import annotations

TEST_NUMBERS = ("191212121212", "197010632391")

_FULL_WIDTH = str.maketrans("0123456789-", "０１２３４５６７８９－")
_ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
_EXTENDED_ARABIC = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
_DEVANAGARI = str.maketrans("0123456789", "०१२३४५६७८९")
_MATHEMATICAL = str.maketrans("0123456789", "𝟎𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗")


def formats(number: str) -> list[tuple[str, str]]:
    """(name of the format, the number written that way) for a 12-digit test number."""
    c, y, m, d, s = number[:2], number[2:4], number[4:6], number[6:8], number[8:]
    short, full = y + m + d, c + y + m + d
    return [
        ("YYMMDD-NNNN", f"{short}-{s}"),
        ("YYYYMMDD-NNNN", f"{full}-{s}"),
        ("YYMMDDNNNN", f"{short}{s}"),
        ("YYYYMMDDNNNN", f"{full}{s}"),
        ("YYMMDD NNNN", f"{short} {s}"),
        ("YYYYMMDD NNNN", f"{full} {s}"),
        ("YYMMDD - NNNN", f"{short} - {s}"),
        ("YYYY-MM-DD-NNNN", f"{c}{y}-{m}-{d}-{s}"),
        ("YYYY-MM-DD NNNN", f"{c}{y}-{m}-{d} {s}"),
        ("YY MM DD-NNNN", f"{y} {m} {d}-{s}"),
        ("YY.MM.DD-NNNN", f"{y}.{m}.{d}-{s}"),
        ("YYMMDD-NN NN", f"{short}-{s[:2]} {s[2:]}"),
        ("YYYYMMDD-NN NN", f"{full}-{s[:2]} {s[2:]}"),
        ("em dash", f"{short}\u2014{s}"),
        ("en dash", f"{short}\u2013{s}"),
        ("spaced en dash", f"{short} \u2013 {s}"),
        ("Unicode hyphen", f"{short}\u2010{s}"),
        ("non-breaking hyphen", f"{short}\u2011{s}"),
        ("minus sign", f"{short}\u2212{s}"),
        ("full-width digits", f"{short}-{s}".translate(_FULL_WIDTH)),
        ("Arabic-Indic digits", f"{full}-{s}".translate(_ARABIC_INDIC)),
        ("Extended Arabic-Indic digits", f"{short}-{s}".translate(_EXTENDED_ARABIC)),
        ("Devanagari digits", f"{short}-{s}".translate(_DEVANAGARI)),
        ("mathematical bold digits", f"{short}{s}".translate(_MATHEMATICAL)),
        ("dot", f"{short}.{s}"),
        ("slash", f"{short}/{s}"),
        ("zero-width space before the dash", f"{short}\u200b-{s}"),
        ("soft hyphen before the dash", f"{short}\u00ad-{s}"),
        ("soft hyphen as the dash", f"{short}\u00ad{s}"),
        ("zero-width space inside the date", f"{short[:3]}\u200b{short[3:]}-{s}"),
        ("word joiner inside the serial", f"{short}-{s[:2]}\u2060{s[2:]}"),
        ("line break", f"{short}\n{s}"),
        ("CRLF", f"{short}\r\n{s}"),
        ("tab", f"{short}\t{s}"),
        ("two spaces", f"{short}  {s}"),
        ("no-break space", f"{short}\u00a0{s}"),
        ("narrow no-break space", f"{short}\u202f{s}"),
        ("ideographic space", f"{full}\u3000{s}"),
        ("bidi marks around", f"\u200f{short}-{s}\u200e"),
        ("double dash", f"{short}--{s}"),
    ]


def corpus() -> list[tuple[str, str]]:
    """Every format of every test number, alone."""
    return [
        (f"{name} ({number[:8]})", text)
        for number in TEST_NUMBERS
        for name, text in formats(number)
    ]


# Texts that must pass (asserted in tests; bench/pii_rates.py measures each class at random).
INNOCENT: list[str] = [
    "070-123 45 67",
    "Ring 070-123 45 67 efter lunch",
    "090-785 00 00",
    "08-123 456 78",
    "070-1234567",
    "+46 70 123 45 67",
    "+46701234567",
    "0701234567",
    "Ordernummer 123456-7890",
    "Order 1234567890",
    "Beställning 4400123456",
    "Org.nr 556016-0680",
    "Faktura 2024-000123",
    "SE35 5000 0000 0549 1000 0003",
    "2024-03-15 14:30",
    "2012-12-12 12:12",
    "mötet 2024-03-15 kl. 14.30",
    "1212-12-1212",
    "rapport period 2026-01-05 2026-01-11",
    "2026-01-05–2026-01-11",
    "12.12.12 12.12.13",
]
