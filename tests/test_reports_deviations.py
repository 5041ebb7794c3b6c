"""Deviations in the Word reports as programplan 7.7 has them: the register shows each one's kind
(from the plan, or at go-live) and, for a go-live deviation, what happened with the region's
deviation system (referred, registered with its case number), in slim columns whose header words
fit; the status report's high-risk list says who of the line organisation was told."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from PIL import ImageFont

from bot.app.build import Bot
from bot.domain.model import Entry, Kind
from bot.i18n.catalogue import t
from bot.reports.model import Facts, Table
from bot.reports.scope import Period
from tests.test_deviations_golive import FLAGGED, GOLIVE, PLAN
from tests.test_reports import DEVIATION_REGISTER_HEADER, document_of
from tests.test_reports_support import body_text, person, table_after, tables

BOLD = Path("/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf")
DENSE_PT = 7.5  # the registers' cell text (integrations/word/document.py)
CELL_MARGINS = 2 * 85  # dxa, left and right (integrations/word/tables.py)


def register_rows(document: DocxDocument) -> dict[str, dict[str, str]]:
    """Every entry row of the register's tables, by number, as header → cell."""
    rows = {}
    for table in tables(document):
        header = table[0]
        if header[0] != "Nummer":
            continue
        for row in table[1:]:
            rows[row[0]] = dict(zip(header, row, strict=True))
    return rows


def header_words_that_break(document: DocxDocument, font_pt: float) -> list[str]:
    """Header words wider than their column, measured in Liberation Sans Bold (Arial's metrics)
    by Pillow: independent of the widths the renderer computed."""
    font = ImageFont.truetype(str(BOLD), 100)
    broken = []
    for table in document.element.body.iter(qn("w:tbl")):
        grid = [int(col.get(qn("w:w"))) for col in table.find(qn("w:tblGrid"))]
        first = table.find(qn("w:tr"))
        if (
            first.find(qn("w:trPr")) is None
            or first.find(qn("w:trPr")).find(qn("w:tblHeader")) is None
        ):
            continue
        for width, cell in zip(grid, first.iter(qn("w:tc")), strict=True):
            text = "".join(node.text or "" for node in cell.iter(qn("w:t")))
            for word in text.split():
                # Points at 100 px per em, in twentieths of a point.
                needed = font.getlength(word) * font_pt / 100 * 20
                if needed > width - CELL_MARGINS:
                    broken.append(word)
    return broken


async def test_the_word_register_shows_each_deviations_kind_and_referral(
    chat: Any, bot: Bot
) -> None:
    anna, bertil = chat("anna"), chat("bertil")
    await anna.log("deviation", FLAGGED)  # AVV-1, at go-live, registered below
    await anna.log("deviation", GOLIVE | {"what": "Armbandet skrevs ut med fel namn"})  # referred
    await anna.log("deviation", PLAN)  # AVV-3, from the plan: never referred
    await anna.say("ärendenummer AVV-1 AVV 2026/4711")
    document = document_of(await bertil.say("rapport register avvikelser"))
    rows = register_rows(document)
    assert list(next(iter(rows.values()))) == DEVIATION_REGISTER_HEADER
    seen = {
        ref: (row["Slag"], row["Kategori"], row["Enhet"], row["Avvikelsesystemet"])
        for ref, row in rows.items()
    }
    assert seen == {
        "AVV-1": (
            "Vid införandet",
            "Patientsäkerhet",
            "Avdelning 5",
            "Registrerad (AVV\xa02026/4711)",
        ),
        "AVV-2": ("Vid införandet", "Patientsäkerhet", "Avdelning 5", "Hänvisad"),
        # The kind says "from the plan"; the category says which part of it.
        "AVV-3": ("Mot planen", "Tid", "–", "–"),
    }
    text = body_text(document)
    assert "Slag: En avvikelse mot planen gäller programplanens tid" in text
    assert "rapport AVV-1" in text  # the full record is one command away
    # At the default widths no header word is wider than its column (Word would break it).
    assert header_words_that_break(document, DENSE_PT) == []
    # One table per status, all with the same widths: the sections' columns line up.
    grids = [
        tuple(col.get(qn("w:w")) for col in table.find(qn("w:tblGrid")))
        for table in document.element.body.iter(qn("w:tbl"))
        if len(table.find(qn("w:tblGrid"))) == 12
    ]
    assert len(grids) == 2 and grids[0] == grids[1]
    # No code reaches the reader.
    for code in ("golive", "plan_time", "referred", "region_case_number"):
        assert code not in text, code


async def test_the_register_in_english_and_deviations_from_before_the_kinds(
    chat: Any, bot: Bot
) -> None:
    anna = chat("anna")
    await anna.log("deviation", GOLIVE)
    await anna.log("deviation", PLAN | {"category": "plan_budget"})
    # Logged before the bot asked for the kind: read by category and area, or neither.
    before = {"what": "Etiketten blev fel", "when": "2026-11-17T10:00:00+01:00", "consequence": "2"}
    for fields in (
        {"category": "patient_safety", "area": "care", "probability": "2"},
        {"category": "plan_scope"},
        {"category": "it_failure", "area": "it", "probability": "2"},
    ):
        bot.stores.entries.create(
            Entry(Kind.DEVIATION, "Etiketten blev fel", before | fields, "webchat", "anna", "Anna")
        )
    assert bot.reports is not None
    report = bot.reports.register(person(bot, "bertil"), Kind.DEVIATION, "en")
    table = next(b for b in report.blocks if isinstance(b, Table))
    titles = [c.title for c in table.columns]
    assert titles[:2] == ["Number", "Kind"] and "Deviation system" in titles
    at = {title: index for index, title in enumerate(titles)}
    rows = {row[0]: row for b in report.blocks if isinstance(b, Table) for row in b.rows}
    seen = {
        ref: (row[at["Kind"]], row[at["Category"]], row[at["Deviation system"]])
        for ref, row in rows.items()
        if ref.startswith("AVV-")
    }
    assert seen == {
        "AVV-1": ("At go-live", "Patient safety", "Referred"),
        "AVV-2": ("From the plan", "Budget", "–"),
        "AVV-3": ("At go-live", "Patient safety", "–"),
        "AVV-4": ("From the plan", "Scope", "–"),
        "AVV-5": ("–", "IT/system failure", "–"),
    }
    # The entry's own record and the Excel register read a kind that was never asked alike.
    bertil = person(bot, "bertil")
    for ref, origin in (("AVV-3", "golive"), ("AVV-4", "plan")):
        record = bot.reports.entry_record(bertil, ref, "en")
        facts = dict(next(b for b in record.blocks if isinstance(b, Facts)).pairs)
        assert facts["Kind of deviation"] == t("en", f"opt.origin.{origin}")
    sheet = bot.reports.register_sheet(bertil, Kind.DEVIATION, "en")
    kind_column = [c.title for c in sheet.columns].index("Kind of deviation")
    in_excel = {row[0]: row[kind_column] for row in sheet.rows}
    assert in_excel["AVV-3"] == t("en", "opt.origin.golive")
    assert in_excel["AVV-4"] == t("en", "opt.origin.plan")
    assert in_excel["AVV-5"] is None


async def test_the_high_risk_list_says_who_in_the_line_was_told(chat: Any, bot: Bot) -> None:
    anna, omar = chat("anna"), chat("omar")
    await anna.log("deviation", FLAGGED)  # AVV-1 at Avdelning 5: Maria Sandberg, Lena Holmgren
    await omar.log("deviation", FLAGGED | {"unit": "Akuten"})  # AVV-2: nobody named for Akuten
    await anna.log("deviation", GOLIVE)  # AVV-3, risk value 4: not listed
    await chat("bertil").log("deviation", PLAN)  # AVV-4, from the plan
    document = document_of(await chat("david").say("rapport vecka"))
    high = table_after(document, "Öppna avvikelser med riskvärde 8 eller mer")
    # Who was told, in place of the category (the table of categories follows).
    assert high[0] == [
        "Nummer",
        "Vad",
        "Riskvärde",
        "Status",
        "Meddelade i linjen",
        "Handläggare",
    ]
    told = {row[0]: row[4] for row in high[1:]}
    assert told == {
        # One person per line, as what they were told.
        "AVV-1": "Maria Sandberg (medicinskt ansvarig)\nLena Holmgren (chef för enheten)",
        "AVV-2": "ingen namngiven för enheten (medicinskt ansvarig)",
    }
    # The list of deviations from the plan has no such column: nobody in the line is told.
    plan = table_after(document, "Avvikelser från programplanen (tid, omfattning, budget)")
    assert "Meddelade i linjen" not in plan[0]
    assert bot.reports is not None
    report = bot.reports.status_report(
        person(bot, "david"), Period(date(2026, 11, 23), date(2026, 11, 29)), "en"
    )
    tables_en = [b for b in report.blocks if isinstance(b, Table)]
    high_en = next(
        b for b in tables_en if "Told in the line organisation" in [c.title for c in b.columns]
    )
    assert high_en.rows[0][4] == (
        "Maria Sandberg (medically responsible)\nLena Holmgren (the unit's manager)"
    )
