"""Detection of personnummer and samordningsnummer in free text.

Only published test numbers are used: Skatteverket's classic 19121212-1212, the
coordination number 701063-2391, and numbers from the test series (serial 980-999)
in the personnummer project's shared test data. Never put a real person's number here.
"""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from bot.domain.pii import (
    REDACTED,
    contains_personal_number,
    find_personal_numbers,
    normalise,
    redact,
    refusal_hint,
)
from tests.pii_corpus import INNOCENT, TEST_NUMBERS, corpus

# Each text holds exactly the listed numbers, as written.
REFUSED: list[tuple[str, list[str]]] = [
    # Skatteverket's classic test number, every format
    ("19121212-1212", ["19121212-1212"]),
    ("121212-1212", ["121212-1212"]),
    ("191212121212", ["191212121212"]),
    ("1212121212", ["1212121212"]),
    ("121212+1212", ["121212+1212"]),
    ("20121212+1212", ["20121212+1212"]),
    ("121212 1212", ["121212 1212"]),
    ("19121212 1212", ["19121212 1212"]),
    # look-alike separators from word processors: no-break space, en dash, minus sign
    ("121212\u00a01212", ["121212\u00a01212"]),
    ("121212\u20131212", ["121212\u20131212"]),
    ("121212\u22121212", ["121212\u22121212"]),
    # samordningsnummer (day + 60)
    ("701063-2391", ["701063-2391"]),
    ("7010632391", ["7010632391"]),
    ("19701063-2391", ["19701063-2391"]),
    ("197010632391", ["197010632391"]),
    ("730674-9982", ["730674-9982"]),
    ("19570574-9959", ["19570574-9959"]),
    # test series numbers: 12 digits, 10 digits, born 2000, aged 100+ with "+"
    ("198211059954", ["198211059954"]),
    ("901211-9948", ["901211-9948"]),
    ("20001209-9891", ["20001209-9891"]),
    ("791221+9990", ["791221+9990"]),
    ("18791221+9990", ["18791221+9990"]),
    # embedded in Swedish sentences
    ("Patienten 19121212-1212 föll i korridoren.", ["19121212-1212"]),
    ("Patienten 191212121212 föll", ["191212121212"]),
    ("Gäller pat. 121212-1212, se journalen", ["121212-1212"]),
    ("(1212121212)", ["1212121212"]),
    ("pnr:19121212-1212.", ["19121212-1212"]),
    ("Samordningsnummer 701063-2391 saknas i listan", ["701063-2391"]),
    ("Pnr19121212-1212", ["19121212-1212"]),
    ("Först 121212-1212 och sedan 701063-2391.", ["121212-1212", "701063-2391"]),
    ("121212-1212\n121212-1212", ["121212-1212", "121212-1212"]),
    # surrounded by emoji, right-to-left text and control characters
    ("😷 19121212-1212 🏥", ["19121212-1212"]),
    ("שלום 7010632391 مرحبا", ["7010632391"]),
    ("\u200f121212-1212\u200e", ["121212-1212"]),
    ("\x00121212-1212\x1b", ["121212-1212"]),
    # pasted and retyped: separators, dashes, invisible characters and digits of any script
    ("121212--1212", ["121212--1212"]),
    ("121212\n1212", ["121212\n1212"]),
    ("Pat. 121212 - 1212 igår", ["121212 - 1212"]),
    (
        "\u0661\u0669\u0661\u0662\u0661\u0662\u0661\u0662-\u0661\u0662\u0661\u0662",
        ["\u0661\u0669\u0661\u0662\u0661\u0662\u0661\u0662-\u0661\u0662\u0661\u0662"],
    ),
    ("a\u200b121212\u00ad-1212b", ["121212\u00ad-1212"]),
]

ACCEPTED: list[str] = [
    "",
    "Mötet flyttas till torsdag kl. 13.00.",
    # phone numbers
    "0701234567",
    "Ring 070-123 45 67 efter lunch",
    "070-1234567",
    "+46701234567",
    "08-123 456 78",
    # invalid dates (the check digits are right, so only the date fails)
    "19121312-1212",
    "19121312-1211",
    "121312-1211",
    "19121232-1218",
    "19130229-1214",
    "19121200-1216",
    # samordningsnummer with an impossible day (60 is day 0, 92 is day 32)
    "701060-2394",
    "701092-2396",
    # wrong check digit
    "19121212-1213",
    "121212-1213",
    "870704-9996",
    "19390182-9913",
    # serial 000 is never issued
    "121212-0008",
    # 12 digits outside the centuries Skatteverket has issued
    "99121212-1212",
    "00121212-1212",
    # part of a longer digit run
    "1191212121212",
    "191212121212121",
    "0019121212-1212",
    "19121212-12121",
    "121212-12123",
    # too short, or separated in the wrong place
    "121212-121",
    "12121-21212",
    "1212-12-1212",
    "2012-12-12 12:12",
    # order, organisation and reference numbers
    "Ordernummer 123456-7890",
    "Org.nr 556016-0680",
    "Faktura 2024-000123",
    "SE35 5000 0000 0549 1000 0003",
]


@pytest.mark.parametrize(("text", "expected"), REFUSED)
def test_finds_personal_numbers(text: str, expected: list[str]) -> None:
    assert find_personal_numbers(text) == expected
    assert contains_personal_number(text) is True


@pytest.mark.parametrize("text", ACCEPTED)
def test_lets_other_numbers_pass(text: str) -> None:
    assert find_personal_numbers(text) == []
    assert contains_personal_number(text) is False


@pytest.mark.parametrize(
    "text",
    [
        "\ud800\udfff\ud83d",  # lone surrogates
        "\x00" * 1000,
        "\ufeff\ufffe\uffff",
        "\u202e\u2067" + "٠١٢٣٤٥٦٧٨٩" * 50,
        "👨\u200d👩\u200d👧" * 1000,
        "-+ " * 10_000,
    ],
)
def test_never_raises_on_odd_input(text: str) -> None:
    assert find_personal_numbers(text) == []
    assert contains_personal_number(text) is False


def test_finds_numbers_among_lone_surrogates() -> None:
    assert find_personal_numbers("\ud800121212-1212\udfff") == ["121212-1212"]


@pytest.mark.parametrize(
    "text",
    [
        "1" * 100_000,
        "1212121212" * 10_000,
        "070-123 45 67, " * 6_667,
        ("Långt meddelande med 😀 och שלום. " * 3_000)[:100_000],
    ],
)
def test_large_text_without_numbers(text: str) -> None:
    # How fast: bench/pii_rates.py measures it; here only that the answer is right.
    assert find_personal_numbers(text) == []


def test_large_text_full_of_numbers_is_found() -> None:
    text = "19121212-1212 " * 7_000 + "slut"
    assert find_personal_numbers(text) == ["19121212-1212"] * 7_000


def test_number_at_the_end_of_a_large_text() -> None:
    text = "a" * 100_000 + " 701063-2391"
    assert find_personal_numbers(text) == ["701063-2391"]
    assert contains_personal_number(text) is True


@pytest.mark.parametrize(("name", "text"), corpus())
def test_every_pasted_format_is_found_whole(name: str, text: str) -> None:
    # Bidi marks around the number are invisible and not part of it.
    assert find_personal_numbers(f"Patienten {text} föll.") == [text.strip("\u200e\u200f")]


@pytest.mark.parametrize("text", INNOCENT)
def test_innocent_numbers_pass(text: str) -> None:
    assert find_personal_numbers(text) == []


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("Mötet 20240315-1430", "timestamp"),
        ("2024-03-15-1430", "timestamp"),
        ("ring 0701234569", "phone"),
        ("19121212-1212", None),
        ("701063-2391", None),
        ("inget nummer alls", None),
    ],
)
def test_refusal_hint_says_what_an_innocent_number_may_have_been(
    text: str, hint: str | None
) -> None:
    assert refusal_hint(text) == hint
    if hint is not None:
        assert contains_personal_number(text)  # refused, hence the hint


def test_redact_masks_every_number_and_keeps_the_rest() -> None:
    text = "Pat \u0661\u0662\u0661\u0662\u0661\u0662-\u0661\u0662\u0661\u0662 och 19121212 1212, ring 070-123 45 67"
    assert redact(text) == f"Pat {REDACTED} och {REDACTED}, ring 070-123 45 67"


# -- properties of the normaliser and the guard ----------------------------------------------

_ZEROS = [chr(c) for c in range(0x110000) if unicodedata.category(chr(c)) == "Nd"]
_ZEROS = [z for z in _ZEROS if unicodedata.decimal(z) == 0]
_INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\u00ad", "\ufeff", "\u200e", "\u200f"]
_DASHES = [
    "-",
    "\u2010",
    "\u2011",
    "\u2012",
    "\u2013",
    "\u2014",
    "\u2015",
    "\u2212",
    "\ufe63",
    "\uff0d",
]
_SEPARATORS = [*_DASHES, " ", "  ", "\t", "\n", "\r\n", "\u00a0", "\u202f", ".", "/", " - ", ""]


@st.composite
def disguised_numbers(draw: st.DrawFn) -> str:
    """A test number as someone might paste it: any digit script, any separator between the
    date and the serial, invisible characters anywhere."""
    number = draw(st.sampled_from(TEST_NUMBERS))
    digits = number if draw(st.booleans()) else number[2:]
    zero = draw(st.sampled_from(_ZEROS))
    mixed = [chr(ord(zero) + int(d)) if draw(st.booleans()) else d for d in digits]
    text = "".join(mixed[:-4]) + draw(st.sampled_from(_SEPARATORS)) + "".join(mixed[-4:])
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(_INVISIBLE)) + text[at:]
    return text


@given(
    disguised_numbers(),
    st.text(alphabet=st.characters(exclude_categories=["Nd", "No", "Cs"]), max_size=20),
)
@example("１２１２１２－１２１２", "")
def test_a_disguised_number_is_always_found(number: str, around: str) -> None:
    text = f"{around} {number} {around}"
    assert contains_personal_number(text)
    assert not contains_personal_number(redact(text))
    assert refusal_hint(text) in (None, "timestamp")


@given(st.text())
def test_normalise_is_idempotent_and_scan_never_raises(text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once
    for number in find_personal_numbers(text):
        assert number in text
    assert not contains_personal_number(redact(text))


@given(
    st.sampled_from(["070", "072", "073", "076", "079", "08", "090", "031", "040"]),
    st.integers(0, 9_999_999),
)
def test_phone_numbers_in_their_usual_groups_pass(prefix: str, rest: int) -> None:
    digits = f"{rest:07d}"
    written = f"{prefix}-{digits[:3]} {digits[3:5]} {digits[5:]}"
    assert not contains_personal_number(f"Ring {written} i morgon")
