"""Help: what the bot can do, in the person's language."""

from __future__ import annotations

from bot.conversation.engine import Context, Engine, help_choices
from bot.domain.messages import Reply


def register(engine: Engine) -> None:
    engine.command("hjälp", "hjalp", "help", "?")(show_help)


async def show_help(context: Context, args: str) -> list[Reply]:
    # In the middle of a dialogue the engine shows the standing question after this.
    return [Reply(context.t("help"), choices=help_choices(context))]
