"""Word reports from the chat: what each document says, checked against the entries and plan rows
behind it; who sees which deviations; the command's words and its clear refusals."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn

from bot.app.build import Bot
from bot.domain.messages import Reply
from bot.domain.model import Kind
from bot.entries import escalation
from bot.ports.plan import CommsRow, DecisionRow, MilestoneRow, PostRow
from tests.test_reports_support import (
    WEEK_47,
    FakePlan,
    body_text,
    header_text,
    headings,
    local,
    log_at,
    open_docx,
    page_count,
    person,
    seed_week_47,
    table_after,
    tables,
    to_pdf,
)

TODAY = date(2026, 11, 25)  # the conftest clock


# What a reader scans in the deviation register; the whole record is one command away.
DEVIATION_REGISTER_HEADER = [
    "Nummer",
    "Slag",
    "Vad",
    "Enhet",
    "Kategori",
    "K",
    "S",
    "Riskvärde",
    "Avvikelsesystemet",
    "Nivå",
    "Handläggare",
    "Registrerad",
]


def document_of(replies: list[Reply]) -> DocxDocument:
    reply = replies[-1]
    assert reply.style == "success", reply.text
    assert reply.file is not None and reply.file.name.endswith(".docx")
    assert reply.file.mime.endswith("wordprocessingml.document")
    return open_docx(Path(reply.file.path).read_bytes())


def facts(rows: list[list[str]]) -> dict[str, str]:
    return {row[0]: row[1] for row in rows}


def by_first(rows: list[list[str]]) -> dict[str, list[str]]:
    return {row[0]: row[1:] for row in rows[1:]}


def plan() -> FakePlan:
    """A coming decision point, an overdue milestone, a decided one; decisions inside and before
    week 47; communication published in, and before, the week, one coming and one stale draft."""
    week = datetime(2026, 11, 18, 13, tzinfo=UTC)
    return FakePlan(
        milestones=[
            MilestoneRow("B4", "Godkänna definitionsfasen", "decision", date(2026, 10, 1), "david", True),
            MilestoneRow("M1", "Testmiljön klar", "milestone", TODAY - timedelta(days=5), "bertil"),
            MilestoneRow("B5-UTB", "Starta breddutbildning", "decision", TODAY + timedelta(days=10), "david"),
            MilestoneRow("B6", "Slutrapport", "decision", TODAY + timedelta(days=90), "david"),
        ],
        decisions=[
            DecisionRow("B4", "Godkänna definitionsfasen", "godkänna, starta", "Allt enligt plan.", "david", week, "Programstyrgruppen"),
            DecisionRow("B3", "Fortsätta programmet", "ändra", "Ny tidplan.", "David Berg", week - timedelta(days=14)),
        ],
        comms=[
            CommsRow(1, "Nyhetsbrev november", "published", week, ("webchat:#fvis-program",), week),
            CommsRow(2, "Oktoberbrevet", "published", week - timedelta(days=30), ("intranät",), week - timedelta(days=30)),
            CommsRow(3, "Inbjudan till utbildning", "approved", datetime(2026, 12, 1, 7, tzinfo=UTC), ("slack",), audiences=("managers",)),
            CommsRow(4, "Gammalt utkast", "draft", week, ()),
        ],
        posts=[
            # What actually went out: the web chat post, a weekly item's occurrence on the
            # intranet; the Teams post of the same item still waits for Teams to be connected.
            PostRow(1, "Nyhetsbrev november", ("all-staff",), "webchat", "fvis-program", "sent", week),
            PostRow(1, "Nyhetsbrev november", ("all-staff",), "teams", "19:abc@thread.tacv2", "waiting", week),
            PostRow(5, "Veckobrevet", ("clinical", "steering-group"), "sharepoint", "news", "sent", datetime(2026, 11, 20, 8, tzinfo=UTC), "weekly"),
            PostRow(2, "Oktoberbrevet", (), "webchat", "fvis-program", "sent", week - timedelta(days=30)),
        ],
    )  # fmt: skip


async def test_weekly_status_report_says_what_the_entries_and_plan_say(
    bot: Bot, clock: Any, chat: Any
) -> None:
    seeded = await seed_week_47(bot, clock)
    # A deviation from the plan (time), logged in week 47: risk value 9, so it escalated itself.
    late = await log_at(
        bot, clock, local(WEEK_47[0] + timedelta(days=3), 14), "bertil", Kind.DEVIATION,
        what="Integrationen mot labbet blir sex veckor sen", area="programme",
        category="plan_time", consequence="3", probability="3",
    )  # fmt: skip
    clock.current = local(WEEK_47[0] + timedelta(days=4), 16)
    david = chat("david")
    saved = await david.say("lägesbedömning gul Labbintegrationen är sen; go-live hålls.")
    assert saved[-1].style == "success", saved[-1].text
    saved = await david.say("ekonomi budget 250 mnkr utfall 180 mnkr prognos 262,5 mnkr")
    assert saved[-1].style == "success", saved[-1].text
    clock.current = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
    assert bot.reports is not None
    bot.reports.plan = plan()
    document = document_of(await david.say("rapport vecka"))

    assert ("Title", "Statusrapport vecka 47 2026") in headings(document)
    assert [text for style, text in headings(document) if style == "Heading 1"] == [
        "Lägesbedömning",
        "Sammanfattning",
        "Att besluta",
        "Avvikelser",
        "Risker",
        "Ekonomi: budget och prognos",
        "Milstolpar och beslutspunkter",
        "Fattade beslut",
        "Behov per nyttoobjekt",
        "Poster per typ",
        "Öppna poster per status",
        "Kommunikation",
    ]
    assessment = facts(table_after(document, "Lägesbedömning"))
    assert assessment["Läge"] == "Gult – avvikelse som programmet hanterar"
    assert assessment["Bedömning"] == "Labbintegrationen är sen; go-live hålls."
    assert assessment["Gjord av"] == "David Berg, 20 november 2026"

    summary = facts(table_after(document, "Sammanfattning"))
    assert summary["Period"] == "16–22 november 2026"
    assert summary["Nya poster"] == "7"
    assert summary["Lösta eller stängda"] == "1"
    assert summary["Ändringsbegäranden som väntar på beslut"] == "1"
    assert summary["Eskalerade poster"] == "3"  # the issue and two deviations (risk value ≥ 8)
    assert summary["Öppna avvikelser från programplanen"] == "1"

    changes = table_after(document, "Ändringsbegäranden som väntar på beslut")
    assert changes[0][:5] == ["Nummer", "Vad", "Omfattning", "Tidplan", "Budget"]
    assert changes[1][:5] == [
        seeded.refs["change"].ref,
        "Flytta go-live en vecka",
        "Ingen",
        "En vecka",
        "Ingen",
    ]

    escalated = by_first(table_after(document, "Eskalerade poster"))
    assert set(escalated) == {seeded.refs["issue"].ref, seeded.refs["dev_omar"].ref, late.ref}
    issue = escalated[seeded.refs["issue"].ref]
    assert issue[:2] == ["Ärende", "Inloggningen hänger sig"]
    # What is to be decided: the reason it was escalated with, from its history.
    assert issue[2] == "Kräver programmets beslut"
    # A deviation the risk-value rule escalated: the rule ("8 ≥ 8" bound by no-break spaces:
    # never a lone "8" on a line of its own).
    assert escalated[seeded.refs["dev_omar"].ref][2] == "Regel: riskvärde 8\xa0≥\xa08"
    assert issue[3] == "Program"

    plan_deviations = table_after(
        document, "Avvikelser från programplanen (tid, omfattning, budget)"
    )
    assert [row[0] for row in plan_deviations[1:]] == [late.ref]
    # Under a heading that says "from the programme plan", its part of the plan is enough.
    assert plan_deviations[1][2:4] == ["Tid", "9"]
    high = table_after(document, "Öppna avvikelser med riskvärde 8 eller mer")
    # Named, highest first: a steering group reads which ones, not how many.
    assert [row[0] for row in high[1:]] == [late.ref, seeded.refs["dev_omar"].ref]
    assert high[2][1] == "Omars avvikelse om läkemedelslistan"
    per_category = by_first(table_after(document, "Nya avvikelser per kategori och konsekvens"))
    assert per_category["Patientsäkerhet"] == ["0", "0", "0", "1", "1"]
    assert per_category["Summa"] == ["0", "0", "2", "1", "3"]

    top = table_after(document, "De 2 högsta riskerna")
    assert [row[0] for row in top[1:]] == ["RIS-1", "RIS-2"]
    assert top[1][2:5] == ["3", "4", "12"]

    assert "Källa: inlagt i chatten av David Berg 2026-11-20 16:00." in body_text(document)
    budget = table_after(document, "Ekonomi: budget och prognos")
    assert budget[1] == [
        "Programmet totalt", "250,0 mnkr", "180,0 mnkr", "262,5 mnkr", "+12,5 mnkr"
    ]  # fmt: skip

    plan_rows = {row[0]: row for row in table_after(document, "Milstolpar och beslutspunkter")[1:]}
    assert plan_rows["M1"][4:] == ["2026-11-20", "Försenad 5 dagar"]
    assert plan_rows["B5-UTB"][4:] == ["2026-12-05", "Om 10 dagar"]
    assert "B6" in plan_rows  # due in 90 days
    assert plan_rows["B4"][-1] == "Beslutad"
    decisions = table_after(document, "Fattade beslut")
    assert len(decisions) == 2 and decisions[1][1:5] == [
        "B4 Godkänna definitionsfasen",
        "godkänna, starta",
        "Programstyrgruppen",
        "Allt enligt plan.",
    ]
    benefits = by_first(table_after(document, "Behov per nyttoobjekt"))
    assert benefits["2. Förbättrade och smartare arbetsformer i det dagliga arbetet"] == ["2", "2"]
    assert benefits["Summa"] == ["2", "2"]

    per_kind = by_first(table_after(document, "Poster per typ"))
    assert per_kind["Avvikelse"] == ["3", "0", "3"]
    assert per_kind["Summa"] == ["7", "1", "9"]

    published = table_after(document, "Publicerat under perioden")
    assert published[0] == ["Tidpunkt", "Rubrik", "Kanal", "Målgrupp"]
    assert published[1:] == [
        ["2026-11-18 14:00", "Nyhetsbrev november", "Webbchatten, programkanalen", "Alla medarbetare"],
        ["2026-11-20 09:00", "Veckobrevet (varje vecka)", "Intranätet (nyheter)", "Medarbetare i vården, Programstyrgruppen"],
    ]  # fmt: skip
    waiting = table_after(document, "Inte ute än eller misslyckat")
    assert waiting[1][1:] == [
        "Nyhetsbrev november",
        "Teams",
        "Alla medarbetare",
        "Väntar på kanalen",
    ]
    planned = table_after(document, "Planerat de närmaste 30 dagarna")
    assert planned[1][1:] == [
        "Inbjudan till utbildning",
        "Slack",
        "Områdeschefer och avdelningschefer",
    ]

    # Two charts, each with alt text that carries its numbers.
    pictures = document.element.body.findall(".//" + qn("wp:docPr"))
    assert len(pictures) == 2
    matrix, per_week = (p.get("descr") for p in pictures)
    assert "v. 44: 1" in per_week and "v. 45: 2" in per_week and "v. 47: 7" in per_week
    assert "konsekvens 4, sannolikhet 3: 1" in matrix
    # Every deviation named is an audited read.
    audited = {row["ref"] for row in bot.db.query("SELECT ref FROM audit WHERE action = 'report'")}
    assert {late.ref, seeded.refs["dev_omar"].ref} <= audited
    # No internal codes anywhere a reader looks.
    text = body_text(document)
    for code in ("plan_time", "webchat", "sharepoint", "steering_group", "escalated", "(demo)"):
        assert code not in text


async def test_reporters_see_only_their_own_entries_and_deviations(
    bot: Bot, clock: Any, chat: Any
) -> None:
    await seed_week_47(bot, clock)
    anna = chat("anna")
    register = document_of(await anna.say("rapport register avvikelser"))
    text = body_text(register)
    assert "AVV-1" in text and "Journalen visade fel avdelning" in text
    assert "AVV-2" not in text and "Omars avvikelse" not in text
    assert "Rapporten visar bara det som du själv har skrivit in." in text

    status = document_of(await anna.say("rapport vecka"))
    assert facts(table_after(status, "Sammanfattning"))["Nya poster"] == "2"
    per_category = by_first(table_after(status, "Nya avvikelser per kategori och konsekvens"))
    assert "Patientsäkerhet" not in per_category and per_category["Summa"][-1] == "1"
    assert "Omars avvikelse" not in body_text(status)
    assert "RIS-1" not in body_text(status)  # Bertil's risks

    refused = await anna.say("rapport AVV-2")
    assert refused[-1].style == "error" and refused[-1].file is None
    assert "AVV-2" in refused[-1].text

    # A handler sees both, and every deviation listed is an audited read.
    handler = document_of(await chat("bertil").say("rapport register avvikelse"))
    assert "AVV-1" in body_text(handler) and "AVV-2" in body_text(handler)
    audited = {
        (row["actor"], row["ref"])
        for row in bot.db.query("SELECT * FROM audit WHERE action = 'report'")
    }
    assert {("webchat:bertil", "AVV-1"), ("webchat:bertil", "AVV-2")} <= audited
    assert ("webchat:anna", "AVV-2") not in audited


async def test_english_report_for_an_english_speaker(bot: Bot, clock: Any, chat: Any) -> None:
    await seed_week_47(bot, clock)
    document = document_of(await chat("omar").say("report week"))
    assert ("Title", "Status report week 47 2026") in headings(document)
    summary = facts(table_after(document, "Summary"))
    assert summary["Period"] == "16–22 November 2026"
    assert summary["New entries"] == "3"  # Omar's own: a need, an issue, a deviation
    assert "The report covers only entries you logged yourself." in body_text(document)
    header = "\n".join(
        "".join(t.text or "" for t in p.iter(qn("w:t")))
        for p in document.sections[0].header._element.iter(qn("w:p"))
    )
    assert "Document type: Status report" in header and "Page" in header


def register_rows(document: DocxDocument) -> dict[str, list[str]]:
    """Every entry row of a register's sections, by number."""
    found: dict[str, list[str]] = {}
    for table in tables(document):
        if table[0][0] == "Nummer" or table[0][0] == "Number":
            found.update(by_first(table))
    return found


async def test_register_sections_per_status_with_the_columns_a_reader_scans(
    bot: Bot, clock: Any, chat: Any
) -> None:
    seeded = await seed_week_47(bot, clock)
    david = chat("david")
    document = document_of(await david.say("rapport register behov"))
    # A heading per section, so Word's navigation pane lists them.
    assert [text for style, text in headings(document) if style == "Heading 1"] == [
        "Urval",
        "Ny (2)",
        "Löst (1)",
    ]
    table = tables(document)[-1]
    assert table[0] == [
        "Nummer",
        "Rubrik",
        "Beskrivning",
        "Enhet",
        "Nyttoobjekt",
        "Prioritet",
        "Handläggare",
        "Rapporterad av",
        "Registrerad",
    ]
    assert table[1] == [
        "BEH-2",
        "Skrivare saknas på avdelning 5",
        "Skrivaren i korridoren är borttagen.",
        "Avdelning 5",
        "2",  # the number; the objectives are listed once, under the selection
        "Hög",
        "–",
        "Anna Lindqvist",
        "2026-11-16",
    ]
    benefits = facts(table_after(document, "Urval", index=1))
    assert benefits["2"] == "Förbättrade och smartare arbetsformer i det dagliga arbetet"
    assert list(register_rows(document)) == ["BEH-1", "BEH-3", "BEH-2"]
    # Rows never split across pages; the header row repeats on every page.
    for table_element in document.element.body.findall(".//" + qn("w:tbl"))[2:]:
        first, *rest = table_element.findall(qn("w:tr"))
        assert first.find(qn("w:trPr")).find(qn("w:tblHeader")) is not None
        assert all(row.find(qn("w:trPr")).find(qn("w:cantSplit")) is not None for row in rest)
    assert document.sections[0].page_width > document.sections[0].page_height  # landscape

    new_only = register_rows(document_of(await david.say("rapport register behov ny")))
    assert list(new_only) == ["BEH-1", "BEH-3"]
    in_week = document_of(await david.say("rapport register behov 2026-11-16 2026-11-22"))
    assert list(register_rows(in_week)) == ["BEH-3", "BEH-2"]
    both = document_of(await david.say("rapport register behov nya 16/11 till 22/11"))
    assert list(register_rows(both)) == [seeded.refs["need_2"].ref]
    assert facts(tables(both)[0]) == {
        "Status": "Ny",
        "Period": "16–22 november 2026",
        "Antal": "1",
    }

    risks = document_of(await david.say("rapport register risker"))
    risk_table = tables(risks)[-1]
    assert risk_table[0][1:6] == [
        "Beskrivning",
        "S",
        "K",
        "Riskvärde",
        "Riskägare",
    ]
    assert risk_table[1][1:5] == ["Utbildningen hinns inte med före go-live", "3", "4", "12"]
    assert "K = konsekvens, S = sannolikhet" in body_text(risks)

    empty = document_of(await david.say("rapport register ändring pågår"))
    assert "Inga poster matchar urvalet." in body_text(empty)
    assert facts(tables(empty)[0])["Antal"] == "0"


async def test_deviation_register_is_slim(bot: Bot, clock: Any, chat: Any) -> None:
    await seed_week_47(bot, clock)
    document = document_of(await chat("bertil").say("rapport register avvikelser"))
    header = tables(document)[-1][0]
    assert header == DEVIATION_REGISTER_HEADER
    text = body_text(document)
    assert "Omedelbar åtgärd" not in text and "rapport AVV-" in text


async def test_entry_record_holds_fields_comments_and_history(
    bot: Bot, clock: Any, chat: Any
) -> None:
    await seed_week_47(bot, clock)
    document = document_of(await chat("anna").say("rapport BEH-2"))
    assert ("Title", "BEH-2 – Skrivare saknas på avdelning 5") in headings(document)
    details = facts(table_after(document, "Uppgifter"))
    assert details["Status"] == "Löst"
    assert details["Beskrivning"] == "Skrivaren i korridoren är borttagen."
    assert details["Prioritet"] == "Hög"
    handling = facts(table_after(document, "Hantering"))
    assert handling["Rapporterad av"] == "Anna Lindqvist"
    comments = table_after(document, "Kommentarer")
    assert comments[1] == ["2026-11-20 15:00", "David Berg", "Skrivaren är beställd."]
    history = table_after(document, "Historik")
    assert [row[1:] for row in history[1:]] == [
        ["Anna Lindqvist", "Status", "–", "Ny"],
        ["David Berg", "Status", "Ny", "Löst"],
    ]

    # A deviation's record is a read like `visa AVV-1`: audited.
    document_of(await chat("anna").say("rapport AVV-1"))
    reads = list(bot.db.query("SELECT * FROM audit WHERE action = 'read' AND ref = 'AVV-1'"))
    assert [row["actor"] for row in reads] == ["webchat:anna"]


async def test_decision_log_from_the_time_side(bot: Bot, chat: Any) -> None:
    david = chat("david")
    saved = await david.say("beslut B7 avsluta godkänna 2026-11-24 Slutrapporten godkänd")
    assert saved[-1].style == "success", saved[-1].text
    document = document_of(await david.say("rapport beslut"))
    assert ("Title", "Beslutslogg") in headings(document)
    # The demo invents no past decisions: the one recorded is the only one, with the day the
    # body decided, the body, and who recorded it when.
    [header, taken] = table_after(document, "Fattade beslut")
    assert header == [
        "Beslutsdag", "Beslutspunkt", "Beslut", "Beslutande", "Motivering", "Registrerat av",
    ]  # fmt: skip
    assert taken == [
        "2026-11-24",
        "B7 Beslut att avsluta programmet och godkänna slutrapporten",
        "avsluta, godkänna",
        "Programstyrgruppen",
        "Slutrapporten godkänd",
        "David Berg, 2026-11-25 10:00",
    ]
    points = table_after(document, "Programmets beslutspunkter")
    rows = {row[1]: row for row in points[1:]}
    assert rows["B7"][4] == "Fattat" and rows["B3"][4] == "inget beslut registrerat"
    assert rows["B4"][0] == "kvartal 4 2020" and rows["B5-R2"][4] == "Kommande"
    assert rows["B4"][3] == "Programstyrgruppen"
    assert "demodata" in "\n".join(p.text for p in document.paragraphs)


async def test_the_demo_programmes_invented_points_stay_out_of_the_status_report(
    bot: Bot, chat: Any
) -> None:
    """The demo file marks its invented points (`demo: true`); the data decides, not a title."""
    assert bot.time is not None
    rows = {m.id: m for m in bot.plan.milestones()}
    assert rows["B5-R2"].demo and rows["M-NYTTA"].demo and not rows["B7"].demo
    # A point added in chat is real, whatever its title says.
    bot.time.milestones.save_milestone(
        person(bot, "david"),
        milestone_id="B8",
        title="Uppföljning av införandet (demo)",
        kind="decision",
        due_text="2026-12-10",
        owner="david",
    )
    document = document_of(await chat("david").say("rapport vecka"))
    rows_shown = {row[0]: row for row in table_after(document, "Milstolpar och beslutspunkter")[1:]}
    # B5-R2 (8 December) is as near as B8 (10 December), but invented for the demo.
    assert "B8" in rows_shown and "B5-R2" not in rows_shown
    assert "release 2" not in body_text(document)


async def test_decision_log_states(bot: Bot, chat: Any) -> None:
    assert bot.reports is not None
    bot.reports.plan = plan()
    document = document_of(await chat("eva", locale="en").say("report decisions"))
    taken = table_after(document, "Decisions taken")
    assert [row[2] for row in taken[1:]] == ["change", "approve, start"]  # oldest first
    points = {
        row[1]: row[4] for row in table_after(document, "The programme's decision points")[1:]
    }
    assert points == {"B4": "Decided", "B5-UTB": "Coming", "B6": "Coming"}


async def test_empty_period_gives_a_valid_report_that_says_so(
    bot: Bot, chat: Any, tmp_path: Path
) -> None:
    assert bot.reports is not None
    bot.reports.plan = FakePlan()
    replies = await chat("david").say("rapport period 2026-01-05 2026-01-11")
    document = document_of(replies)
    text = body_text(document)
    for sentence in (
        "Inga poster registrerades eller löstes under perioden.",
        "Det finns inga öppna poster.",
        "Programledaren har inte gjort någon lägesbedömning.",
        "Inga ändringsbegäranden väntar på beslut.",
        "Inget är eskalerat.",
        "Inga öppna avvikelser från programplanen.",
        "Ingen öppen avvikelse har riskvärde 8 eller mer.",
        "Inga avvikelser registrerades under perioden.",
        "Det finns inga öppna risker.",
        "Det finns inga siffror för budget än.",
        "Ingen milstolpe och ingen beslutspunkt är sen. Ingen ligger heller inom 90 dagar.",
        "Inga beslut registrerades under perioden.",
        "Inget publicerades under perioden.",
        "Inget är planerat de närmaste 30 dagarna.",
    ):
        assert sentence in text
    # Nothing to list: no introduction to an empty list ("Först de som är sena (0) ...").
    assert "Först de som är sena" not in text
    assert facts(table_after(document, "Sammanfattning"))["Nya poster"] == "0"
    assert ("Title", "Statusrapport vecka 2 2026") in headings(document)
    reply = replies[-1]
    assert reply.file is not None
    pdf = to_pdf(Path(reply.file.path).read_bytes(), tmp_path)
    assert 1 <= page_count(pdf) <= 3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("rapport vecka 99", "”99” är ingen vecka jag känner igen."),
        ("rapport vecka tjugo", "”tjugo” är ingen vecka jag känner igen."),
        ("rapport vecka 52 2027", "Perioden har inte börjat än (2027-12-27)."),
        ("rapport period igår", "Skriv två datum"),
        ("rapport period 2026-11-30 2026-11-01", "Perioden slutar före den börjar (2026-11-30 – 2026-11-01)."),
        ("rapport period blaha 2026-11-01", "”blaha” förstår jag inte som ett datum."),
        ("rapport register", "Vilken typ ska registret gälla?"),
        ("rapport register skrivare", "Vilken typ ska registret gälla?"),
        ("rapport register behov kanske", "”kanske” känner jag inte igen."),
        ("rapport BEH-404", "Jag hittar inget BEH-404."),
    ],
)  # fmt: skip
async def test_bad_report_requests_get_a_clear_answer(chat: Any, text: str, expected: str) -> None:
    replies = await chat("david").say(text)
    assert replies[-1].style == "error", replies[-1].text
    assert expected in replies[-1].text
    assert all(reply.file is None for reply in replies)


async def test_unknown_report_and_usage(chat: Any) -> None:
    david = chat("david")
    replies = await david.say("rapport kvartal")
    assert (
        replies[0].style == "error"
        and "”kvartal” är ingen rapport jag kan göra." in replies[0].text
    )
    assert "rapport register behov" in replies[1].text
    usage = await david.say("rapport")
    assert [c.label for c in usage[0].choices] == [
        "rapport vecka",
        "rapport register behov",
        "rapport beslut",
    ]
    english = await chat("omar").say("report help")
    assert "I make Word reports" in english[0].text
    assert english[0].choices[0].label == "report week"


async def test_week_numbers_and_the_turn_of_the_year(bot: Bot, clock: Any, chat: Any) -> None:
    david = chat("david")
    document = document_of(await david.say("rapport vecka 40"))
    assert (
        facts(table_after(document, "Sammanfattning"))["Period"] == "28 september – 4 oktober 2026"
    )
    clock.current = datetime(2027, 1, 12, 9, tzinfo=UTC)  # week 2 of 2027
    document = document_of(await david.say("rapport vecka 50"))
    assert ("Title", "Statusrapport vecka 50 2026") in headings(document)
    document = document_of(await david.say("rapport vecka"))
    assert ("Title", "Statusrapport vecka 1 2027") in headings(document)
    assert facts(table_after(document, "Sammanfattning"))["Period"] == "4–10 januari 2027"
    assert Kind.NEED  # the kinds stay importable for the register words


async def test_a_retried_request_gets_the_same_file(bot: Bot, chat: Any) -> None:
    from bot.domain.messages import Incoming

    incoming = Incoming(
        platform="webchat",
        user_id="david",
        conversation_id="dm:david",
        text="rapport beslut",
        idempotency_key="webchat:david:42",
    )
    first = await bot.engine.handle(incoming)
    second = await bot.engine.handle(incoming)
    assert first[-1].file is not None and second[-1].file == first[-1].file
    files = [p for p in bot.settings.files_folder.rglob("*.docx")]
    assert len(files) == 1


async def test_a_long_escalation_list_is_cut_with_a_pointer_to_the_register(
    bot: Bot, clock: Any, chat: Any
) -> None:
    david = person(bot, "david")
    for index in range(27):
        entry = await log_at(
            bot, clock, local(date(2026, 11, 17)), "omar", Kind.ISSUE, title=f"Fel {index}"
        )
        await escalation.escalate(bot.entries, david, entry.ref, "Kräver programmets beslut")
    clock.current = datetime(2026, 11, 25, 9, tzinfo=UTC)
    document = document_of(await chat("david").say("rapport vecka"))
    assert len(table_after(document, "Eskalerade poster")) == 1 + 25
    assert (
        "De första 25 av 27; alla finns i registren, till exempel "
        "”rapport register ärenden eskalerad”." in body_text(document)
    )
    register = document_of(await chat("david").say("rapport register ärenden eskalerad"))
    assert len(tables(register)[-1]) == 1 + 27


async def test_chat_report_names_its_author_and_takes_a_registration_number(
    bot: Bot, chat: Any
) -> None:
    assert bot.reports is not None
    bot.reports.plan = FakePlan()
    david = chat("david")
    document = document_of(await david.say("rapport beslut dnr RV 2026/55"))
    assert document.core_properties.author == "David Berg"
    assert document.core_properties.identifier == "RV 2026/55"
    again = document_of(await david.say("rapport beslut"))
    header = header_text(again)
    assert "Diarienummer: RV 2026/55" in header and "Utgåva: 2.0" in header
    refused = await david.say("rapport beslut dnr 19121212-1212")
    assert refused[-1].style == "error" and refused[-1].file is None
