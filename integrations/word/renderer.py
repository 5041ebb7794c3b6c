"""The core's neutral reports as .docx (python-docx): the region's header block, page numbers
"Sida X (Y)" from real PAGE/NUMPAGES fields, Word heading styles, tables whose header row repeats
on every page, and matplotlib charts with alt text."""

from __future__ import annotations

import io
import secrets
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from xml.sax.saxutils import escape

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.section import Section
from docx.shared import Cm, Pt, RGBColor
from docx.styles.style import ParagraphStyle
from docx.text.paragraph import Paragraph as DocxParagraph

from bot.reports.context import share_the_interpreter
from bot.reports.model import (
    DOCX_MIME,
    BarChart,
    Block,
    Facts,
    HeaderBlock,
    Heading,
    Paragraph,
    ReportDocument,
    RiskMatrix,
    Table,
)
from integrations.word.charts import bar_chart_png, risk_matrix_png
from integrations.word.tables import Layout, table_xml, widths_for
from integrations.word.template import load_template, open_template
from integrations.word.text import runs_xml, xml_safe
from integrations.word.widths import content_widths

CELL_STYLE = "FVIS Tabelltext"
CELL_PT = 8.5
DENSE_PT = 7.5
DENSE_STYLE = "FVIS Registertext"
HEADER_STYLE = "FVIS Sidhuvud"
A4 = (Cm(21), Cm(29.7))
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MARGIN = Cm(2)
# Rows per table part (see _block). LibreOffice on a busy two-core machine: a register of
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
        self._page(section, landscape=report.landscape)
        self._styles(document, report.language)
        self._header(document, section, report.header)
        self._properties(document, report)
        width = _text_width(section)
        _paragraph(document, report.title, "Title")
        if report.subtitle:
            _paragraph(document, report.subtitle, "Subtitle")
        tables = _Tables(document)
        blocks = report.blocks
        for index, block in enumerate(blocks):
            # A paragraph that introduces a table or chart stays on its page.
            follows = blocks[index + 1] if index + 1 < len(blocks) else None
            keep = isinstance(follows, Table | Facts | BarChart | RiskMatrix)
            self._block(document, block, width, tables, keep=keep)
        buffer = io.BytesIO()
        document.save(buffer)
        return tables.splice(buffer.getvalue())

    # -- the document and its setup -------------------------------------------------------

    def _new_document(self) -> DocxDocument:
        if self._template is not None:
            return open_template(self._template)
        return Document()

    def _page(self, section: Section, *, landscape: bool) -> None:
        if self._template is None:
            section.page_width, section.page_height = A4
            # Landscape is for registers: every centimetre goes to their columns.
            margin = Cm(1.5) if landscape else MARGIN
            for side in ("left_margin", "right_margin", "bottom_margin"):
                setattr(section, side, margin)
            section.top_margin = Cm(3.2)  # room for the three-line header block
            section.header_distance = Cm(1.0)
            section.footer_distance = Cm(1.0)
        width, height = section.page_width or A4[0], section.page_height or A4[1]
        wide = width > height
        if landscape != wide:
            section.page_width, section.page_height = height, width
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT

    def _styles(self, document: DocxDocument, language: str) -> None:
        styles = document.styles
        _set_language(document, language)
        if self._template is None:
            _plain_fonts(document)
        names = {style.name for style in styles}
        for level in (1, 2, 3):
            if f"Heading {level}" not in names:
                _add_heading_style(document, level)
        for name, base_size in (("Title", 22), ("Subtitle", 12)):
            if name not in names:
                style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
                style.base_style = styles["Normal"]
                style.font.size = Pt(base_size)
                style.font.bold = name == "Title"
        for name, size in ((CELL_STYLE, CELL_PT), (DENSE_STYLE, DENSE_PT)):
            if name not in names:
                cell = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
                cell.base_style = styles["Normal"]
                cell.font.size = Pt(size)
                cell.paragraph_format.space_before = Pt(0)
                cell.paragraph_format.space_after = Pt(0)
                cell.paragraph_format.line_spacing = 1.0
        if HEADER_STYLE not in names:
            header = styles.add_style(HEADER_STYLE, WD_STYLE_TYPE.PARAGRAPH)
            header.base_style = styles["Normal"]
            header.font.size = Pt(8.5)
            header.paragraph_format.space_before = Pt(0)
            header.paragraph_format.space_after = Pt(0)

    def _properties(self, document: DocxDocument, report: ReportDocument) -> None:
        """Honest document properties: who asked for it, what it is, when it was made, its
        edition and registration number; nothing left from python-docx's own template."""
        properties = document.core_properties
        # Core properties hold at most 255 characters each.
        properties.title = xml_safe(report.title)[:255]
        properties.subject = xml_safe(report.subject)[:255]
        properties.author = xml_safe(report.author)[:255]
        properties.last_modified_by = xml_safe(report.author)[:255]
        properties.category = xml_safe(report.header.fields[0][1] if report.header.fields else "")[
            :255
        ]
        properties.comments = ""
        properties.keywords = ""
        properties.identifier = xml_safe(report.registration_number)[:255]
        properties.version = f"{report.edition}.0"
        properties.language = report.language
        made = report.created or datetime.now(UTC)
        properties.created = properties.modified = made.astimezone(UTC).replace(tzinfo=None)
        properties.revision = max(1, report.edition)
        _honest_package(document, report.generator)

    def _header(self, document: DocxDocument, section: Section, header: HeaderBlock) -> None:
        headers = [section.header]
        if section.different_first_page_header_footer:
            headers.append(section.first_page_header)
        if document.settings.odd_and_even_pages_header_footer:
            headers.append(section.even_page_header)
        for part in headers:
            # A template's header (its logo) stays; the block goes below it.
            part.is_linked_to_previous = False
            element = part._element
            table = _header_table(header, _text_width(section), _style_id(document, HEADER_STYLE))
            element.append(parse_xml(table))
            element.append(_spacer())

    # -- blocks ---------------------------------------------------------------------------

    def _block(
        self, document: DocxDocument, block: Block, width: int, tables: _Tables, *, keep: bool
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
            header = [c.title for c in block.columns]
            text_columns = any(not c.numeric for c in block.columns)
            widths = content_widths(
                header,
                block.rows,
                total=width,
                font_pt=DENSE_PT if block.dense else CELL_PT,
                # Room left over goes to text columns; numbers keep what they need.
                shares=[0 if c.numeric and text_columns else c.width for c in block.columns],
            )
            layout = Layout(
                widths,
                tuple(c.numeric for c in block.columns),
                _style_id(document, DENSE_STYLE if block.dense else CELL_STYLE),
                DENSE_PT if block.dense else CELL_PT,
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
                tables.add(
                    partial(table_xml, layout, part, header=header, total=total),
                    joined=not last,
                )
        elif isinstance(block, Facts):
            rows = [[label, value or "–"] for label, value in block.pairs]
            widths = content_widths(
                None, rows, total=width, font_pt=CELL_PT, shares=[0, 1], bold_columns=[True]
            )
            layout = Layout(widths, (False, False), _style_id(document, CELL_STYLE), CELL_PT)
            tables.add(
                lambda standalone: table_xml(layout, rows, label_column=True, standalone=standalone)
            )
        elif isinstance(block, BarChart):
            _picture(document, bar_chart_png(block), Cm(16), block.alt_text, block.title)
        elif isinstance(block, RiskMatrix):
            _picture(document, risk_matrix_png(block), Cm(9.5), block.alt_text, block.title)


class _Tables:
    """Tables go into the saved document.xml as text, in place of a marker paragraph each.

    Handing lxml a ready tree of a million nodes is fast; moving it into python-docx's document
    is not (lxml re-homes every node: 1.9 s for a register of 10 000 rows). So the document is
    saved with markers and each marker is replaced by its table's XML in the saved part.
    A template whose main namespace is not bound to `w:` gets the tables the slow way.
    """

    PART = "word/document.xml"

    def __init__(self, document: DocxDocument) -> None:
        self._document = document
        self._splice = document.element.nsmap.get("w") == W_NS
        self._nonce = secrets.token_hex(8)
        self._pending: dict[str, str] = {}

    def add(self, xml: Callable[..., str], *, joined: bool = False) -> None:
        """`joined`: the next table continues this one (a hairline between, not a gap)."""
        if self._splice:
            marker = f"fvis-table-{self._nonce}-{len(self._pending)}"
            self._pending[marker] = xml(standalone=False)
            self._document.add_paragraph(marker)
        else:
            _append(self._document, parse_xml(xml(standalone=True)))
        _append(self._document, _spacer(hairline=joined))

    def splice(self, package: bytes) -> bytes:
        if not self._pending:
            return package
        source = zipfile.ZipFile(io.BytesIO(package))
        out = io.BytesIO()
        with source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=5) as target:
            for item in source.infolist():
                data = source.read(item.filename)
                if item.filename == self.PART:
                    data = self._spliced(data.decode("utf-8")).encode("utf-8")
                target.writestr(item, data)
        return out.getvalue()

    def _spliced(self, text: str) -> str:
        """Each marker paragraph replaced by its table. str.find, not a regular expression
        over the whole document: the report is made beside the chat, and a regex scan of a
        large register holds the interpreter lock for its whole length."""
        parts = []
        at = 0
        for marker, table in self._pending.items():
            paragraph = f"<w:p><w:r><w:t>{marker}</w:t></w:r></w:p>"
            found = text.find(paragraph, at)
            if found < 0:
                raise RuntimeError(f"table marker {marker} not found")
            parts += [text[at:found], table]
            at = found + len(paragraph)
            share_the_interpreter()
        parts.append(text[at:])
        return "".join(parts)


# -- helpers ------------------------------------------------------------------------------

_APP = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Application>{application}</Application><DocSecurity>0</DocSecurity></Properties>"
)


def _honest_package(document: DocxDocument, generator: str) -> None:
    """python-docx's default package says "Microsoft Macintosh Word" made it and carries a
    blank thumbnail; the application is the bot and there is no thumbnail."""
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package.rels[rel_id]
        elif rel.reltype == RT.EXTENDED_PROPERTIES and not rel.is_external:
            application = escape(xml_safe(generator or "FVIS")[:255])
            rel.target_part._blob = _APP.format(application=application).encode("utf-8")


def _text_width(section: Section) -> int:
    """The width between the margins, in dxa (twentieths of a point)."""
    width = (section.page_width or A4[0]) - (section.left_margin or 0) - (section.right_margin or 0)
    return max(2000, int(width / 635))  # 635 EMU per dxa


def _append(document: DocxDocument, element: BaseOxmlElement) -> None:
    body = document.element.body
    last_section = body.sectPr
    if last_section is not None:
        last_section.addprevious(element)
    else:
        body.append(element)


def _spacer(*, hairline: bool = False) -> BaseOxmlElement:
    """An empty small paragraph: Word needs one between adjacent tables or they merge.
    A hairline one (one point high) joins the parts of a long table."""
    height = 'w:line="20" w:lineRule="exact"' if hairline else ""
    size = 2 if hairline else 8
    return parse_xml(
        f'<w:p {nsdecls("w")}><w:pPr><w:spacing w:before="0" w:after="0" {height}/>'
        f'<w:rPr><w:sz w:val="{size}"/></w:rPr></w:pPr></w:p>'
    )


def _paragraph(document: DocxDocument, text: str, style: str) -> DocxParagraph:
    paragraph = document.add_paragraph(style=style)
    element = parse_xml(f"<w:p {nsdecls('w')}>{runs_xml(text)}</w:p>")
    for run in list(element):
        paragraph._p.append(run)
    return paragraph


def _style_id(document: DocxDocument, name: str) -> str:
    return str(document.styles[name].style_id)


def _set_language(document: DocxDocument, language: str) -> None:
    """Spelling and hyphenation language of the whole document (docDefaults)."""
    properties = _default_run_properties(document)
    lang = properties.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        properties.append(lang)
    lang.set(qn("w:val"), language)


def _default_run_properties(document: DocxDocument) -> BaseOxmlElement:
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    run_default = defaults.find(qn("w:rPrDefault"))
    if run_default is None:
        run_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, run_default)
    properties = run_default.find(qn("w:rPr"))
    if properties is None:
        properties = OxmlElement("w:rPr")
        run_default.append(properties)
    return properties  # type: ignore[no-any-return]


PLAIN_FONT = "Arial"
_THEME_FONTS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def _plain_fonts(document: DocxDocument) -> None:
    """Without the region's template: Arial throughout (python-docx's default theme is Cambria
    and Calibri); a theme attribute would win over the named font, so those go."""
    targets = [_default_run_properties(document)]
    for name in ("Normal", "Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3"):
        style = document.styles[name] if name in [s.name for s in document.styles] else None
        if style is not None:
            targets.append(style.element.get_or_add_rPr())
    for properties in targets:
        fonts = properties.find(qn("w:rFonts"))
        if fonts is None:
            fonts = OxmlElement("w:rFonts")
            properties.insert(0, fonts)
        for attribute in _THEME_FONTS:
            fonts.attrib.pop(qn(attribute), None)
        for attribute in ("w:ascii", "w:hAnsi", "w:cs"):
            fonts.set(qn(attribute), PLAIN_FONT)


def _add_heading_style(document: DocxDocument, level: int) -> None:
    """A template without heading styles still gets real ones (outline levels for navigation)."""
    style = document.styles.add_style(f"Heading {level}", WD_STYLE_TYPE.PARAGRAPH)
    assert isinstance(style, ParagraphStyle)
    style.base_style = document.styles["Normal"]
    style.next_paragraph_style = document.styles["Normal"]
    style.font.bold = True
    style.font.size = Pt({1: 15, 2: 12.5, 3: 11}[level])
    style.paragraph_format.space_before = Pt(14 if level == 1 else 10)
    style.paragraph_format.space_after = Pt(4)
    style.paragraph_format.keep_with_next = True
    outline = OxmlElement("w:outlineLvl")
    outline.set(qn("w:val"), str(level - 1))
    style.element.get_or_add_pPr().append(outline)


def _field(instruction: str, shown: str) -> str:
    """A complex field (PAGE, NUMPAGES): Word and LibreOffice compute it on every page."""
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r><w:t>{shown}</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


HEADER_LIMIT = 120


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _header_table(header: HeaderBlock, width: int, style_id: str) -> str:
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

    def cell(content: str, width_dxa: int, *, right: bool = False) -> str:
        jc = '<w:jc w:val="right"/>' if right else ""
        return (
            f'<w:tc><w:tcPr><w:tcW w:w="{width_dxa}" w:type="dxa"/></w:tcPr>'
            f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/>{jc}</w:pPr>{content}</w:p></w:tc>'
        )

    rows = []
    for index in range(3):
        left, middle = texts[index * 2], texts[index * 2 + 1]
        right = page if index == 0 else ""
        rows.append(
            "<w:tr>"
            + cell(runs_xml(left, bold=index == 0), widths[0])
            + cell(runs_xml(middle), widths[1])
            + cell(right, widths[2], right=True)
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


def _picture(document: DocxDocument, png: bytes, width: int, alt_text: str, title: str) -> None:
    shape = document.add_picture(io.BytesIO(png), width=width)
    inline = shape._inline
    paragraph = inline.getparent().getparent().getparent()
    paragraph.get_or_add_pPr().jc_val = WD_ALIGN_PARAGRAPH.CENTER
    properties = inline.docPr
    # Screen readers read the alt text; Word shows it under "Alternativ text".
    properties.set("descr", xml_safe(alt_text)[:4000])
    properties.set("title", xml_safe(title)[:255])
