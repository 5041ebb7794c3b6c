"""Decisions in chat: `beslut` for a decision point (`beslut B4 godkänna starta …`) or a change
request (`beslut ÄND-2 beviljad …`), `till beslut ÄND-2 program` to send a change request for
decision, and `beslut` alone: what awaits decision, for the steering group."""

from __future__ import annotations

import re
from datetime import date

from bot.conversation.engine import Context, Engine
from bot.domain.errors import UserError
from bot.domain.messages import Choice, Reply
from bot.domain.model import REF_PATTERN
from bot.entries.changes import ChangeRequestService
from bot.plan.milestones import MilestoneService
from bot.text.clean import shorten
from bot.text.render import due_label, local_time
from bot.text.validation import check_free_text
from handlers import milestones as milestone_handlers

PREFIX = "change"
PENDING_WORDS = frozenset({"", "väntar", "vantar", "pending", "lista", "list"})
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def register(engine: Engine, milestones: MilestoneService, changes: ChangeRequestService) -> None:
    async def decision(context: Context, args: str) -> list[Reply]:
        if args.strip().casefold() in PENDING_WORDS:
            return [_pending(context, milestones, changes)]
        if REF_PATTERN.match(args.strip()):
            return await _decide_change(context, changes, args.strip())
        return await milestone_handlers.decide(context, milestones, args)

    async def to_decision(context: Context, args: str) -> list[Reply]:
        """`till beslut ÄND-2 program`: the Swedish is two words."""
        word, _, rest = args.strip().partition(" ")
        if word.casefold() != "beslut":
            raise UserError("change.submit_usage")
        return await _submit(context, changes, rest)

    async def submit(context: Context, args: str) -> list[Reply]:
        return await _submit(context, changes, args)

    async def on_action(context: Context, action_id: str, value: str) -> list[Reply]:
        if action_id == f"{PREFIX}:submit":
            return await _submit(context, changes, value)
        if action_id == f"{PREFIX}:pending":
            return [_pending(context, milestones, changes)]
        return [Reply(context.t("stale_action"), style="error")]

    engine.command("beslut", "decision", "decisions")(decision)
    engine.command("till")(to_decision)
    engine.command("submit")(submit)
    engine.action(PREFIX)(on_action)


async def _submit(context: Context, changes: ChangeRequestService, args: str) -> list[Reply]:
    match = REF_PATTERN.match(args.strip())
    if match is None:
        raise UserError("change.submit_usage")
    ref, level = match.group(0), args.strip()[match.end() :].strip()
    try:
        entry, chosen = await changes.submit(context.person, ref, level)
    except UserError as error:
        if error.key != "change.which_level":
            raise
        choices = tuple(
            Choice(f"{PREFIX}:submit", f"{lv.id}: {lv.body or lv.name}", f"{ref} {lv.id}")
            for lv in changes.levels
        )
        return [Reply(context.t(error.key, **error.values), choices=choices)]
    names = ", ".join(r.name for r in changes.deciders(chosen)) or "–"
    text = context.t(
        "change.submitted", ref=entry.ref, body=chosen.body or chosen.name, names=names
    )
    return [Reply(text, style="success")]


async def _decide_change(context: Context, changes: ChangeRequestService, args: str) -> list[Reply]:
    parts = args.split(maxsplit=2)
    if len(parts) < 2:
        raise UserError("change.decision_usage", ref=parts[0])
    rest = parts[2] if len(parts) > 2 else ""
    decided_on = None
    first, _, remainder = rest.partition(" ")
    if _DAY.fullmatch(first):
        try:
            decided_on = date.fromisoformat(first)
        except ValueError:
            raise UserError("ms.bad_decision_day", text=first) from None
        rest = remainder
    checked = check_free_text(rest, limit=2_000, locale=context.locale)
    if not checked.ok:
        return [Reply(checked.error, style="error")]
    entry, decision = await changes.decide(
        context.person, parts[0], parts[1], checked.value, decided_on
    )
    text = context.t(
        "change.decided",
        ref=entry.ref,
        outcome=context.t(f"change.decision.{decision.outcome}"),
        body=decision.decided_by,
        day=decision.decided_on.isoformat(),
        at=local_time(decision.recorded_at, context.timezone),
    )
    return [Reply(text, style="success")]


def _pending(
    context: Context, milestones: MilestoneService, changes: ChangeRequestService
) -> Reply:
    """Change requests awaiting decision and decision points still to be decided."""
    lines = [context.t("change.pending_title")]
    waiting = changes.awaiting(context.person)
    for item in waiting:
        entry = item.entry
        lines.append(
            context.t(
                "change.pending_row",
                ref=entry.ref,
                title=shorten(entry.title, 90),
                body=(item.level.body or item.level.name) if item.level else "–",
                since=local_time(entry.updated_at, context.timezone)[:10],
                scope=shorten(str(entry.fields.get("impact_scope", "–")), 120),
                time=shorten(str(entry.fields.get("impact_time", "–")), 120),
                budget=shorten(str(entry.fields.get("impact_budget", "–")), 120),
            )
        )
    if not waiting:
        lines.append(context.t("change.pending_none"))
    points = [
        m for m, decision in milestones.listing(include_past=False)
        if m.kind == "decision" and decision is None
    ]  # fmt: skip
    lines += ["", context.t("change.pending_points")]
    lines += [
        f"• {m.id} · {due_label(m.due, m.due_text, context.locale)} · {shorten(m.title, 90)}"
        for m in points
    ] or [context.t("change.pending_none")]
    return Reply("\n".join(lines))
