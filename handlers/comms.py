"""The communication plan in chat: `kommunikation|comms` lists it; new, show, submit, approve,
edit, cancel and withdraw through words, forms and choices."""

from __future__ import annotations

import re

from bot.conversation.engine import Context, Engine
from bot.domain.errors import UserError
from bot.domain.messages import Choice, Reply
from bot.domain.model import Role
from bot.plan.comms import CommsService, readability
from bot.ports.delivery import DeliveryRecord
from bot.ports.plan import CommsItem
from bot.text.clean import shorten
from bot.text.render import local_time
from handlers.comms_form import channel_name, check_draft, draft_form, form_values

PREFIX = "comms"
LIX_WARNING = 50
VERBS = (
    (("ny", "nytt", "new"), "new"),
    (("visa", "show"), "show"),
    (("skicka", "submit"), "submit"),
    (("godkänn", "godkann", "approve"), "approve"),
    (("ändra", "andra", "edit"), "edit"),
    (("ställ in", "stall in", "avbryt", "cancel"), "cancel"),
    (("dra tillbaka", "withdraw"), "withdraw"),
)
_ID = re.compile(r"^(?:kom-?|#)?(\d{1,9})$", re.IGNORECASE)


def _item_id(text: str) -> int:
    match = _ID.match(text.strip())
    if match is None:
        raise UserError("comms.usage")
    return int(match.group(1))


def register(engine: Engine, service: CommsService) -> None:
    async def command(context: Context, args: str) -> list[Reply]:
        lowered = args.strip().casefold()
        if not lowered:
            return _listing(context, service)
        for words, verb in VERBS:
            for word in words:
                if lowered == word or lowered.startswith(word + " "):
                    rest = args.strip()[len(word) :].strip()
                    return await _do(context, service, verb, rest)
        raise UserError("comms.usage")

    async def on_action(context: Context, action_id: str, value: str) -> list[Reply]:
        verb = action_id.partition(":")[2]
        if verb == "repost":
            item_id, _, key = value.partition("|")
            row = await service.repost(context.person, _item_id(item_id), key)
            where = channel_name(context, row.target.platform)
            if row.status == "sent":
                return [Reply(context.t("comms.reposted", where=where), style="success")]
            return [Reply(context.t("comms.repost_failed", error=row.error), style="error")]
        if verb == "withdraw_confirmed":
            return await _withdraw(context, service, _item_id(value))
        if verb == "keep":
            return [Reply(context.t("comms.kept"))]
        if verb not in {v for _, v in VERBS}:
            return context.engine.stale(context)
        return await _do(context, service, verb, value)

    async def on_form(context: Context, form_id: str, values: dict[str, str]) -> list[Reply]:
        _, _, target = form_id.partition(":")
        editing = target.startswith("edit:")
        draft, errors, clean = check_draft(context, service, values)
        if draft is None:
            return [draft_form(context, service, form_id, clean, errors)]
        if editing:
            item, back = service.edit(context.person, _item_id(target[5:]), draft)
            text = context.t("comms.edited_back" if back else "comms.edited", ref=item.ref)
        else:
            item = service.draft(context.person, draft)
            text = context.t("comms.saved", ref=item.ref)
        return [
            Reply(
                f"{text}\n{_lix(context, item)}",
                style="success",
                choices=_actions(context, service, item, []),
            )
        ]

    engine.command("kommunikation", "komm", "comms", "communication")(command)
    engine.action(PREFIX)(on_action)
    engine.form(PREFIX)(on_form)


async def _do(context: Context, service: CommsService, verb: str, rest: str) -> list[Reply]:
    if verb == "new":
        if not context.person.has(Role.COMMUNICATOR):
            raise UserError("comms.forbidden_draft")
        return [draft_form(context, service, f"{PREFIX}:new", {"channels": "webchat"}, {})]
    item_id = _item_id(rest)
    person = context.person
    if verb == "show":
        item, posts = service.show(person, item_id)
        return [_show(context, service, item, posts)]
    if verb == "edit":
        item, _ = service.show(person, item_id)
        return [
            draft_form(
                context,
                service,
                f"{PREFIX}:edit:{item.id}",
                form_values(context, service, item),
                {},
            )
        ]
    if verb == "submit":
        item = await service.submit(person, item_id)
        return [Reply(context.t("comms.submitted", ref=item.ref), style="success")]
    if verb == "approve":
        item = service.approve(person, item_id)
        text = context.t(
            "comms.approved",
            ref=item.ref,
            when=_when(context, item),
            channels=_channels(context, item),
        )
        return [Reply(text, style="success")]
    if verb == "cancel":
        item = service.cancel(person, item_id)
        return [Reply(context.t("comms.cancelled", ref=item.ref), style="success")]
    return _confirm_withdraw(context, service, item_id)


def _confirm_withdraw(context: Context, service: CommsService, item_id: int) -> list[Reply]:
    """Withdrawing takes a post down from every channel: asked before it is done."""
    item = service.withdrawable(context.person, item_id)
    value = str(item.id)
    text = context.t("comms.withdraw_confirm", ref=item.ref, channels=_channels(context, item))
    choices = (
        Choice(
            f"{PREFIX}:withdraw_confirmed",
            context.t("comms.choice.withdraw_yes", ref=item.ref),
            value,
        ),
        Choice(f"{PREFIX}:keep", context.t("comms.choice.keep", ref=item.ref), value),
    )
    return [Reply(text, choices=choices)]


async def _withdraw(context: Context, service: CommsService, item_id: int) -> list[Reply]:
    item, errors = await service.withdraw(context.person, item_id)
    if errors:
        return [
            Reply(
                context.t("comms.withdraw_errors", ref=item.ref, errors="; ".join(errors)),
                style="error",
            )
        ]
    return [Reply(context.t("comms.withdrawn", ref=item.ref), style="success")]


# -- rendering ---------------------------------------------------------------------------


def _when(context: Context, item: CommsItem) -> str:
    return local_time(item.send_at, context.timezone)


def _channels(context: Context, item: CommsItem) -> str:
    return ", ".join(context.t(f"comms.channel.{c}") for c in item.channels)


def _lix(context: Context, item: CommsItem) -> str:
    lix = readability(item.body)
    return context.t("comms.lix_hard" if lix > LIX_WARNING else "comms.lix", lix=f"{lix:.0f}")


def _post_line(context: Context, row: DeliveryRecord) -> str:
    at = local_time(
        row.withdrawn_at if row.status == "withdrawn" else row.sent_at, context.timezone
    )
    state = context.t(f"comms.post.{row.status}", at=at, error=shorten(row.error, 200))
    # The platform's channel in words; its id (C0123…, 19:…@thread) means nothing to people.
    where = channel_name(context, row.target.platform)
    return f"  • {where}: {state}"


def _row(context: Context, item: CommsItem, posts: list[DeliveryRecord]) -> str:
    status = context.t(f"comms.status.{item.status}")
    line = context.t(
        "comms.row",
        ref=item.ref,
        status=status,
        when=_when(context, item),
        title=shorten(item.title, 80),
    )
    return "\n".join(
        [f"• {line}"] + [_post_line(context, row) for row in posts[-len(item.channels) :]]
    )


def _listing(context: Context, service: CommsService) -> list[Reply]:
    coming, done = service.listing(context.person)
    choices = (
        [Choice(f"{PREFIX}:new", context.t("comms.choice.new"))]
        if context.person.has(Role.COMMUNICATOR)
        else []
    )
    if not coming and not done:
        return [Reply(context.t("comms.list_empty"), choices=tuple(choices))]
    posts = service.posts(coming + done)
    lines = []
    if coming:
        lines += [context.t("comms.list_coming")] + [
            _row(context, i, posts[i.item]) for i in coming
        ]
    if done:
        lines += ["", context.t("comms.list_done")] + [
            _row(context, i, posts[i.item]) for i in done
        ]
    for item in coming[:6]:
        choices.append(
            Choice(f"{PREFIX}:show", context.t("comms.choice.show", ref=item.ref), str(item.id))
        )
    return [Reply("\n".join(lines).strip(), choices=tuple(choices))]


def _show(
    context: Context, service: CommsService, item: CommsItem, posts: list[DeliveryRecord]
) -> Reply:
    names = {a.id: a.name for a in context.programme.audiences}
    text = context.t(
        "comms.show",
        ref=item.ref,
        title=item.title,
        status=context.t(f"comms.status.{item.status}"),
        when=_when(context, item),
        weekly=f" ({context.t('comms.weekly')})" if item.recurrence == "weekly" else "",
        audiences=", ".join(names.get(a, a) for a in item.audiences),
        channels=_channels(context, item),
        author=item.author_name,
        approved=context.t("comms.approved_by", name=item.approved_by_name)
        if item.approved_by
        else "",
        body=item.body + (f"\n\n{item.body_en}" if item.body_en else ""),
    )
    if posts:
        text += "\n\n" + "\n".join(
            [context.t("comms.posts")] + [_post_line(context, p) for p in posts]
        )
    if item.status in ("draft", "awaiting_approval") and item.author == context.person.qualified_id:
        text += "\n" + _lix(context, item)
    return Reply(text, choices=_actions(context, service, item, posts))


def _actions(
    context: Context, service: CommsService, item: CommsItem, posts: list[DeliveryRecord]
) -> tuple[Choice, ...]:
    person, ref, value = context.person, item.ref, str(item.id)
    owner = person.qualified_id == item.author or person.has(Role.PROJECT_LEAD)
    choices = []
    if item.status == "draft" and person.has(Role.COMMUNICATOR):
        choices.append(Choice(f"{PREFIX}:submit", context.t("comms.choice.submit"), value))
    if (
        item.status == "awaiting_approval"
        and person.has(Role.COMMUNICATOR)
        and person.qualified_id != (item.last_editor or item.author)
    ):
        choices.append(
            Choice(f"{PREFIX}:approve", context.t("comms.choice.approve", ref=ref), value)
        )
    if item.status in ("draft", "awaiting_approval", "approved"):
        choices.append(Choice(f"{PREFIX}:edit", context.t("comms.choice.edit", ref=ref), value))
        if owner:
            choices.append(
                Choice(f"{PREFIX}:cancel", context.t("comms.choice.cancel", ref=ref), value)
            )
    if owner and item.status != "withdrawn" and any(p.status == "sent" for p in posts):
        choices.append(
            Choice(f"{PREFIX}:withdraw", context.t("comms.choice.withdraw", ref=ref), value)
        )
    for p in posts:
        if (
            owner
            and p.status in ("unconfirmed", "failed")
            and p.target.platform in service.platforms()
        ):
            where = channel_name(context, p.target.platform)
            choices.append(
                Choice(
                    f"{PREFIX}:repost",
                    context.t("comms.choice.repost", where=where),
                    f"{item.id}|{p.key}",
                )
            )
    return tuple(choices)
