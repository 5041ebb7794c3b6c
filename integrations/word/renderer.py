"""The core's neutral reports as .docx (python-docx): the region's header block, page numbers
"Sida X (Y)" from real PAGE/NUMPAGES fields, Word heading styles, tables whose header row repeats
on every page, and matplotlib charts with alt text. This module puts the blocks in order; the
page and styles are in document.py, the header in header.py, tables in tables.py and splice.py."""

from __future__ import annotations

import io
from collections.abc import Sequence
from functools import partial
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph as DocxParagraph

from bot.reports.model import (
    DOCX_MIME,
    BarChart,
    Block,
    Column,
    Facts,
    Heading,
    Paragraph,
    ReportDocument,
    RiskMatrix,
    Table,
)
from integrations.word.charts import bar_chart_png, risk_matrix_png
from integrations.word.document import (
    CELL_PT,
    CELL_STYLE,
    DENSE_PT,
    DENSE_STYLE,
    set_properties,
    set_up_page,
    set_up_styles,
    style_id,
    text_width,
)
from integrations.word.header import add_header
from integrations.word.splice import Tables
from integrations.word.tables import Layout, table_xml
from integrations.word.template import load_template, open_template
from integrations.word.text import runs_xml, xml_safe
from integrations.word.widths import content_widths

# Rows per table part (see _table). LibreOffice on a busy two-core machine: a register of
# 10 000 rows (one table per status, up to 4 000 rows) 1 315 s, in parts of 250 rows 263 s;
# 3 000 rows 175 s, in parts of 100, 250 or 500 rows 72–89 s.
CHUNK_ROWS = 250


class DocxReportRenderer:
    """Implements the core's ReportRenderer; thread-safe (each render has its own document)."""

    mime = DOCX_MIME

    def __init__(self, *, template: Path | None = None) -> None:
        # Read and checked once at start: a broken template fails there, not in a report.
        self._template = load_template(template) if template else None

    def render(self, report: ReportDocument, locale: str) -> bytes:
        document = self._new_document()
        section = document.sections[-1]
        templated = self._template is not None
        set_up_page(section, landscape=report.landscape, templated=templated)
        set_up_styles(document, report.language, templated=templated)
        add_header(document, section, report.header)
        set_properties(document, report)
        width = text_width(section)
        _paragraph(document, report.title, "Title")
        if report.subtitle:
            _paragraph(document, report.subtitle, "Subtitle")
        tables = Tables(document)
        blocks = report.blocks
        widths = _SharedWidths(blocks, width)
        for index, block in enumerate(blocks):
            # A paragraph that introduces a table or chart stays on its page.
            follows = blocks[index + 1] if index + 1 < len(blocks) else None
            keep = isinstance(follows, Table | Facts | BarChart | RiskMatrix)
            _block(document, block, width, tables, widths, keep=keep)
        buffer = io.BytesIO()
        document.save(buffer)
        return tables.splice(buffer.getvalue())

    def _new_document(self) -> DocxDocument:
        if self._template is not None:
            return open_template(self._template)
        return Document()


class _SharedWidths:
    """Tables with the same columns in one document get the same widths, measured over all
    their rows: a register's sections (one table per status) line up."""

    def __init__(self, blocks: Sequence[Block], width: int) -> None:
        self._width = width
        self._rows: dict[tuple[tuple[Column, ...], bool], list[Sequence[str]]] = {}
        for block in blocks:
            if isinstance(block, Table):
                self._rows.setdefault((block.columns, block.dense), []).extend(block.rows)
        self._measured: dict[tuple[tuple[Column, ...], bool], tuple[int, ...]] = {}

    def of(self, block: Table) -> tuple[int, ...]:
        key = (block.columns, block.dense)
        if key not in self._measured:
            text_columns = any(not c.numeric for c in block.columns)
            self._measured[key] = content_widths(
                [c.title for c in block.columns],
                self._rows[key],
                total=self._width,
                font_pt=DENSE_PT if block.dense else CELL_PT,
                # Room left over goes to text columns; numbers keep what they need.
                shares=[0 if c.numeric and text_columns else c.width for c in block.columns],
            )
        return self._measured[key]


def _block(
    document: DocxDocument,
    block: Block,
    width: int,
    tables: Tables,
    widths: _SharedWidths,
    *,
    keep: bool,
) -> None:
    if isinstance(block, Heading):
        heading = _paragraph(document, block.text, f"Heading {min(max(block.level, 1), 3)}")
        heading.paragraph_format.keep_with_next = True
    elif isinstance(block, Paragraph):
        paragraph = _paragraph(document, block.text, "Normal")
        if keep:
            paragraph.paragraph_format.keep_with_next = True
        if block.style == "note":
            for run in paragraph.runs:
                run.italic = True
                run.font.color.rgb = RGBColor(0x59, 0x59, 0x59)
                run.font.size = Pt(9)
    elif isinstance(block, Table):
        _table(document, block, widths.of(block), tables)
    elif isinstance(block, Facts):
        _facts(document, block, width, tables)
    elif isinstance(block, BarChart):
        _picture(document, bar_chart_png(block), Cm(16), block.alt_text, block.title)
    elif isinstance(block, RiskMatrix):
        _picture(document, risk_matrix_png(block), Cm(9.5), block.alt_text, block.title)


def _table(document: DocxDocument, block: Table, widths: tuple[int, ...], tables: Tables) -> None:
    header = [c.title for c in block.columns]
    font_pt = DENSE_PT if block.dense else CELL_PT
    layout = Layout(
        widths,
        tuple(c.numeric for c in block.columns),
        style_id(document, DENSE_STYLE if block.dense else CELL_STYLE),
        font_pt,
    )
    rows = block.rows
    # Long tables go in parts of CHUNK_ROWS rows, each with the header row, joined by a
    # hairline paragraph: they read as one table (the header row is repeated on every
    # page either way), and LibreOffice lays them out in time that grows with the
    # rows, not with their square.
    starts = range(0, max(1, len(rows)), CHUNK_ROWS)
    for start in starts:
        part, last = rows[start : start + CHUNK_ROWS], start == starts[-1]
        total = block.total and last
        tables.add(partial(table_xml, layout, part, header=header, total=total), joined=not last)


def _facts(document: DocxDocument, block: Facts, width: int, tables: Tables) -> None:
    rows = [[label, value or "–"] for label, value in block.pairs]
    widths = content_widths(
        None, rows, total=width, font_pt=CELL_PT, shares=[0, 1], bold_columns=[True]
    )
    layout = Layout(widths, (False, False), style_id(document, CELL_STYLE), CELL_PT)
    tables.add(lambda standalone: table_xml(layout, rows, label_column=True, standalone=standalone))


def _paragraph(document: DocxDocument, text: str, style: str) -> DocxParagraph:
    paragraph = document.add_paragraph(style=style)
    element = parse_xml(f"<w:p {nsdecls('w')}>{runs_xml(text)}</w:p>")
    for run in list(element):
        paragraph._p.append(run)
    return paragraph


def _picture(document: DocxDocument, png: bytes, width: int, alt_text: str, title: str) -> None:
    shape = document.add_picture(io.BytesIO(png), width=width)
    inline = shape._inline
    paragraph = inline.getparent().getparent().getparent()
    paragraph.get_or_add_pPr().jc_val = WD_ALIGN_PARAGRAPH.CENTER
    properties = inline.docPr
    # Screen readers read the alt text; Word shows it under "Alternativ text".
    properties.set("descr", xml_safe(alt_text)[:4000])
    properties.set("title", xml_safe(title)[:255])
