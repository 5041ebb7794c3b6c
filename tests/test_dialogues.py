"""Intake dialogues through the engine, in Swedish and English: what the first sentence says
is used, only what is missing is asked, one editable summary, the form path, double clicks,
cancel, expiry, restart. Deviations are in test_deviations.py; the rules for commands typed in
a dialogue, old buttons and typos in test_dialogue_rules.py."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest

from bot.app.build import Bot, build
from bot.config import Settings
from bot.domain.messages import Choice, Reply
from bot.i18n.catalogue import t
from tests.conftest import Chat, FakeClock
from tests.helpers import BENEFIT_2, NEED, find_choice, labels, rows

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


def ask(locale: str, field: str, kind: str = "") -> str:
    own = f"ask.{kind}.{field}"
    try:
        return t(locale, own)
    except KeyError:
        return t(locale, f"ask.{field}")


def is_summary(locale: str, text: str) -> bool:
    heads = (t(locale, "summary", summary=""), t(locale, "summary_proposed", summary=""))
    return text.startswith(heads)


async def step(chat: Chat, how: str, text: str) -> list[Reply]:
    return await (chat.say(text) if how == "say" else chat.click(text))


# -- each kind from one rich first sentence, in both languages ----------------------------

# (user, locale, kind, ref, steps, expected stored fields, proposed fields);
# a step is (say|click, input, the next question's field or "" for the summary)
SCRIPTS: dict[str, tuple[str, str, str, str, list[tuple[str, str, str]], dict[str, str], set[str]]] = {
    "sv-need": (
        "anna", "sv", "need", "BEH-1",
        [("say", "behov Vi saknar skrivare på avd 5", "benefit"), ("click", BENEFIT_2, "")],
        {
            "title": "Vi saknar skrivare på avd 5",
            "description": "Vi saknar skrivare på avd 5",
            "unit": "Avdelning 5",
            "benefit": "2",
            "priority": "medium",
        },
        {"description", "unit", "priority"},
    ),
    "sv-issue": (
        "anna", "sv", "issue", "ÄRE-1",
        [("say", "ärende Kan inte logga in i journalen", "unit"), ("say", "Akuten", "")],
        {"title": "Kan inte logga in i journalen", "unit": "Akuten", "urgency": "normal"},
        {"description", "urgency"},
    ),
    "sv-risk": (
        "anna", "sv", "risk", "RIS-1",
        [("say", "risk Leveransen kan bli försenad", "consequence"), ("click", "3 – betydande", "")],
        {
            "description": "Leveransen kan bli försenad",
            "probability": "2",
            "consequence": "3",
            "owner": "Anna Lindqvist",
            "mitigation": "",
        },
        {"probability", "owner"},
    ),
    "sv-change": (
        "anna", "sv", "change", "ÄND-1",
        [("say", "ändring Flytta utbildningen en vecka", "why"), ("say", "Lokalerna är upptagna", "")],
        {"what": "Flytta utbildningen en vecka", "why": "Lokalerna är upptagna", "impact_time": ""},
        set(),
    ),
    "en-need": (
        "omar", "en", "need", "BEH-1",
        [
            ("say", "need A second screen at the reception", "unit"),
            ("say", "Emergency", "benefit"),
            ("click", BENEFIT_2, ""),
        ],
        {"title": "A second screen at the reception", "unit": "Emergency", "priority": "medium"},
        {"description", "priority"},
    ),
    "en-issue": (
        "omar", "en", "issue", "ÄRE-1",
        [("say", "issue Cannot log in to the record system on ward 3", "")],
        {"title": "Cannot log in to the record system on ward 3", "unit": "Ward 3"},
        {"unit", "urgency", "description"},
    ),
    "en-risk": (
        "omar", "en", "risk", "RIS-1",
        [
            ("say", "risk The delivery is late", "probability"),
            ("click", "3 – likely", "consequence"),
            ("click", "2 – moderate", ""),
        ],
        {"description": "The delivery is late", "probability": "3", "consequence": "2"},
        {"owner"},
    ),
    "en-change": (
        "omar", "en", "change", "ÄND-1",
        [("say", "change Move the training one week because the rooms are taken", "")],
        {"what": "Move the training one week because the rooms are taken",
         "why": "The rooms are taken"},
        {"why"},
    ),
}  # fmt: skip


@pytest.mark.parametrize("name", list(SCRIPTS))
async def test_each_kind_asks_only_what_the_first_sentence_lacks(
    chat: Any, bot: Bot, name: str
) -> None:
    user, locale, kind, ref, steps, expected, proposed = SCRIPTS[name]
    person = chat(user)
    for how, text, next_field in steps:
        replies = await step(person, how, text)
        assert rows(bot) == [], "nothing is stored before the confirmation"
        if next_field:
            # One question, with a way out to the form and to cancel.
            assert replies[-1].text == ask(locale, next_field, kind)
            assert t(locale, "choice.form") in labels(replies)
            assert t(locale, "choice.cancel") in labels(replies)
        else:
            assert is_summary(locale, replies[-1].text), replies[-1].text
            names = labels(replies)
            assert names[0] == t(locale, "choice.save")
            assert names[-2:] == [t(locale, "choice.edit"), t(locale, "choice.cancel")]
            # What the bot filled in itself is marked as a suggestion, and only that.
            mark = t(locale, "proposed_mark")
            marked = {
                line.split(":")[0] for line in replies[-1].text.splitlines() if line.endswith(mark)
            }
            assert marked == {t(locale, f"field.{field}") for field in proposed}
    await person.click(t(locale, "choice.save"))
    assert person.last[0].text == t(locale, "saved", ref=ref)
    assert person.last[0].style == "success"
    entry = only_entry(bot)
    assert entry["reporter_id"] == user
    for field, value in expected.items():
        assert entry["fields"][field] == value, field
    # The dialogue is over: nothing is left to cancel.
    await person.say("avbryt" if locale == "sv" else "cancel")
    assert person.text == t(locale, "nothing_to_cancel")


async def test_a_select_question_also_takes_a_typed_answer(chat: Any, bot: Bot) -> None:
    anna = chat("anna")
    await anna.say("behov Skärmar saknas i expeditionen")
    await anna.say("Avdelning 5")
    await anna.say("jättebra nytta")
    assert anna.last[0].style == "error"
    assert anna.last[0].text.startswith(t("sv", "pick_one", options="")[:-1].rstrip(": ."))
    assert anna.last[1].text == ask("sv", "benefit")
    await anna.say("2")
    assert is_summary("sv", anna.text)
    await anna.say("ja")
    assert anna.text == t("sv", "saved", ref="BEH-1")
    assert only_entry(bot)["fields"]["benefit"] == "2"


async def test_the_issue_dialogue_has_its_own_wording(chat: Any) -> None:
    anna = chat("anna")
    await anna.say("ärende")
    assert anna.text == t("sv", "ask.issue.title")
    await anna.say("Skrivaren skriver ut tomma sidor")
    assert anna.text == ask("sv", "unit")
    await anna.say("Akuten")
    await anna.say("beskrivning")
    assert anna.text == t("sv", "ask.issue.description")
    assert "vad behövs" not in anna.text


# -- the summary is editable --------------------------------------------------------------


async def test_summary_buttons_change_a_proposed_value(chat: Any, bot: Bot) -> None:
    anna = chat("anna")
    await anna.say("ärende Utskrifter hamnar i fel skrivare på avdelning 5")
    assert is_summary("sv", anna.text)
    assert "Brådska: Normal (förslag)" in anna.text
    assert {"Brådska: hög", "Brådska: akut", "Brådska: låg"} <= set(labels(anna.last))
    await anna.click("Brådska: akut")
    assert "Brådska: Akut" in anna.text.splitlines()
    await anna.click("Spara")
    assert only_entry(bot)["fields"]["urgency"] == "critical"


async def test_summary_takes_a_typed_change(chat: Any, bot: Bot) -> None:
    anna = chat("anna")
    await anna.say("ärende Utskrifter hamnar i fel skrivare på avdelning 5")
    await anna.say("enhet Avdelning 6")
    assert "Enhet: Avdelning 6" in anna.text.splitlines()
    await anna.say("brådska hög")
    assert "Brådska: Hög" in anna.text.splitlines()
    await anna.say("beskrivning")
    assert anna.text == ask("sv", "description", "issue")
    await anna.say("Den skriver ut på fel våning")
    assert is_summary("sv", anna.text)
    await anna.say("något annat")
    assert anna.last[0].text == t("sv", "summary_hint")
    await anna.say("ja")
    fields = only_entry(bot)["fields"]
    assert (fields["unit"], fields["urgency"]) == ("Avdelning 6", "high")
    assert fields["description"] == "Den skriver ut på fel våning"


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
    await bertil.click("Ja, sätt ÄND-1 till stängd")
    assert bertil.text == t("sv", "status_changed", ref="ÄND-1", status_key="closed")
    assert {r["kind"]: r["status"] for r in rows(bot)} == {
        "issue": "in_progress",
        "change": "closed",
    }


# -- free text ----------------------------------------------------------------------------


async def test_free_text_with_a_clear_kind_goes_straight_on(chat: Any, bot: Bot) -> None:
    anna = chat("anna")
    await anna.say("Skrivaren på avd 5 fungerar inte")
    assert anna.last[0].text == t("sv", "classified_as", kind_a="ett ärende")
    # The unit was in the sentence: nothing is missing.
    assert is_summary("sv", anna.last[-1].text)
    assert t("sv", "choice.other_kind") in labels(anna.last)
    await anna.click("Spara")
    assert anna.text == t("sv", "saved", ref="ÄRE-1")
    entry = only_entry(bot)
    assert entry["kind"] == "issue"
    assert entry["title"] == "Skrivaren på avd 5 fungerar inte"
    assert entry["fields"]["unit"] == "Avdelning 5"


async def test_another_kind_can_be_chosen_in_the_summary(chat: Any, bot: Bot) -> None:
    anna = chat("anna")
    await anna.say("Skrivaren på avd 5 fungerar inte")
    await anna.click(t("sv", "choice.other_kind"))
    assert anna.text == t("sv", "classify_unsure")
    await anna.click("Behov")
    assert anna.text == ask("sv", "benefit")
    await anna.click(BENEFIT_2)
    await anna.click("Spara")
    entry = only_entry(bot)
    assert (entry["kind"], entry["title"]) == ("need", "Skrivaren på avd 5 fungerar inte")


async def test_unclear_free_text_asks_the_kind_first(chat: Any, bot: Bot) -> None:
    anna = chat("anna")
    await anna.say("Nu har det blivit konstigt igen med listan")
    assert anna.text == t("sv", "classify_unsure")
    assert labels(anna.last) == [
        "Behov",
        "Ärende",
        "Avvikelse",
        "Risk",
        "Ändringsbegäran",
        "Avbryt",
    ]
    await anna.say("risk")
    assert anna.text == ask("sv", "probability", "risk")


async def test_a_tie_puts_the_likeliest_kind_first(chat: Any) -> None:
    omar = chat("omar")
    await omar.say("There is a risk that we need more screens")
    assert omar.text == t("en", "classify", kind_a="a risk")
    assert labels(omar.last)[0] == "Risk"
    await omar.click("Change request")
    assert omar.text == ask("en", "why")
    await omar.say("cancel")
    assert omar.text == "Cancelled. Nothing was saved."


async def test_english_text_gets_english_answers_whatever_the_profile(chat: Any) -> None:
    anna_en = chat("anna", locale="en-GB")
    await anna_en.say("We need a second screen at the reception")
    assert anna_en.last[0].text == t("en", "classified_as", kind_a="a need")
    assert anna_en.text.endswith(ask("en", "unit"))


# -- the form path ------------------------------------------------------------------------


async def test_form_instead_of_questions(chat: Any, bot: Bot) -> None:
    anna = chat("anna")
    await anna.say("behov Skrivare saknas")
    await anna.click("Fyll i formulär i stället")
    form = anna.last[0].form
    assert form is not None
    assert anna.last[0].text == t("sv", "form_title", kind="behov")
    assert form.id.startswith("intake:need:")
    assert form.submit_label == t("sv", "form_submit")
    fields = {f.name: f for f in form.fields}
    assert list(fields) == ["title", "description", "unit", "benefit", "priority"]
    # What the dialogue already knew is filled in.
    assert fields["title"].value == "Skrivare saknas"
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
        "benefit": "",  # a reporter may not know it: the handler sets it
        "priority": t("sv", "pick_one", options="Låg, Medel, Hög"),
    }
    assert rows(bot) == []

    values = {**NEED, "title": "Skrivare saknas på avd 5"}
    await anna.submit(form.id, values)
    assert anna.last[0].text == t("sv", "saved", ref="BEH-1")
    assert only_entry(bot)["fields"] == values

    # The same form sent again (a double submit, a retry): still one entry.
    await anna.submit(form.id, values)
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


async def test_a_change_request_form_needs_no_impact(chat: Any, bot: Bot) -> None:
    anna = chat("anna")
    form = await anna.open_form("change")
    assert {f.name: f.required for f in form.fields} == {
        "what": True,
        "why": True,
        "impact_scope": False,
        "impact_time": False,
        "impact_budget": False,
    }
    await anna.submit(form.id, {"what": "Flytta utbildningen", "why": "Lokalbrist"})
    assert anna.last[0].text == t("sv", "saved", ref="ÄND-1")


# -- double clicks ------------------------------------------------------------------------


async def reach_confirmation(anna: Chat) -> Choice:
    await anna.say("behov Skrivare saknas")
    await anna.say("Avdelning 5")
    await anna.click(BENEFIT_2)
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
    await anna.say("risk Leveransen är sen")
    probability = find_choice(anna.last, "3 – sannolik")
    await anna.act(probability.id, probability.value)
    assert anna.text == ask("sv", "consequence")
    await anna.act(probability.id, probability.value)
    # The consequence question still stands; the second click answered nothing.
    assert anna.text == ask("sv", "consequence")
    await anna.click("1 – liten")
    await anna.click("Spara")
    fields = only_entry(bot)["fields"]
    assert (fields["probability"], fields["consequence"]) == ("3", "1")


# -- cancel, expiry, restart --------------------------------------------------------------


async def test_cancel_ends_the_dialogue_and_stores_nothing(chat: Any, bot: Bot) -> None:
    anna = chat("anna")
    await anna.say("behov Skrivare saknas")
    await anna.say("avbryt")
    assert anna.text == "Avbrutet. Inget sparades."
    assert rows(bot) == []
    assert rows(bot, "dialogues") == []
    # The next message is not taken as an answer.
    await anna.say("Avdelning 5")
    assert anna.text == t("sv", "unknown_command", text="Avdelning 5")


async def test_cancel_in_english_and_by_button(chat: Any, bot: Bot) -> None:
    omar = chat("omar")
    await omar.say("risk The delivery is late")
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
    clock.advance(minutes=29)
    await anna.say("Avdelning 5")
    assert anna.text == ask("sv", "benefit"), "29 minutes is not yet abandoned"
    clock.advance(minutes=31)
    await anna.say("Avdelning 6")
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
    await omar.say("ER")
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
    await anna.say("avvikelse Skrivaren skrev ut fel etikett")
    await anna.say("igår kl 14")
    bot.close()

    again = build(settings, clock=clock)
    try:
        anna = Chat(again, "anna")
        clock.advance(minutes=5)
        await anna.say("Avdelning 5")
        assert anna.text == ask("sv", "consequence")
        await anna.click("1 – liten")
        await anna.click("2 – möjlig")
        save = find_choice(anna.last, "Spara")
        again.close()

        # A second restart between the summary and the click on "Spara".
        again = build(settings, clock=clock)
        anna = Chat(again, "anna")
        await anna.act(save.id, save.value)
        assert anna.last[0].text == t("sv", "saved", ref="AVV-1")
        entry = only_entry(again)
        assert entry["fields"]["what"] == "Skrivaren skrev ut fel etikett"
        assert entry["fields"]["category"] == "patient_safety"
        assert entry["status"] == "new"
    finally:
        again.close()
