"""Bad input gets a clear answer in the person's language, and nothing crashes: empty, huge,
control characters, right-to-left text and emoji, unknown numbers, commands, statuses,
buttons and forms, and personal identity numbers, which must never reach the database."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from bot.app.build import Bot
from bot.config import Settings
from bot.domain.messages import FormSubmission, Incoming, Reply
from bot.i18n.catalogue import t
from bot.text.language import guess_language
from tests.conftest import Chat
from tests.helpers import BENEFIT_2, NEED, form_of, rows, stored_bytes

# Skatteverket's published test numbers, as typed, and the digit strings that must never be stored.
PERSONAL_NUMBERS = {
    "19121212-1212": (b"19121212-1212", b"191212121212", b"121212-1212", b"1212121212"),
    "121212-1212": (b"121212-1212", b"1212121212"),
    "701063-2391": (b"701063-2391", b"7010632391"),  # samordningsnummer (day 03 + 60)
}


def assert_not_stored(settings: Settings, number: str) -> None:
    data = stored_bytes(settings)
    for digits in PERSONAL_NUMBERS[number]:
        assert digits not in data, f"{digits!r} reached the database"


def webchat_form(user: str, form_id: str, values: dict[str, str], key: str) -> Incoming:
    """A form submission straight from the web chat, without asking for the form first."""
    return Incoming(
        platform="webchat",
        user_id=user,
        conversation_id=f"dm:{user}",
        form=FormSubmission(form_id, values),
        idempotency_key=key,
    )


async def assert_stale_for_anna_and_omar(
    chat: Any, bot: Bot, send: Callable[[Chat], Awaitable[list[Reply]]]
) -> None:
    """What `send` sends is refused as a stale action, in Swedish and English; nothing stored."""
    anna = chat("anna")
    await send(anna)
    assert anna.last[0].style == "error"
    assert anna.text == t("sv", "stale_action")
    omar = chat("omar")
    await send(omar)
    assert omar.text == t("en", "stale_action")
    assert rows(bot) == []


# -- empty and huge -----------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", " ", "   \n\t  ", "\u00a0", "\x00\x07", "\r\n\r\n"])
@pytest.mark.parametrize(("user", "locale"), [("anna", "sv"), ("omar", "en")])
async def test_empty_text_gets_help(chat: Any, bot: Bot, text: str, user: str, locale: str) -> None:
    person = chat(user)
    await person.say(text)
    assert person.text == t(locale, "empty")
    assert [c.label for c in person.last[0].choices] == (
        ["hjälp", "behov", "lista mina"] if locale == "sv" else ["help", "need", "list mine"]
    )
    assert rows(bot) == []


async def test_empty_answer_in_a_dialogue_keeps_the_question(chat: Any, bot: Bot) -> None:
    anna = chat("anna")
    await anna.say("behov Skrivare saknas")
    await anna.say("   ")
    # Nothing typed: the question that stands is shown again.
    assert [r.text for r in anna.last] == [t("sv", "empty"), t("sv", "ask.unit")]
    await anna.say("Avdelning 5")
    assert anna.text == t("sv", "ask.benefit")


@pytest.mark.parametrize(("user", "locale"), [("anna", "sv"), ("omar", "en")])
async def test_a_huge_message_is_refused_with_the_numbers(
    chat: Any, bot: Bot, settings: Settings, user: str, locale: str
) -> None:
    person = chat(user)
    await person.say("x" * 100_000)
    assert person.last[0].style == "error"
    assert person.text == t(locale, "too_long", length="100 000", limit="20 000")
    assert rows(bot) == [] and rows(bot, "dialogues") == []
    assert b"x" * 1000 not in stored_bytes(settings)


async def test_huge_answers_in_a_dialogue(chat: Any, bot: Bot) -> None:
    anna = chat("anna")
    await anna.say("ändring Flytta utbildningen")
    await anna.say("y" * 100_000)
    assert (
        anna.text
        == "Texten är för lång: 100 000 tecken, högst 20 000 går. Korta den eller dela upp den."
    )
    # Over what the field allows, under what a message allows: the field's own limit.
    await anna.say("y" * 15_000)
    assert anna.last[0].style == "error"
    assert anna.last[0].text == t("sv", "too_long", length="15 000", limit="10 000")
    assert anna.last[1].text == t("sv", "ask.why")
    # Up to the field's limit is accepted.
    await anna.say("y" * 10_000)
    await anna.click("Spara")
    assert anna.last[0].text == t("sv", "saved", ref="ÄND-1")
    assert len(json.loads(rows(bot)[0]["fields"])["why"]) == 10_000


async def test_a_long_first_message_becomes_the_description(chat: Any, bot: Bot) -> None:
    anna = chat("anna")
    await anna.say("behov " + "Vi behöver skrivare. " * 20)
    # Too long for a title (200): it is the description, and its first sentence the title.
    assert anna.text == t("sv", "ask.unit")
    await anna.say("Avdelning 5")
    await anna.click(BENEFIT_2)
    assert "Rubrik: Vi behöver skrivare. (förslag)" in anna.text.splitlines()
    await anna.click("Spara")
    fields = json.loads(rows(bot)[0]["fields"])
    assert fields["description"] == ("Vi behöver skrivare. " * 20).strip()


async def test_huge_form_fields(chat: Any, bot: Bot) -> None:
    omar = chat("omar")
    form = await omar.open_form("need")
    await omar.submit(form.id, {**NEED, "title": "t" * 100_000, "description": "d" * 100_000})
    fields = form_of(omar.last)
    assert (
        fields["title"][1]
        == "The text is too long: 100 000 characters, at most 200. Shorten it or split it up."
    )
    assert fields["description"][1] == t("en", "too_long", length="100 000", limit="10 000")
    assert rows(bot) == []
    await omar.submit(form.id, {**NEED, "title": "t" * 200, "description": "d" * 10_000})
    assert omar.last[0].text == t("en", "saved", ref="BEH-1")


async def test_a_huge_comment(chat: Any, bot: Bot) -> None:
    await chat("anna").log("need", NEED)
    bertil = chat("bertil")
    await bertil.say("kommentera BEH-1 " + "k" * 6_000)
    assert bertil.text == t("sv", "too_long", length="6 000", limit="5 000")
    await bertil.say("kommentera BEH-1 " + "k" * 100_000)
    assert bertil.text == t("sv", "too_long", length="100 017", limit="20 000")
    assert rows(bot, "comments") == []
    await bertil.say("kommentera BEH-1 " + "k" * 5_000)
    assert bertil.text == t("sv", "commented", ref="BEH-1")


# -- control characters, right-to-left text, emoji ----------------------------------------


async def test_control_characters_are_removed_before_storage(
    chat: Any, bot: Bot, settings: Settings
) -> None:
    anna = chat("anna")
    await anna.say("behov Skri\x00vare\x07 saknas\x1b på avd 5")
    await anna.click(BENEFIT_2)
    await anna.say("beskrivning Ingen\x0b skrivare\x7f i \x1b[31mkorridoren\x9b")
    await anna.say("enhet Avdelning\x0c 5")
    await anna.click("Spara")
    entry = rows(bot)[0]
    fields = json.loads(entry["fields"])
    assert entry["title"] == "Skrivare saknas på avd 5"
    assert fields["description"] == "Ingen skrivare i [31mkorridoren"
    assert fields["unit"] == "Avdelning 5"
    await chat("bertil").say("kommentera BEH-1 Klart\x00 på\x07 fredag\x1b")
    assert rows(bot, "comments")[0]["text"] == "Klart på fredag"
    form = await anna.open_form("need")
    await anna.submit(form.id, {**NEED, "title": "\x00Form\x07ulär\x1b"})
    assert rows(bot)[1]["title"] == "Formulär"
    # No stored text anywhere holds a control character (the file format itself is binary).
    for table in bot.db.table_names():
        for row in bot.db.query(f"SELECT * FROM [{table}]"):
            for value in row.values():
                if isinstance(value, str):
                    assert not any(c in value for c in "\x00\x07\x0b\x0c\x1b\x7f\x9b"), (
                        table,
                        value,
                    )


RTL_AND_EMOJI = [
    "الطابعة في القسم ٥ لا تعمل",  # Arabic, with an Arabic-Indic digit
    "המדפסת במחלקה 5 לא עובדת",  # Hebrew
    "Skrivaren 🖨️ är trasig 😩",  # emoji with a variation selector
    "Vårdpersonal 👩🏽‍⚕️ och familj 👨‍👩‍👧‍👦",  # ZWJ sequences and a skin tone
    "Flaggor 🇸🇪 🇺🇦 🏳️‍🌈 🏴󠁧󠁢󠁳󠁣󠁴󠁿",  # flags: regional indicators, ZWJ and tag sequences
    "\u202bمختلط mixed עברית\u202c med 🇸🇪",  # bidi embedding marks are kept
]


@pytest.mark.parametrize("title", RTL_AND_EMOJI)
async def test_right_to_left_text_and_emoji_are_stored_and_shown_intact(
    chat: Any, bot: Bot, title: str
) -> None:
    anna = chat("anna")
    await anna.say(f"behov {title}")
    assert anna.text == t("sv", "ask.unit")
    await anna.say(title)
    await anna.click(BENEFIT_2)
    await anna.say(f"beskrivning {title}\n{title}")
    assert title in anna.text  # in the summary
    await anna.click("Spara")
    assert anna.text == t("sv", "saved", ref="BEH-1")
    entry = rows(bot)[0]
    assert entry["title"] == title
    assert json.loads(entry["fields"]) == {
        "title": title,
        "description": f"{title}\n{title}",
        "unit": title,
        "benefit": "2",
        "priority": "medium",
    }
    await anna.say("visa BEH-1")
    assert anna.text.startswith(f"BEH-1 – {title}\n")
    assert f"Enhet: {title}" in anna.text
    await anna.say("lista mina")
    assert f"BEH-1 · Ny · {title}" in anna.text
    await chat("bertil").say(f"kommentera BEH-1 {title}")
    assert rows(bot, "comments")[0]["text"] == title
    assert bot.webchat is not None
    direct = [m for m in bot.webchat.inbox("anna", 0) if m["direct"]]
    assert direct[0]["text"].endswith(f": {title}")


async def test_emoji_only_and_rtl_free_text_do_not_crash(chat: Any, bot: Bot) -> None:
    omar = chat("omar")
    await omar.say("🙂")
    assert omar.text == t("en", "unknown_command", text="🙂")
    await omar.say("👩🏽‍⚕️ 🇸🇪 🏳️‍🌈 ✨")
    assert omar.text in (
        t("en", "classify_unsure"),
        t("en", "unknown_command", text="👩🏽‍⚕️ 🇸🇪 🏳️‍🌈 ✨"),
    )
    await omar.say("cancel")
    await omar.say("الطابعة لا تعمل")
    assert omar.text == t("en", "classify_unsure")
    await omar.click("Issue")
    assert omar.text == t("en", "ask.unit")
    await omar.say("Emergency")
    await omar.click("Save")
    assert omar.text == t("en", "saved", ref="ÄRE-1")
    assert rows(bot)[0]["title"] == "الطابعة لا تعمل"


# -- unknown things -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("user", "text", "expected"),
    [
        ("anna", "visa BEH-999", "Jag hittar inget BEH-999."),
        ("anna", "visa ÄND-7", "Jag hittar ingen ÄND-7."),
        ("omar", "show AVV-42", "I cannot find AVV-42."),
        ("anna", "visa", "Skriv vilket, till exempel BEH-12."),
        ("anna", "visa skrivaren", "Skriv vilket, till exempel BEH-12."),
        ("omar", "show", "Say which one, for example BEH-12."),
        ("bertil", "status BEH-999 pågår", "Jag hittar inget BEH-999."),
        ("bertil", "eskalera RIS-5", "Jag hittar ingen RIS-5."),
        ("bertil", "kommentera BEH-999 hej", "Jag hittar inget BEH-999."),
        ("bertil", "tilldela ÄRE-999 bertil", "Jag hittar inget ÄRE-999."),
        ("bertil", "status", "Skriv vilket, till exempel BEH-12."),
        ("bertil", "status pågår BEH-1", "Skriv vilket, till exempel BEH-12."),
        ("anna", "visa BEH-99999999999", "Skriv vilket, till exempel BEH-12."),
    ],
)
async def test_unknown_numbers(chat: Any, bot: Bot, user: str, text: str, expected: str) -> None:
    await chat("anna").log("need", NEED)
    person = chat(user)
    await person.say(text)
    assert person.last[0].style == "error"
    assert person.text == expected


@pytest.mark.parametrize(
    ("user", "text", "expected"),
    [
        (
            "bertil",
            "status BEH-1 klar",
            "”klar” är ingen status. Välj en av: ny, pågår, eskalerad, löst, stängd, avvisad.",
        ),
        (
            "bertil",
            "status BEH-1",
            "”–” är ingen status. Välj en av: ny, pågår, eskalerad, löst, stängd, avvisad.",
        ),
        (
            "david",
            "status BEH-1 done",
            "”done” är ingen status. Välj en av: ny, pågår, eskalerad, löst, stängd, avvisad.",
        ),
    ],
)
async def test_wrong_status_names_list_the_valid_ones(
    chat: Any, bot: Bot, user: str, text: str, expected: str
) -> None:
    await chat("anna").log("need", NEED)
    person = chat(user)
    await person.say(text)
    assert person.last[0].style == "error"
    assert person.text == expected
    assert rows(bot)[0]["status"] == "new"


async def test_wrong_status_name_in_english(chat: Any, bot: Bot) -> None:
    await chat("anna").log("need", NEED)
    stranger = chat("stranger", locale="en")
    await stranger.say("status BEH-1 done")
    # Someone the programme does not know: the client's language.
    assert stranger.text == (
        "“done” is not a status. Pick one of: new, in progress, escalated, resolved, closed, "
        "rejected."
    )
    # No word tells the language: Bertil's profile (Swedish) does, not his English client.
    bertil = chat("bertil", locale="en")
    await bertil.say("status BEH-1 done")
    assert bertil.text == (
        "”done” är ingen status. Välj en av: ny, pågår, eskalerad, löst, stängd, avvisad."
    )
    assert rows(bot)[0]["status"] == "new"


@pytest.mark.parametrize(
    ("user", "text"),
    [
        ("anna", "blorf"),
        ("anna", "xq zz"),
        ("anna", "hej"),
        ("omar", "blorf"),
        ("omar", "asdf qwer"),
    ],
)
async def test_unknown_commands_get_help(chat: Any, bot: Bot, user: str, text: str) -> None:
    person = chat(user)
    locale = "sv" if user == "anna" else "en"
    await person.say(text)
    assert person.text == t(locale, "unknown_command", text=text)
    assert person.last[0].choices, "help is offered as choices"
    await person.click(person.last[0].choices[0].label)
    assert person.text == t(locale, "help")
    assert rows(bot) == [] and rows(bot, "dialogues") == []


async def test_help_in_the_middle_of_a_dialogue_repeats_the_question(chat: Any) -> None:
    anna = chat("anna")
    await anna.say("behov Skrivare saknas")
    await anna.say("hjälp")
    assert [r.text for r in anna.last] == [t("sv", "help"), t("sv", "ask.unit")]


async def test_list_with_unknown_words(chat: Any) -> None:
    anna = chat("anna")
    await anna.say("lista blorf")
    assert anna.last[0].style == "error"
    assert anna.text == t(
        "sv",
        "bad_list_word",
        text="blorf",
        kinds="behov, ärende, avvikelse, risk, ändringsbegäran",
        options="ny, pågår, eskalerad, löst, stängd, avvisad",
    )


# -- personal identity numbers ------------------------------------------------------------


@pytest.mark.parametrize("number", list(PERSONAL_NUMBERS))
@pytest.mark.parametrize(("user", "locale"), [("anna", "sv"), ("omar", "en")])
async def test_personal_number_in_free_text_is_refused(
    chat: Any, bot: Bot, settings: Settings, number: str, user: str, locale: str
) -> None:
    person = chat(user)
    for text in (
        f"Patienten {number} föll på avd 5",
        f"behov Ring anhöriga till {number}",
        f"avvikelse Fel dos till {number}",
        number,
        f"sök {number}",
    ):
        await person.say(text)
        assert person.last[0].style == "error"
        # In the language written (these are Swedish), else the person's own.
        written = guess_language(text).locale or locale
        assert person.text == t(written, "pii_refused")
        assert number not in person.text
    assert rows(bot) == [] and rows(bot, "dialogues") == []
    assert_not_stored(settings, number)


@pytest.mark.parametrize(
    ("text", "key", "locale"),
    [
        ("behov Mötet 20240315-1430 behöver en projektor", "pii_refused.timestamp", "sv"),
        ("need Call me on 0701234569", "pii_refused.phone", "en"),
    ],
)
async def test_a_number_that_may_be_a_time_or_a_phone_is_refused_with_how_to_write_it(
    chat: Any, bot: Bot, text: str, key: str, locale: str
) -> None:
    person = chat("anna", locale)
    await person.say(text)
    assert person.text == t(locale, key)
    assert "2024-03-15 14:30" in person.text or "070-123 45 67" in person.text
    assert rows(bot) == [] and rows(bot, "dialogues") == []
    # Written as the answer says, it passes.
    await person.say(
        text.replace("20240315-1430", "2024-03-15 14:30").replace("0701234569", "070-123 45 69")
    )
    assert person.last[-1].style != "error"


@pytest.mark.parametrize("number", list(PERSONAL_NUMBERS))
async def test_personal_number_in_a_dialogue_answer_is_refused(
    chat: Any, bot: Bot, settings: Settings, number: str
) -> None:
    anna = chat("anna")
    await anna.say("avvikelse Fel dos gavs")
    await anna.say("igår kl 14")
    await anna.say(f"Avdelning 5, patient {number}")
    assert anna.text == t("sv", "pii_refused")
    # The question still stands; a clean answer moves on.
    await anna.say("Avdelning 5")
    assert anna.text == t("sv", "ask.consequence")
    await anna.click("2 – måttlig")
    await anna.click("1 – osannolik")
    await anna.say(f"omedelbar åtgärd Kontaktade {number.replace('-', '')}")
    assert anna.text == t("sv", "pii_refused")
    await anna.say("omedelbar åtgärd Kontaktade läkaren")
    assert "Omedelbar åtgärd: Kontaktade läkaren" in anna.text.splitlines()
    await anna.click("Spara")
    assert anna.last[0].text == t("sv", "saved", ref="AVV-1")
    assert number not in "\n".join(r.text for r in anna.last)
    assert_not_stored(settings, number)


@pytest.mark.parametrize("number", list(PERSONAL_NUMBERS))
async def test_personal_number_in_a_comment_is_refused(
    chat: Any, bot: Bot, settings: Settings, number: str
) -> None:
    await chat("anna").log("need", NEED)
    bertil = chat("bertil")
    await bertil.say(f"kommentera BEH-1 Gäller patient {number}")
    assert bertil.text == t("sv", "pii_refused")
    anna = chat("anna")
    await anna.say(f"kommentera BEH-1 {number}")
    assert anna.text == t("sv", "pii_refused")
    assert rows(bot, "comments") == []
    # The handler heard of the new need; nobody heard of a comment.
    assert [r["user"] for r in rows(bot, "webchat_inbox") if r["user"]] == ["helena"]
    assert_not_stored(settings, number)


@pytest.mark.parametrize("number", list(PERSONAL_NUMBERS))
async def test_personal_number_in_a_form_field_is_refused_and_emptied(
    chat: Any, bot: Bot, settings: Settings, number: str
) -> None:
    anna = chat("anna")
    form = await anna.open_form("need")
    values = {**NEED, "description": f"Skrivaren till patient {number} saknas"}
    await anna.submit(form.id, values)
    assert anna.last[0].style == "error"
    assert anna.last[0].text == t("sv", "form_errors")
    fields = form_of(anna.last)
    assert fields["description"] == ("", t("sv", "pii_refused"))
    # The other fields keep what was typed.
    assert fields["title"] == (NEED["title"], "")
    assert rows(bot) == []
    assert_not_stored(settings, number)
    await anna.submit(form.id, NEED)
    assert anna.last[0].text == t("sv", "saved", ref="BEH-1")
    assert_not_stored(settings, number)


@pytest.mark.parametrize("number", list(PERSONAL_NUMBERS))
async def test_personal_number_in_a_retried_form_is_not_kept_with_the_answer(
    bot: Bot, settings: Settings, number: str
) -> None:
    """A platform retry gets the stored answer: that answer must not hold the number either,
    whichever field it was typed in (a select field, an over-long text)."""
    values = {
        "title": "Skrivare saknas",
        "description": "d" * 10_001 + f" {number}",
        "unit": "Avdelning 5",
        "benefit": "2",
        "priority": number,
    }
    incoming = webchat_form("omar", "intake:need:retry-nonce", values, "webchat:omar:client-1")
    for _ in range(2):
        replies = await bot.engine.handle(incoming)
        fields = form_of(replies)
        assert fields["priority"] == ("", t("en", "pii_refused"))
        assert fields["description"] == ("", t("en", "pii_refused"))
        assert fields["title"] == ("Skrivare saknas", "")
    assert rows(bot) == []
    # Nothing was saved, so the answer is not kept either: the retry was answered anew, alike.
    assert rows(bot, "handled_requests") == []
    assert_not_stored(settings, number)


async def test_a_phone_number_is_not_a_personal_number(chat: Any, bot: Bot) -> None:
    anna = chat("anna")
    await anna.say("behov Ring mig på 070-123 45 67 om skrivaren")
    assert anna.text == t("sv", "ask.unit")
    await anna.say("Avdelning 5")
    await anna.click(BENEFIT_2)
    await anna.say("beskrivning Nå mig på 0701234567 eller 090-785 00 00")
    await anna.click("Spara")
    assert anna.last[0].text == t("sv", "saved", ref="BEH-1")
    entry = rows(bot)[0]
    assert entry["title"] == "Ring mig på 070-123 45 67 om skrivaren"
    assert json.loads(entry["fields"])["description"] == "Nå mig på 0701234567 eller 090-785 00 00"
    await chat("bertil").say("kommentera BEH-1 Ringer 070-123 45 67 i morgon")
    assert rows(bot, "comments")[0]["text"] == "Ringer 070-123 45 67 i morgon"


# -- stale and forged buttons and forms ---------------------------------------------------


async def test_a_button_of_a_dialogue_that_ended(chat: Any, bot: Bot) -> None:
    anna = chat("anna")
    await anna.say("behov Skrivare saknas")
    await anna.say("Avdelning 5")
    benefit = next(c for c in anna.last[0].choices if c.label == BENEFIT_2)
    await anna.say("avbryt")
    await anna.act(benefit.id, benefit.value)
    assert anna.last[0].style == "error"
    assert anna.text == "Den knappen hör till en dialog som redan är avslutad. Börja gärna om."
    await anna.say("Nu har det blivit konstigt igen med listan")
    kind = next(c for c in anna.last[0].choices if c.label == "Ärende")
    cancel = next(c for c in anna.last[0].choices if c.label == "Avbryt")
    await anna.act(cancel.id, cancel.value)
    await anna.act(kind.id, kind.value)
    assert anna.text == t("sv", "stale_action")
    assert rows(bot) == [] and rows(bot, "dialogues") == []


async def test_a_stale_button_in_english(chat: Any, bot: Bot) -> None:
    omar = chat("omar")
    await omar.say("issue Cannot log in")
    cancel = next(c for c in omar.last[0].choices if c.label == "Cancel")
    await omar.say("cancel")
    await omar.act(cancel.id, cancel.value)
    assert omar.text == (
        "That button belongs to a dialogue that has already ended. Feel free to start again."
    )
    await omar.act("intake:save", "no-such-dialogue")
    assert omar.text == t("en", "stale_action")
    assert rows(bot) == []


@pytest.mark.parametrize(
    ("action_id", "value"),
    [
        ("nonsense", ""),
        ("nonsense:xyz", "1"),
        ("", ""),
        (":", ":"),
        ("intake", ""),
        ("intake:explode", "now"),
        ("intake:kind", "not-a-kind"),
        ("intake:opt", "high"),
        ("intake:save", ""),
    ],
)
async def test_unknown_action_ids(chat: Any, bot: Bot, action_id: str, value: str) -> None:
    await assert_stale_for_anna_and_omar(chat, bot, lambda person: person.act(action_id, value))


async def test_an_unknown_action_during_a_dialogue_leaves_it_alone(chat: Any, bot: Bot) -> None:
    anna = chat("anna")
    await anna.say("behov Skrivare saknas")
    await anna.act("intake:explode", "now")
    # Said so, and the question that stands is shown again.
    assert [r.text for r in anna.last] == [t("sv", "stale_action"), t("sv", "ask.unit")]
    await anna.act("intake:opt", "high")  # not an answer to the question that stands
    assert anna.last[-1].text == t("sv", "ask.unit")
    await anna.say("Avdelning 5")
    assert anna.text == t("sv", "ask.benefit")


@pytest.mark.parametrize(
    "form_id",
    [
        "nonsense",
        "nonsense:need:1",
        "",
        "intake",
        "intake:need",
        "intake:bogus:123",
        "intake:need:1:2",
        "intake::",
    ],
)
async def test_unknown_form_ids(chat: Any, bot: Bot, form_id: str) -> None:
    await assert_stale_for_anna_and_omar(chat, bot, lambda person: person.submit(form_id, NEED))


async def test_a_form_with_unexpected_fields(chat: Any, bot: Bot) -> None:
    anna = chat("anna")
    values = {**NEED, "status": "closed", "reporter_id": "david", "id": "7", "": "x"}
    await anna.submit("intake:need:forged", values)
    assert anna.last[0].text == t("sv", "saved", ref="BEH-1")
    entry = rows(bot)[0]
    assert entry["status"] == "new"
    assert entry["reporter_id"] == "anna"
    assert json.loads(entry["fields"]) == NEED


# -- nothing crashes ----------------------------------------------------------------------

NASTY = [
    "",
    "\x00",
    "x" * 20_001,
    "{}",
    "{ref}",
    "%s %d",
    "{0}",
    "<script>alert(1)</script>",
    "'; DROP TABLE entries; --",
    "status",
    "status BEH-1",
    "tilldela BEH-1",
    "kommentera",
    "eskalera",
    "lista alla mina alla",
    "lista in progress",
    "sök",
    "visa BEH-0",
    "visa BEH--1",
    "hjälp hjälp",
    "avbryt nu",
    "\u202e",
    "\ud800",
    "\ufeff",
    "🏴󠁧󠁢󠁳󠁣󠁴󠁿" * 500,
]


@pytest.mark.parametrize("text", NASTY)
@pytest.mark.parametrize(("user", "locale"), [("anna", "sv"), ("bertil", "sv"), ("omar", "en")])
async def test_nothing_crashes(chat: Any, bot: Bot, text: str, user: str, locale: str) -> None:
    await chat("anna").log("need", NEED)
    person = chat(user)
    await person.say(text)
    assert person.last, "always an answer"
    assert all(reply.text for reply in person.last)
    assert person.text != t(locale, "error"), "no internal error"
    # In the person's language (or the one written): the Swedish and English texts differ.
    if (guess_language(text).locale or locale) == "en":
        assert "Jag " not in person.text and "Skriv " not in person.text
    # And the bot still works afterwards.
    await person.say("avbryt" if locale == "sv" else "cancel")
    await person.say("visa BEH-1" if locale == "sv" else "show BEH-1")
    if user != "omar":
        assert person.text.startswith("BEH-1 – Skrivare saknas")


@pytest.mark.parametrize("number", list(PERSONAL_NUMBERS))
async def test_a_personal_number_in_a_forged_form_id_is_not_stored(
    bot: Bot, settings: Settings, number: str
) -> None:
    for nonce in (number, number.replace("-", ""), f"x{number}x"):
        incoming = webchat_form("anna", f"intake:need:{nonce}", NEED, f"webchat:anna:{len(nonce)}")
        replies = await bot.engine.handle(incoming)
        assert [r.text for r in replies] == [t("sv", "pii_refused")]
    assert rows(bot) == []
    assert_not_stored(settings, number)


@pytest.mark.parametrize("number", ["19121212-1212", "701063-2391"])
async def test_a_personal_number_in_a_button_value_is_refused_and_not_stored(
    chat: Any, bot: Bot, settings: Settings, number: str
) -> None:
    """Clients send button values back; one holding a personnummer is refused, never echoed."""
    bertil = chat("bertil")
    await bertil.act("triage:status", f"BEH-1 {number}")
    assert bertil.text == t("sv", "pii_refused")
    await bertil.act(f"intake:opt:{number}", "2")
    assert bertil.text == t("sv", "pii_refused")
    assert_not_stored(settings, number)


async def test_an_overlong_form_id_is_refused(chat: Any, bot: Bot, settings: Settings) -> None:
    anna = chat("anna")
    await anna.submit("intake:need:" + "a" * 100_000, NEED)
    assert anna.text == t("sv", "stale_action")
    assert rows(bot) == []
    assert b"a" * 1000 not in stored_bytes(settings)
