"""Registers in Excel: every field, a frozen header row with an autofilter, widths from the
content, real dates, and the same rights and audit as the Word register."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from bot.app.build import Bot
from bot.domain.kinds import FIELDS
from bot.domain.messages import Reply
from bot.domain.model import Kind
from bot.reports.model import SheetColumn, Workbook
from integrations.excel import ExcelRegisterRenderer
from tests.test_reports_support import seed_week_47


def workbook_of(replies: list[Reply]) -> Any:
    reply = replies[-1]
    assert reply.style == "success", reply.text
    assert reply.file is not None and reply.file.name.endswith(".xlsx")
    assert reply.file.mime == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return load_workbook(io.BytesIO(Path(reply.file.path).read_bytes()))


async def test_deviation_register_in_excel_has_every_field(bot: Bot, clock: Any, chat: Any) -> None:
    seeded = await seed_week_47(bot, clock)
    replies = await chat("bertil").say("rapport register avvikelser excel")
    assert "Här är registret som Excel: Register: Avvikelser (2 poster)." in replies[-1].text
    book = workbook_of(replies)
    sheet = book["Avvikelser"]
    header = [cell.value for cell in sheet[1]]
    # Every field of the kind is a column, plus handling and times.
    # (the last three: what happened with the region's system, the flag, who was told)
    assert len(header) == 2 + len(FIELDS[Kind.DEVIATION]) + 10
    assert header[:5] == ["Nummer", "Status", "Slag av avvikelse", "Typ", "Vad"]
    assert "Omedelbar åtgärd" in header and "Möjligt Lex Maria-ärende" in header
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, len(header)).column_letter}3"
    rows = {
        row[0]: dict(zip(header, row, strict=True))
        for row in sheet.iter_rows(min_row=2, values_only=True)
    }
    anna = rows[seeded.refs["dev_anna"].ref]
    assert anna["Vad"] == "Journalen visade fel avdelning efter omstart."
    assert anna["Kategori"] == "IT-/systemfel"
    assert anna["Konsekvens (1–4)"] == 3 and anna["Riskvärde"] == 6  # numbers, not text
    assert isinstance(anna["Registrerad"], datetime)
    assert anna["Registrerad"] == datetime(2026, 11, 18, 11, 0)  # local wall-clock time
    assert anna["När"] == datetime(2026, 11, 17, 10, 0)
    created = sheet.cell(2, header.index("Registrerad") + 1)
    assert created.number_format == "yyyy-mm-dd hh:mm"
    # Widths follow the content: the text column is wider than the number column.
    width = {
        c: sheet.column_dimensions[sheet.cell(1, i + 1).column_letter].width
        for i, c in enumerate(header)
    }
    assert width["Vad"] > width["Nummer"] >= 6
    assert book.properties.creator == "Bertil Nordin"
    # The package names the bot as the application that made it, not Microsoft Excel.
    application = zipfile.ZipFile(Path(replies[-1].file.path)).read("docProps/app.xml")
    assert b"<Application>FVIS-boten</Application>" in application
    about = {row[0]: row[1] for row in book["Om registret"].iter_rows(min_row=2, values_only=True)}
    assert about["Antal"] == "2" and about["Gjort åt"] == "Bertil Nordin"
    # The same audit as the Word register: every deviation listed is a read.
    audited = {
        row["ref"]
        for row in bot.db.query(
            "SELECT ref FROM audit WHERE actor = 'webchat:bertil' AND action = 'report'"
        )
    }
    assert audited == {seeded.refs["dev_anna"].ref, seeded.refs["dev_omar"].ref}


async def test_a_reporter_gets_only_her_own_rows(bot: Bot, clock: Any, chat: Any) -> None:
    seeded = await seed_week_47(bot, clock)
    sheet = workbook_of(await chat("anna").say("rapport register avvikelser excel")).active
    numbers = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert numbers == [seeded.refs["dev_anna"].ref]


async def test_cli_writes_xlsx_by_its_name(
    bot: Bot, clock: Any, settings: Any, monkeypatch: Any, tmp_path: Path
) -> None:
    from bot.cli.main import main

    await seed_week_47(bot, clock)
    monkeypatch.setenv("FVIS_DB_PATH", str(settings.db_path))
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "behov.xlsx"
    assert main(["report", "register", "behov", "--out", str(out), "--as", "david"]) == 0
    book = load_workbook(out)
    sheet = book["Behov"]
    header = [cell.value for cell in sheet[1]]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 3
    benefit = header.index("Nyttoobjekt")
    assert rows[0][benefit] == "2. Förbättrade och smartare arbetsformer i det dagliga arbetet"
    assert book.properties.creator == "David Berg"


def test_what_people_wrote_stays_text() -> None:
    """A reporter's "=1+1" is not a formula, "+46 …" not a number, and control characters
    (pasted from a terminal) are dropped rather than breaking the file."""
    written = ['=HYPERLINK("http://x","klicka")', "+46 70 123 45 67", "Skrivare\x07 3\x1b[0m"]
    workbook = Workbook(
        title="Register: Behov",
        sheet_name="Behov: [alla]?",
        columns=(
            SheetColumn("Vad"),
            SheetColumn("När", "datetime"),
            SheetColumn("Antal", "number"),
        ),
        rows=[[text, datetime(2026, 11, 20, 14, 5), 3] for text in written],
        about_name="Om",
        about=(("Antal", "3"),),
        file_name="behov.xlsx",
    )
    book = load_workbook(io.BytesIO(ExcelRegisterRenderer().render(workbook)))
    sheet = book.worksheets[0]
    assert sheet.title == "Behov   alla"
    cells = [row[0] for row in sheet.iter_rows(min_row=2)]
    assert [cell.data_type for cell in cells] == ["s", "s", "s"]
    assert [cell.value for cell in cells] == [*written[:2], "Skrivare 3[0m"]
    assert sheet.cell(2, 2).value == datetime(2026, 11, 20, 14, 5) and sheet.cell(2, 2).is_date
    assert sheet.cell(2, 3).value == 3
