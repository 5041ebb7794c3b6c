"""The Word renderer: the region's header block with real page fields, heading styles, repeating
table headers, Swedish numbers and dates, any text people typed, and the region's template.
Every document is opened with python-docx and converted by LibreOffice."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from PIL import Image

from bot.app.build import Bot, build
from bot.config import ConfigError, Settings
from bot.domain.model import Kind
from bot.reports.model import (
    BarChart,
    Column,
    Facts,
    HeaderBlock,
    Heading,
    Paragraph,
    ReportDocument,
    RiskMatrix,
    Table,
    long_date,
    number,
    period_text,
)
from bot.reports.scope import Period
from integrations.word import WordReportRenderer
from integrations.word.template import TemplateError, load_template
from integrations.word.text import direction_runs, xml_safe
from tests.test_reports_support import (
    WEEK_47,
    body_text,
    header_text,
    headings,
    local,
    log_at,
    open_docx,
    page_count,
    pdf_text,
    person,
    seed_week_47,
    tables,
    to_pdf,
    to_png,
)

HEADER = HeaderBlock(
    organisation="Region Västerbotten",
    fields=(
        ("Dokumenttyp", "Statusrapport"),
        ("Diarienummer", "RV 2026/123"),
        ("Program", "FVIS"),
        ("Datum", "2026-11-25"),
        ("Utgåva", "1.0"),
    ),
    page_label="Sida",
)

CONTROL = "Före\x00\x01\x08\x0b\x0c\x1b\x7f\x85 efter\ufffe\uffff\ud800 slut"
EMOJI = "Skrivaren 🖨️ är trasig 😡👍🏽 👨‍👩‍👧 🇸🇪"
ARABIC = "مرحبا بكم في قسم الطوارئ"
HEBREW = "שלום עולם"
MIXED = f"Avd 5: {ARABIC} (rum 12)"
MARKUP = 'Tom & Jerry <b>fet</b> "citat" ]]> &amp; {{ x }} $x^2$'
HUGE = ("Långt stycke text utan slut. " * 3_500)[:100_000]


def report(blocks: list[Any], *, landscape: bool = False, title: str = "Rapport") -> ReportDocument:
    return ReportDocument(
        header=HEADER, title=title, subtitle="Undertitel", blocks=blocks, landscape=landscape
    )


def render(document: ReportDocument, template: Path | None = None) -> bytes:
    return WordReportRenderer(template=template).render(document, "sv")


def test_swedish_numbers_and_dates() -> None:
    assert number(1_234_567, "sv") == "1\u00a0234\u00a0567"
    assert number(1_234_567, "en") == "1,234,567"
    assert number(12.5, "sv", 1) == "12,5"
    assert number(0, "sv") == "0"
    assert long_date(date(2026, 11, 25), "sv") == "25 november 2026"
    assert long_date(date(2026, 11, 25), "en") == "25 November 2026"
    assert period_text(date(2026, 11, 16), date(2026, 11, 22), "sv") == "16–22 november 2026"
    assert (
        period_text(date(2026, 11, 28), date(2026, 12, 4), "sv") == "28 november – 4 december 2026"
    )
    assert (
        period_text(date(2026, 12, 28), date(2027, 1, 3), "sv")
        == "28 december 2026 – 3 januari 2027"
    )
    assert Period(*WEEK_47).week == (2026, 47)
    with pytest.raises(ValueError):
        Period(date(2026, 11, 22), date(2026, 11, 16))


def test_text_is_made_xml_safe_and_split_by_direction() -> None:
    assert xml_safe(CONTROL) == "Före efter slut"
    assert xml_safe("a\r\nb\rc") == "a\nb\nc"
    assert xml_safe(EMOJI) == EMOJI
    assert direction_runs(MIXED) == [
        ("Avd 5: ", False),
        (ARABIC + " (", True),
        ("rum 12)", False),
    ]
    assert direction_runs(ARABIC) == [(ARABIC, True)]
    assert direction_runs("") == []


def test_header_block_page_fields_headings_and_a4(tmp_path: Path) -> None:
    rows = [[f"BEH-{i}", f"Rad {i}", number(i * 1000, "sv")] for i in range(1, 301)]
    data = render(
        report(
            [
                Heading("Avsnitt ett"),
                Paragraph("Text."),
                Heading("Underavsnitt", 2),
                Table(
                    (Column("Nummer"), Column("Rubrik", 3), Column("Belopp", numeric=True)), rows
                ),
            ]
        )
    )
    document = open_docx(data)
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    header = header_text(document)
    for line in (
        "Region Västerbotten",
        "Dokumenttyp: Statusrapport",
        "Diarienummer: RV 2026/123",
        "Program: FVIS",
        "Datum: 2026-11-25",
        "Utgåva: 1.0",
    ):
        assert line in header
    instructions = [node.text.strip() for node in section.header._element.iter(qn("w:instrText"))]
    assert instructions == ["PAGE", "NUMPAGES"]
    assert headings(document) == [
        ("Title", "Rapport"),
        ("Heading 1", "Avsnitt ett"),
        ("Heading 2", "Underavsnitt"),
    ]
    # Heading styles carry outline levels: Word's navigation pane lists them.
    outline = document.styles["Heading 1"].element.find(qn("w:pPr")).find(qn("w:outlineLvl"))
    assert outline is not None and outline.get(qn("w:val")) == "0"
    assert document.core_properties.language == "sv-SE"

    pdf = to_pdf(data, tmp_path)
    pages = page_count(pdf)
    assert 6 <= pages <= 12
    for page in (1, 2, pages):
        text = pdf_text(pdf, page)
        assert re.search(rf"Sida {page} \({pages}\)", text), text[:300]
        assert "Region Västerbotten" in text
    # The table's header row is repeated at the top of every page it runs onto.
    assert re.search(r"Nummer\s+Rubrik\s+Belopp", pdf_text(pdf, 3))
    assert "BEH-300" in pdf_text(pdf, pages)
    assert "300 000" in pdf_text(pdf, pages)


def test_a_long_table_is_written_in_parts_that_read_as_one() -> None:
    """LibreOffice lays out one table of thousands of rows in time that grows with its square:
    the rows go in parts of CHUNK_ROWS, each with the header row, the same widths, a hairline
    between them, and the total row at the very end."""
    from integrations.word.renderer import CHUNK_ROWS

    count = 2 * CHUNK_ROWS + 10
    rows = [[f"BEH-{i}", f"Rad {i}", str(i)] for i in range(1, count + 1)]
    columns = (Column("Nummer"), Column("Rubrik", 3), Column("Antal", numeric=True))
    document = open_docx(render(report([Table(columns, rows, total=True)], landscape=True)))
    body = document.element.body
    parts = [t for t in body.iter(qn("w:tbl"))]
    assert [len(t.findall(qn("w:tr"))) for t in parts] == [
        CHUNK_ROWS + 1,
        CHUNK_ROWS + 1,
        10 + 1,
    ]
    read = [tables(document)[index] for index in range(3)]
    for part in read:
        assert part[0] == ["Nummer", "Rubrik", "Antal"]
    assert [row[0] for part in read for row in part[1:]] == [row[0] for row in rows]
    for part in parts:
        first = part.find(qn("w:tr"))
        assert first.find(qn("w:trPr")).find(qn("w:tblHeader")) is not None
    grids = {tuple(col.get(qn("w:w")) for col in part.find(qn("w:tblGrid"))) for part in parts}
    assert len(grids) == 1  # the same column widths throughout
    # Between parts a one-point paragraph (Word would merge adjacent tables); after the last
    # an ordinary spacer.
    between = [part.getnext() for part in parts]
    lines = [p.find(qn("w:pPr")).find(qn("w:spacing")).get(qn("w:line")) for p in between]
    assert lines == ["20", "20", None]
    # Only the last row of the last part is the bold total.
    bold_rows = [
        row
        for part in parts
        for row in part.findall(qn("w:tr"))
        if row.find(".//" + qn("w:b")) is not None
    ]
    assert len(bold_rows) == 3 + 1  # three header rows and the total


@pytest.mark.filterwarnings("ignore:Glyph .* missing from font")  # emoji in chart titles
@pytest.mark.parametrize(
    "text",
    [CONTROL, EMOJI, ARABIC, HEBREW, MIXED, MARKUP, "", " ", "\n\n\t", "x" * 5_000],
    ids=["control", "emoji", "arabic", "hebrew", "mixed", "markup", "empty", "space", "blank", "long-word"],
)  # fmt: skip
def test_any_text_gives_a_valid_document(text: str, tmp_path: Path) -> None:
    blocks = [
        Heading(text),
        Paragraph(text),
        Paragraph(text, "note"),
        Facts(((text, text), ("Etikett", text))),
        Table((Column(text), Column("Andra", 2, numeric=True)), [[text, text], ["BEH-1", text]]),
        BarChart(text, (text, "v. 2"), ((text, (1, 2)),), text, text),
        RiskMatrix(text, ((1, 0, 0, 0),) * 4, text, text, text),
    ]
    header = HeaderBlock(text, ((text, text),), text or "Sida")
    document = ReportDocument(header, title=text, subtitle=text, blocks=blocks, author=text)
    data = WordReportRenderer().render(document, "sv")
    opened = open_docx(data)
    expected = xml_safe(text).strip()
    if expected.strip():
        first_line = expected.split("\n")[0].split("\t")[0]
        assert first_line in body_text(opened)
        assert first_line[:100] in header_text(opened)  # clipped there, not lost
    assert "\x00" not in body_text(opened)
    pdf = to_pdf(data, tmp_path)
    # Seven blocks of 5 000 unbreakable characters (a title among them) fill pages; others few.
    assert 1 <= page_count(pdf) <= (40 if len(text) > 1_000 else 8)
    if text in (ARABIC, HEBREW):
        # Marked right-to-left where Word needs it; LibreOffice keeps every letter.
        runs = opened.element.body.findall(".//" + qn("w:rtl"))
        assert runs
        assert set(text.replace(" ", "")) <= set(pdf_text(pdf).replace(" ", ""))


async def test_a_hundred_thousand_characters_in_an_entry(
    bot: Bot, clock: Any, chat: Any, tmp_path: Path
) -> None:
    """The intake refuses such text, but an imported or older row may hold it: the register
    shortens it and points to the record, which holds every character."""
    entry = await log_at(
        bot, clock, local(WEEK_47[0]), "anna", Kind.NEED, description=HUGE + "\x07" + EMOJI
    )
    david = chat("david")
    register = (await david.say("rapport register behov"))[-1]
    assert register.file is not None
    document = open_docx(Path(register.file.path).read_bytes())
    header, row = tables(document)[-1][:2]
    cell = row[header.index("Beskrivning")]
    assert 500 < len(cell) <= 600 and cell.endswith("…")
    assert "långa texter är kortade" in body_text(document)

    record = (await david.say(f"rapport {entry.ref}"))[-1]
    assert record.file is not None
    data = Path(record.file.path).read_bytes()
    document = open_docx(data)
    description = next(row[1] for row in tables(document)[0] if row[0] == "Beskrivning")
    assert description == HUGE + EMOJI  # the bell character is gone, nothing else
    pdf = to_pdf(data, tmp_path)
    assert 12 <= page_count(pdf) <= 40


def test_landscape_and_dense_register_tables() -> None:
    rows = [[str(i), "x"] for i in range(3)]
    data = render(report([Table((Column("A"), Column("B")), rows, dense=True)], landscape=True))
    document = open_docx(data)
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (297, 210)
    style_ids = {p.get(qn("w:val")) for p in document.element.body.iter(qn("w:pStyle"))}
    assert document.styles["FVIS Registertext"].style_id in style_ids
    assert document.styles["FVIS Registertext"].font.size == Pt(7.5)


def _template(folder: Path, *, suffix: str) -> Path:
    """A region template: Georgia 11 pt, a logo in the header, some text that must not show."""
    document = Document()
    document.styles["Normal"].font.name = "Georgia"
    document.styles["Normal"].font.size = Pt(11)
    logo = io.BytesIO()
    Image.new("RGB", (120, 40), (0, 84, 147)).save(logo, format="PNG")
    logo.seek(0)
    document.sections[0].header.paragraphs[0].add_run().add_picture(logo, width=Cm(3))
    document.add_paragraph("Mallens exempeltext som inte ska synas.")
    buffer = io.BytesIO()
    document.save(buffer)
    data = buffer.getvalue()
    path = folder / f"region{suffix}"
    if suffix == ".dotx":
        source = zipfile.ZipFile(io.BytesIO(data))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as target:
            for item in source.infolist():
                content = source.read(item.filename)
                if item.filename == "[Content_Types].xml":
                    content = content.replace(
                        b"wordprocessingml.document.main+xml", b"wordprocessingml.template.main+xml"
                    )
                target.writestr(item, content)
        data = out.getvalue()
        assert b"template.main+xml" in zipfile.ZipFile(io.BytesIO(data)).read("[Content_Types].xml")
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("suffix", [".docx", ".dotx"])
async def test_the_regions_template_gives_styles_fonts_and_logo(
    suffix: str, tmp_path: Path, clock: Any
) -> None:
    template = _template(tmp_path, suffix=suffix)
    bot = build(Settings(db_path=tmp_path / "fvis.db", word_template=template), clock=clock)
    try:
        await seed_week_47(bot, clock)
        assert bot.reports is not None
        document_data = bot.reports.render(
            bot.reports.status_report(person(bot, "david"), Period(*WEEK_47), "sv"), "sv"
        )
    finally:
        bot.close()
    document = open_docx(document_data)
    assert document.styles["Normal"].font.name == "Georgia"
    header = document.sections[0].header._element
    assert header.findall(".//" + qn("pic:pic")), "the template's logo is kept"
    assert "Dokumenttyp: Statusrapport" in header_text(document)
    assert "Mallens exempeltext" not in body_text(document)
    assert ("Title", "Statusrapport vecka 47 2026") in headings(document)
    assert headings(document)[1][0] == "Heading 1"
    pdf = to_pdf(document_data, tmp_path)
    assert 2 <= page_count(pdf) <= 6


def test_unusable_templates_fail_at_start_with_the_setting_named(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"FVIS_WORD_TEMPLATE must be a \.docx or \.dotx"):
        Settings.from_env({"FVIS_WORD_TEMPLATE": str(tmp_path / "mall.doc")})
    with pytest.raises(ConfigError, match="no such file"):
        Settings.from_env({"FVIS_WORD_TEMPLATE": str(tmp_path / "saknas.docx")})
    broken = tmp_path / "trasig.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    settings = Settings.from_env(
        {"FVIS_WORD_TEMPLATE": str(broken), "FVIS_DB_PATH": str(tmp_path / "db")}
    )
    with pytest.raises(ConfigError, match="FVIS_WORD_TEMPLATE: not a Word file"):
        build(settings)
    macro = tmp_path / "makro.dotx"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr(
            "[Content_Types].xml",
            '<Types><Override ContentType="application/vnd.ms-word.template.macroEnabledTemplate.main+xml"/></Types>',
        )
    macro.write_bytes(buffer.getvalue())
    with pytest.raises(TemplateError, match="macro-enabled"):
        load_template(macro)


async def test_every_document_type_renders_to_pages_with_ink(
    bot: Bot, clock: Any, tmp_path: Path
) -> None:
    """Each kind of document through LibreOffice to PNG: the header block and the body are
    drawn (the pictures are looked at by people; here: not blank, right page counts)."""
    await seed_week_47(bot, clock)
    assert bot.reports is not None
    david = person(bot, "david")
    documents = {
        "status": (bot.reports.status_report(david, Period(*WEEK_47), "sv"), (2, 5)),
        "register": (bot.reports.register(david, Kind.DEVIATION, "sv"), (1, 1)),
        "record": (bot.reports.entry_record(david, "BEH-2", "sv"), (1, 2)),
        "decisions": (bot.reports.decision_log(david, "sv"), (1, 3)),
    }
    for name, (document, (low, high)) in documents.items():
        pdf = to_pdf(bot.reports.render(document, "sv"), tmp_path / name, name)
        assert low <= page_count(pdf) <= high, name
        # Column widths come from the content: no header word is broken over two lines.
        tokens = set(pdf_text(pdf).split())
        titles = {c.title for b in document.blocks if isinstance(b, Table) for c in b.columns}
        for word in {w for title in titles for w in title.split() if len(w) > 3}:
            assert word in tokens, (name, word)
        first = to_png(pdf, tmp_path / name / "page")[0]
        with Image.open(first) as image:
            grey = image.convert("L")
            width, height = grey.size
            top = grey.crop((0, 0, width, height // 8))
            body = grey.crop((0, height // 8, width, height))
            assert top.getextrema()[0] < 128, f"{name}: no header block"
            assert sum(body.histogram()[:200]) > 500, f"{name}: empty body"
