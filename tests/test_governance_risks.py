"""Risks owned (programplan 7.8: "FVIS riktlinje för riskhantering … omfattar även hantering av
risker som FVIS genererar men inte själv kan hantera"; 8: "FVIS risklista"): the owner is a
programme person or flagged as outside it, hears of the risk, is reminded on its review date,
and a risk can be handed to the line organisation with the receiving manager and the day."""

from __future__ import annotations

from typing import Any

from bot.app.build import Bot
from bot.domain.model import Kind, Status
from tests.conftest import FakeClock
from tests.time_helpers import dm_texts, local, time_side

RISK = {
    "description": "Utbildningen hinns inte med före breddinförandet",
    "probability": "3",
    "consequence": "4",
    "owner": "Cecilia Holm",
    "mitigation": "Fler utbildningstillfällen",
    "review_date": "2026-12-09",
}


def risk(bot: Bot, number: int = 1) -> Any:
    entry = bot.stores.entries.get(Kind.RISK, number)
    assert entry is not None
    return entry


async def test_the_risk_dialogue_asks_how_likely_it_is_to_happen(chat: Any) -> None:
    anna = chat("anna")
    await anna.say("risk Utbildningen hinns inte med")
    assert anna.text.startswith("Hur sannolikt är det att det händer?")
    assert "igen" not in anna.text
    await anna.say("avbryt")
    await anna.say("avvikelse Fel patientlista visades")
    assert "händer igen" not in anna.text  # the deviation's own questions come first
    omar = chat("omar", locale="en")
    await omar.say("risk The training is late")
    assert omar.text.startswith("How likely is it to happen?")


async def test_the_owner_is_a_programme_person_or_flagged_as_outside(chat: Any, bot: Bot) -> None:
    anna = chat("anna")
    form = await anna.open_form("risk")
    await anna.submit(form.id, {**RISK, "owner": "Kalle Okänd"})
    errors = {f.name: f.error for f in anna.last[0].form.fields} if anna.last[0].form else {}
    assert "Jag hittar ingen ”Kalle Okänd” i programmet" in errors["owner"]
    assert "extern: Kalle Okänd" in errors["owner"]
    await anna.submit(form.id, {**RISK, "owner": "extern: Kalle Okänd"})
    assert anna.last[0].style == "success"
    assert "Kalle Okänd är utanför programmet och är markerad så" in anna.text
    entry = risk(bot)
    assert (entry.fields["owner"], entry.fields["owner_external"], entry.fields["owner_id"]) == (
        "Kalle Okänd",
        "yes",
        "",
    )
    await anna.say("visa RIS-1")
    assert "Riskägare: Kalle Okänd (utanför programmet)" in anna.text


async def test_the_owner_is_told_can_read_it_and_is_reminded_on_the_review_date(
    chat: Any, bot: Bot, clock: FakeClock
) -> None:
    anna, cecilia, karin = chat("anna"), chat("cecilia"), chat("karin")
    await anna.log("risk", RISK)
    assert "Cecilia Holm är riskägare och har fått besked. Nästa genomgång: 2026-12-09" in (
        anna.text
    )
    [told] = [t for t in dm_texts(bot, "cecilia") if "RIS-1" in t]
    assert "Du är riskägare för RIS-1" in told and "riskvärde 12" in told
    assert "Nästa genomgång: 2026-12-09" in told
    await cecilia.say("visa RIS-1")
    assert "Utbildningen hinns inte med" in cecilia.text
    await karin.say("visa RIS-1")
    assert "inte behörighet" in karin.text

    clock.current = local(2026, 12, 9, 8, 59)
    await time_side(bot).scheduler.run_due()
    assert not [t for t in dm_texts(bot, "cecilia") if t.startswith("Dags att se över")]
    for minutes in (0, 30):
        clock.current = local(2026, 12, 9, 9, minutes)
        await time_side(bot).scheduler.run_due()
    [due] = [t for t in dm_texts(bot, "cecilia") if t.startswith("Dags att se över")]
    assert "RIS-1" in due and "granska RIS-1 <nästa datum>" in due

    await anna.say("granska RIS-1 om 4 veckor Inget nytt")
    assert anna.last[0].style == "error"
    await cecilia.say("granska RIS-1 2027-01-13 Två nya utbildningstillfällen bokade")
    assert cecilia.last[0].style == "success" and "Nästa genomgång: 2027-01-13" in cecilia.text
    assert [c.text for c in risk(bot).comments] == ["Två nya utbildningstillfällen bokade"]


async def test_a_risk_is_handed_to_the_line_organisation(
    chat: Any, bot: Bot, clock: FakeClock
) -> None:
    anna, bertil = chat("anna"), chat("bertil")
    await anna.log("risk", RISK)
    await bertil.say("status RIS-1 lämnad till linjen")
    assert "lämna RIS-1 till linjen" in bertil.text and risk(bot).status is Status.NEW
    await anna.say("lämna RIS-1 till linjen Lena Holmgren – Vården")
    assert anna.last[0].style == "error"
    await bertil.say(
        "lämna RIS-1 till linjen Lena Holmgren – Bemanningen på avdelning 5 är linjens fråga"
    )
    assert bertil.last[0].style == "success"
    assert "mottagande chef Lena Holmgren, 2026-11-25 10:00" in bertil.text
    entry = risk(bot)
    assert entry.status is Status.HANDED_TO_LINE and entry.fields["line_manager"] == "Lena Holmgren"
    [handover] = [c for c in entry.history if c.field == "line_manager"]
    assert (handover.actor_name, handover.new, handover.at) == (
        "Bertil Nordin",
        "Lena Holmgren",
        clock.current,
    )
    assert any("till dig i linjen" in t and "RIS-1" in t for t in dm_texts(bot, "lena"))
    assert any("som du äger är lämnad till linjen" in t for t in dm_texts(bot, "cecilia"))
    assert any("Din risk RIS-1" in t for t in dm_texts(bot, "anna"))
    await anna.say("visa RIS-1")
    assert "Status: Lämnad till linjen" in anna.text
    assert "Lämnad till (linjen): Lena Holmgren" in anna.text
    # Handed over: no more review reminders from the programme.
    clock.current = local(2026, 12, 9, 10)
    await time_side(bot).scheduler.run_due()
    assert not [t for t in dm_texts(bot, "cecilia") if t.startswith("Dags att se över")]
    await bertil.say("lämna RIS-1 till linjen extern: Per Person")
    assert "kan inte lämnas till linjen" in bertil.text
