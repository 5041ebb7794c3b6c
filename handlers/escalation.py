"""`eskalera ÄRE-7 <skäl>`: only issues, a reason is required, and the bot shows what will happen
(the level, who will be told) and escalates only when the person confirms."""

from __future__ import annotations

from bot.conversation.engine import Context, Engine
from bot.domain.errors import UserError
from bot.domain.messages import Choice, Form, FormField, Reply
from bot.domain.model import REF_PATTERN
from bot.entries import escalation
from bot.text.validation import check_free_text

FLOW = "escalate"


def register(engine: Engine) -> None:
    engine.command("eskalera", "escalate")(escalate)
    engine.form(FLOW)(on_form)
    engine.action(FLOW)(on_action)


async def escalate(context: Context, args: str) -> list[Reply]:
    match = REF_PATTERN.match(args.strip())
    if not match:
        raise UserError("no_ref", example="ÄRE-7")
    ref, reason = match.group(0), args.strip()[match.end() :].strip()
    planned = escalation.prepare(context.entries, context.person, ref)
    if not reason:
        return [_reason_form(context, planned)]
    return _confirm(context, planned, reason)


def _reason_form(context: Context, planned: escalation.Escalation) -> Reply:
    entry = planned.entry
    question = context.t("escalate_why", ref=entry.ref, level_key=planned.level.value)
    field = FormField(
        "reason",
        context.t("field.escalation_reason"),
        "textarea",
        required=True,
        max_length=escalation.REASON_LIMIT,
    )
    form = Form(
        id=f"{FLOW}:{entry.ref}",
        title=context.t("escalate_title", ref=entry.ref),
        fields=(field,),
        submit_label=context.t("escalate_next"),
    )
    return Reply(question, form=form)


def _confirm(context: Context, planned: escalation.Escalation, reason: str) -> list[Reply]:
    checked = check_free_text(reason, limit=escalation.REASON_LIMIT, locale=context.locale)
    if not checked.ok:
        return [Reply(checked.error, style="error")]
    entry = planned.entry
    kept = context.keep(FLOW, ref=entry.ref, reason=checked.value)
    who = ", ".join(planned.people) or context.t("escalate_nobody")
    text = context.t(
        "escalate_confirm",
        ref=entry.ref,
        title=entry.title,
        level_key=planned.level.value,
        reason=checked.value,
        people=who,
    )
    choices = (
        Choice(f"{FLOW}:confirm", context.t("escalate_yes"), kept.id),
        Choice(f"{FLOW}:cancel", context.t("choice.cancel"), kept.id),
    )
    return [Reply(text, choices=choices)]


async def on_form(context: Context, form_id: str, values: dict[str, str]) -> list[Reply]:
    ref = form_id.partition(":")[2]
    reason = values.get("reason", "").strip()
    if not REF_PATTERN.fullmatch(ref):
        return [Reply(context.t("stale_action"), style="error")]
    if not reason:
        raise UserError("escalate_reason_missing")
    planned = escalation.prepare(context.entries, context.person, ref)
    return _confirm(context, planned, reason)


async def on_action(context: Context, action_id: str, value: str) -> list[Reply]:
    name = action_id.partition(":")[2]
    kept = context.kept(FLOW, value)
    if kept is None:
        # Confirmed already, cancelled, or too old: nothing happens twice.
        return [Reply(context.t("escalate_stale"), style="error")]
    context.forget(kept.id)
    if name != "confirm":
        return [Reply(context.t("escalate_cancelled", ref=kept.values["ref"]))]
    planned, reached = await escalation.escalate(
        context.entries, context.person, kept.values["ref"], kept.values["reason"]
    )
    entry = planned.entry
    replies = [
        Reply(
            context.t("escalated", ref=entry.ref, level_key=planned.level.value),
            style="success",
        )
    ]
    if reached:
        names = ", ".join(r.name for r in reached)
        replies.append(Reply(context.t("escalate_told", names=names)))
    else:
        replies.append(
            Reply(context.t("escalate_none_told", level_key=planned.level.value), style="error")
        )
    return replies
