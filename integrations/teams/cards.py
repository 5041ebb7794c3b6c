"""The neutral Reply in Teams' idiom: plain messages, and Adaptive Cards for choices and forms.

Buttons are `Action.Execute` (Universal Actions, answered by an `adaptiveCard/action` invoke)
with an `Action.Submit` fallback for clients without them (a message whose `value` holds the
data). Both carry the same data, so both come back through `card_input`.
"""

from __future__ import annotations

import json
import re
from typing import Any

from bot.domain.messages import Action, Choice, Form, FormField, FormSubmission, Reply
from bot.i18n.catalogue import t
from bot.text.clean import shorten

ADAPTIVE = "application/vnd.microsoft.card.adaptive"
CARD_VERSION = "1.4"  # the version that has Action.Execute; Teams renders it everywhere
MAX_TEXT = 24_000  # Teams refuses activities over about 28 KB
INPUT_PREFIX = "f_"  # input ids: kept apart from the data keys Teams merges them into
ACTIONS_PER_SET = 5
# Past two rows of buttons, choices are a drop-down with one button (as Slack's menu).
MAX_BUTTONS = 2 * ACTIONS_PER_SET
PICK_INPUT = INPUT_PREFIX + "_pick"
COLOURS = {"error": "attention", "success": "good", "info": "default"}
_MARKDOWN = re.compile(r"([\\`*_~#\[\]|])")
# A web address in a line, without the punctuation that ends the sentence around it.
_ADDRESS = re.compile(r"https?://[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'\"]")


def escape(text: str) -> str:
    """Plain text in a Teams markdown message: no accidental formatting, lines kept."""
    text = shorten(text, MAX_TEXT)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MARKDOWN.sub(r"\\\1", text)
    # Teams joins single newlines; a blank line between keeps each line its own.
    return "\n\n".join(line if line.strip() else "&nbsp;" for line in text.split("\n"))


def _text_blocks(text: str, style: str) -> list[dict[str, Any]]:
    blocks: list[dict[str, Any]] = []
    gap = False
    for line in shorten(text, MAX_TEXT).split("\n"):
        if not line.strip():
            gap = True
            continue
        # A card's text shows a bare address as plain text: as a markdown link it opens.
        linked = _ADDRESS.sub(lambda found: f"[{found[0]}]({found[0]})", line)
        block: dict[str, Any] = {"type": "TextBlock", "text": linked, "wrap": True}
        if style != "info":
            block["color"] = COLOURS[style]
        if gap:
            block["spacing"] = "medium"
        blocks.append(block)
        gap = False
    return blocks


def _card(
    body: list[dict[str, Any]], actions: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    card: dict[str, Any] = {
        "type": "AdaptiveCard",
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "version": CARD_VERSION,
        "body": body,
    }
    if actions:
        card["actions"] = actions
    return card


def _action(title: str, verb: str, data: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "Action.Execute",
        "title": title,
        "verb": verb,
        "data": data,
        "fallback": {"type": "Action.Submit", "title": title, "data": data},
    }


def _choice_action(choice: Choice, question: str) -> dict[str, Any]:
    data = {
        "fvis": {
            "t": "choice",
            "id": choice.id,
            "v": choice.value,
            "l": shorten(choice.label, 80),
            # The question, so the answered card can still show what was asked.
            "q": shorten(question, 300),
        }
    }
    return _action(shorten(choice.label, 80), "fvis.choice", data)


def _input(field: FormField) -> list[dict[str, Any]]:
    item: dict[str, Any] = {"id": INPUT_PREFIX + field.name, "label": field.label}
    if field.required:
        item["isRequired"] = True
        item["errorMessage"] = field.label
    if field.type in ("text", "textarea"):
        item.update(type="Input.Text", isMultiline=field.type == "textarea")
        if field.max_length:
            item["maxLength"] = field.max_length  # what the core accepts, no more and no less
        if field.value:
            item["value"] = field.value
    elif field.type in ("select", "multiselect"):
        # Several choices show as checkboxes; Teams sends them back joined by commas.
        multi = field.type == "multiselect"
        item.update(
            type="Input.ChoiceSet",
            style="expanded" if multi else "compact",
            isMultiSelect=multi,
            choices=[{"title": o.label, "value": o.value} for o in field.options],
        )
        if field.value:
            item["value"] = field.value
    elif field.type == "date":
        item["type"] = "Input.Date"
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", field.value):
            item["value"] = field.value
    else:
        item["type"] = "Input.Number"
        if re.fullmatch(r"-?\d+(\.\d+)?", field.value):
            item["value"] = float(field.value) if "." in field.value else int(field.value)
    blocks = [item]
    if field.help:
        blocks.append(
            {
                "type": "TextBlock",
                "text": field.help,
                "isSubtle": True,
                "size": "small",
                "wrap": True,
            }
        )
    if field.error:
        blocks.append(
            {"type": "TextBlock", "text": field.error, "color": "attention", "wrap": True}
        )
    return blocks


def form_card(reply: Reply, form: Form, locale: str) -> dict[str, Any]:
    body: list[dict[str, Any]] = [
        {
            "type": "TextBlock",
            "text": form.title,
            "weight": "bolder",
            "size": "medium",
            "wrap": True,
        }
    ]
    if reply.text and reply.text != form.title:
        body += _text_blocks(reply.text, reply.style)
    for field in form.fields:
        body += _input(field)
    label = form.submit_label or t(locale, "yes")
    data = {"fvis": {"t": "form", "id": form.id, "title": shorten(form.title, 120)}}
    return _card(body, [_action(label, "fvis.form", data)])


def _pick_card(reply: Reply, locale: str) -> dict[str, Any]:
    """Many choices: one compact drop-down and one button; each value says which choice."""
    body = _text_blocks(reply.text, reply.style)
    body.append(
        {
            "type": "Input.ChoiceSet",
            "id": PICK_INPUT,
            "style": "compact",
            "isRequired": True,
            "errorMessage": t(locale, "teams.choose"),
            "placeholder": t(locale, "teams.choose"),
            "choices": [
                {
                    "title": shorten(c.label, 80),
                    "value": json.dumps([c.id, c.value, shorten(c.label, 80)], ensure_ascii=False),
                }
                for c in reply.choices
            ],
        }
    )
    data = {"fvis": {"t": "pick", "id": "pick", "q": shorten(reply.text, 300)}}
    return _card(body, [_action(t(locale, "teams.choose_button"), "fvis.choice", data)])


def choices_card(reply: Reply, locale: str = "sv") -> dict[str, Any]:
    if len(reply.choices) > MAX_BUTTONS:
        return _pick_card(reply, locale)
    body = _text_blocks(reply.text, reply.style)
    actions = [_choice_action(choice, reply.text) for choice in reply.choices]
    if len(actions) <= ACTIONS_PER_SET:
        return _card(body, actions)
    # Teams shows only a handful of card actions: more choices go in rows of their own.
    for start in range(0, len(actions), ACTIONS_PER_SET):
        body.append({"type": "ActionSet", "actions": actions[start : start + ACTIONS_PER_SET]})
    return _card(body)


def attachment(card: dict[str, Any]) -> dict[str, Any]:
    return {"contentType": ADAPTIVE, "content": card}


def reply_activity(reply: Reply, locale: str) -> dict[str, Any]:
    """One Reply as the fields of one outgoing message activity."""
    if reply.form is not None:
        card = form_card(reply, reply.form, locale)
    elif reply.choices:
        card = choices_card(reply, locale)
    else:
        return {"type": "message", "text": escape(reply.text), "textFormat": "markdown"}
    return {
        "type": "message",
        "attachments": [attachment(card)],
        # What notifications and the chat list show instead of "sent a card".
        "summary": shorten(reply.text or (reply.form.title if reply.form else ""), 120),
    }


def answered_card(data: dict[str, Any], locale: str) -> dict[str, Any]:
    """What a clicked card turns into: the question, and what was chosen or sent."""
    meta = data.get("fvis") if isinstance(data.get("fvis"), dict) else {}
    assert isinstance(meta, dict)
    if meta.get("t") == "form":
        title = str(meta.get("title") or "")
        return _card(
            [{"type": "TextBlock", "text": t(locale, "teams.form_sent", title=title), "wrap": True}]
        )
    label = str(meta.get("l") or "")
    if meta.get("t") == "pick":
        picked = _picked(data.get(PICK_INPUT))
        label = picked[2] if picked else ""
    body = _text_blocks(str(meta.get("q") or ""), "info")
    body.append(
        {
            "type": "TextBlock",
            "text": t(locale, "teams.chosen", label=label),
            "weight": "bolder",
            "wrap": True,
        }
    )
    return _card(body)


def card_input(data: Any) -> Action | FormSubmission | None:
    """The neutral input a card's data stands for, or None if it is not one of ours."""
    if not isinstance(data, dict):
        return None
    meta = data.get("fvis")
    if not isinstance(meta, dict) or not isinstance(meta.get("id"), str) or not meta["id"]:
        return None
    if meta.get("t") == "choice":
        return Action(meta["id"], str(meta.get("v") or ""))
    if meta.get("t") == "pick":
        picked = _picked(data.get(PICK_INPUT))
        return Action(picked[0], picked[1]) if picked else None
    if meta.get("t") == "form":
        values = {
            key[len(INPUT_PREFIX) :]: _value(value)
            for key, value in data.items()
            if isinstance(key, str) and key.startswith(INPUT_PREFIX)
        }
        return FormSubmission(meta["id"], values)
    return None


def _picked(value: Any) -> tuple[str, str, str] | None:
    """(choice id, value, label) from a drop-down's value, or None if it is not one of ours."""
    try:
        parts = json.loads(value) if isinstance(value, str) else None
    except ValueError:
        return None
    if (
        isinstance(parts, list)
        and len(parts) == 3
        and all(isinstance(p, str) for p in parts)
        and parts[0]
    ):
        return parts[0], parts[1], parts[2]
    return None


def _value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
