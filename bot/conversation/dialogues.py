"""No one is trapped in a dialogue: the rules for text that arrives while a question stands.

- A command on a button-only step runs; the dialogue is put aside, and the reply says so and
  offers a way back.
- A line starting with a command word on a free-text step is asked about once ("Vill du lämna
  registreringen och köra ”visa BEH-1”?"); the line is kept until the person chooses.
- `var var vi?` / `where were we?` (and a chat that opens again) shows the standing question.
- A button from a finished or replaced dialogue says so and shows what stands now."""

from __future__ import annotations

from bot.conversation.context import LOCALE_KEY, Command, Context, Dispatcher, Flow, Replies
from bot.domain.errors import UserError
from bot.domain.messages import Choice, Reply
from bot.text.clean import shorten
from bot.text.language import guess_language

PREFIX = "dialog"
WHERE_WERE_WE = frozenset(
    {"var var vi", "var är vi", "var var vi någonstans", "where were we", "where are we"}
)
HELD = "held"


def is_where_were_we(text: str) -> bool:
    return " ".join(text.casefold().strip(" ?!.").split()) in WHERE_WERE_WE


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


async def command_in_dialogue(
    engine: Dispatcher, context: Context, flow: Flow, command: Command, text: str, rest: str
) -> Replies:
    """A command word at the start of a line typed while a question stands."""
    dialogue = context.dialogue
    assert dialogue is not None
    if flow.takes_text(context):
        # Ambiguous: it could be the answer. Keep the line and ask once.
        dialogue.extra[HELD] = text
        context.save_dialogue()
        command_text = shorten(text, 60)
        return [
            Reply(
                context.t(
                    "dialog.leave_question",
                    what=lower_first(flow.aside(context)),
                    command=command_text,
                ),
                choices=(
                    Choice(
                        f"{PREFIX}:leave",
                        context.t("dialog.leave_yes", command=command_text),
                        dialogue.id,
                    ),
                    Choice(f"{PREFIX}:stay", context.t("dialog.leave_no"), dialogue.id),
                ),
            )
        ]
    return await run_aside(engine, context, flow, command, rest, text)


async def run_aside(
    engine: Dispatcher, context: Context, flow: Flow, command: Command, rest: str, text: str
) -> Replies:
    """Put the dialogue aside, run the command, and say how to come back."""
    note = aside_note(context, flow)
    context.put_aside()
    language = engine.language_of(text)
    if language is not None:
        context.locale = language
    try:
        replies = await command.handler(context, rest)
    except UserError as error:
        # The command's own refusal ("Jag hittar inget BEH-1"), and still the way back.
        replies = [Reply(context.t(error.key, **error.values), style="error")]
    return [*replies, note]


async def text_aside(engine: Dispatcher, context: Context, flow: Flow, text: str) -> Replies:
    """A sentence typed at a button question: put the dialogue aside, take the text as new."""
    note = aside_note(context, flow)
    context.put_aside()
    language = guess_language(text).locale
    if language is not None:
        context.locale = language
    replies = await engine.free_text(context, text)
    return [*replies, note]


def aside_note(context: Context, flow: Flow) -> Reply:
    return Reply(
        context.t("dialog.put_aside", what=flow.aside(context)),
        choices=(Choice(f"{PREFIX}:resume", context.t("dialog.resume_button")),),
    )


async def held_answer(
    engine: Dispatcher, context: Context, flow: Flow, text: str
) -> Replies | None:
    """Text typed while "leave or stay?" stands: a yes or no decides it, anything else is an
    answer to the dialogue's own question (the person chose to go on)."""
    dialogue = context.dialogue
    assert dialogue is not None
    held = str(dialogue.extra.get(HELD, ""))
    if not held:
        return None
    word = text.casefold().strip(" .!")
    if word in ("ja", "yes", "japp", "ok"):
        return await on_action(engine, context, f"{PREFIX}:leave", dialogue.id)
    if word in ("nej", "no"):
        return await on_action(engine, context, f"{PREFIX}:stay", dialogue.id)
    dialogue.extra.pop(HELD, None)
    return None


async def on_action(engine: Dispatcher, context: Context, action_id: str, value: str) -> Replies:
    name = action_id.partition(":")[2]
    if name == "pending":
        return opened(engine, context)
    if name == "resume":
        return resume(engine, context, swap=True)
    if name == "free":
        # "No, it was not a command": the text goes to the free-text path as written.
        return await engine.free_text(context, value)
    dialogue = context.dialogue
    held = str(dialogue.extra.get(HELD, "")) if dialogue is not None else ""
    if dialogue is None or dialogue.id != value or not held:
        return [Reply(context.t("dialog.question_gone")), *current_state(engine, context)]
    flow = engine.flows[dialogue.flow]
    dialogue.extra.pop(HELD, None)
    if name == "leave":
        word, _, rest = held.partition(" ")
        command = engine.commands.get(word.casefold().rstrip(":,.!"))
        if command is not None:
            return await run_aside(engine, context, flow, command, rest.strip(), held)
    context.save_dialogue()
    return await flow.answer(context, held)


def prompt(engine: Dispatcher, context: Context) -> Replies:
    dialogue = context.dialogue
    assert dialogue is not None
    flow = engine.flows.get(dialogue.flow)
    if flow is None:
        context.end_dialogue()
        return []
    context.locale = str(dialogue.extra.get(LOCALE_KEY) or context.locale)
    return flow.prompt(context)


def resume(engine: Dispatcher, context: Context, *, swap: bool = False) -> Replies:
    """`var var vi?`: the question that stands, or else the dialogue put aside, brought back.

    The "continue where we were" button (`swap`) always brings back the one put aside; a
    dialogue begun since then is put aside in its place."""
    current = context.dialogue
    if current is not None and not swap:
        return [Reply(context.t("dialog.where")), *prompt(engine, context)]
    aside = context.take_aside()
    if aside is None or engine.expired(aside, context.now):
        if current is not None:
            return [Reply(context.t("dialog.where")), *prompt(engine, context)]
        return [Reply(context.t("dialog.nothing_pending"))]
    notes: Replies = []
    if current is not None:
        current_flow = engine.flows.get(current.flow)
        if current_flow is not None:
            notes.append(aside_note(context, current_flow))
        context.put_aside()
    context.dialogue = aside
    context.save_dialogue()
    return [Reply(context.t("dialog.where")), *prompt(engine, context), *notes]


def opened(engine: Dispatcher, context: Context) -> Replies:
    """The chat opened again (a page load, a new Teams conversation): what still stands."""
    if context.dialogue is not None:
        return [Reply(context.t("dialog.where")), *prompt(engine, context)]
    return aside_reminder(engine, context, language=True)


def current_state(engine: Dispatcher, context: Context) -> Replies:
    """What an old button's answer offers instead: the question that stands, if any."""
    if context.dialogue is not None:
        return prompt(engine, context)
    return aside_reminder(engine, context)


def aside_reminder(engine: Dispatcher, context: Context, *, language: bool = False) -> Replies:
    """The note that a dialogue waits aside, if one does (and has not expired)."""
    aside = context.aside()
    flow = engine.flows.get(aside.flow) if aside is not None else None
    if aside is None or flow is None or engine.expired(aside, context.now):
        return []
    if language:
        context.locale = str(aside.extra.get(LOCALE_KEY) or context.locale)
    standing, context.dialogue = context.dialogue, aside
    try:
        return [aside_note(context, flow)]
    finally:
        context.dialogue = standing
