"""Change requests decided (programplan 7.5: "Förändringar som påverkar programmets omfattning,
tidplan och/eller budget … ska ändringshanteras"): sent for decision at a level, decided by whom
that level names and refused to anyone else, approved / rejected / postponed with the day and a
motivation, in the decision log, and listed for the steering group while they wait."""

from __future__ import annotations

from datetime import date
from typing import Any

from bot.app.build import Bot
from bot.domain.model import Kind, Status
from tests.helpers import labels
from tests.time_helpers import channel_texts, dm_texts

CHANGE = {
    "what": "Flytta breddinförandet på Akuten till kvartal 2",
    "why": "Akuten hinner inte utbilda all personal före jul",
    "impact_scope": "Ingen",
    "impact_time": "Akutens start flyttas tre månader",
    "impact_budget": "Ca 400 000 kr för förlängd konsultinsats",
}


def status_of(bot: Bot, number: int) -> Status:
    entry = bot.stores.entries.get(Kind.CHANGE, number)
    assert entry is not None
    return entry.status


async def test_sent_for_decision_at_the_level_its_impact_needs(chat: Any, bot: Bot) -> None:
    anna, bertil = chat("anna"), chat("bertil")
    ref = await anna.log("change", CHANGE)
    await bertil.say(f"status {ref} löst")
    assert "får sin status genom beslut" in bertil.text and status_of(bot, 1) is Status.NEW
    await anna.say(f"till beslut {ref} program")
    assert anna.last[0].style == "error" and "Bara handläggare" in anna.text
    await bertil.say(f"till beslut {ref}")
    assert "På vilken nivå ska ÄND-1 beslutas?" in bertil.text
    assert labels(bertil.last) == [
        "projekt: Programledaren",
        "program: Programstyrgruppen",
    ]
    await bertil.click("program: Programstyrgruppen")
    assert bertil.last[0].style == "success"
    assert "ÄND-1 väntar nu på beslut av Programstyrgruppen. Greta Lundberg har fått veta." in (
        bertil.text
    )
    assert status_of(bot, 1) is Status.AWAITING_DECISION
    [told] = [t for t in dm_texts(bot, "greta") if "ÄND-1" in t]
    assert "väntar på beslut av Programstyrgruppen" in told
    assert "Tidplan: Akutens start flyttas tre månader" in told
    assert "Budget: Ca 400 000 kr" in told and "beslut ÄND-1 beviljad|avslagen|vilande" in told
    assert any("väntar nu på beslut av Programstyrgruppen" in t for t in dm_texts(bot, "anna"))
    [row] = bot.plan.awaiting_changes()
    assert (row.ref, row.level, row.decided_by, row.impact_budget) == (
        "ÄND-1",
        "program",
        "Programstyrgruppen",
        CHANGE["impact_budget"],
    )


async def test_decided_by_the_right_role_and_refused_to_the_wrong_one(chat: Any, bot: Bot) -> None:
    anna, bertil, david, greta = chat("anna"), chat("bertil"), chat("david"), chat("greta")
    ref = await anna.log("change", CHANGE)
    await bertil.say(f"till beslut {ref} program")
    await greta.say("beslut")
    assert (
        "ÄND-1 · Flytta breddinförandet på Akuten till kvartal 2 · beslutas av Programstyrgruppen"
        in (greta.text)
    )
    assert "tidplan: Akutens start flyttas tre månader" in greta.text
    assert "Beslutspunkter som väntar på beslut:" in greta.text and "B5-R2" in greta.text

    await david.say(f"beslut {ref} beviljad Programledaren tycker det är bra")
    assert david.last[0].style == "error"
    assert "ÄND-1 beslutas av Programstyrgruppen: bara Greta Lundberg kan registrera beslutet." in (
        david.text
    )
    await greta.say(f"beslut {ref} beviljad")
    assert "motivering" in greta.text and status_of(bot, 1) is Status.AWAITING_DECISION
    await greta.say(f"beslut {ref} beviljad 2026-11-24 Ryms i programmets reserv")
    assert greta.last[0].style == "success"
    assert "ÄND-1 är registrerat: beviljad. Beslutat av Programstyrgruppen 2026-11-24" in greta.text
    assert status_of(bot, 1) is Status.APPROVED

    told = [t for t in dm_texts(bot, "anna") if "beviljad" in t]
    assert told and "beviljad av Programstyrgruppen 2026-11-24" in told[-1]
    assert "Ryms i programmets reserv" in told[-1]
    assert any("som du skickade till beslut, är beviljad" in t for t in dm_texts(bot, "bertil"))
    assert any(t.startswith("Ändringsbegäran ÄND-1") for t in channel_texts(bot))
    [logged] = [d for d in bot.plan.decisions() if d.subject == "change_request"]
    assert (logged.milestone_id, logged.outcome, logged.decided_by, logged.decided_on) == (
        "ÄND-1",
        "approved",
        "Programstyrgruppen",
        date(2026, 11, 24),
    )
    assert logged.recorded_by == "Greta Lundberg"
    assert bot.plan.awaiting_changes() == []


async def test_rejected_and_postponed_and_sent_again(chat: Any, bot: Bot) -> None:
    anna, bertil, david = chat("anna"), chat("bertil"), chat("david")
    first = await anna.log("change", CHANGE)
    second = await anna.log("change", {**CHANGE, "what": "Byt utbildningsplattform"})
    for ref in (first, second):
        await bertil.say(f"till beslut {ref} projekt")
    await david.say(f"beslut {first} avslagen Strider mot Sussa-gemensam plan")
    assert status_of(bot, 1) is Status.REJECTED
    await anna.say(f"visa {first}")
    assert "Status: Avslagen" in anna.text and "Avvisad" not in anna.text
    await david.say(f"decision {second} postponed Wait for the steering group in January")
    assert status_of(bot, 2) is Status.POSTPONED
    await david.say(f"beslut {second} beviljad Nu")
    assert "väntar inte på beslut" in david.text
    await bertil.say(f"till beslut {second} program")
    assert status_of(bot, 2) is Status.AWAITING_DECISION
    outcomes = [d.outcome for d in bot.plan.decisions() if d.subject == "change_request"]
    assert outcomes == ["rejected", "postponed"]


async def test_decision_statuses_belong_to_change_requests(chat: Any, bot: Bot) -> None:
    from tests.helpers import NEED

    ref = await chat("anna").log("need", NEED)
    bertil = chat("bertil")
    await bertil.say(f"status {ref} beviljad")
    assert "gäller inte BEH-1" in bertil.text
    await bertil.say(f"till beslut {ref}")
    assert "BEH-1 är ingen ändringsbegäran" in bertil.text


def test_the_status_report_lists_for_decision_only_those_sent_for_one() -> None:
    """A change request still being prepared is not yet the steering group's; one sent for
    decision is, until it is decided (approved, rejected or postponed)."""
    from bot.domain.model import Entry
    from bot.reports.status_decide import awaits_decision

    def entry(kind: Kind, status: Status) -> Entry:
        return Entry(
            kind, "Flytta breddinförandet", dict(CHANGE), "webchat", "anna", "Anna", status=status
        )

    listed = {s for s in Status if awaits_decision(entry(Kind.CHANGE, s))}
    assert listed == {Status.AWAITING_DECISION}
    assert not awaits_decision(entry(Kind.ISSUE, Status.AWAITING_DECISION))
