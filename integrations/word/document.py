"""The document itself: page and margins, styles, fonts, language and honest properties."""

from __future__ import annotations

from datetime import UTC, datetime
from xml.sax.saxutils import escape

from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.section import Section
from docx.shared import Cm, Pt
from docx.styles.style import ParagraphStyle

from bot.reports.model import ReportDocument
from integrations.word.text import xml_safe

CELL_STYLE = "FVIS Tabelltext"
CELL_PT = 8.5
DENSE_PT = 7.5
DENSE_STYLE = "FVIS Registertext"
HEADER_STYLE = "FVIS Sidhuvud"
A4 = (Cm(21), Cm(29.7))
MARGIN = Cm(2)
PLAIN_FONT = "Arial"
_THEME_FONTS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def set_up_page(section: Section, *, landscape: bool, templated: bool) -> None:
    """A4 with the reports' margins, unless a template sets its own page; then the
    orientation the report asks for."""
    if not templated:
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


def text_width(section: Section) -> int:
    """The width between the margins, in dxa (twentieths of a point)."""
    width = (section.page_width or A4[0]) - (section.left_margin or 0) - (section.right_margin or 0)
    return max(2000, int(width / 635))  # 635 EMU per dxa


def set_up_styles(document: DocxDocument, language: str, *, templated: bool) -> None:
    """The styles the blocks use; a template's own styles of the same names win."""
    styles = document.styles
    _set_language(document, language)
    if not templated:
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


def style_id(document: DocxDocument, name: str) -> str:
    return str(document.styles[name].style_id)


def set_properties(document: DocxDocument, report: ReportDocument) -> None:
    """Honest document properties: who asked for it, what it is, when it was made, its
    edition and registration number; nothing left from python-docx's own template."""
    properties = document.core_properties
    # Core properties hold at most 255 characters each.
    properties.title = xml_safe(report.title)[:255]
    properties.subject = xml_safe(report.subject)[:255]
    properties.author = xml_safe(report.author)[:255]
    properties.last_modified_by = xml_safe(report.author)[:255]
    properties.category = xml_safe(report.header.fields[0][1] if report.header.fields else "")[:255]
    properties.comments = ""
    properties.keywords = ""
    properties.identifier = xml_safe(report.registration_number)[:255]
    properties.version = f"{report.edition}.0"
    properties.language = report.language
    made = report.created or datetime.now(UTC)
    properties.created = properties.modified = made.astimezone(UTC).replace(tzinfo=None)
    properties.revision = max(1, report.edition)
    _honest_package(document, report.generator)


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
