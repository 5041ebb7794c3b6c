"""`fvis-bot report …` in-process against a seeded database: the same documents the chat makes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.app.build import Bot
from bot.cli.main import main
from bot.config import Settings
from tests.test_reports_support import body_text, headings, open_docx, seed_week_47, tables


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
