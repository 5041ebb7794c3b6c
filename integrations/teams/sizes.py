"""Teams refuses a message over about 28 KB, counted on the activity as sent: JSON, with every
non-ASCII letter escaped (aiohttp sends `json.dumps`' default, so "ä" is six bytes), plus what
the SDK adds around our fields. A Reply that does not fit goes out as several messages, each
saying which part it is; past MAX_PAGES the rest is cut, and the last part says so."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from bot.domain.messages import Reply, ReplyStyle
from bot.i18n.catalogue import t
from integrations.teams import cards

MAX_ACTIVITY_BYTES = 28_000
# from, recipient, conversation, serviceUrl, channelId, ids and locale, which the SDK adds:
# about 700 bytes with Teams' long ids; twice that to be safe.
ENVELOPE_BYTES = 1_500
BUDGET = MAX_ACTIVITY_BYTES - ENVELOPE_BYTES
MAX_PAGES = 10


def size(fields: dict[str, Any]) -> int:
    """Bytes of the activity's fields as they go over the wire."""
    return len(json.dumps(fields))


def reply_activities(reply: Reply, locale: str) -> list[dict[str, Any]]:
    """One Reply as the fields of one or more message activities, each within the limit."""
    whole = cards.reply_activity(reply, locale)
    if size(whole) <= BUDGET:
        return [whole]
    if reply.form is None and not reply.choices:
        return [_text(page, reply.style, locale) for page in pages(reply.text, locale)]
    # A card with a long text: the text goes ahead on its own, the card keeps its last line
    # (the question the buttons or the form answer).
    lines = [line for line in reply.text.split("\n") if line.strip()]
    question = lines[-1] if lines else ""
    card = cards.reply_activity(replace(reply, text=question), locale)
    ahead = [_text(page, reply.style, locale) for page in pages(reply.text, locale)]
    return [*ahead, card]


def _text(text: str, style: ReplyStyle, locale: str) -> dict[str, Any]:
    return cards.reply_activity(Reply(text, style=style), locale)


def pages(text: str, locale: str) -> list[str]:
    """The text in parts that each fit one message, with "(part n of m)" on each."""
    widest = t(locale, "teams.continued", page=MAX_PAGES, pages=MAX_PAGES)
    cut = t(locale, "teams.cut")

    def fits(chunk: str) -> bool:
        return size(cards.reply_activity(Reply(f"{chunk}\n\n{widest}\n{cut}"), locale)) <= BUDGET

    parts = _chunks(text, fits)
    if len(parts) == 1:
        return parts
    if len(parts) > MAX_PAGES:
        parts = parts[:MAX_PAGES]
        parts[-1] = f"{parts[-1]}\n{cut}"
    total = len(parts)
    return [
        f"{part}\n\n{t(locale, 'teams.continued', page=n, pages=total)}"
        for n, part in enumerate(parts, start=1)
    ]


def _chunks(text: str, fits: Callable[[str], bool]) -> list[str]:
    """Whole lines while they fit; a line too long for one message is cut where it must be."""
    parts: list[str] = []
    current: list[str] = []
    for line in text.split("\n"):
        if fits("\n".join([*current, line])):
            current.append(line)
            continue
        if current:
            parts.append("\n".join(current))
            current = []
        while not fits(line):
            head = _longest_fitting(line, fits)
            parts.append(head)
            line = line[len(head) :]
        current = [line]
    if current or not parts:
        parts.append("\n".join(current))
    return parts


def _longest_fitting(line: str, fits: Callable[[str], bool]) -> str:
    low, high = 1, len(line)  # a single character always fits
    while low < high:
        middle = (low + high + 1) // 2
        if fits(line[:middle]):
            low = middle
        else:
            high = middle - 1
    return line[:low]
