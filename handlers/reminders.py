"""Personal reminders: `påminn mig nästa fredag kl 9 om B5-underlaget`, `remind me in 2 hours to
call the ward`, `påminnelser|reminders`. The bot echoes the exact time it understood."""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.conversation.engine import Context, Engine
from bot.domain.errors import UserError
from bot.domain.messages import Choice, Reply
from bot.plan.reminders import TEXT_LIMIT, ReminderService, parse_request
from bot.text.clean import shorten
from bot.text.timeparse import parse_when
from bot.text.validation import check_free_text

FLOW = "remind"
_ME = re.compile(r"^(?:mig|me)\b\s*", re.IGNORECASE)
_WEEKDAYS = {
    "sv": ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}


def spoken(when: datetime, context: Context) -> str:
    """The exact time understood, unambiguous in both languages: "fredag 2026-11-27 kl. 09:00"."""
    local = when.astimezone(ZoneInfo(context.timezone))
    day = _WEEKDAYS["en" if context.locale == "en" else "sv"][local.weekday()]
    clock = "at" if context.locale == "en" else "kl."
    return f"{day} {local:%Y-%m-%d} {clock} {local:%H:%M}"


def register(engine: Engine, service: ReminderService) -> None:
    async def remind(context: Context, args: str) -> list[Reply]:
        return _remind(context, service, args)

    async def listing(context: Context, args: str) -> list[Reply]:
        return _listing(context, service)

    async def on_answer(context: Context, text: str) -> list[Reply]:
        return _on_answer(context, service, text)

    async def on_action(context: Context, action_id: str, value: str) -> list[Reply]:
        return _on_action(context, service, action_id, value)

    engine.command("påminn", "paminn", "remind")(remind)
    engine.command("påminnelser", "paminnelser", "reminders")(listing)
    engine.flow(FLOW, prompt=_prompt, aside=lambda context: context.t("dialog.aside_remind"))(
        on_answer
    )
    engine.action(FLOW)(on_action)


def _remind(context: Context, service: ReminderService, args: str) -> list[Reply]:
    request = _ME.sub("", args.strip())
    if not request:
        return [Reply(context.t("remind.usage"))]
    checked = check_free_text(request, limit=TEXT_LIMIT, locale=context.locale)
    if not checked.ok:
        return [Reply(checked.error, style="error")]
    parsed = parse_request(checked.value, now=context.now, timezone=context.timezone)
    if parsed.when is None:
        context.start_dialogue(FLOW, "when", extra={"what": parsed.what})
        context.save_dialogue()
        return [Reply(context.t("remind.ask_when", text=shorten(parsed.what, 200) or "…"))]
    if not parsed.what:
        context.start_dialogue(FLOW, "what", extra={"when": parsed.when.isoformat()})
        context.save_dialogue()
        return [Reply(context.t("remind.ask_what", when=spoken(parsed.when, context)))]
    return _save(context, service, parsed.when, parsed.what)


def _on_answer(context: Context, service: ReminderService, text: str) -> list[Reply]:
    dialogue = context.dialogue
    assert dialogue is not None
    checked = check_free_text(text, limit=TEXT_LIMIT, locale=context.locale)
    if not checked.ok:
        return [Reply(checked.error, style="error")]
    if dialogue.state == "what":
        when = datetime.fromisoformat(dialogue.extra["when"])
        context.end_dialogue()
        return _save(context, service, when, checked.value)
    parsed = parse_when(checked.value, now=context.now, tz=context.timezone)
    if parsed is None:
        return [Reply(context.t("remind.not_understood", text=shorten(checked.value, 60)))]
    what = str(dialogue.extra.get("what", ""))
    if not what:
        return [Reply(context.t("remind.usage"))]
    return _save(context, service, parsed, what)


def _save(context: Context, service: ReminderService, when: datetime, what: str) -> list[Reply]:
    if when <= context.now:
        # A clear question back; the subject is kept in the dialogue for the answer.
        context.start_dialogue(FLOW, "when", extra={"what": what})
        context.save_dialogue()
        return [Reply(context.t("remind.past_when", when=spoken(when, context)))]
    reminder = service.create(context.person, context.locale, when, what)
    if context.dialogue is not None and context.dialogue.flow == FLOW:
        context.end_dialogue()
    choice = Choice(
        f"{FLOW}:cancel",
        context.t("remind.choice.cancel", when=spoken(when, context)),
        str(reminder.id),
    )
    text = context.t("remind.saved", when=spoken(when, context), text=shorten(what, 300))
    return [Reply(text, style="success", choices=(choice,))]


def _listing(context: Context, service: ReminderService) -> list[Reply]:
    mine = service.mine(context.person)
    if not mine:
        return [Reply(context.t("remind.list_empty"))]
    lines = [context.t("remind.list_title")]
    lines += [f"• {spoken(r.due_at, context)}: {shorten(r.text, 120)}" for r in mine[:20]]
    choices = tuple(
        Choice(
            f"{FLOW}:cancel",
            context.t("remind.choice.cancel", when=spoken(r.due_at, context)),
            str(r.id),
        )
        for r in mine[:10]
    )
    return [Reply("\n".join(lines), choices=choices)]


def _on_action(
    context: Context, service: ReminderService, action_id: str, value: str
) -> list[Reply]:
    if action_id != f"{FLOW}:cancel" or not value.isdecimal():
        return [Reply(context.t("stale_action"), style="error")]
    try:
        reminder = service.cancel(context.person, int(value))
    except UserError as error:
        return [Reply(context.t(error.key, **error.values), style="error")]
    return [Reply(context.t("remind.cancelled", when=spoken(reminder.due_at, context)))]


def _prompt(context: Context) -> list[Reply]:
    """The reminder's standing question: when, or about what."""
    dialogue = context.dialogue
    assert dialogue is not None
    if dialogue.state == "what":
        when = datetime.fromisoformat(str(dialogue.extra["when"]))
        return [Reply(context.t("remind.ask_what", when=spoken(when, context)))]
    what = shorten(str(dialogue.extra.get("what", "")), 200) or "…"
    return [Reply(context.t("remind.ask_when", text=what))]
