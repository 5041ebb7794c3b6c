"""No one is trapped: a table of dialogue states × what the person types → what the bot does,
with commands typed in every state; the question shown again (`var var vi?`, a chat opened
again); old buttons that say what became of them; typo suggestions; a sentence from a second
tab never dropped."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from bot.app.build import Bot
from bot.domain.messages import Reply
from bot.i18n.catalogue import t
from tests.conftest import Chat
from tests.helpers import BENEFIT_2, NEED, find_choice, labels, rows

# -- the states ---------------------------------------------------------------------------


async def no_dialogue(anna: Chat) -> str:
    return ""


async def kind_question(anna: Chat) -> str:
    await anna.say("Nu har det blivit konstigt igen med listan")
    return t("sv", "classify_unsure")


async def select_question(anna: Chat) -> str:
    await anna.say("behov Skärmar saknas på avdelning 5")
    return t("sv", "ask.benefit")


async def text_question(anna: Chat) -> str:
    await anna.say("behov Skärmar saknas")
    return t("sv", "ask.unit")


async def summary(anna: Chat) -> str:
    await anna.say("ärende Utskrifter hamnar i fel skrivare på avdelning 5")
    return anna.last[-1].text


async def reminder_question(anna: Chat) -> str:
    await anna.say("påminn mig om att ringa avdelningen")
    return anna.last[-1].text


STATES: dict[str, Callable[[Chat], Awaitable[str]]] = {
    "none": no_dialogue,
    "kind": kind_question,
    "select": select_question,
    "text": text_question,
    "summary": summary,
    "remind": reminder_question,
}
BUTTONS_ONLY = {"kind", "select", "summary"}
FREE_TEXT = {"text", "remind"}


def texts(replies: list[Reply]) -> list[str]:
    return [reply.text for reply in replies]


async def started(chat: Any, bot: Bot, state: str) -> tuple[Chat, str]:
    await chat("anna").log("need", NEED)  # BEH-1, to show
    anna = chat("anna")
    question = await STATES[state](anna)
    return anna, question


# -- the table: a command in every state ----------------------------------------------------


@pytest.mark.parametrize("state", list(STATES))
async def test_a_command_with_its_argument(chat: Any, bot: Bot, state: str) -> None:
    anna, _question = await started(chat, bot, state)
    replies = await anna.say("visa BEH-1")
    if state == "none":
        assert replies[0].text.startswith("BEH-1 – ")
    elif state in BUTTONS_ONLY:
        # Only buttons were offered: the command runs, the dialogue is put aside.
        assert replies[0].text.startswith("BEH-1 – ")
        assert "ligger kvar" in replies[-1].text
        assert labels(replies)[-1] == t("sv", "dialog.resume_button")
    else:
        # Free text was asked for: the line may be the answer. Asked once, kept meanwhile.
        assert len(replies) == 1
        assert replies[0].text.startswith("Vill du lämna ")
        assert "”visa BEH-1”" in replies[0].text
        assert labels(replies) == [
            t("sv", "dialog.leave_yes", command="visa BEH-1"),
            t("sv", "dialog.leave_no"),
        ]


@pytest.mark.parametrize("state", list(STATES))
async def test_where_were_we(chat: Any, bot: Bot, state: str) -> None:
    anna, question = await started(chat, bot, state)
    replies = await anna.say("var var vi?")
    if state == "none":
        assert texts(replies) == [t("sv", "dialog.nothing_pending")]
    else:
        assert texts(replies) == [t("sv", "dialog.where"), question]
    # In English too, and the question still stands afterwards.
    assert texts(await anna.say("where were we?"))[-1] == (
        question or t("en", "dialog.nothing_pending")
    )


@pytest.mark.parametrize("state", list(STATES))
async def test_help_shows_the_question_again(chat: Any, bot: Bot, state: str) -> None:
    anna, question = await started(chat, bot, state)
    replies = await anna.say("hjälp")
    assert replies[0].text == t("sv", "help")
    assert texts(replies)[1:] == ([question] if question else [])


@pytest.mark.parametrize("state", list(STATES))
async def test_cancel(chat: Any, bot: Bot, state: str) -> None:
    anna, _ = await started(chat, bot, state)
    replies = await anna.say("avbryt")
    assert texts(replies) == [t("sv", "cancelled" if state != "none" else "nothing_to_cancel")]
    assert rows(bot, "dialogues") == []


@pytest.mark.parametrize("state", list(STATES))
async def test_a_typo_of_a_command(chat: Any, bot: Bot, state: str) -> None:
    anna, _question = await started(chat, bot, state)
    replies = await anna.say("lsita mina")
    if state in FREE_TEXT:
        # Free text was asked for: it is the answer (a unit, a reminder's time).
        assert "Menade du" not in replies[-1].text
        return
    assert texts(replies) == [t("sv", "suggest.command", text="lista mina")]
    assert labels(replies) == [
        t("sv", "suggest.yes", text="lista mina"),
        t("sv", "suggest.no_help"),
    ]
    # Never run silently: nothing changed until the person chooses.
    await anna.click(t("sv", "suggest.yes", text="lista mina"))
    assert "BEH-1 · Ny ·" in anna.text


@pytest.mark.parametrize("state", list(STATES))
async def test_a_sentence_from_another_tab_is_never_dropped(
    chat: Any, bot: Bot, state: str
) -> None:
    _anna, question = await started(chat, bot, state)
    other_tab = chat("anna")
    replies = await other_tab.say("Skrivaren på avd 7 fungerar inte sedan i morse")
    shown = "\n".join(texts(replies))
    if state in FREE_TEXT:
        # A free-text question takes it as its answer: nothing lost, and it can be changed.
        assert replies[0].style != "error"
        return
    if state == "none":
        assert shown.startswith(t("sv", "classified_as", kind_a="ett ärende"))
        return
    # The sentence starts something new; the dialogue waits, and the reply says how back.
    assert t("sv", "classified_as", kind_a="ett ärende") in shown
    assert "ligger kvar" in replies[-1].text
    back = await other_tab.click(t("sv", "dialog.resume_button"))
    assert texts(back)[:2] == [t("sv", "dialog.where"), question]


async def test_a_refused_command_still_says_the_dialogue_waits(chat: Any, bot: Bot) -> None:
    anna = chat("anna")
    await summary(anna)
    replies = await anna.say("visa BEH-9")
    assert texts(replies) == [
        t("sv", "not_found", ref="BEH-9"),
        t("sv", "dialog.put_aside", what="Registreringen av ett ärende"),
    ]


# -- "leave or stay?" on a free-text question ----------------------------------------------


async def test_leaving_runs_the_command_and_the_dialogue_waits(chat: Any, bot: Bot) -> None:
    anna, question = await started(chat, bot, "text")
    await anna.say("visa BEH-1")
    await anna.click(t("sv", "dialog.leave_yes", command="visa BEH-1"))
    assert anna.last[0].text.startswith("BEH-1 – ")
    assert anna.last[-1].text == t("sv", "dialog.put_aside", what="Registreringen av ett behov")
    # Text now is not taken as an answer to the hidden question.
    await anna.say("lista mina")
    assert "BEH-1 · Ny" in anna.text
    await anna.say("var var vi?")
    assert texts(anna.last) == [t("sv", "dialog.where"), question]
    await anna.say("Avdelning 5")
    assert anna.text == t("sv", "ask.benefit")


async def test_staying_takes_the_line_as_the_answer(chat: Any, bot: Bot) -> None:
    anna, _ = await started(chat, bot, "text")
    await anna.say("status på avdelning 5 är oklar")
    assert anna.text.startswith("Vill du lämna ")
    await anna.click(t("sv", "dialog.leave_no"))
    assert anna.text == t("sv", "ask.benefit")
    await anna.click(BENEFIT_2)
    await anna.click("Spara")
    entry = rows(bot)[-1]
    assert '"unit": "status på avdelning 5 är oklar"' in entry["fields"]


async def test_yes_and_no_can_be_typed_and_the_question_is_asked_once(chat: Any, bot: Bot) -> None:
    anna, _ = await started(chat, bot, "text")
    await anna.say("lista mina")
    await anna.say("ja")
    assert "BEH-1 · Ny" in anna.text
    await anna.say("var var vi")
    await anna.say("sök skrivare")
    await anna.say("Avdelning 5")  # neither yes nor no: the answer to the question
    assert anna.text == t("sv", "ask.benefit")
    old = find_choice(anna.last, BENEFIT_2)
    assert old.id.startswith("intake:opt:benefit:")


# -- old buttons ----------------------------------------------------------------------------


async def test_an_old_form_button_says_the_entry_is_saved(chat: Any, bot: Bot) -> None:
    anna = chat("anna")
    await anna.say("behov Skärmar saknas på avdelning 5")
    old_form = find_choice(anna.last, t("sv", "choice.form"))
    await anna.click(BENEFIT_2)
    old_save = find_choice(anna.last, "Spara")
    await anna.click("Spara")
    replies = await anna.act(old_form.id, old_form.value)
    assert texts(replies) == [t("sv", "already_saved", ref="BEH-1")]
    assert all(reply.form is None for reply in replies), "no new form for a saved entry"
    # With a new dialogue going, the old button also shows what stands now.
    await anna.say("ärende Skrivaren är trasig")
    replies = await anna.act(old_save.id, old_save.value)
    assert texts(replies) == [t("sv", "already_saved", ref="BEH-1"), t("sv", "ask.unit")]
    assert len(rows(bot)) == 1


async def test_a_button_of_a_cancelled_dialogue_says_so(chat: Any, bot: Bot) -> None:
    anna = chat("anna")
    await anna.say("behov Skärmar saknas på avdelning 5")
    old = find_choice(anna.last, BENEFIT_2)
    old_form = find_choice(anna.last, t("sv", "choice.form"))
    await anna.say("avbryt")
    await anna.say("ärende Skrivaren är trasig")
    for button in (old, old_form):
        replies = await anna.act(button.id, button.value)
        assert texts(replies) == [t("sv", "stale_action"), t("sv", "ask.unit")]
    assert rows(bot) == []


async def test_the_chat_opened_again_shows_what_stands(chat: Any, bot: Bot) -> None:
    anna = chat("anna")
    assert await anna.act("dialog:pending") == []
    await anna.say("behov Skärmar saknas")
    replies = await anna.act("dialog:pending")
    assert texts(replies) == [t("sv", "dialog.where"), t("sv", "ask.unit")]
    await anna.say("visa BEH-1")
    await anna.click(t("sv", "dialog.leave_yes", command="visa BEH-1"))
    replies = await anna.act("dialog:pending")
    assert texts(replies) == [t("sv", "dialog.put_aside", what="Registreringen av ett behov")]


# -- typos of people ----------------------------------------------------------------------


async def test_a_typo_of_a_person_gets_a_suggestion_not_a_guess(chat: Any, bot: Bot) -> None:
    await chat("anna").log("need", NEED)
    bertil = chat("bertil")
    await bertil.say("tilldela BEH-1 Davd")
    assert bertil.text == t("sv", "suggest.person", name="Davd", person="David Berg")
    assert rows(bot)[0]["assignee"] in (None, "")
    await bertil.click(t("sv", "suggest.person_yes", person="David Berg"))
    assert bertil.text == t("sv", "assigned", ref="BEH-1", name="David Berg")


@pytest.mark.parametrize(
    ("typed", "meant"), [("lsita", "lista"), ("behv skrivare", "behov skrivare")]
)
async def test_typos_of_commands(chat: Any, typed: str, meant: str) -> None:
    anna = chat("anna")
    await anna.say(typed)
    assert anna.text == t("sv", "suggest.command", text=meant)


async def test_inflected_words_are_not_typos(chat: Any) -> None:
    anna = chat("anna")
    await anna.say("Risken är att utbildningen blir försenad")
    assert "Menade du" not in anna.text
