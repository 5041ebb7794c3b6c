"""Intake dialogues through the engine, in Swedish and English: questions one at a time,
choices, free-text classification, the form path, double clicks, cancel, expiry, restart,
and what a deviation sets off (escalation, channel post, the region's deviation system)."""

from __future__ import annotations

import asyncio
import json
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.app.build import Bot, build
from bot.config import Settings
from bot.domain.messages import Choice, Reply
from bot.i18n.catalogue import t
from tests.conftest import Chat, FakeClock
from tests.helpers import BENEFIT_2, NEED, find_choice, labels, rows

STOCKHOLM = ZoneInfo("Europe/Stockholm")
DEVIATION_URL = "https://intranat.example.se/avvikelsesystem"


# -- helpers ------------------------------------------------------------------------------


def only_entry(bot: Bot) -> dict[str, Any]:
    entries = rows(bot)
    assert len(entries) == 1, entries
    entry = entries[0]
    entry["fields"] = json.loads(entry["fields"])
    entry["flags"] = json.loads(entry["flags"])
    return entry


def form_errors(replies: list[Reply]) -> dict[str, str]:
    form = replies[0].form
    assert form is not None
    return {f.name: f.error for f in form.fields}


def ask(locale: str, field: str) -> str:
    return t(locale, f"ask.{field}")


def summary_prefix(locale: str) -> str:
    return t(locale, "summary", summary="")


async def step(chat: Chat, how: str, text: str) -> list[Reply]:
    return await (chat.say(text) if how == "say" else chat.click(text))


# -- each kind, question by question, in both languages -----------------------------------

# (user, locale, ref, steps, expected stored fields); a step is (say|click, input, the next question)
SCRIPTS: dict[str, tuple[str, str, str, list[tuple[str, str, str]], dict[str, str]]] = {
    "sv-need": (
        "anna",
        "sv",
        "BEH-1",
        [
            ("say", "behov Vi saknar skrivare på avd 5", "description"),
            ("say", "Skrivaren i korridoren är borttagen.", "unit"),
            ("say", "Avdelning 5", "benefit"),
            ("click", BENEFIT_2, "priority"),
            ("click", "Hög", ""),
        ],
        {
            "title": "Vi saknar skrivare på avd 5",
            "description": "Skrivaren i korridoren är borttagen.",
            "unit": "Avdelning 5",
            "benefit": "2",
            "priority": "high",
        },
    ),
    "sv-issue": (
        "anna",
        "sv",
        "ÄRE-1",
        [
            ("say", "ärende Kan inte logga in i journalen", "description"),
            ("say", "Inloggningen ger felkod 403 sedan i morse.", "unit"),
            ("say", "Akuten", "urgency"),
            ("click", "Akut", ""),
        ],
        {"title": "Kan inte logga in i journalen", "unit": "Akuten", "urgency": "critical"},
    ),
    "sv-deviation": (
        "anna",
        "sv",
        "AVV-1",
        [
            ("say", "avvikelse Fel patientlista visades i journalen", "type"),
            ("click", "Tillbud", "when"),
            ("say", "igår kl 14", "unit"),
            ("say", "Avdelning 5", "area"),
            ("click", "IT och system", "category"),
            ("click", "IT-/systemfel", "consequence"),
            ("click", "2 – måttlig", "probability"),
            ("click", "1 – liten", "immediate_action"),
            ("say", "Startade om klienten", "lex_maria"),
            ("click", "Nej", ""),
        ],
        {
            "what": "Fel patientlista visades i journalen",
            "type": "near_miss",
            "unit": "Avdelning 5",
            "area": "it",
            "category": "it_failure",
            "consequence": "2",
            "probability": "1",
            "immediate_action": "Startade om klienten",
            "lex_maria": "no",
        },
    ),
    "sv-risk": (
        "anna",
        "sv",
        "RIS-1",
        [
            ("say", "risk Leveransen kan bli försenad", "risk.probability"),
            ("click", "3 – betydande", "consequence"),
            ("click", "2 – måttlig", "owner"),
            ("say", "David Berg", "mitigation"),
            ("say", "Tät uppföljning med leverantören", "review_date"),
            ("say", "om 4 veckor", ""),
        ],
        {
            "description": "Leveransen kan bli försenad",
            "probability": "3",
            "consequence": "2",
            "owner": "David Berg",
            "mitigation": "Tät uppföljning med leverantören",
        },
    ),
    "sv-change": (
        "anna",
        "sv",
        "ÄND-1",
        [
            ("say", "ändring Flytta utbildningen en vecka", "why"),
            ("say", "Lokalerna är upptagna", "impact_scope"),
            ("say", "Ingen påverkan", "impact_time"),
            ("say", "En vecka senare", "impact_budget"),
            ("say", "Ingen påverkan", ""),
        ],
        {
            "what": "Flytta utbildningen en vecka",
            "why": "Lokalerna är upptagna",
            "impact_time": "En vecka senare",
        },
    ),
    "en-need": (
        "omar",
        "en",
        "BEH-1",
        [
            ("say", "need A second screen at the reception", "description"),
            ("say", "To see the patient list and the record at once.", "unit"),
            ("say", "Emergency", "benefit"),
            ("click", BENEFIT_2, "priority"),
            ("click", "Medium", ""),
        ],
        {
            "title": "A second screen at the reception",
            "unit": "Emergency",
            "benefit": "2",
            "priority": "medium",
        },
    ),
    "en-issue": (
        "omar",
        "en",
        "ÄRE-1",
        [
            ("say", "issue Cannot log in to the record system", "description"),
            ("say", "Error 403 since this morning.", "unit"),
            ("say", "Emergency", "urgency"),
            ("click", "Normal", ""),
        ],
        {"title": "Cannot log in to the record system", "urgency": "normal"},
    ),
    "en-deviation": (
        "omar",
        "en",
        "AVV-1",
        [
            ("say", "deviation The wrong patient list was shown", "type"),
            ("click", "Near miss", "when"),
            ("say", "yesterday 2pm", "unit"),
            ("say", "Emergency", "area"),
            ("click", "IT and systems", "category"),
            ("click", "IT/system failure", "consequence"),
            ("click", "2 – moderate", "probability"),
            ("click", "1 – minor", "immediate_action"),
            ("say", "-", "lex_maria"),
            ("click", "No", ""),
        ],
        {
            "what": "The wrong patient list was shown",
            "type": "near_miss",
            "area": "it",
            "category": "it_failure",
            "immediate_action": "",
            "lex_maria": "no",
        },
    ),
    "en-risk": (
        "omar",
        "en",
        "RIS-1",
        [
            ("say", "risk The delivery could be delayed", "risk.probability"),
            ("click", "3 – major", "consequence"),
            ("click", "2 – moderate", "owner"),
            ("say", "David Berg", "mitigation"),
            ("say", "-", "review_date"),
            ("say", "-", ""),
        ],
        {"description": "The delivery could be delayed", "owner": "David Berg", "mitigation": ""},
    ),
    "en-change": (
        "omar",
        "en",
        "ÄND-1",
        [
            ("say", "change Move the training one week", "why"),
            ("say", "The rooms are taken", "impact_scope"),
            ("say", "None", "impact_time"),
            ("say", "One week later", "impact_budget"),
            ("say", "None", ""),
        ],
        {"what": "Move the training one week", "why": "The rooms are taken"},
    ),
}


@pytest.mark.parametrize("name", list(SCRIPTS))
async def test_each_kind_is_logged_one_question_at_a_time(chat: Any, bot: Bot, name: str) -> None:
    user, locale, ref, steps, expected = SCRIPTS[name]
    person = chat(user)
    for how, text, next_field in steps:
        replies = await step(person, how, text)
        assert rows(bot) == [], "nothing is stored before the confirmation"
        if next_field:
            # Exactly one question, with a way out to the form and to cancel.
            assert [r.text for r in replies] == [ask(locale, next_field)]
            assert t(locale, "choice.form") in labels(replies)
            assert t(locale, "choice.cancel") in labels(replies)
        else:
            assert replies[-1].text.startswith(summary_prefix(locale))
            assert labels(replies) == [
                t(locale, "choice.save"),
                t(locale, "choice.edit"),
                t(locale, "choice.cancel"),
            ]
    await person.click(t(locale, "choice.save"))
    assert person.last[0].text == t(locale, "saved", ref=ref)
    assert person.last[0].style == "success"
    entry = only_entry(bot)
    assert entry["reporter_id"] == user
    assert entry["number"] == 1
    for field, value in expected.items():
        assert entry["fields"][field] == value, field
    # The dialogue is over: nothing is left to cancel.
    await person.say("avbryt" if locale == "sv" else "cancel")
    assert person.text == t(locale, "nothing_to_cancel")


async def test_a_select_question_also_takes_a_typed_answer(chat: Any, bot: Bot) -> None:
    anna = chat("anna")
    await anna.say("ärende Skärmen flimrar")
    await anna.say("Skärmen i expeditionen flimrar hela tiden")
    await anna.say("Avdelning 5")
    await anna.say("jättebråttom")
    assert anna.last[0].style == "error"
    assert anna.last[0].text == t("sv", "pick_one", options="Låg, Normal, Hög, Akut")
    assert anna.last[1].text == ask("sv", "urgency")
    await anna.say("hög")
    assert anna.text.startswith(summary_prefix("sv"))
    await anna.say("ja")
    assert anna.text == t("sv", "saved", ref="ÄRE-1")
    assert only_entry(bot)["fields"]["urgency"] == "high"


# -- numbers ------------------------------------------------------------------------------


ISSUE = {
    "title": "Inloggningen krånglar",
    "description": "Fel 403",
    "unit": "Akuten",
    "urgency": "high",
}
CHANGE = {
    "what": "Flytta utbildningen",
    "why": "Lokalbrist",
    "impact_scope": "Ingen",
    "impact_time": "En vecka",
    "impact_budget": "Ingen",
}
RISK = {"description": "Förseningar", "probability": "2", "consequence": "2", "owner": "David"}
DEVIATION = {
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


async def test_numbers_are_per_kind_and_shared_by_everyone(chat: Any, bot: Bot) -> None:
    anna, omar = chat("anna"), chat("omar")
    assert await anna.log("need", NEED) == "BEH-1"
    assert await anna.log("issue", ISSUE) == "ÄRE-1"
    assert await omar.log("need", NEED) == "BEH-2"
    assert await anna.log("deviation", DEVIATION) == "AVV-1"
    assert await omar.log("risk", RISK) == "RIS-1"
    assert await anna.log("change", CHANGE) == "ÄND-1"
    assert await anna.log("need", NEED) == "BEH-3"
    assert await omar.log("change", CHANGE) == "ÄND-2"
    numbers = {(r["kind"], r["number"]) for r in rows(bot)}
    assert numbers == {
        ("need", 1),
        ("need", 2),
        ("need", 3),
        ("issue", 1),
        ("deviation", 1),
        ("risk", 1),
        ("change", 1),
        ("change", 2),
    }


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("visa ÄRE-1", "ÄRE-1"),
        ("visa ARE-1", "ÄRE-1"),
        ("visa are-1", "ÄRE-1"),
        ("visa are 1", "ÄRE-1"),
        ("visa äre1", "ÄRE-1"),
        ("visa ÄND-1", "ÄND-1"),
        ("visa and-1", "ÄND-1"),
        ("visa AND 1", "ÄND-1"),
        ("visa beh-1", "BEH-1"),
        ("show ris 1", "RIS-1"),
        ("visa avv-1", "AVV-1"),
    ],
)
async def test_ascii_spellings_of_numbers_are_understood(chat: Any, typed: str, shown: str) -> None:
    anna = chat("anna")
    for kind, values in (
        ("issue", ISSUE),
        ("change", CHANGE),
        ("need", NEED),
        ("risk", RISK),
        ("deviation", DEVIATION),
    ):
        await anna.log(kind, values)
    await anna.say(typed)
    assert anna.last[0].style == "info"
    assert anna.text.startswith(f"{shown} – ")


async def test_triage_commands_take_ascii_numbers_too(chat: Any, bot: Bot) -> None:
    await chat("anna").log("issue", ISSUE)
    await chat("anna").log("change", CHANGE)
    bertil = chat("bertil")
    await bertil.say("status are 1 pågår")
    assert bertil.text == t("sv", "status_changed", ref="ÄRE-1", status_key="in_progress")
    # A change request is rejected (avslagen) only by its decision; a handler closes it.
    await bertil.say("status and-1 stängd")
    assert bertil.text == t("sv", "status_changed", ref="ÄND-1", status_key="closed")
    assert {r["kind"]: r["status"] for r in rows(bot)} == {
        "issue": "in_progress",
        "change": "closed",
    }


# -- free text ----------------------------------------------------------------------------


async def test_free_text_is_classified_and_the_guess_can_be_accepted(chat: Any, bot: Bot) -> None:
    anna = chat("anna")
    await anna.say("Skrivaren på avd 5 fungerar inte")
    assert anna.text == t("sv", "classify", kind_a="ett ärende")
    assert labels(anna.last) == [
        "Ärende",
        "Behov",
        "Avvikelse",
        "Risk",
        "Ändringsbegäran",
        "Avbryt",
    ]
    await anna.click("Ärende")
    # The free text became the title; the next missing thing is asked.
    assert anna.text == ask("sv", "description")
    await anna.say("Den skriver inte ut något alls")
    await anna.say("Avdelning 5")
    await anna.click("Normal")
    await anna.click("Spara")
    assert anna.text == t("sv", "saved", ref="ÄRE-1")
    entry = only_entry(bot)
    assert entry["kind"] == "issue"
    assert entry["title"] == "Skrivaren på avd 5 fungerar inte"


async def test_clicking_another_kind_than_the_guess_works(chat: Any, bot: Bot) -> None:
    anna = chat("anna")
    await anna.say("Skrivaren på avd 5 fungerar inte")
    await anna.click("Behov")
    assert anna.text == ask("sv", "description")
    await anna.say("Vi behöver en ny skrivare")
    await anna.say("Avdelning 5")
    await anna.click(BENEFIT_2)
    await anna.click("Låg")
    await anna.click("Spara")
    assert anna.text == t("sv", "saved", ref="BEH-1")
    entry = only_entry(bot)
    assert (entry["kind"], entry["title"]) == ("need", "Skrivaren på avd 5 fungerar inte")


async def test_clicking_a_kind_whose_lead_is_not_a_title(chat: Any, bot: Bot) -> None:
    anna = chat("anna")
    await anna.say("Skrivaren på avd 5 fungerar inte")
    await anna.click("Avvikelse")
    # A deviation's free text is its "what"; the first missing question is the type.
    assert anna.text == ask("sv", "type")
    await anna.say("avbryt")
    assert rows(bot) == []


async def test_a_kind_can_be_typed_instead_of_clicked(chat: Any) -> None:
    anna = chat("anna")
    await anna.say("Nu har det blivit konstigt igen med listan")
    assert anna.text == t("sv", "classify_unsure")
    await anna.say("risk")
    assert anna.text == ask("sv", "risk.probability")


async def test_free_text_in_english_is_classified_in_english(chat: Any, bot: Bot) -> None:
    omar = chat("omar")
    await omar.say("The printer on ward 5 does not work")
    assert omar.text == t("en", "classify", kind_a="an issue")
    assert labels(omar.last)[0] == "Issue"
    await omar.click("Change request")
    assert omar.text == ask("en", "why")
    await omar.say("cancel")
    assert omar.text == "Cancelled. Nothing was saved."
    assert rows(bot) == []


async def test_locale_of_the_message_wins_over_the_profile(chat: Any) -> None:
    anna_en = chat("anna", locale="en-GB")
    await anna_en.say("We need a second screen at the reception")
    assert anna_en.text == t("en", "classify", kind_a="a need")
    await anna_en.click("Need")
    assert anna_en.text == ask("en", "description")


# -- the form path ------------------------------------------------------------------------


async def test_form_instead_of_questions(chat: Any, bot: Bot) -> None:
    anna = chat("anna")
    await anna.say("behov Skrivare saknas på avd 5")
    await anna.click("Fyll i formulär i stället")
    form = anna.last[0].form
    assert form is not None
    assert anna.last[0].text == t("sv", "form_title", kind="behov")
    assert form.id.startswith("intake:need:")
    assert form.submit_label == t("sv", "form_submit")
    fields = {f.name: f for f in form.fields}
    assert list(fields) == ["title", "description", "unit", "benefit", "priority"]
    # What the dialogue already knew is filled in.
    assert fields["title"].value == "Skrivare saknas på avd 5"
    assert fields["title"].label == "Rubrik"
    assert [o.value for o in fields["priority"].options] == ["low", "medium", "high"]
    assert [o.label for o in fields["priority"].options] == ["Låg", "Medel", "Hög"]

    # Missing fields: each one marked, nothing saved, what was typed is kept.
    await anna.submit(form.id, {"title": "Skrivare saknas på avd 5", "priority": "jättehög"})
    reply = anna.last[0]
    assert reply.style == "error"
    assert reply.text == t("sv", "form_errors")
    assert reply.form is not None and reply.form.id == form.id
    errors = {f.name: f.error for f in reply.form.fields}
    assert errors == {
        "title": "",
        "description": t("sv", "required"),
        "unit": t("sv", "required"),
        "benefit": t("sv", "required"),
        "priority": t("sv", "pick_one", options="Låg, Medel, Hög"),
    }
    assert {f.name: f.value for f in reply.form.fields}["title"] == "Skrivare saknas på avd 5"
    assert rows(bot) == []

    values = {**NEED, "title": "Skrivare saknas på avd 5"}
    await anna.submit(form.id, values)
    assert anna.last[0].text == t("sv", "saved", ref="BEH-1")
    assert anna.last[0].style == "success"
    entry = only_entry(bot)
    assert entry["fields"] == values

    # The same form sent again (a double submit, a retry): still one entry.
    await anna.submit(form.id, values)
    assert anna.text == t("sv", "already_saved", ref="BEH-1")
    assert anna.text == "Det här är redan sparat som BEH-1."
    assert len(rows(bot)) == 1
    # The form ended the dialogue.
    await anna.say("avbryt")
    assert anna.text == t("sv", "nothing_to_cancel")


async def test_form_in_english_with_errors_and_a_second_submit(chat: Any, bot: Bot) -> None:
    omar = chat("omar")
    form = await omar.open_form("issue")
    assert omar.last[0].text == "Log issue"
    assert [f.label for f in form.fields] == ["Title", "Description", "Unit", "Urgency"]
    await omar.submit(form.id, {"title": "  ", "urgency": "critical"})
    errors = form_errors(omar.last)
    assert omar.last[0].text == "Something in the form needs fixing – see the marked fields."
    assert errors["title"] == "This is required."
    assert errors["urgency"] == ""
    values = {"title": "Cannot log in", "description": "Error 403", "unit": "ER", "urgency": "4"}
    await omar.submit(form.id, values)
    assert omar.text == t("en", "saved", ref="ÄRE-1")
    assert only_entry(bot)["fields"]["urgency"] == "critical"
    await omar.submit(form.id, values)
    assert omar.text == "This is already saved as ÄRE-1."
    assert len(rows(bot)) == 1


async def test_deviation_form_takes_a_written_time(chat: Any, bot: Bot) -> None:
    anna = chat("anna")
    form = await anna.open_form("deviation")
    when = {f.name: f for f in form.fields}["when"]
    assert when.type == "date" and when.help == t("sv", "when_hint")
    await anna.submit(form.id, {**DEVIATION, "when": "imorgon kl 9"})
    errors = form_errors(anna.last)
    assert errors["when"] == t("sv", "future_when", when="2026-11-26 09:00")
    await anna.submit(form.id, {**DEVIATION, "when": "igår kl 14"})
    assert anna.text.startswith(t("sv", "saved", ref="AVV-1"))
    stored = datetime.fromisoformat(only_entry(bot)["fields"]["when"])
    assert stored == datetime(2026, 11, 24, 14, 0, tzinfo=STOCKHOLM)


# -- double clicks ------------------------------------------------------------------------


async def reach_confirmation(anna: Chat) -> Choice:
    await anna.say("behov Skrivare saknas")
    await anna.say("Ingen skrivare i korridoren")
    await anna.say("Avdelning 5")
    await anna.click(BENEFIT_2)
    await anna.click("Hög")
    return find_choice(anna.last, "Spara")


async def test_double_click_on_save_makes_one_entry(chat: Any, bot: Bot) -> None:
    anna = chat("anna")
    save = await reach_confirmation(anna)
    first = await anna.act(save.id, save.value)
    second = await anna.act(save.id, save.value)
    assert first[0].text == t("sv", "saved", ref="BEH-1")
    assert second[0].text == t("sv", "already_saved", ref="BEH-1")
    assert len(rows(bot)) == 1


async def test_two_clicks_on_save_at_the_same_time_make_one_entry(chat: Any, bot: Bot) -> None:
    anna = chat("anna")
    save = await reach_confirmation(anna)
    one, two = await asyncio.gather(anna.act(save.id, save.value), anna.act(save.id, save.value))
    texts = sorted([one[0].text, two[0].text])
    assert texts == sorted([t("sv", "saved", ref="BEH-1"), t("sv", "already_saved", ref="BEH-1")])
    assert len(rows(bot)) == 1


async def test_save_typed_twice_makes_one_entry(chat: Any, bot: Bot) -> None:
    anna = chat("anna")
    await reach_confirmation(anna)
    await anna.say("ja")
    await anna.say("ja")
    assert len(rows(bot)) == 1


async def test_double_click_on_an_option_does_not_answer_the_next_question(
    chat: Any, bot: Bot
) -> None:
    anna = chat("anna")
    await anna.say("behov Skrivare saknas")
    await anna.say("Ingen skrivare i korridoren")
    await anna.say("Avdelning 5")
    benefit = find_choice(anna.last, BENEFIT_2)
    await anna.act(benefit.id, benefit.value)
    assert anna.text == ask("sv", "priority")
    await anna.act(benefit.id, benefit.value)
    # The priority question still stands; the second click answered nothing.
    assert anna.text == ask("sv", "priority")
    assert "Hög" in labels(anna.last)
    await anna.click("Låg")
    await anna.click("Spara")
    assert only_entry(bot)["fields"]["priority"] == "low"


async def test_a_button_of_an_ended_dialogue_does_not_answer_a_new_one(chat: Any, bot: Bot) -> None:
    anna = chat("anna")
    await anna.say("behov Skrivare saknas")
    await anna.say("Ingen skrivare i korridoren")
    await anna.say("Avdelning 5")
    await anna.click(BENEFIT_2)
    old_high = find_choice(anna.last, "Hög")
    await anna.say("avbryt")
    await anna.say("Skrivaren på avd 5 fungerar inte")
    old_kind = find_choice(anna.last, "Ärende")
    await anna.click("Ärende")
    assert anna.text == ask("sv", "description")
    await anna.act(old_high.id, old_high.value)
    assert anna.text == ask("sv", "description")
    await anna.act(old_kind.id, "deviation")
    assert anna.text == ask("sv", "description")
    await anna.say("Den skriver inte ut")
    await anna.say("Avdelning 5")
    await anna.click("Normal")
    await anna.click("Spara")
    entry = only_entry(bot)
    assert entry["kind"] == "issue"
    assert entry["fields"]["description"] == "Den skriver inte ut"


# -- cancel, expiry, restart --------------------------------------------------------------


async def test_cancel_ends_the_dialogue_and_stores_nothing(chat: Any, bot: Bot) -> None:
    anna = chat("anna")
    await anna.say("behov Skrivare saknas")
    await anna.say("Ingen skrivare i korridoren")
    await anna.say("avbryt")
    assert anna.text == "Avbrutet. Inget sparades."
    assert rows(bot) == []
    assert rows(bot, "dialogues") == []
    # The next message is not taken as an answer.
    await anna.say("Avdelning 5")
    assert anna.text == t("sv", "unknown_command", text="Avdelning 5")


async def test_cancel_in_english_and_by_button(chat: Any, bot: Bot) -> None:
    omar = chat("omar")
    await omar.say("risk The delivery could be delayed")
    await omar.click("Cancel")
    assert omar.text == t("en", "cancelled")
    await omar.say("need More screens")
    await omar.say("cancel")
    assert omar.text == t("en", "cancelled")
    await omar.say("cancel")
    assert omar.text == t("en", "nothing_to_cancel")
    assert rows(bot) == []


async def test_cancel_at_the_confirmation_stores_nothing(chat: Any, bot: Bot) -> None:
    anna = chat("anna")
    save = await reach_confirmation(anna)
    await anna.click("Avbryt")
    assert anna.text == t("sv", "cancelled")
    await anna.act(save.id, save.value)
    assert anna.text == t("sv", "stale_action")
    assert rows(bot) == []


async def test_abandoned_dialogue_expires_after_30_minutes(
    chat: Any, bot: Bot, clock: FakeClock
) -> None:
    anna = chat("anna")
    await anna.say("behov Skrivare saknas")
    await anna.say("Ingen skrivare i korridoren")
    clock.advance(minutes=29)
    await anna.say("Avdelning 5")
    assert anna.text == ask("sv", "benefit"), "29 minutes is not yet abandoned"
    clock.advance(minutes=31)
    await anna.say("Avdelning 6")
    assert anna.last[0].text == t("sv", "expired", kind="behov")
    assert anna.last[0].text == (
        "Din förra dialog (behov) avbröts eftersom det gick för lång tid. Inget sparades."
    )
    # The late answer is not taken as an answer to a dialogue that no longer exists.
    assert anna.last[1].text == t("sv", "unknown_command", text="Avdelning 6")
    assert rows(bot) == []
    assert rows(bot, "dialogues") == []
    # Told once only.
    await anna.say("hjälp")
    assert t("sv", "expired", kind="behov") not in anna.text


async def test_expiry_notice_in_english_and_a_stale_save(
    chat: Any, bot: Bot, clock: FakeClock
) -> None:
    omar = chat("omar")
    await omar.say("issue Cannot log in")
    await omar.say("Error 403")
    await omar.say("ER")
    await omar.click("High")
    save = find_choice(omar.last, "Save")
    clock.advance(minutes=31)
    await omar.act(save.id, save.value)
    assert (
        omar.last[0].text
        == "Your previous dialogue (issue) expired after a long pause. Nothing was saved."
    )
    assert omar.last[1].text == t("en", "stale_action")
    assert rows(bot) == []


async def test_dialogue_survives_a_restart(bot: Bot, settings: Settings, clock: FakeClock) -> None:
    anna = Chat(bot, "anna")
    await anna.say("avvikelse Fel patientlista visades")
    await anna.click("Tillbud")
    await anna.say("igår kl 14")
    bot.close()

    again = build(settings, clock=clock)
    try:
        anna = Chat(again, "anna")
        clock.advance(minutes=5)
        await anna.say("Avdelning 5")
        assert anna.text == ask("sv", "area")
        await anna.click("Administration")
        await anna.click("Arbetsmiljö")
        await anna.click("1 – liten")
        await anna.click("2 – måttlig")
        await anna.say("-")
        await anna.click("Nej")
        save = find_choice(anna.last, "Spara")
        again.close()

        # A second restart between the summary and the click on "Spara".
        again = build(settings, clock=clock)
        anna = Chat(again, "anna")
        await anna.act(save.id, save.value)
        assert anna.text == t("sv", "saved", ref="AVV-1")
        entry = only_entry(again)
        assert entry["fields"]["what"] == "Fel patientlista visades"
        assert entry["fields"]["type"] == "near_miss"
        assert datetime.fromisoformat(entry["fields"]["when"]) == datetime(
            2026, 11, 24, 14, 0, tzinfo=STOCKHOLM
        )
        assert entry["fields"]["category"] == "work_environment"
        assert entry["status"] == "new"
    finally:
        again.close()


# -- deviations ---------------------------------------------------------------------------


async def log_deviation(
    chat: Chat,
    *,
    what: str = "Fel patientlista visades i journalen",
    when: str = "igår kl 14",
    area: str = "IT och system",
    category: str = "IT-/systemfel",
    consequence: str = "1",
    probability: str = "1",
) -> list[Reply]:
    await chat.say(f"avvikelse {what}")
    await chat.click("Negativ händelse")
    await chat.say(when)
    await chat.say("Avdelning 5")
    await chat.click(area)
    await chat.click(category)
    await chat.say(consequence)
    await chat.say(probability)
    await chat.say("-")
    await chat.click("Nej")
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
        (
            "#fvis-program",
            t(
                "sv",
                "flag_channel_post",
                ref="AVV-1",
                value=8,
                title="Fel patientlista visades i journalen",
            ),
        )
    ]
    # Everyone in the web chat sees the channel post.
    assert bot.webchat is not None
    assert [m["text"] for m in bot.webchat.inbox("bertil", 0)] == [posts[0]["text"]]
    # Shown as escalated in the entry itself.
    david = chat("david")
    await david.say("visa AVV-1")
    assert "Status: Eskalerad" in david.text
    assert "Riskvärde: 8" in david.text


@pytest.mark.parametrize(("consequence", "probability"), [("2", "3"), ("1", "4"), ("3", "2")])
async def test_deviation_below_8_is_not_escalated(
    chat: Any, bot: Bot, consequence: str, probability: str
) -> None:
    replies = await log_deviation(chat("anna"), consequence=consequence, probability=probability)
    assert [r.text for r in replies] == [t("sv", "saved", ref="AVV-1")]
    entry = only_entry(bot)
    assert entry["status"] == "new"
    assert entry["escalation_level"] == "project"
    assert entry["flags"] == []
    assert channel_posts(bot) == []


async def test_deviation_of_9_in_english(chat: Any, bot: Bot) -> None:
    omar = chat("omar")
    await omar.say("deviation The record froze during the ward round")
    await omar.click("Negative event")
    await omar.say("this morning")
    await omar.say("Emergency")
    await omar.click("The programme")
    await omar.click("Deviation from the programme plan: time")
    await omar.click("3 – major")
    await omar.click("3 – major")
    await omar.say("none")
    await omar.click("Maybe")
    await omar.click("Save")
    assert omar.last[0].text == t("en", "saved", ref="AVV-1")
    assert omar.last[1].text == t("en", "risk_flagged", value=9)
    entry = only_entry(bot)
    assert entry["status"] == "escalated"
    assert datetime.fromisoformat(entry["fields"]["when"]) == datetime(
        2026, 11, 25, 7, 0, tzinfo=STOCKHOLM
    )
    assert len(channel_posts(bot)) == 1


@pytest.mark.parametrize(
    ("area", "category"),
    [("IT och system", "Patientsäkerhet"), ("Vård", "IT-/systemfel"), ("Vård", "Patientsäkerhet")],
)
async def test_care_related_deviation_points_to_the_deviation_system(
    chat: Any, bot: Bot, area: str, category: str
) -> None:
    anna = chat("anna")
    replies = await log_deviation(
        anna, what="Fel dos visades i läkemedelslistan", area=area, category=category
    )
    assert replies[0].text == t("sv", "saved", ref="AVV-1")
    forward = replies[-1].text
    assert DEVIATION_URL in forward
    assert forward.startswith(
        "Vårdrelaterade avvikelser ska också rapporteras i regionens avvikelsesystem"
    )
    # The prefilled text to paste: our number and what was reported, in the person's language.
    prefilled = forward.split("\n\n", 1)[1]
    assert prefilled.startswith("FVIS AVV-1\nAvvikelse\n")
    assert "Vad: Fel dos visades i läkemedelslistan" in prefilled
    assert "När: 2026-11-24 14:00" in prefilled
    assert f"Kategori: {category}" in prefilled
    entry = only_entry(bot)
    assert "forwarded" in entry["flags"]
    david = chat("david")
    await david.say("visa AVV-1")
    assert "Vidarebefordrad till avvikelsesystemet: Ja" in david.text


async def test_care_related_deviation_in_english(chat: Any, bot: Bot) -> None:
    omar = chat("omar")
    await omar.say("deviation Wrong dose shown in the medication list")
    await omar.click("Near miss")
    await omar.say("yesterday 2pm")
    await omar.say("Emergency")
    await omar.click("Care")
    await omar.click("Patient safety")
    await omar.click("1 – minor")
    await omar.click("1 – minor")
    await omar.say("-")
    await omar.click("No")
    await omar.click("Save")
    forward = omar.last[-1].text
    assert forward.startswith("Care-related deviations must also be reported")
    assert DEVIATION_URL in forward
    assert "FVIS AVV-1\nDeviation\n" in forward
    assert "When: 2026-11-24 14:00" in forward
    assert "forwarded" in only_entry(bot)["flags"]


async def test_other_deviations_are_not_forwarded(chat: Any, bot: Bot) -> None:
    replies = await log_deviation(chat("anna"), area="Administration", category="Arbetsmiljö")
    assert all(DEVIATION_URL not in r.text for r in replies)
    assert "forwarded" not in only_entry(bot)["flags"]


async def test_deviation_time_yesterday_at_14_is_stored_as_that_instant(
    chat: Any, bot: Bot
) -> None:
    anna = chat("anna")
    await anna.say("avvikelse Fel patientlista visades")
    await anna.click("Tillbud")
    await anna.say("igår kl 14")
    assert anna.text == ask("sv", "unit")
    await anna.say("avbryt")
    await log_deviation(anna, when="igår kl 14")
    stored = datetime.fromisoformat(only_entry(bot)["fields"]["when"])
    assert stored == datetime(2026, 11, 24, 14, 0, tzinfo=STOCKHOLM)
    assert stored.utcoffset() is not None
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
    await anna.click("Tillbud")
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
    await omar.click("Near miss")
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
    await person.click("Tillbud" if locale == "sv" else "Near miss")
    await person.say(typed)
    assert person.text == ask(locale, "unit")
    await person.say("avbryt")
    form = await person.open_form("deviation")
    await person.submit(form.id, {**DEVIATION, "when": typed})
    assert person.last[0].style == "success", person.text
    stored = datetime.fromisoformat(only_entry(bot)["fields"]["when"])
    assert stored == datetime(2026, 11, 25, 6, 0, tzinfo=STOCKHOLM)


async def test_double_click_on_a_scale_answers_only_its_own_question(chat: Any) -> None:
    """Consequence and probability share the options 1–4: a second click must not skip a question."""
    anna = chat("anna")
    await anna.say("avvikelse Fel läkemedel kom till fel avdelning")
    answers = {"type": "Tillbud"}
    await anna.click(answers["type"])
    await anna.say("igår kl 14")
    await anna.say("Avdelning 5")
    await anna.click("Vård")
    await anna.click("Patientsäkerhet")
    question = anna.last
    await anna.click("2 – måttlig")
    assert "sannolikt" in anna.text
    anna.last = question  # the same button, clicked again before the page updated
    await anna.click("2 – måttlig")
    assert "sannolikt" in anna.text, "the second click must not answer the probability question"
    dialogue = anna.bot.engine.dialogues.load(anna.bot.engine.dialogue_key(anna._incoming()))
    assert dialogue.pending == "probability"
    assert "probability" not in dialogue.values


async def test_flag_post_in_the_channel_does_not_reveal_the_deviation(chat: Any, bot: Any) -> None:
    anna = chat("anna")
    await anna.say("avvikelse Journalen visade fel patients allergier")
    for label in ("Negativ händelse",):
        await anna.click(label)
    await anna.say("i morse")
    await anna.say("Akuten")
    await anna.click("Vård")
    await anna.click("Patientsäkerhet")
    await anna.click("4 – mycket allvarlig")
    await anna.click("3 – betydande")
    await anna.say("-")
    await anna.click("Kanske")
    await anna.click("Spara")
    assert "Sparat som AVV-1" in anna.text
    posts = [m for m in bot.webchat.inbox("omar", 0) if not m["direct"]]
    assert [m["text"] for m in posts] == [
        "AVV-1 har riskvärde 12 och är flaggad för medicinskt ansvarig. Handläggare: visa AVV-1."
    ]
    assert "allergier" not in posts[0]["text"]
