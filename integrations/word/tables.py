"""Tables written as WordprocessingML text and parsed once.

python-docx's `table.add_row()` re-reads the grid for every row and `table.cell(r, c)` is
quadratic (LIBRARIES.md: 5.4 s for 10 000 rows; 111 s for 1 000 rows of cell()); a register of
ten thousand entries is instead one string of rows handed to lxml in a single parse.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.oxml.xmlchemy import BaseOxmlElement

from bot.reports.context import share_the_interpreter
from integrations.word.text import has_rtl, needs_care, safe_runs_xml, starts_rtl, xml_safe

HEADER_FILL = "DCE6F1"
TOTAL_FILL = "F2F2F2"
BORDER = "A6A6A6"


@dataclass(frozen=True, slots=True)
class Layout:
    widths: tuple[int, ...]  # twentieths of a point (dxa), one per column
    numeric: tuple[bool, ...]
    style_id: str  # the paragraph style of every cell
    font_pt: float = 8.5  # its size: how many characters a line of each column holds


def widths_for(relative: Sequence[float], total: int) -> tuple[int, ...]:
    """Split `total` dxa in proportion; the last column takes the rounding rest."""
    weight = sum(relative) or 1.0
    widths = [max(300, int(total * r / weight)) for r in relative]
    widths[-1] = max(300, total - sum(widths[:-1]))
    return tuple(widths)


def _cell_open(
    width: int, *, numeric: bool, fill: str, style_id: str, keep: bool = False
) -> tuple[str, str]:
    """The XML before a cell's runs, for a left-to-right and a right-to-left paragraph.

    `keep` keeps the row on the page of the next one (keepNext on its paragraph): a table
    starts with its header and two rows together and never ends with one row alone."""
    shading = f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else ""
    start = f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{shading}</w:tcPr><w:p><w:pPr>'
    style = f'<w:pStyle w:val="{style_id}"/>' + ("<w:keepNext/>" if keep else "")
    jc = '<w:jc w:val="right"/>' if numeric else ""
    return f"{start}{style}{jc}</w:pPr>", f"{start}{style}<w:bidi/>{jc}</w:pPr>"


_CELL_CLOSE = "</w:p></w:tc>"
_BOLD = "<w:rPr><w:b/><w:bCs/></w:rPr>"
# Every row stays whole on one page; the header row also repeats on every page.
_ROW = "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
# ...unless it may be taller than a page (a huge imported text): such a row must split, or
# LibreOffice lays it out forever.
_TALL_ROW = "<w:tr>"
TALL_LINES = 40
AVERAGE_EM = 0.6  # a generous average character width, in ems
_HEADER_ROW = "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
# Rows between handing the interpreter to the event loop (reports render in a worker thread).
YIELD_EVERY = 100
# Tables this short are kept on one page whole.
WHOLE = 6


def _row_xml(
    cells: Sequence[str],
    opens: Sequence[tuple[str, str]],
    bold: Sequence[bool],
    *,
    header: bool = False,
    tall: bool = False,
) -> str:
    parts = [_HEADER_ROW if header else _TALL_ROW if tall else _ROW]
    count = len(cells)
    for index, (ltr, rtl) in enumerate(opens):
        value = cells[index] if index < count else ""
        text = value if isinstance(value, str) else str(value)
        if not text:
            parts.append(ltr + _CELL_CLOSE)
        elif needs_care(text):
            safe = xml_safe(text)
            right_to_left = has_rtl(safe)
            opening = rtl if right_to_left and starts_rtl(safe) else ltr
            parts.append(opening + safe_runs_xml(safe, bold=bold[index], rtl=right_to_left))
            parts.append(_CELL_CLOSE)
        else:
            # Most cells: nothing to escape, strip or turn around; one f-string.
            props = _BOLD if bold[index] else ""
            parts.append(
                f'{ltr}<w:r>{props}<w:t xml:space="preserve">{text}</w:t></w:r>{_CELL_CLOSE}'
            )
    parts.append("</w:tr>")
    return "".join(parts)


def _may_be_tall(cells: Sequence[str], capacity: Sequence[float]) -> bool:
    for value, chars in zip(cells, capacity, strict=False):
        if len(value) / chars + value.count("\n") > TALL_LINES:
            return True
    return False


def _table_open(layout: Layout, *, standalone: bool) -> str:
    """The w:tbl start: fixed layout, explicit widths, thin borders, small cell margins."""
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in layout.widths)
    border = f'w:val="single" w:sz="4" w:space="0" w:color="{BORDER}"'
    sides = ("top", "left", "bottom", "right", "insideH", "insideV")
    borders = "".join(f"<w:{side} {border}/>" for side in sides)
    return (
        (f"<w:tbl {nsdecls('w')}><w:tblPr>" if standalone else "<w:tbl><w:tblPr>")
        + f'<w:tblW w:w="{sum(layout.widths)}" w:type="dxa"/>'
        f"<w:tblBorders>{borders}</w:tblBorders>"
        '<w:tblLayout w:type="fixed"/>'
        '<w:tblCellMar><w:top w:w="28" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>'
        '<w:bottom w:w="28" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>'
        '<w:tblLook w:val="0420" w:firstRow="1" w:lastRow="0" w:firstColumn="0" '
        'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>'
        f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid>"
    )


def _opens(layout: Layout, fill: str, keep: bool = False) -> list[tuple[str, str]]:
    return [
        _cell_open(w, numeric=n, fill=fill, style_id=layout.style_id, keep=keep)
        for w, n in zip(layout.widths, layout.numeric, strict=True)
    ]


def _body_opens(layout: Layout, keep: bool, label_column: bool) -> list[tuple[str, str]]:
    cells = _opens(layout, "", keep)
    if label_column:
        cells[0] = _opens(layout, TOTAL_FILL, keep)[0]
    return cells


def table_xml(
    layout: Layout,
    rows: Iterable[Sequence[str]],
    *,
    header: Sequence[str] | None = None,
    total: bool = False,
    label_column: bool = False,
    standalone: bool = True,
) -> str:
    """A whole w:tbl: optional repeating header row, rows, optional bold total row at the end.

    `label_column` sets the first column in bold on a light fill (label–value lists).
    """
    out = [_table_open(layout, standalone=standalone)]
    count = len(layout.widths)
    # Characters one line of each column holds, roughly (to spot rows taller than a page).
    capacity = [max(1.0, w / (AVERAGE_EM * layout.font_pt * 20)) for w in layout.widths]
    all_bold = [True] * count
    plain, kept = _body_opens(layout, False, label_column), _body_opens(layout, True, label_column)
    plain_bold = [label_column] + [False] * (count - 1)
    if header is not None:
        out.append(_row_xml(header, _opens(layout, HEADER_FILL, True), all_bold, header=True))
    materialised = rows if isinstance(rows, Sequence) else list(rows)
    last = len(materialised) - 1
    for index, row in enumerate(materialised):
        if index % YIELD_EVERY == 0:
            share_the_interpreter()  # hand the interpreter to the chat's event loop now and then
        tall = _may_be_tall(row, capacity)
        # The first row stays with the header, the last-but-one with the last (rows that may
        # fill a page are kept with nothing).
        keep = not tall and index < last and (last < WHOLE or index == 0 or index == last - 1)
        if total and index == last:
            out.append(_row_xml(row, _opens(layout, TOTAL_FILL), all_bold, tall=tall))
        else:
            out.append(_row_xml(row, kept if keep else plain, plain_bold, tall=tall))
    out.append("</w:tbl>")
    return "".join(out)


def parse_table(xml: str) -> BaseOxmlElement:
    return parse_xml(xml)
