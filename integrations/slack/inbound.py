"""Slack payloads in, neutral requests out: one translator per payload type, looked up in a
table (as opsdroid's Slack connector does in create_events.py). No I/O here: the adapter
resolves names (markup.py), asks the engine and answers (replies.py)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bot.domain.messages import Action
from integrations.slack.blocks import decode_choice

PLATFORM = "slack"

# Message subtypes a person produces by writing; the rest (edits, joins, bots) are not for us.
# https://api.slack.com/events/message#subtypes
PERSON_SUBTYPES = frozenset({"thread_broadcast", "file_share", "me_message"})


@dataclass(frozen=True, slots=True)
class Where:
    """Where answers go: a response_url (ephemeral), a channel and thread, or the home tab."""

    user: str
    conversation: str
    channel: str = ""
    thread: str = ""
    response_url: str = ""
    trigger_id: str = ""
    link: str = ""
    home: bool = False


@dataclass(frozen=True, slots=True)
class Request:
    """What a person did, before the engine sees it. `text` still holds Slack's markup."""

    where: Where
    # The idempotency key: Slack retries events and people click twice; slash commands and
    # shortcuts are never retried, so they have none (a read then costs no write).
    key: str = ""
    text: str = ""
    action: Action | None = None
    wants_form: bool = False
    # A reply in a thread is for the bot only while its dialogue there is open.
    only_in_dialogue: bool = False
    # A shortcut on a message: its permalink is stored with the entry.
    message_ts: str = ""


def _id(value: Any) -> str:
    return str(value or "")


def from_command(body: dict[str, Any], bot_user: str) -> Request | None:
    channel = _id(body.get("channel_id"))
    where = Where(
        user=_id(body.get("user_id")),
        conversation=channel,
        channel=channel,
        response_url=_id(body.get("response_url")),
        trigger_id=_id(body.get("trigger_id")),
    )
    # Slash commands are commands: intake answers with its form (a modal), never a dialogue.
    # Slack never retries one, but a replayed request (within the signature's 5 minutes)
    # carries the same trigger_id: it is handled once.
    key = f"command:{where.trigger_id}" if where.trigger_id else ""
    return Request(where, key=key, text=_id(body.get("text")), wants_form=True)


def from_message_shortcut(body: dict[str, Any], bot_user: str) -> Request | None:
    message = body.get("message") or {}
    channel = _id((body.get("channel") or {}).get("id"))
    where = Where(
        user=_id((body.get("user") or {}).get("id")),
        conversation=channel,
        channel=channel,
        response_url=_id(body.get("response_url")),
        trigger_id=_id(body.get("trigger_id")),
    )
    # Like slash commands, shortcuts are handled once per trigger_id.
    key = f"shortcut:{where.trigger_id}" if where.trigger_id else ""
    return Request(
        where,
        key=key,
        text=_id(message.get("text")),
        wants_form=True,
        message_ts=_id(message.get("ts")),
    )


def where_clicked(body: dict[str, Any]) -> tuple[Where, str]:
    """Where a click came from, and what identifies that place (for repeated clicks)."""
    user = _id((body.get("user") or {}).get("id"))
    container = body.get("container") or {}
    view = body.get("view") or {}
    trigger = _id(body.get("trigger_id"))
    if container.get("type") == "view":
        place = f"{view.get('id', '')}:{view.get('hash', '')}"
        home = view.get("type") == "home"
        return Where(user=user, conversation="", trigger_id=trigger, home=home), place
    channel = _id(container.get("channel_id") or (body.get("channel") or {}).get("id"))
    message = body.get("message") or {}
    thread = _id(message.get("thread_ts"))
    ephemeral = bool(container.get("is_ephemeral"))
    where = Where(
        user=user,
        conversation=f"{channel}:{thread}" if thread else channel,
        channel=channel,
        thread=thread,
        response_url=_id(body.get("response_url")) if ephemeral else "",
        trigger_id=trigger,
    )
    return where, _id(container.get("message_ts") or message.get("ts"))


def from_block_action(body: dict[str, Any], bot_user: str) -> Request | None:
    actions = body.get("actions") or []
    action = actions[0] if actions else {}
    raw = action.get("value") or (action.get("selected_option") or {}).get("value") or ""
    decoded = decode_choice(str(raw))
    if decoded is None:
        return None  # not one of ours
    where, place = where_clicked(body)
    choice_id, value = decoded
    key = f"action:{where.user}:{place}:{choice_id}:{value}"
    return Request(where, key=key, action=Action(choice_id, value))


def without_mention_of(bot_user: str, text: str) -> str:
    """The bot's own mention is how the person addressed it, not what they said."""
    if not bot_user:
        return text.strip()
    return re.sub(rf"<@{re.escape(bot_user)}(?:\|[^>]*)?>", "", text).strip()


def from_app_mention(body: dict[str, Any], bot_user: str) -> Request | None:
    event = body.get("event") or {}
    channel = _id(event.get("channel"))
    root = _id(event.get("thread_ts") or event.get("ts"))
    where = Where(
        user=_id(event.get("user")), conversation=f"{channel}:{root}", channel=channel, thread=root
    )
    text = without_mention_of(bot_user, _id(event.get("text")))
    return Request(where, key=f"event:{body.get('event_id', '')}", text=text)


def from_message(body: dict[str, Any], bot_user: str) -> Request | None:
    event = body.get("event") or {}
    subtype = event.get("subtype")
    if (subtype and subtype not in PERSON_SUBTYPES) or event.get("bot_id") or not event.get("user"):
        return None  # edits, joins, other bots: not someone talking to the bot
    channel = _id(event.get("channel"))
    user = _id(event.get("user"))
    text = _id(event.get("text"))
    key = f"event:{body.get('event_id', '')}"
    if event.get("channel_type") == "im":
        return Request(Where(user=user, conversation=channel, channel=channel), key=key, text=text)
    thread = _id(event.get("thread_ts"))
    if not thread or (bot_user and f"<@{bot_user}" in text):
        return None  # the channel's own talk, or a mention (app_mention handles those)
    where = Where(user=user, conversation=f"{channel}:{thread}", channel=channel, thread=thread)
    return Request(where, key=key, text=text, only_in_dialogue=True)


Translator = Callable[[dict[str, Any], str], "Request | None"]

# Payload type → its translator. Events are known by their inner type.
TRANSLATORS: dict[str, Translator] = {
    "slash_command": from_command,
    "message_action": from_message_shortcut,
    "block_actions": from_block_action,
    "app_mention": from_app_mention,
    "message": from_message,
}


def payload_type(body: dict[str, Any]) -> str:
    if "command" in body:
        return "slash_command"
    if body.get("type") == "event_callback":
        return _id((body.get("event") or {}).get("type"))
    return _id(body.get("type"))


def translate(body: dict[str, Any], bot_user: str = "") -> Request | None:
    """The neutral request in a payload; None for what is not for the bot."""
    translator = TRANSLATORS.get(payload_type(body))
    return translator(body, bot_user) if translator else None
