"""`fvis-bot report …` in-process against a seeded database: the same documents the chat makes."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest

from bot.app.build import Bot
from bot.cli.main import main
from bot.config import Settings
from tests.test_reports_support import (
    body_text,
    header_text,
    headings,
    open_docx,
    seed_week_47,
    tables,
)


@pytest.fixture
def cli(settings: Settings, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: Any) -> Any:
    monkeypatch.setenv("FVIS_DB_PATH", str(settings.db_path))
    monkeypatch.chdir(tmp_path)  # no developer .env; default output lands here

    def run(*argv: str) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main(list(argv))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


async def test_status_report_for_a_period(bot: Bot, clock: Any, cli: Any, tmp_path: Path) -> None:
    await seed_week_47(bot, clock)
    out = tmp_path / "rapporter" / "v47.docx"
    code, stdout, stderr = cli(
        "report", "status", "--from", "2026-11-16", "--to", "2026-11-22", "--out", str(out)
    )
    assert code == 0, stderr
    assert str(out) in stdout
    document = open_docx(out.read_bytes())
    assert ("Title", "Statusrapport vecka 47 2026") in headings(document)
    summary = {row[0]: row[1] for row in tables(document)[0]}
    assert summary["Nya poster"] == "6"
    # The operator sees everything, deviations included.
    assert "Rapporten omfattar alla poster." in body_text(document)

    code, _, stderr = cli("report", "status", "--from", "någon gång", "--to", "2026-11-22")
    assert code == 1 and "”någon gång” förstår jag inte som ett datum." in stderr
    code, _, stderr = cli("report", "status", "--from", "2026-11-22", "--to", "2026-11-01")
    assert code == 1 and "Perioden slutar före den börjar" in stderr


async def test_register_entry_and_decisions(bot: Bot, clock: Any, cli: Any, tmp_path: Path) -> None:
    await seed_week_47(bot, clock)
    code, stdout, stderr = cli("report", "register", "avvikelse", "--status", "eskalerad")
    assert code == 0, stderr
    # Named by today's date (the command line runs on the real clock).
    [written] = tmp_path.glob("Register avvikelser 20??-??-??.docx")
    assert written.name in stdout
    rows = tables(open_docx(written.read_bytes()))[-1]
    assert [row[0] for row in rows[1:]] == ["AVV-2"]

    code, _, stderr = cli("report", "register", "skrivare")
    assert code == 2 and "skrivare" in stderr

    code, _, stderr = cli("report", "entry", "ÄRE-1", "--out", "arende.docx", "--locale", "en")
    assert code == 0, stderr
    document = open_docx((tmp_path / "arende.docx").read_bytes())
    assert ("Title", "ÄRE-1 – Inloggningen hänger sig") in headings(document)
    assert ("Heading 1", "Details") in headings(document)
    assert ("Heading 1", "Comments") in headings(document)

    code, _, stderr = cli("report", "entry", "BEH-99")
    assert code == 1 and "Jag hittar inget BEH-99." in stderr

    code, _, stderr = cli("report", "decisions", "--out", "beslut.docx")
    assert code == 0, stderr
    assert ("Title", "Beslutslogg") in headings(open_docx((tmp_path / "beslut.docx").read_bytes()))


async def test_honest_metadata_author_edition_and_registration_number(
    bot: Bot, clock: Any, cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    await seed_week_47(bot, clock)
    week = ("report", "status", "--from", "2026-11-16", "--to", "2026-11-22")
    monkeypatch.setenv("USER", "root")
    monkeypatch.setenv("FVIS_OPERATOR_NAME", "Programkontoret")
    code, _, stderr = cli(*week, "--out", "first.docx", "--dnr", "RV 2026/1234")
    assert code == 0, stderr
    first = open_docx((tmp_path / "first.docx").read_bytes())
    properties = first.core_properties
    # The author is who asked (the configured operator), never the operating-system user.
    assert (
        properties.author == "Programkontoret" and properties.last_modified_by == "Programkontoret"
    )
    assert properties.title == "Statusrapport vecka 47 2026"
    assert properties.subject.startswith("Statusrapport: 16–22 november 2026")
    assert properties.identifier == "RV 2026/1234"
    assert properties.comments == "" and "python-docx" not in str(properties.author)
    assert properties.created is not None and properties.created.year >= 2026
    assert "Skapad av FVIS-boten åt Programkontoret" in body_text(first)
    assert "root" not in body_text(first)
    header = header_text(first)
    assert "Diarienummer: RV 2026/1234" in header and "Utgåva: 1.0" in header
    package = zipfile.ZipFile(tmp_path / "first.docx")
    assert "docProps/thumbnail.jpeg" not in package.namelist()
    assert b"FVIS-boten" in package.read("docProps/app.xml")
    assert b"Macintosh" not in package.read("docProps/app.xml")

    # The same period again is the next edition and keeps its registration number; someone the
    # programme knows (--as david) is the author, by name.
    code, _, stderr = cli(*week, "--out", "second.docx", "--as", "david")
    assert code == 0, stderr
    second = open_docx((tmp_path / "second.docx").read_bytes())
    assert "Utgåva: 2.0" in header_text(second) and "RV 2026/1234" in header_text(second)
    assert second.core_properties.author == "David Berg"
    assert second.core_properties.version == "2.0"
    # Another period starts at edition 1.
    code, _, stderr = cli(
        "report", "status", "--from", "2026-11-09", "--to", "2026-11-15", "--out", "other.docx"
    )
    assert code == 0, stderr
    assert "Utgåva: 1.0" in header_text(open_docx((tmp_path / "other.docx").read_bytes()))
    # Anna (a reporter) gets a report with only her own entries.
    code, _, stderr = cli(*week, "--out", "anna.docx", "--as", "anna")
    assert code == 0, stderr
    anna = open_docx((tmp_path / "anna.docx").read_bytes())
    assert "Rapporten visar bara det som du själv har skrivit in." in body_text(anna)
