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

from integrations.word.text import has_rtl, needs_care, safe_runs_xml, starts_rtl, xml_safe

HEADER_FILL = "DCE6F1"
TOTAL_FILL = "F2F2F2"
BORDER = "A6A6A6"


@dataclass(frozen=True, slots=True)
class Layout:
    widths: tuple[int, ...]  # twentieths of a point (dxa), one per column
    numeric: tuple[bool, ...]
    style_id: str  # the paragraph style of every cell


def widths_for(relative: Sequence[float], total: int) -> tuple[int, ...]:
    """Split `total` dxa in proportion; the last column takes the rounding rest."""
    weight = sum(relative) or 1.0
    widths = [max(300, int(total * r / weight)) for r in relative]
    widths[-1] = max(300, total - sum(widths[:-1]))
    return tuple(widths)


def _cell_open(width: int, *, numeric: bool, fill: str, style_id: str) -> tuple[str, str]:
    """The XML before a cell's runs, for a left-to-right and a right-to-left paragraph."""
    shading = f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else ""
    start = f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{shading}</w:tcPr><w:p><w:pPr>'
    style = f'<w:pStyle w:val="{style_id}"/>'
    jc = '<w:jc w:val="right"/>' if numeric else ""
    return f"{start}{style}{jc}</w:pPr>", f"{start}{style}<w:bidi/>{jc}</w:pPr>"


_CELL_CLOSE = "</w:p></w:tc>"
_BOLD = "<w:rPr><w:b/><w:bCs/></w:rPr>"


def _row_xml(
    cells: Sequence[str],
    opens: Sequence[tuple[str, str]],
    bold: Sequence[bool],
    *,
    header: bool = False,
) -> str:
    parts = ["<w:tr>"]
    if header:
        # Repeats at the top of every page the table runs onto, and never splits.
        parts.append("<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>")
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
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in layout.widths)
    border = f'w:val="single" w:sz="4" w:space="0" w:color="{BORDER}"'
    sides = ("top", "left", "bottom", "right", "insideH", "insideV")
    borders = "".join(f"<w:{side} {border}/>" for side in sides)
    out = [
        f"<w:tbl {nsdecls('w')}><w:tblPr>" if standalone else "<w:tbl><w:tblPr>",
        f'<w:tblW w:w="{sum(layout.widths)}" w:type="dxa"/>'
        f"<w:tblBorders>{borders}</w:tblBorders>"
        '<w:tblLayout w:type="fixed"/>'
        '<w:tblCellMar><w:top w:w="28" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>'
        '<w:bottom w:w="28" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>'
        '<w:tblLook w:val="0420" w:firstRow="1" w:lastRow="0" w:firstColumn="0" '
        'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>'
        f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid>",
    ]

    def opens(fill: str) -> list[tuple[str, str]]:
        return [
            _cell_open(w, numeric=n, fill=fill, style_id=layout.style_id)
            for w, n in zip(layout.widths, layout.numeric, strict=True)
        ]

    count = len(layout.widths)
    all_bold = [True] * count
    plain = opens("")
    plain_bold = [False] * count
    if label_column:
        plain[0] = opens(TOTAL_FILL)[0]
        plain_bold[0] = True
    if header is not None:
        out.append(_row_xml(header, opens(HEADER_FILL), all_bold, header=True))
    materialised = rows if isinstance(rows, Sequence) else list(rows)
    last = len(materialised) - 1
    for index, row in enumerate(materialised):
        if total and index == last:
            out.append(_row_xml(row, opens(TOTAL_FILL), all_bold))
        else:
            out.append(_row_xml(row, plain, plain_bold))
    out.append("</w:tbl>")
    return "".join(out)


def parse_table(xml: str) -> BaseOxmlElement:
    return parse_xml(xml)
