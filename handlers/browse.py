"""Seeing entries: list, show one, full-text search."""

from __future__ import annotations

import dataclasses

from bot.conversation.engine import Context, Engine
from bot.domain.errors import UserError
from bot.domain.messages import Choice, Reply
from bot.domain.model import Entry, Kind, Status
from bot.domain.permissions import can_triage, sees_all
from bot.i18n.catalogue import count
from bot.ports.entries import COUNT_CAP, EntryQuery
from bot.text.clean import shorten
from bot.text.queue import queue_row
from bot.text.render import full_record, list_row
from bot.text.words import KIND_WORDS, STATUS_WORDS, kind_names, status_names

LIST_LIMIT = 20
MINE_WORDS = frozenset({"mina", "mine", "my", "mitt", "mig"})
ALL_WORDS = frozenset({"alla", "all", "allt"})
OPEN = (Status.NEW, Status.IN_PROGRESS, Status.ESCALATED)
OPEN_WORDS = frozenset({"öppna", "oppna", "open", "öppen", "oppen"})
UNASSIGNED_WORDS = frozenset({"otilldelade", "otilldelad", "unassigned"})
# Said as phrases; each becomes one word before the rest is read.
ASSIGNED_PHRASES = (
    "mina att hantera",
    "att hantera",
    "tilldelade mig",
    "assigned to me",
    "mine to handle",
    "to handle",
)
ASSIGNED = "@assigned"


def register(engine: Engine) -> None:
    engine.command("lista", "list", "ls")(list_entries)
    engine.command("visa", "show", "view")(show_entry)
    engine.command("sök", "sok", "search", "find")(search_entries)


async def list_entries(context: Context, args: str) -> list[Reply]:
    asked = _list_query(context, args)
    if isinstance(asked, str):
        text = context.t(
            "bad_list_word",
            text=shorten(asked, 40),
            kinds=kind_names(context.locale),
            options=status_names(context.locale),
        )
        return [Reply(text, style="error")]
    query, mine = asked
    notices = []
    if not mine and not sees_all(context.person):
        notices.append(Reply(context.t("list_own_only")))
        mine = True
    entries, total = await context.entries.search(context.person, query, mine=mine)
    if query.order == "urgency":
        return [*notices, *queue_replies(context, entries, total)]
    if not entries:
        return [*notices, Reply(context.t("list_empty"))]
    lines = [_header(context, total, len(entries))]
    lines += [list_row(entry, context.locale, context.timezone) for entry in entries]
    choices = tuple(
        Choice("say", entry.ref, f"{_show_word(context)} {entry.ref}") for entry in entries[:5]
    )
    return [*notices, Reply("\n".join(lines), choices=choices)]


def _list_query(context: Context, args: str) -> tuple[EntryQuery, bool] | str:
    """What `lista …` asks for: the query and whether only the person's own entries; or the
    first word it does not know."""
    mine = not sees_all(context.person)
    kinds: list[Kind] = []
    statuses: list[Status] = []
    queue = EntryQuery(limit=LIST_LIMIT)
    text = f" {' '.join(args.casefold().split())} "
    for phrase in ASSIGNED_PHRASES:
        text = text.replace(f" {phrase} ", f" {ASSIGNED} ")
    words = text.split()
    index = 0
    while index < len(words):
        word = words[index]
        pair = " ".join(words[index : index + 2])
        if pair in STATUS_WORDS:  # "in progress"
            statuses.append(STATUS_WORDS[pair])
            index += 2
            continue
        if word in OPEN_WORDS:
            queue = dataclasses.replace(queue, order="urgency")
        elif word in UNASSIGNED_WORDS or word == ASSIGNED:
            if not can_triage(context.person):
                raise UserError("forbidden_triage")
            mine = False
            queue = dataclasses.replace(
                queue,
                order="urgency",
                unassigned=word != ASSIGNED,
                assignee=context.person.name if word == ASSIGNED else None,
            )
        elif word in MINE_WORDS:
            mine = True
        elif word in ALL_WORDS:
            mine = False
        elif word in KIND_WORDS:
            kinds.append(KIND_WORDS[word])
        elif word in STATUS_WORDS:
            statuses.append(STATUS_WORDS[word])
        else:
            return word
        index += 1
    if queue.order == "urgency" and not statuses:
        statuses = list(OPEN)
    return dataclasses.replace(queue, kinds=kinds, statuses=statuses), mine


def queue_replies(context: Context, entries: list[Entry], total: int) -> list[Reply]:
    """Work to do: most urgent and oldest first, with how long each has waited."""
    if not entries:
        return [Reply(context.t("list_queue_empty"))]
    more = context.t("list_queue_more", shown=len(entries)) if total > len(entries) else ""
    shown = count(COUNT_CAP) if total > COUNT_CAP else str(total)
    lines = [context.t("list_queue_header", count=shown, more=more)]
    lines += [queue_row(entry, context.locale, context.now) for entry in entries]
    choices = tuple(
        Choice("say", entry.ref, f"{_show_word(context)} {entry.ref}") for entry in entries[:5]
    )
    return [Reply("\n".join(lines), choices=choices)]


async def show_entry(context: Context, args: str) -> list[Reply]:
    entry = context.entries.read(context.person, args)
    return [Reply(full_record(entry, context.locale, context.programme.benefits, context.timezone))]


async def search_entries(context: Context, args: str) -> list[Reply]:
    if not args.strip():
        return [Reply(context.t("search_usage"))]
    entries, total = await context.entries.search(
        context.person, EntryQuery(text=args, limit=LIST_LIMIT), mine=not sees_all(context.person)
    )
    if not entries:
        return [Reply(context.t("search_empty", query=shorten(args, 60)))]
    lines = [_header(context, total, len(entries))]
    lines += [list_row(entry, context.locale, context.timezone) for entry in entries]
    return [Reply("\n".join(lines))]


def _header(context: Context, total: int, shown: int) -> str:
    if total == 1:
        return context.t("list_header_one")
    more = context.t("list_more", shown=shown) if total > shown else ""
    if total > COUNT_CAP:
        return context.t("list_header_many", count=count(COUNT_CAP), more=more)
    return context.t("list_header", count=total, more=more)


def _show_word(context: Context) -> str:
    return "visa" if context.locale == "sv" else "show"
