"""The header block on every page: organisation, type, numbers, date, "Sida X (Y)"."""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.section import Section

from bot.reports.model import HeaderBlock
from integrations.word.document import HEADER_STYLE, style_id, text_width
from integrations.word.splice import spacer
from integrations.word.tables import widths_for
from integrations.word.text import runs_xml

HEADER_LIMIT = 120


def add_header(document: DocxDocument, section: Section, header: HeaderBlock) -> None:
    headers = [section.header]
    if section.different_first_page_header_footer:
        headers.append(section.first_page_header)
    if document.settings.odd_and_even_pages_header_footer:
        headers.append(section.even_page_header)
    for part in headers:
        # A template's header (its logo) stays; the block goes below it.
        part.is_linked_to_previous = False
        element = part._element
        table = _header_table(header, text_width(section), style_id(document, HEADER_STYLE))
        element.append(parse_xml(table))
        element.append(spacer())


def _field(instruction: str, shown: str) -> str:
    """A complex field (PAGE, NUMPAGES): Word and LibreOffice compute it on every page."""
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r><w:t>{shown}</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _cell(content: str, width_dxa: int, style: str, *, right: bool = False) -> str:
    jc = '<w:jc w:val="right"/>' if right else ""
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{width_dxa}" w:type="dxa"/></w:tcPr>'
        f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{jc}</w:pPr>{content}</w:p></w:tc>'
    )


def _header_table(header: HeaderBlock, width: int, style: str) -> str:
    """Three rows as in the programme plan: organisation | type | page; registration number |
    programme; date | edition. No borders but a rule under the block."""
    cells = [("", header.organisation), *header.fields]
    # The header repeats on every page: an over-long value must not push the body off it.
    texts = [_clip(f"{label}: {value}" if label else value, HEADER_LIMIT) for label, value in cells]
    while len(texts) < 6:
        texts.append("")
    widths = widths_for([4, 4, 2], width)
    page = (
        runs_xml(f"{_clip(header.page_label, 40)} ")
        + _field("PAGE", "1")
        + '<w:r><w:t xml:space="preserve"> (</w:t></w:r>'
        + _field("NUMPAGES", "1")
        + "<w:r><w:t>)</w:t></w:r>"
    )
    rows = []
    for index in range(3):
        left, middle = texts[index * 2], texts[index * 2 + 1]
        right = page if index == 0 else ""
        rows.append(
            "<w:tr>"
            + _cell(runs_xml(left, bold=index == 0), widths[0], style)
            + _cell(runs_xml(middle), widths[1], style)
            + _cell(right, widths[2], style, right=True)
            + "</w:tr>"
        )
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    return (
        f"<w:tbl {nsdecls('w')}><w:tblPr>"
        f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
        '<w:tblBorders><w:bottom w:val="single" w:sz="6" w:space="0" w:color="7F7F7F"/>'
        "</w:tblBorders>"
        '<w:tblLayout w:type="fixed"/>'
        '<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>'
        f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"
    )
