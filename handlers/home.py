"""A person's overview (Slack's App Home, any platform's start page): their own entries and, for
those who triage, the open queue with buttons that work the same on every platform."""

from __future__ import annotations

from bot.conversation.engine import Context, Engine
from bot.domain.messages import Choice, Reply
from bot.domain.model import Entry, Status
from bot.domain.permissions import can_triage
from bot.ports.entries import EntryQuery
from bot.text.render import list_row

MINE_LIMIT = 10
QUEUE_LIMIT = 20
OPEN = (Status.NEW, Status.IN_PROGRESS, Status.ESCALATED)


def register(engine: Engine) -> None:
    engine.action("home")(on_home)


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
        context.person, EntryQuery(statuses=OPEN, limit=QUEUE_LIMIT), mine=False
    )
    replies.append(Reply(context.t("home.queue", count=open_total, shown=len(queue))))
    if not queue:
        replies.append(Reply(context.t("home.queue_empty")))
    for entry in queue:
        replies.append(_queue_row(context, entry, show))
    return replies


def _queue_row(context: Context, entry: Entry, show: str) -> Reply:
    row = list_row(entry, context.locale, context.timezone)
    assignee = context.t("home.assignee", name=entry.assignee) if entry.assignee else ""
    choices = [
        Choice("say", context.t("home.show"), f"{show} {entry.ref}"),
        Choice("triage:take", context.t("home.take"), entry.ref),
    ]
    choices += [
        Choice("triage:status", context.t(f"status.{status.value}"), f"{entry.ref} {status.value}")
        for status in Status
        if status is not entry.status
    ]
    if entry.escalation_level.next() is not None:
        choices.append(Choice("triage:escalate", context.t("home.escalate"), entry.ref))
    return Reply(f"{row}{assignee}", choices=tuple(choices))
