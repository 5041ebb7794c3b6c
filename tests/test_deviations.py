"""Deviations through the dialogue: the time, unit and category a first sentence gives are
used (and so which of programplan 7.7's two kinds it is); consequence and probability are asked;
Lex Maria only for serious care deviations; what a deviation sets off (escalation, a channel
post, the region's deviation system first). tests/test_deviations_golive.py has the rest of 7.7."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.app.build import Bot
from bot.domain.messages import Reply
from bot.i18n.catalogue import t
from tests.conftest import Chat, FakeClock
from tests.helpers import labels, rows

STOCKHOLM = ZoneInfo("Europe/Stockholm")
DEVIATION_URL = "https://intranat.example.se/avvikelsesystem"
DEVIATION = {
    "origin": "golive",
    "type": "near_miss",
    "what": "Fel lista visades",
    "when": "igår kl 9",
    "unit": "Avdelning 5",
    "area": "it",
    "category": "it_failure",
    "consequence": "1",
    "probability": "1",
    "lex_maria": "no",
}


def only_entry(bot: Bot) -> dict[str, Any]:
    entries = rows(bot)
    assert len(entries) == 1, entries
    entry = entries[0]
    entry["fields"] = json.loads(entry["fields"])
    entry["flags"] = json.loads(entry["flags"])
    return entry


def ask(locale: str, field: str) -> str:
    return t(locale, f"ask.{field}")


def stored_when(bot: Bot) -> datetime:
    return datetime.fromisoformat(only_entry(bot)["fields"]["when"])


def local(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=STOCKHOLM)


async def test_the_first_sentence_gives_time_unit_and_category(chat: Any, bot: Bot) -> None:
    """The issue's own example: only the assessment is asked."""
    anna = chat("anna")
    await anna.say("avvikelse Igår kl 14 fick en patient på avdelning 5 fel etikett på provröret")
    assert anna.text == ask("sv", "consequence")
    await anna.click("2 – måttlig")
    assert anna.text == ask("sv", "probability")
    await anna.click("1 – osannolik")
    assert anna.text.startswith(t("sv", "summary_proposed", summary="")), anna.text
    assert "Slag av avvikelse: Vid eller efter införandet av FVIS (förslag)" in anna.text
    assert anna.text.endswith(t("sv", "dev.golive_first")), "the region's system comes first"
    assert "När: 2026-11-24 14:00 (förslag)" in anna.text
    assert "Enhet: Avdelning 5 (förslag)" in anna.text
    assert "Kategori: Patientsäkerhet (förslag)" in anna.text
    await anna.click("Spara")
    entry = only_entry(bot)
    assert entry["fields"] | {"what": ""} == {
        "origin": "golive",
        "what": "",
        "when": local(24, 14).isoformat(),
        "unit": "Avdelning 5",
        "type": "negative_event",
        "area": "care",
        "category": "patient_safety",
        "consequence": "2",
        "probability": "1",
        "lex_maria": "no",
        "immediate_action": "",
    }


@pytest.mark.parametrize(
    ("sentence", "when"),
    [
        ("avvikelse I natt kl 3 gick journalsystemet ner på IVA", local(25, 3)),
        ("avvikelse Inatt kl 3 gick journalsystemet ner på IVA", local(25, 3)),
        ("avvikelse i natt kl 03:00 gick journalsystemet ner på IVA", local(25, 3)),
        ("avvikelse I förmiddags skrev skrivaren ut fel armband på BB", local(25, 10)),
        ("avvikelse Igår vid 14-tiden föll en patient på avd 4", local(24, 14)),
        ("deviation Yesterday at 2pm the record system froze on ward 3", local(24, 14)),
    ],
)
async def test_time_phrases_nurses_write_are_used_from_the_first_message(
    chat: Any, bot: Bot, sentence: str, when: datetime
) -> None:
    person = chat("omar" if sentence.startswith("deviation") else "anna")
    await person.say(sentence)
    assert ask("sv", "when") not in person.text and ask("en", "when") not in person.text
    await person.say("1")
    await person.say("1")
    await person.say("ja" if sentence.startswith("avv") else "yes")
    assert stored_when(bot) == when


@pytest.mark.parametrize("typed", ["i natt", "inatt kl 3", "i natt kl 03:00", "i förmiddags"])
async def test_time_phrases_are_taken_as_answers(chat: Any, bot: Bot, typed: str) -> None:
    anna = chat("anna")
    await anna.say("avvikelse Journalen visade fel lista")
    assert anna.text == ask("sv", "when")
    await anna.say(typed)
    assert anna.text == ask("sv", "unit"), anna.text


async def test_lex_maria_is_asked_only_for_serious_care_deviations(chat: Any, bot: Bot) -> None:
    anna = chat("anna")
    await anna.say("avvikelse I morse fick en patient på Akuten fel dos")
    await anna.click("3 – betydande")
    await anna.click("2 – möjlig")
    assert anna.text == ask("sv", "lex_maria")
    await anna.click("Kanske")
    await anna.click("Spara")
    assert only_entry(bot)["fields"]["lex_maria"] == "maybe"


async def test_no_lex_maria_question_outside_care(chat: Any, bot: Bot) -> None:
    anna = chat("anna")
    await anna.say("avvikelse I morse kraschade systemet på Akuten")
    await anna.click("4 – mycket allvarlig")
    await anna.click("2 – möjlig")
    assert anna.text.startswith(t("sv", "summary_proposed", summary=""))
    assert ask("sv", "lex_maria") not in anna.text
    await anna.click("Spara")
    assert only_entry(bot)["fields"]["lex_maria"] == "no"


async def test_deviation_time_yesterday_at_14_is_stored_as_that_instant(
    chat: Any, bot: Bot
) -> None:
    anna = chat("anna")
    await anna.say("avvikelse Fel patientlista visades")
    assert anna.text == ask("sv", "when")
    await anna.say("igår kl 14")
    assert anna.text == ask("sv", "unit")
    await anna.say("Avdelning 5")
    await anna.click("1 – liten")
    await anna.click("1 – osannolik")
    await anna.click("Spara")
    assert stored_when(bot) == local(24, 14)
    assert stored_when(bot).utcoffset() is not None
    david = chat("david")
    await david.say("visa AVV-1")
    assert "När: 2026-11-24 14:00" in david.text


@pytest.mark.parametrize(
    ("typed", "shown"),
    [("imorgon kl 14", "2026-11-26 14:00"), ("om två timmar", "2026-11-25 12:00")],
)
async def test_deviation_time_in_the_future_is_asked_again(
    chat: Any, bot: Bot, typed: str, shown: str
) -> None:
    anna = chat("anna")
    await anna.say("avvikelse Fel patientlista visades")
    await anna.say(typed)
    assert anna.last[0].style == "error"
    assert anna.last[0].text == t("sv", "future_when", when=shown)
    assert anna.last[1].text == ask("sv", "when")
    # The question stands: a past time moves on.
    await anna.say("i morse")
    assert anna.text == ask("sv", "unit")
    assert rows(bot) == []


async def test_deviation_time_not_understood_is_asked_again(chat: Any) -> None:
    omar = chat("omar")
    await omar.say("deviation Wrong list")
    assert omar.text == ask("en", "origin"), "the words do not say which kind it is"
    await omar.click("At or after the go-live of FVIS")
    await omar.say("tomorrow at 9")
    assert omar.last[0].text == "2026-11-26 09:00 is in the future. When did it happen?"
    await omar.say("when the moon was blue")
    assert omar.last[0].text == t("en", "bad_when", text="when the moon was blue")
    assert omar.last[1].text == ask("en", "when")


@pytest.mark.parametrize(("user", "typed"), [("anna", "i morse"), ("omar", "this morning")])
async def test_this_morning_said_early_is_not_in_the_future(
    chat: Any, bot: Bot, clock: FakeClock, user: str, typed: str
) -> None:
    """The example the question itself gives must work in both languages, also at 06:00."""
    clock.advance(hours=-4)  # Wednesday 06:00 in Stockholm
    person = chat(user)
    locale = "sv" if user == "anna" else "en"
    await person.say("avvikelse Fel lista" if locale == "sv" else "deviation Wrong list")
    await person.say("2")  # at or after the go-live
    await person.say(typed)
    assert person.text == ask(locale, "unit")
    await person.say("avbryt" if locale == "sv" else "cancel")
    form = await person.open_form("deviation")
    await person.submit(form.id, {**DEVIATION, "when": typed})
    assert person.last[0].style == "success", person.text
    assert stored_when(bot) == local(25, 6)


async def test_deviation_form_takes_a_written_time(chat: Any, bot: Bot) -> None:
    anna = chat("anna")
    form = await anna.open_form("deviation")
    when = {f.name: f for f in form.fields}["when"]
    assert when.type == "date" and when.help == t("sv", "when_hint")
    await anna.submit(form.id, {**DEVIATION, "when": "imorgon kl 9"})
    assert anna.last[0].form is not None
    errors = {f.name: f.error for f in anna.last[0].form.fields}
    assert errors["when"] == t("sv", "future_when", when="2026-11-26 09:00")
    await anna.submit(form.id, {**DEVIATION, "when": "inatt kl 3"})
    assert anna.text.startswith(t("sv", "saved", ref="AVV-1"))
    assert stored_when(bot) == local(25, 3)


async def test_double_click_on_a_scale_answers_only_its_own_question(chat: Any) -> None:
    """Consequence and probability share the options 1–4: a second click must not skip a question."""
    anna = chat("anna")
    await anna.say("avvikelse Igår kl 14 kom fel läkemedel till avdelning 5")
    question = anna.last
    await anna.click("2 – måttlig")
    assert anna.text == ask("sv", "probability")
    anna.last = question  # the same button, clicked again before the page updated
    await anna.click("2 – måttlig")
    assert anna.text == ask("sv", "probability"), "the second click must not answer it"
    dialogue = anna.bot.engine.dialogues.load(anna.bot.engine.dialogue_key(anna._incoming()))
    assert dialogue is not None and dialogue.pending == "probability"
    assert "probability" not in dialogue.values


# -- what a deviation sets off ------------------------------------------------------------


async def log_deviation(
    chat: Chat,
    *,
    what: str = "Journalen visade fel patientlista",
    consequence: str = "1",
    probability: str = "1",
    edits: tuple[str, ...] = (),
) -> list[Reply]:
    await chat.say(f"avvikelse Igår kl 14 på avdelning 5: {what}")
    await chat.say(consequence)
    await chat.say(probability)
    if ask("sv", "lex_maria") in chat.text:
        await chat.say("nej")
    for edit in edits:
        await chat.say(edit)
    return await chat.click("Spara")


def channel_posts(bot: Bot) -> list[dict[str, Any]]:
    return [row for row in rows(bot, "webchat_inbox") if row["user"] == ""]


async def test_deviation_with_high_risk_is_escalated_flagged_and_posted(
    chat: Any, bot: Bot
) -> None:
    anna = chat("anna")
    replies = await log_deviation(anna, consequence="4", probability="2")
    assert replies[0].text == t("sv", "saved", ref="AVV-1")
    assert replies[1].text == t("sv", "risk_flagged", value=8)
    entry = only_entry(bot)
    assert entry["status"] == "escalated"
    assert entry["escalation_level"] == "programme"
    assert "medical_review" in entry["flags"]
    posts = channel_posts(bot)
    assert [(p["channel"], p["text"]) for p in posts] == [
        ("#fvis-program", t("sv", "flag_channel_post", ref="AVV-1", value=8))
    ]
    assert "patientlista" not in posts[0]["text"], "the channel hears that, not what"
    # Everyone in the web chat sees the channel post; the programme office is told directly.
    assert bot.webchat is not None
    inbox = bot.webchat.inbox("bertil", 0)
    assert [m["text"] for m in inbox if not m["direct"]] == [posts[0]["text"]]
    [direct] = [m["text"] for m in inbox if m["direct"]]
    assert direct.startswith("Ny avvikelse att hantera: AVV-1")
    david = chat("david")
    await david.say("visa AVV-1")
    assert "Status: Eskalerad" in david.text
    assert "Riskvärde: 8" in david.text


@pytest.mark.parametrize(("consequence", "probability"), [("2", "3"), ("1", "4"), ("3", "2")])
async def test_deviation_below_8_is_not_escalated(
    chat: Any, bot: Bot, consequence: str, probability: str
) -> None:
    replies = await log_deviation(chat("anna"), consequence=consequence, probability=probability)
    assert replies[0].text == t("sv", "saved", ref="AVV-1")
    assert t("sv", "risk_flagged", value=8)[:20] not in "\n".join(r.text for r in replies)
    entry = only_entry(bot)
    assert entry["status"] == "new"
    assert entry["escalation_level"] == "project"
    assert entry["flags"] == ["referred"], "at go-live: referred to the region's system"
    assert channel_posts(bot) == []


async def test_a_golive_deviation_is_referred_to_the_region_system_first(
    chat: Any, bot: Bot
) -> None:
    """Programplan 7.7: "ska i första hand hanteras i regionens befintliga avvikelsesystem"."""
    anna = chat("anna")
    replies = await log_deviation(anna, what="Fel dos visades i läkemedelslistan")
    assert replies[0].text == t("sv", "saved", ref="AVV-1")
    referred = replies[-1]
    assert referred.text.startswith(
        "Lägg nu in avvikelsen i regionens system för avvikelser. Där tas den om hand i första "
        "hand. Boten gör inte det åt dig."
    )
    assert "också" not in referred.text, "the bot is not the main record"
    assert DEVIATION_URL in referred.text
    assert "skriv ärendenummer AVV-1 <nummer>" in referred.text
    assert [c.label for c in referred.choices] == [t("sv", "dev.choice.case_number")]
    # The prefilled text to paste, with a copy button in the web chat: our number and what was
    # reported, in the person's language.
    prefilled = referred.text.split("\n\n", 1)[1]
    assert referred.copy == prefilled
    assert prefilled.startswith("FVIS AVV-1\nAvvikelse\n")
    assert "När: 2026-11-24 14:00" in prefilled
    assert "Kategori: Patientsäkerhet" in prefilled
    assert only_entry(bot)["flags"] == ["referred"]
    david = chat("david")
    await david.say("visa AVV-1")
    assert "Avvikelsesystemet: hänvisad till avvikelsesystemet" in david.text
    assert "Vidarebefordrad" not in david.text and "registrerad i" not in david.text


async def test_a_golive_deviation_in_english(chat: Any, bot: Bot) -> None:
    omar = chat("omar")
    await omar.say("deviation Yesterday at 2pm the wrong dose was shown for a patient on ward 3")
    await omar.click("1 – minor")
    await omar.click("1 – unlikely")
    await omar.click("Save")
    referred = omar.last[-1].text
    assert referred.startswith("Now enter the deviation in the region's deviation system.")
    assert DEVIATION_URL in referred
    assert "FVIS AVV-1\nDeviation\n" in referred
    assert "When: 2026-11-24 14:00" in referred


async def test_a_proposed_category_can_be_changed_before_saving(chat: Any, bot: Bot) -> None:
    """The person corrects the proposals in the summary; a go-live deviation of any category
    is referred to the region's system, not only one in care."""
    replies = await log_deviation(
        chat("anna"),
        what="Skrivaren skrev ut fel etikett",
        edits=("kategori arbetsmiljö", "område administration"),
    )
    assert DEVIATION_URL in replies[-1].text
    entry = only_entry(bot)
    assert (entry["fields"]["category"], entry["fields"]["area"]) == (
        "work_environment",
        "administration",
    )
    assert entry["flags"] == ["referred"]


async def test_the_deviation_summary_offers_a_form_to_edit_everything(chat: Any) -> None:
    anna = chat("anna")
    await anna.say("avvikelse Igår kl 14 kraschade journalen på avdelning 5")
    await anna.say("2")
    await anna.say("2")
    assert t("sv", "choice.edit") in labels(anna.last)
    await anna.click(t("sv", "choice.edit"))
    form = anna.last[0].form
    assert form is not None
    values = {f.name: f.value for f in form.fields}
    assert values["when"] == "2026-11-24 14:00"
    assert (values["category"], values["area"], values["unit"]) == (
        "it_failure",
        "it",
        "Avdelning 5",
    )
