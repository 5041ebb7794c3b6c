"""Risks in chat (programplan 7.8): `riskägare RIS-4 <namn>`, `granska RIS-4 <nästa datum>
[kommentar]`, `lämna RIS-4 till linjen <mottagande chef> – <motivering>`."""

from __future__ import annotations

import re

from bot.conversation.engine import Context, Engine
from bot.domain.errors import UserError
from bot.domain.messages import Reply
from bot.domain.model import REF_PATTERN
from bot.entries.risks import LINE_MANAGER, OWNER_EXTERNAL, RiskService
from bot.text.render import local_time
from bot.text.timeparse import parse_when
from bot.text.validation import check_free_text

_NOTE = re.compile(r"\s+[–-]\s+|\s*;\s*")
_LINE_WORDS = re.compile(r"^(?:till\s+linjen|to\s+(?:the\s+)?line)\s*", re.IGNORECASE)


def register(engine: Engine, risks: RiskService) -> None:
    async def owner(context: Context, args: str) -> list[Reply]:
        ref, rest = _split(args, "risk.owner_usage")
        entry = await risks.set_owner(context.person, ref, rest)
        key = "risk.owner_set_external" if entry.fields.get(OWNER_EXTERNAL) else "risk.owner_set"
        return [
            Reply(
                context.t(key, ref=entry.ref, name=entry.fields.get("owner", "")), style="success"
            )
        ]

    async def review(context: Context, args: str) -> list[Reply]:
        ref, rest = _split(args, "risk.review_usage")
        when_text, note = _when_and_note(context, rest)
        checked = check_free_text(note, limit=2_000, locale=context.locale)
        if not checked.ok:
            return [Reply(checked.error, style="error")]
        entry = await risks.review(context.person, ref, when_text, checked.value)
        at = risks.review_text(entry)
        return [Reply(context.t("risk.reviewed", ref=entry.ref, day=at), style="success")]

    async def hand_over(context: Context, args: str) -> list[Reply]:
        ref, rest = _split(args, "risk.handover_usage")
        rest = _LINE_WORDS.sub("", rest)
        manager, _, note = (part.strip() for part in _partition(rest))
        if not manager:
            raise UserError("risk.handover_usage")
        checked = check_free_text(note, limit=2_000, locale=context.locale)
        if not checked.ok:
            return [Reply(checked.error, style="error")]
        entry = await risks.hand_over(context.person, ref, manager, checked.value)
        text = context.t(
            "risk.handed_over",
            ref=entry.ref,
            manager=entry.fields.get(LINE_MANAGER, ""),
            at=local_time(entry.updated_at, context.timezone),
        )
        return [Reply(text, style="success")]

    engine.command("riskägare", "riskagare", "riskowner")(owner)
    engine.command("granska", "review")(review)
    engine.command("lämna", "lamna", "handover")(hand_over)


def _split(args: str, usage: str) -> tuple[str, str]:
    match = REF_PATTERN.match(args.strip())
    if match is None:
        raise UserError(usage)
    rest = args.strip()[match.end() :].strip()
    if not rest:
        raise UserError(usage)
    return match.group(0), rest


def _partition(text: str) -> tuple[str, str, str]:
    match = _NOTE.search(text)
    if match is None:
        return text, "", ""
    return text[: match.start()], match.group(0), text[match.end() :]


def _when_and_note(context: Context, text: str) -> tuple[str, str]:
    """The longest leading words that read as a time, and the rest as a comment."""
    words = text.split()
    for size in range(min(len(words), 6), 0, -1):
        head = " ".join(words[:size])
        if parse_when(head, now=context.now, prefer="future", tz=context.timezone) is not None:
            return head, " ".join(words[size:])
    return text, ""
