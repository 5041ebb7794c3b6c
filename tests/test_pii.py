"""Detection of personnummer and samordningsnummer in free text.

Only published test numbers are used: Skatteverket's classic 19121212-1212, the
coordination number 701063-2391, and numbers from the test series (serial 980-999)
in the personnummer project's shared test data. Never put a real person's number here.
"""

from __future__ import annotations

import time

import pytest

from bot.domain.pii import contains_personal_number, find_personal_numbers

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
    "121212--1212",
    "121212\n1212",
    # order, organisation and reference numbers
    "Ordernummer 123456-7890",
    "Org.nr 556016-0680",
    "Faktura 2024-000123",
    "SE35 5000 0000 0549 1000 0003",
    # digits of other scripts are not issued by Skatteverket
    "\u0661\u0669\u0661\u0662\u0661\u0662\u0661\u0662-\u0661\u0662\u0661\u0662",
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
def test_large_text_without_numbers_is_fast(text: str) -> None:
    start = time.perf_counter()
    assert find_personal_numbers(text) == []
    assert time.perf_counter() - start < 0.5


def test_large_text_full_of_numbers_is_found_quickly() -> None:
    text = "19121212-1212 " * 7_000 + "slut"
    start = time.perf_counter()
    found = find_personal_numbers(text)
    elapsed = time.perf_counter() - start
    assert found == ["19121212-1212"] * 7_000
    assert elapsed < 2.0


def test_number_at_the_end_of_a_large_text() -> None:
    text = "a" * 100_000 + " 701063-2391"
    assert find_personal_numbers(text) == ["701063-2391"]
    assert contains_personal_number(text) is True
