"""A person's overview (Slack's App Home; in Teams and the web chat `översikt`): their own entries
and, for those who triage, the open queue, most urgent and oldest first with each one's age, with
buttons that work the same on every platform."""

from __future__ import annotations

from bot.conversation.engine import Context, Engine
from bot.domain.messages import Choice, Reply
from bot.domain.model import Entry, Status
from bot.domain.permissions import can_triage
from bot.entries.notices import handler_choices
from bot.ports.entries import EntryQuery
from bot.text.queue import queue_row
from bot.text.render import list_row

MINE_LIMIT = 10
QUEUE_LIMIT = 20
OPEN = (Status.NEW, Status.IN_PROGRESS, Status.ESCALATED)


def register(engine: Engine) -> None:
    engine.action("home")(on_home)
    # Teams has no home tab: the same overview as a command (and in its command list).
    engine.command("översikt", "oversikt", "overview", "hem", "home")(on_overview)


async def on_overview(context: Context, args: str) -> list[Reply]:
    return await on_home(context, "home:open", "")


async def on_home(context: Context, action_id: str, value: str) -> list[Reply]:
    replies = [Reply(context.t("home.title"))]
    mine, total = context.entries.find(context.person, EntryQuery(limit=MINE_LIMIT), mine=True)
    replies.append(Reply(context.t("home.mine", count=total, shown=len(mine))))
    if not mine:
        replies.append(Reply(context.t("home.mine_empty")))
    show = "visa" if context.locale == "sv" else "show"
    for entry in mine:
        replies.append(
            Reply(
                list_row(entry, context.locale, context.timezone),
                choices=(Choice("say", context.t("home.show"), f"{show} {entry.ref}"),),
            )
        )
    if not can_triage(context.person):
        return replies
    queue, open_total = context.entries.find(
        context.person,
        EntryQuery(statuses=OPEN, limit=QUEUE_LIMIT, order="urgency"),
        mine=False,
    )
    replies.append(Reply(context.t("home.queue", count=open_total, shown=len(queue))))
    if not queue:
        replies.append(Reply(context.t("home.queue_empty")))
    for entry in queue:
        replies.append(_queue_row(context, entry))
    return replies


def _queue_row(context: Context, entry: Entry) -> Reply:
    row = queue_row(entry, context.locale, context.now)
    assignee = context.t("home.assignee", name=entry.assignee) if entry.assignee else ""
    # The same buttons as a handler's notice: the statuses a handler sets from a queue (a
    # change request's decision and a risk's hand-over have their own commands).
    choices = handler_choices(entry, context.locale)
    return Reply(f"{row}{assignee}", choices=choices)
