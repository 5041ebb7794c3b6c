"""Help: what the bot can do, in the person's language."""

from __future__ import annotations

from bot.conversation.engine import Context, Engine, help_choices
from bot.domain.messages import Reply


def register(engine: Engine) -> None:
    engine.command("hjälp", "hjalp", "help", "?")(show_help)


async def show_help(context: Context, args: str) -> list[Reply]:
    replies = [Reply(context.t("help"), choices=help_choices(context))]
    dialogue = context.dialogue
    if dialogue is not None and dialogue.pending:
        # Help in the middle of a dialogue: the question still stands.
        replies.append(Reply(context.t(f"ask.{dialogue.pending}")))
    return replies
