"""Neutral replies and forms in Block Kit, within Slack's limits, and modal input back to values.

Limits (Slack rejects a payload past them): section text 3 000 characters, 50 blocks in a
message, 100 in a modal or the home tab, 25 elements in an actions block, button text 75, button
value 2 000, option text 75, option value 150, modal title and submit 24, plain_text_input 3 000.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from bot.domain.messages import Choice, Form, FormField, Reply
from bot.i18n.catalogue import t

SECTION_LIMIT = 3_000
MESSAGE_BLOCKS = 50
VIEW_BLOCKS = 100
ACTIONS_ELEMENTS = 25
BUTTON_TEXT = 75
BUTTON_VALUE = 2_000
OPTION_TEXT = 75
OPTION_VALUE = 150
OPTIONS = 100
TITLE = 24
INPUT_LIMIT = 3_000
NOTIFICATION_TEXT = 3_000
MAX_PAGES = 10
# Choices of one kind beyond this many show as a menu, not a row of buttons.
MENU_FROM = 4

CHOICE_ACTION = "fvis:choice"
MENU_ACTION = "fvis:menu"
OPEN_FORM_ACTION = "fvis:open_form"
FORM_CALLBACK = "fvis_form"
INPUT_ACTION = "value"

STYLE_MARK = {"error": ":warning: ", "success": ":white_check_mark: ", "info": ""}

Block = dict[str, Any]


@dataclass(frozen=True, slots=True)
class SlackMessage:
    text: str  # the notification and screen-reader text
    blocks: list[Block]


def escape(text: str) -> str:
    """Slack's three control characters in mrkdwn; nothing a person typed becomes a mention."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def plain(text: str, limit: int = SECTION_LIMIT) -> dict[str, Any]:
    return {"type": "plain_text", "text": shorten(text, limit) or "–", "emoji": True}


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def split_text(text: str, limit: int = SECTION_LIMIT) -> list[str]:
    """Pieces of at most `limit` characters, cut at line ends where there are any."""
    pieces: list[str] = []
    rest = text
    while len(rest) > limit:
        cut = rest.rfind("\n", 0, limit)
        if cut < limit // 2:
            cut = rest.rfind(" ", 0, limit)
        if cut < limit // 2:
            cut = limit
        pieces.append(rest[:cut])
        rest = rest[cut:].lstrip("\n")
    if rest or not pieces:
        pieces.append(rest)
    return pieces


def sections(text: str) -> list[Block]:
    # Escaping can lengthen the text, so pieces are cut after it, with room for the style mark.
    return [
        {"type": "section", "text": {"type": "mrkdwn", "text": piece or " "}}
        for piece in split_text(escape(text), SECTION_LIMIT)
    ]


# -- choices ------------------------------------------------------------------------------


def encode_choice(choice: Choice) -> str:
    return json.dumps([choice.id, choice.value], ensure_ascii=False, separators=(",", ":"))


def decode_choice(value: str) -> tuple[str, str] | None:
    try:
        data = json.loads(value)
    except (ValueError, TypeError):
        return None
    if (
        isinstance(data, list)
        and len(data) == 2
        and all(isinstance(item, str) for item in data)
        and data[0]
    ):
        return data[0], data[1]
    return None


def choice_blocks(choices: tuple[Choice, ...], locale: str, start: int = 0) -> list[Block]:
    """Buttons, and a menu for a long run of choices with one id (options of one question)."""
    elements: list[Block] = []
    index = start
    for _, run in groupby(choices, key=lambda c: c.id):
        group = list(run)
        if len(group) >= MENU_FROM:
            elements.append(
                {
                    "type": "static_select",
                    "action_id": f"{MENU_ACTION}:{index}",
                    "placeholder": plain(t(locale, "slack.choose"), OPTION_TEXT),
                    "options": [
                        {"text": plain(c.label, OPTION_TEXT), "value": encode_choice(c)}
                        for c in group[:OPTIONS]
                        if len(encode_choice(c)) <= OPTION_VALUE
                    ],
                }
            )
            index += 1
            continue
        for choice in group:
            value = encode_choice(choice)
            if len(value) > BUTTON_VALUE:
                continue  # ours are short; one that is not would make Slack refuse the message
            elements.append(
                {
                    "type": "button",
                    "action_id": f"{CHOICE_ACTION}:{index}",
                    "text": plain(choice.label, BUTTON_TEXT),
                    "value": value,
                }
            )
            index += 1
    return [
        {"type": "actions", "elements": elements[i : i + ACTIONS_ELEMENTS]}
        for i in range(0, len(elements), ACTIONS_ELEMENTS)
    ]


# -- messages -----------------------------------------------------------------------------


def reply_blocks(reply: Reply, locale: str, start: int = 0) -> list[Block]:
    text = STYLE_MARK.get(reply.style, "") + reply.text if reply.text else ""
    blocks = sections(text) if text else []
    blocks += choice_blocks(reply.choices, locale, start)
    if reply.form is not None:
        blocks.append(
            {
                "type": "actions",
                "elements": [
                    {
                        "type": "button",
                        "style": "primary",
                        "action_id": OPEN_FORM_ACTION,
                        "text": plain(t(locale, "slack.open_form"), BUTTON_TEXT),
                        "value": reply.form.id[:BUTTON_VALUE],
                    }
                ],
            }
        )
    return blocks


def messages_for(reply: Reply, locale: str) -> list[SlackMessage]:
    """One reply as one message, or as pages when it needs more than 50 blocks."""
    blocks = reply_blocks(reply, locale)
    return paged(blocks, reply.text, locale)


def paged(blocks: list[Block], text: str, locale: str) -> list[SlackMessage]:
    per_page = MESSAGE_BLOCKS - 1  # room for the "continued" note
    pages = [blocks[i : i + per_page] for i in range(0, len(blocks), per_page)] or [[]]
    if len(pages) > MAX_PAGES:
        pages = pages[:MAX_PAGES]
        pages[-1] = [*pages[-1][: per_page - 1], _context(t(locale, "slack.cut"))]
    fallback = shorten(text, NOTIFICATION_TEXT) or " "
    if len(pages) == 1:
        return [SlackMessage(fallback, pages[0])]
    result = []
    for number, page in enumerate(pages, start=1):
        note = t(locale, "slack.continued", page=number, pages=len(pages))
        result.append(SlackMessage(fallback if number == 1 else note, [*page, _context(note)]))
    return result


def _context(text: str) -> Block:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": escape(text)}]}


def text_messages(text: str, locale: str) -> list[SlackMessage]:
    return paged(sections(text), text, locale)


# -- forms as modals ----------------------------------------------------------------------


def modal(form: Form, locale: str, metadata: dict[str, str]) -> dict[str, Any]:
    blocks: list[Block] = []
    for field in form.fields:
        blocks.append(_input(field, locale))
        notes = []
        if field.error:
            notes.append(":warning: " + field.error)
        if len(field.value) > INPUT_LIMIT and field.type in ("text", "textarea", "date", "number"):
            notes.append(t(locale, "slack.field_cut", limit=f"{INPUT_LIMIT:,}".replace(",", " ")))
        if notes:
            blocks.append(_context("\n".join(notes)))
    return {
        "type": "modal",
        "callback_id": FORM_CALLBACK,
        "private_metadata": json.dumps({**metadata, "form": form.id}, ensure_ascii=False),
        "title": plain(form.title, TITLE),
        "submit": plain(form.submit_label or t(locale, "slack.submit"), TITLE),
        "close": plain(t(locale, "slack.close"), TITLE),
        "blocks": blocks[:VIEW_BLOCKS],
    }


def _input(field: FormField, locale: str) -> Block:
    element: Block
    if field.type == "multiselect":
        options = [
            {"text": plain(o.label, OPTION_TEXT), "value": o.value[:OPTION_VALUE]}
            for o in field.options[:OPTIONS]
        ]
        chosen_values = set(field.value.split(",")) if field.value else set()
        element = {
            "type": "multi_static_select",
            "action_id": INPUT_ACTION,
            "placeholder": plain(t(locale, "slack.choose"), OPTION_TEXT),
            "options": options,
        }
        initial = [o for o in options if o["value"] in chosen_values]
        if initial:
            element["initial_options"] = initial
    elif field.type == "select":
        options = [
            {"text": plain(o.label, OPTION_TEXT), "value": o.value[:OPTION_VALUE]}
            for o in field.options[:OPTIONS]
        ]
        element = {
            "type": "static_select",
            "action_id": INPUT_ACTION,
            "placeholder": plain(t(locale, "slack.choose"), OPTION_TEXT),
            "options": options,
        }
        chosen = next((o for o in options if o["value"] == field.value), None)
        if chosen is not None:
            element["initial_option"] = chosen
    else:
        element = {
            "type": "plain_text_input",
            "action_id": INPUT_ACTION,
            "multiline": field.type == "textarea",
            # Slack's own ceiling, or the core's limit where that is lower.
            "max_length": min(field.max_length or INPUT_LIMIT, INPUT_LIMIT),
        }
        if field.value:
            element["initial_value"] = field.value[:INPUT_LIMIT]
    block: Block = {
        "type": "input",
        "block_id": field.name,
        "optional": not field.required,
        "label": plain(field.label, 2_000),
        "element": element,
    }
    if field.help:
        block["hint"] = plain(field.help, 2_000)
    return block


def submitted_values(view: dict[str, Any]) -> dict[str, str]:
    """view.state.values → {field: text}; an empty input or an unchosen menu is ""."""
    values: dict[str, str] = {}
    state = (view.get("state") or {}).get("values") or {}
    for block_id, actions in state.items():
        if not isinstance(actions, dict):
            continue
        element = actions.get(INPUT_ACTION)
        if not isinstance(element, dict):
            continue
        if element.get("type") == "static_select":
            option = element.get("selected_option") or {}
            values[block_id] = str(option.get("value") or "")
        elif element.get("type") == "multi_static_select":
            chosen = element.get("selected_options") or []
            values[block_id] = ",".join(str(o.get("value") or "") for o in chosen)
        else:
            values[block_id] = str(element.get("value") or "")
    return values


def field_errors(form: Form) -> dict[str, str]:
    return {field.name: shorten(field.error, 2_000) for field in form.fields if field.error}


def metadata_of(view: dict[str, Any]) -> dict[str, str]:
    try:
        data = json.loads(view.get("private_metadata") or "{}")
    except ValueError:
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): str(v) for k, v in data.items() if isinstance(v, str)}


# -- the home tab -------------------------------------------------------------------------


def home_view(overview: list[Reply], locale: str, notices: list[Reply]) -> dict[str, Any]:
    """The overview's replies as one home tab, the answer to the latest click on top."""
    blocks: list[Block] = []
    for number, notice in enumerate(notices):
        blocks += reply_blocks(notice, locale, start=number * 1_000)
    for number, reply in enumerate(overview):
        if number == 0 and not reply.choices:
            if blocks:
                blocks.append({"type": "divider"})
            blocks.append({"type": "header", "text": plain(reply.text, 150)})
            continue
        if not reply.choices:
            blocks.append({"type": "divider"})
        # Action ids must be unique in a view: each reply numbers its own from its own start.
        blocks += reply_blocks(reply, locale, start=(len(notices) + number) * 1_000)
    if len(blocks) > VIEW_BLOCKS:
        blocks = [*blocks[: VIEW_BLOCKS - 1], _context(t(locale, "slack.cut"))]
    return {"type": "home", "blocks": blocks}
