"""Decision points as programplan 5.4 and 6.1 write them: the plan's full texts, each point's own
outcomes (never one word for another), the deciding body apart from who recorded it, quarter
dates kept as quarters, milestones reached rather than decided, and a demo that invents nothing."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from bot.app.build import Bot
from bot.domain.programme import ProgrammeError, demo_programme_data, parse_programme
from bot.plan.milestones import MilestoneService
from tests.conftest import FakeClock
from tests.time_helpers import channel_texts, dm_texts, local, time_side


def decisions(bot: Bot, point: str) -> list[Any]:
    return [d for d in bot.plan.decisions() if d.milestone_id == point]


async def test_the_plans_full_texts_and_outcomes(chat: Any) -> None:
    david = chat("david")
    await david.say("milstolpe B5-ELS")
    assert (
        "Beslut att godkänna slutbesiktning av Cambios leverans samt betalning enligt avtal."
        in (david.text)
    )
    assert "Beslut att fortsätta, ändra eller avsluta programmet." in david.text
    assert "Utfall enligt planen: godkänna godkänna fortsätta|ändra|avsluta" in david.text
    assert "Beslutande: Programstyrgruppen" in david.text
    assert "kvartal 2 2023" in david.text and "inget beslut registrerat" in david.text
    await david.say("milstolpe B5-GOLIVE")
    assert "ta i bruk leveranser från Cambio, Sussa Gemensamt och Regionalt" in david.text
    assert "kvartal 4 2022" in david.text
    await david.say("milstolpe B2")
    assert "Beslut att godkänna initieringsarbetet och fortsätta definierafasen." in david.text


async def test_each_point_takes_its_own_words_and_no_other(chat: Any, bot: Bot) -> None:
    david = chat("david")
    await david.say("beslut B1 fortsätta Programmet startas")
    assert "”fortsätta” är inget av utfallen för B1" in david.text and decisions(bot, "B1") == []
    await david.say("beslut B1 starta 2018-05-09 Programmet startas")
    assert david.last[0].style == "success"
    [b1] = decisions(bot, "B1")
    assert (b1.outcome, b1.decided_on) == ("starta", date(2018, 5, 9))

    await david.say("beslut B7 avbryta Programmet är klart")
    assert "”avbryta” är inget av utfallen för B7" in david.text and decisions(bot, "B7") == []
    await david.say("beslut B7 avsluta godkänna Slutrapporten godkänd")
    assert [d.outcome for d in decisions(bot, "B7")] == ["avsluta, godkänna"]

    await david.say("beslut B5-ELS godkänna godkänna avbryta Ingen förvaltning")
    assert "”avbryta” är inget av utfallen för B5-ELS" in david.text
    await david.say("beslut B5-ELS godkänna godkänna Förvaltningen tar över")
    assert "B5-ELS har 3 beslut" in david.text and "saknas: fortsätta|ändra|avsluta" in david.text
    assert decisions(bot, "B5-ELS") == []
    await david.say("beslut B3 fortsätta ändra Både och")
    assert "”fortsätta” och ”ändra” är alternativ till samma beslut" in david.text
    await david.say("beslut B5-L2 godkänna godkänna fortsätta Leverans 2 och regional leverans")
    assert [d.outcome for d in decisions(bot, "B5-L2")] == ["godkänna, godkänna, fortsätta"]


async def test_english_words_are_the_plans_words_translated(chat: Any, bot: Bot) -> None:
    omar = chat("david", locale="en")
    await omar.say("decision B4 approve start 2020-12-15 Definition phase done")
    assert "The decision at B4 is recorded: approve, start. Decided by Programstyrgruppen" in (
        omar.text
    )
    [b4] = decisions(bot, "B4")
    assert b4.outcome == "godkänna, starta"


async def test_deciding_body_is_kept_apart_from_who_recorded(
    chat: Any, bot: Bot, clock: FakeClock
) -> None:
    david = chat("david")
    await david.say("beslut B4 godkänna starta 2099-01-01 Framtid")
    assert "Beslutsdagen 2099-01-01 har inte varit än" in david.text
    await david.say("beslut B4 godkänna starta 2020-12-15 Definitionsfasen godkänd")
    [b4] = decisions(bot, "B4")
    assert (b4.decided_by, b4.recorded_by, b4.decided_on) == (
        "Programstyrgruppen",
        "David Berg",
        date(2020, 12, 15),
    )
    assert b4.recorded_at == clock.current
    post = next(t for t in channel_texts(bot) if t.startswith("Beslut vid B4"))
    assert "Beslutat av Programstyrgruppen 2020-12-15" in post and "registrerat av David Berg" in (
        post
    )
    await david.say("milstolpar alla")
    assert (
        "beslut: godkänna, starta (Programstyrgruppen 2020-12-15, registrerat av David Berg)"
        in (david.text)
    )


async def test_only_the_owner_or_a_project_lead_records_and_the_owner_hears(
    chat: Any, bot: Bot
) -> None:
    await chat("david").submit(
        "ms:save",
        {"id": "B9", "title": "Beslut om release 9", "kind": "decision", "date": "2027-01-20",
         "owner": "bertil", "outcomes": "godkänna; fortsätta, ändra eller avbryta"},
    )  # fmt: skip
    anna = chat("anna")
    await anna.say("beslut B9 godkänna fortsätta Ser bra ut")
    assert anna.last[0].style == "error" and decisions(bot, "B9") == []
    await chat("david").say("beslut B9 godkänna fortsätta Leveransen godkänd")
    assert any(t.startswith("Beslut vid B9") for t in dm_texts(bot, "bertil"))


async def test_a_milestone_is_reached_not_decided(chat: Any, bot: Bot, clock: FakeClock) -> None:
    david, bertil, anna = chat("david"), chat("bertil"), chat("anna")
    await david.submit(
        "ms:save",
        {"id": "M-INT-LAB", "title": "Integration mot labbsystemet klar", "kind": "milestone",
         "date": "2026-11-27", "owner": "bertil", "outcomes": ""},
    )  # fmt: skip
    await bertil.say("beslut M-INT-LAB fortsätta Klart")
    assert "M-INT-LAB är en milstolpe, inte en beslutspunkt" in bertil.text
    await anna.say("uppnådd M-INT-LAB")
    assert anna.last[0].style == "error" and "ägaren" in anna.text
    clock.current = local(2026, 11, 30, 10)
    await time_side(bot).scheduler.run_due()
    assert any("är inte markerad uppnådd" in t for t in dm_texts(bot, "bertil"))
    await bertil.say("uppnådd M-INT-LAB")
    assert bertil.last[0].style == "success" and "2026-11-30 10:00" in bertil.text
    assert any(t.startswith("Milstolpe M-INT-LAB") for t in channel_texts(bot))
    await david.say("milstolpar alla")
    assert "uppnådd 2026-11-30 (Bertil Nordin)" in david.text
    assert [row.reached for row in bot.plan.milestones() if row.id == "M-INT-LAB"] == [True]
    nudged = len(dm_texts(bot, "bertil"))
    for day in (1, 2, 3):
        clock.current = local(2026, 12, day, 10)
        await time_side(bot).scheduler.run_due()
    assert len(dm_texts(bot, "bertil")) == nudged
    await bertil.say("uppnådd M-INT-LAB")
    assert "redan markerad uppnådd" in bertil.text
    await david.say("uppnådd B5-R2")
    assert "B5-R2 är en beslutspunkt" in david.text and "beslut B5-R2 starta" in david.text


async def test_the_demo_invents_no_decisions_and_says_it_is_demo(chat: Any, bot: Bot) -> None:
    assert bot.plan.decisions() == []
    assert bot.programme.governance.demo
    david = chat("david")
    await david.say("milstolpar")
    assert david.text.startswith("Det här är demodata.")
    omar = chat("omar", locale="en")
    await omar.say("milestones all")
    assert omar.text.startswith("Demo data:") and "B4 · decision point · Q4 2020" in omar.text
    assert "no decision recorded" in omar.text
    rows = {row.id: row for row in bot.plan.milestones()}
    assert not any(row.decided for row in rows.values())
    assert not rows["B3"].tracked and rows["B5-R2"].tracked


async def test_quarters_stay_quarters_and_remind_on_the_last_working_day(
    chat: Any, bot: Bot, clock: FakeClock
) -> None:
    """M-NYTTA is due 2027-Q1: the quarter's last working day is Wednesday 31 March 2027, so
    the 14-day reminder goes out on 17 March, and says "kvartal 1 2027"."""
    clock.current = local(2027, 3, 17, 9, 5)
    await time_side(bot).scheduler.run_due()
    [reminder] = [t for t in channel_texts(bot, reminders=True) if "M-NYTTA" in t]
    assert "är kvartal 1 2027, om 14 dagar" in reminder
    assert "2027-03-31" not in reminder and "Markera den uppnådd med: uppnådd M-NYTTA" in reminder
    [row] = [r for r in bot.plan.milestones() if r.id == "M-NYTTA"]
    assert (row.due, row.due_text) == (date(2027, 3, 31), "2027-Q1")
    david = chat("david")
    await david.say("milstolpe M-NYTTA")
    assert "kvartal 1 2027" in david.text and "2027-03-31" not in david.text


def test_outcomes_in_the_programme_file_are_checked() -> None:
    data = demo_programme_data()
    data["milestones"][0]["outcomes"] = [["starta", "starta"]]
    with pytest.raises(ProgrammeError, match="given twice"):
        parse_programme(data)
    data["milestones"][0]["outcomes"] = {"starta": 1}
    with pytest.raises(ProgrammeError, match="outcomes must be"):
        parse_programme(data)
    data["milestones"][0]["outcomes"] = "godkänna; fortsätta, ändra eller avbryta"
    parsed = parse_programme(data).governance.outcomes["B1"]
    assert parsed == (("godkänna",), ("fortsätta", "ändra", "avbryta"))


async def test_a_decision_the_file_records_is_imported_only_in_the_points_words(
    bot: Bot, clock: FakeClock
) -> None:
    service: MilestoneService = time_side(bot).milestones
    data = demo_programme_data()
    items = {item["id"]: item for item in data["milestones"]}
    items["B1"]["decision"] = {
        "outcome": "starta",
        "date": "2018-05-09",
        "motivation": "Beslut i LS",
    }
    items["B3"]["decision"] = {"outcome": "continue", "date": "2020-05-05"}  # not the plan's word
    service.programme = parse_programme(data)
    service.sync_programme()
    [b1] = decisions(bot, "B1")
    assert (b1.outcome, b1.decided_on, b1.recorded_by) == (
        "starta",
        date(2018, 5, 9),
        "programme-file",
    )
    assert decisions(bot, "B3") == []
