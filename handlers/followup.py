"""The reporter's side after logging: `öppna igen ÄRE-1 <varför>` / `reopen`, `bekräfta ÄRE-1` /
`confirm` (it is fixed); the handler's `nyttoobjekt BEH-1 3`; everyone's `notiser dagligen|direkt`
(new entries one by one or in a daily digest)."""

from __future__ import annotations

from bot.conversation.engine import Context, Engine
from bot.domain.errors import UserError
from bot.domain.messages import Form, FormField, Reply
from bot.domain.model import parse_ref
from bot.entries import followup
from bot.text.validation import check_free_text
from handlers.triage import split_ref

REOPEN_FORM = "reopen"
REASON_LIMIT = 2_000
AGAIN = frozenset({"igen", "again"})
DAILY = frozenset({"dagligen", "daglig", "sammanfattning", "daily", "digest"})
AT_ONCE = frozenset({"direkt", "genast", "immediate", "immediately", "each", "varje"})


def register(engine: Engine) -> None:
    engine.command("öppna", "oppna", "reopen")(reopen)
    engine.command("bekräfta", "bekrafta", "confirm")(confirm)
    engine.command("nyttoobjekt", "benefit")(set_benefit)
    engine.command("notiser", "notices")(notices)
    engine.action("followup")(on_action)
    engine.form(REOPEN_FORM)(on_reopen_form)


async def reopen(context: Context, args: str) -> list[Reply]:
    first, _, rest = args.strip().partition(" ")
    if first.casefold() in AGAIN:  # "öppna igen ÄRE-1 …"
        args = rest
    ref, reason = split_ref(args)
    if not reason:
        entry = context.entries.read(context.person, ref)
        return [_reopen_form(context, entry.ref)]
    checked = check_free_text(reason, limit=REASON_LIMIT, locale=context.locale)
    if not checked.ok:
        return [Reply(checked.error, style="error")]
    entry = await followup.reopen(context.entries, context.person, ref, checked.value)
    return [
        Reply(context.t("reopened", ref=entry.ref, status_key=entry.status.value), style="success")
    ]


def _reopen_form(context: Context, ref: str) -> Reply:
    field = FormField(
        "reason", context.t("field.reopened"), "textarea", required=True, max_length=REASON_LIMIT
    )
    form = Form(
        id=f"{REOPEN_FORM}:{ref}",
        title=context.t("reopen_title", ref=ref),
        fields=(field,),
        submit_label=context.t("reopen_submit"),
    )
    return Reply(context.t("reopen_why", ref=ref), form=form)


async def on_reopen_form(context: Context, form_id: str, values: dict[str, str]) -> list[Reply]:
    ref = form_id.partition(":")[2]
    if parse_ref(ref) is None:
        return [Reply(context.t("stale_action"), style="error")]
    reason = values.get("reason", "").strip()
    if not reason:
        raise UserError("reopen_reason_missing", ref=ref)
    return await reopen(context, f"{ref} {reason}")


async def confirm(context: Context, args: str) -> list[Reply]:
    ref, _ = split_ref(args)
    entry = await followup.confirm_fixed(context.entries, context.person, ref)
    return [Reply(context.t("confirmed", ref=entry.ref), style="success")]


async def on_action(context: Context, action_id: str, value: str) -> list[Reply]:
    name = action_id.partition(":")[2]
    if name == "confirm":
        return await confirm(context, value)
    if name == "reopen":
        entry = context.entries.read(context.person, value)
        return [_reopen_form(context, entry.ref)]
    return [Reply(context.t("stale_action"), style="error")]


async def set_benefit(context: Context, args: str) -> list[Reply]:
    ref, value = split_ref(args)
    entry = await followup.set_benefit(context.entries, context.person, ref, value.strip(" ."))
    return [
        Reply(context.t("benefit_set", ref=entry.ref, benefit=value.strip(" .")), style="success")
    ]


async def notices(context: Context, args: str) -> list[Reply]:
    settings = context.entries.notice_settings
    key = context.person.key
    if settings is None or not key:
        raise UserError("notices_unknown_person")
    word = args.strip().casefold()
    if word in DAILY:
        settings.set_daily_digest(key, True)
        return [Reply(context.t("notices_daily"), style="success")]
    if word in AT_ONCE:
        settings.set_daily_digest(key, False)
        return [Reply(context.t("notices_at_once"), style="success")]
    current = "notices_now_daily" if settings.daily_digest(key) else "notices_now_at_once"
    return [Reply(context.t(current))]
