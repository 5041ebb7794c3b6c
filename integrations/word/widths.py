"""Column widths from what the columns hold, measured in the reports' font (Arial).

A fixed table layout with explicit widths is what Word and LibreOffice lay out fastest, but
fixed widths must fit the content: a column narrower than its longest word breaks that word
("Programstyrgru/pp"), and a wide column for a one-word status wastes the room a description
needs. So each column is measured the way a browser sizes an automatic table:

- its least width: the widest single word (header words in bold, never broken; a data word
  longer than a third of the page, such as a link, may break);
- its wanted width: its longest line, capped at half the page;

and the page is shared: everything wanted if it fits, otherwise every column its least width
plus a share of the rest in proportion to how much more it wants. Widths are from Liberation
Sans, metrically identical to Arial; other fonts of a region's template differ by a few percent,
which the padding absorbs.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.reports.context import share_the_interpreter

# Advance widths in thousandths of an em: printable ASCII, then U+00A0–U+00FF, then the extras.
_EXTRA = "–—‘’“”…×•€"
_REGULAR = """
278 278 355 556 556 890 667 191 333 333 389 584 278 332 277 278 556 556 556 556 556 556 556
556 556 556 277 278 584 584 584 556 1015 667 667 723 722 667 611 778 722 277 500 667 556 833
722 778 667 778 723 667 610 721 667 944 667 667 611 277 278 278 469 557 333 556 556 500 556
555 278 556 556 222 222 500 222 833 556 556 556 556 333 500 278 556 500 722 500 500 500 335
259 334 584 278 333 557 556 556 556 259 556 333 737 370 557 584 332 737 553 400 549 334 334
333 575 537 277 333 333 365 557 834 834 834 611 667 667 667 667 667 667 1000 722 667 667 667
667 277 277 278 277 723 722 778 778 778 778 778 584 778 721 721 721 721 667 667 610 556 556
556 556 556 556 889 499 555 555 555 555 278 278 278 278 556 556 556 556 556 556 556 549 611
556 556 556 556 500 556 500 557 1000 222 222 334 334 1001 584 351 556
"""
_BOLD = """
278 333 474 556 556 889 722 238 333 333 389 584 278 333 278 278 556 556 556 556 556 556 556
556 556 556 333 333 584 583 584 611 975 722 722 722 722 667 611 778 722 277 556 722 611 833
722 778 667 778 723 667 611 722 667 944 667 667 611 333 278 333 584 556 333 556 612 556 611
556 333 611 611 278 277 556 278 889 611 611 612 611 389 556 333 611 556 778 556 556 500 389
280 389 585 278 334 556 556 555 556 280 556 333 737 370 556 584 333 737 553 400 548 333 333
333 576 556 278 333 333 365 556 834 834 834 611 722 722 723 722 722 722 1001 722 667 667 667
667 278 278 279 278 722 722 778 778 778 778 778 584 778 722 722 722 722 667 667 611 556 556
556 556 556 556 889 556 556 556 556 556 278 278 279 279 611 611 611 611 611 611 611 548 611
611 611 611 610 556 612 556 556 1000 278 278 500 500 1000 584 350 557
"""
_CHARS = (
    [chr(code) for code in range(32, 127)] + [chr(code) for code in range(0xA0, 0x100)] + [*_EXTRA]
)


def _table(numbers: str) -> dict[str, int]:
    values = [int(value) for value in numbers.split()]
    assert len(values) == len(_CHARS)
    return dict(zip(_CHARS, values, strict=True))


_WIDTHS = {False: _table(_REGULAR), True: _table(_BOLD)}
# Anything else (other scripts, symbols): about an average capital.
_OTHER = 700
# Cell margins left and right (integrations/word/tables.py) and a little air.
PADDING = 170 + 60
SAFETY = 1.04
SAMPLE_HEAD = 500
SAMPLE_SPREAD = 1_000
WORD_CAP = 1 / 3  # a data word wider than this share of the page may break
LINE_CAP = 1 / 2  # no column wants more than half the page


def text_width(text: str, bold: bool = False) -> int:
    """Thousandths of an em of one line of text."""
    widths = _WIDTHS[bold]
    return sum(widths.get(char, _OTHER) for char in text)


def _longest_word(text: str, bold: bool) -> int:
    """Words as Word breaks lines: at spaces, tabs and line ends; a no-break space binds."""
    words = text.replace("\n", " ").replace("\t", " ").split(" ")
    return max((text_width(word, bold) for word in words), default=0)


def _longest_line(text: str, bold: bool) -> int:
    return max((text_width(line, bold) for line in text.split("\n")), default=0)


def _sample(rows: Sequence[Sequence[str]]) -> Sequence[Sequence[str]]:
    """Every row of a small table; of a register the first rows and an even spread."""
    if len(rows) <= SAMPLE_HEAD + SAMPLE_SPREAD:
        return rows
    step = (len(rows) - SAMPLE_HEAD) / SAMPLE_SPREAD
    return [*rows[:SAMPLE_HEAD], *(rows[SAMPLE_HEAD + int(i * step)] for i in range(SAMPLE_SPREAD))]


def content_widths(
    header: Sequence[str] | None,
    rows: Sequence[Sequence[str]],
    *,
    total: int,
    font_pt: float,
    shares: Sequence[float],
    bold_columns: Sequence[bool] = (),
) -> tuple[int, ...]:
    """Widths in dxa (twentieths of a point) that add up to `total`.

    `shares` say which columns take the room left when everything fits (numbers take none
    when a text column is there to take it); `bold_columns` are measured in bold.
    """
    count = len(shares)
    scale = font_pt * 20 / 1000 * SAFETY  # thousandths of an em → dxa

    def dxa(units: float) -> float:
        return units * scale + PADDING

    least = [0.0] * count
    wanted = [0.0] * count
    word_cap, line_cap = total * WORD_CAP, total * LINE_CAP
    for index, title in enumerate(header or ()):
        if index < count:
            # Header words do not break (one longer than a third of the page is no header).
            least[index] = min(word_cap, dxa(_longest_word(title, True)))
            wanted[index] = min(line_cap, dxa(_longest_line(title, True)))
    bold = [bool(bold_columns[i]) if i < len(bold_columns) else False for i in range(count)]
    for number, row in enumerate(_sample(rows)):
        if number % 100 == 0:
            share_the_interpreter()  # the chat's event loop gets its turn now and then
        for index, value in enumerate(row[:count]):
            if not value:
                continue
            least[index] = max(least[index], min(word_cap, dxa(_longest_word(value, bold[index]))))
            wanted[index] = max(
                wanted[index], min(line_cap, dxa(_longest_line(value, bold[index])))
            )
    wanted = [max(w, m) for w, m in zip(wanted, least, strict=True)]
    return _share(least, wanted, shares, total)


def _share(
    least: list[float], wanted: list[float], shares: Sequence[float], total: int
) -> tuple[int, ...]:
    if sum(wanted) <= total:
        spare = total - sum(wanted)
        weights = [share * max(w, 1.0) for share, w in zip(shares, wanted, strict=True)]
        if not sum(weights):
            weights = list(wanted)
        widths = [
            w + spare * weight / sum(weights) for w, weight in zip(wanted, weights, strict=True)
        ]
    elif sum(least) <= total:
        spare = total - sum(least)
        more = [w - m for w, m in zip(wanted, least, strict=True)]
        widths = [m + spare * extra / sum(more) for m, extra in zip(least, more, strict=True)]
    else:
        # Not even every word fits: shrink in proportion (some words will break).
        widths = [m * total / sum(least) for m in least]
    rounded = [max(300, int(w)) for w in widths]
    rounded[-1] = max(300, total - sum(rounded[:-1]))
    return tuple(rounded)
