"""The form path of intake: one form per kind (a Slack modal, a Teams card, a web form),
prefilled with what a dialogue already knows; a second submission of the same form is a no-op."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from datetime import datetime

from bot.conversation.engine import Context
from bot.domain.ids import new_id
from bot.domain.kinds import FIELDS, LEAD_FIELD, FieldSpec, applies, origin_of
from bot.domain.messages import Form, FormField, Option, Reply
from bot.domain.model import Kind
from bot.domain.pii import contains_personal_number
from bot.i18n.catalogue import has_text
from bot.text.render import local_time
from bot.text.validation import option_labels
from handlers import duplicates
from handlers.intake_steps import FLOW, check, prefill

NONCE = re.compile(r"[0-9A-Za-z_-]{1,64}")
Create = Callable[[Context, Kind, dict[str, str], str], Awaitable[list[Reply]]]


def form_title(context: Context, kind: Kind) -> str:
    return context.t("form_title", kind=context.t(f"kind.{kind.value}").lower())


def prefilled_form(context: Context, kind: Kind, text: str) -> list[Reply]:
    """The form a "Fill in form" click gives, with what the text says filled in; no dialogue."""
    standing = context.dialogue
    reading = context.start_dialogue(FLOW, "ask", kind=kind.value)
    notices = prefill(context, kind, text)
    values = dict(reading.values)
    context.dialogue = standing  # the reading dialogue is never saved
    if values.get("when"):
        values["when"] = _local(values["when"], context)
    return [
        *notices,
        Reply(form_title(context, kind), form=form(context, kind, new_id(), values, {})),
    ]


def form_reply(context: Context, kind: Kind) -> Reply:
    """The form for the dialogue in progress (same kind): its answers filled in, and its id as
    the nonce, so saving the form and the dialogue can never make two entries."""
    dialogue = context.dialogue
    same = dialogue is not None and dialogue.kind == kind.value
    values = dict(dialogue.values) if dialogue is not None and same else {}
    if values.get("when"):
        values["when"] = _local(values["when"], context)
    nonce = dialogue.id if dialogue is not None and same else new_id()
    return Reply(form_title(context, kind), form=form(context, kind, nonce, values, {}))


def form(
    context: Context, kind: Kind, nonce: str, values: dict[str, str], errors: dict[str, str]
) -> Form:
    fields = []
    for field_spec in FIELDS[kind]:
        options = tuple(
            Option(value, label)
            for value, label in option_labels(
                field_spec, context.locale, context.programme.benefits
            )
        )
        fields.append(
            FormField(
                name=field_spec.name,
                label=context.t(f"field.{field_spec.name}"),
                type=field_spec.type,
                # A form cannot hide a field by another's answer: one that belongs only to some
                # entries (a go-live deviation's unit) is checked as required where it applies.
                required=field_spec.required and field_spec.only_if is None,
                options=options if field_spec.type == "select" else (),
                value=values.get(field_spec.name, ""),
                error=errors.get(field_spec.name, ""),
                help=_help(context, field_spec),
                max_length=field_spec.max_length,
            )
        )
    return Form(
        id=f"{FLOW}:{kind.value}:{nonce}",
        title=form_title(context, kind),
        fields=tuple(fields),
        submit_label=context.t("form_submit"),
    )


async def on_form(
    context: Context, form_id: str, values: dict[str, str], create: Create
) -> list[Reply]:
    # form id: intake:<kind>:<nonce>; the nonce makes a second submission a no-op.
    parts = form_id.split(":")
    if (
        len(parts) != 3
        or parts[1] not in {kind.value for kind in Kind}
        # The nonce is ours (a uuid hex); a forged one (huge, odd, a personnummer) is not stored.
        or not NONCE.fullmatch(parts[2])
        or contains_personal_number(parts[2])
    ):
        return context.engine.stale(context)
    kind, nonce = Kind(parts[1]), parts[2]
    previous = context.entries.saved_ref(context.person, nonce)
    if previous:
        return [Reply(context.t("already_saved", ref=previous), style="info")]
    checked: dict[str, str] = {}
    errors: dict[str, str] = {}
    if kind is Kind.DEVIATION and not values.get("origin", "").strip():
        # The category tells which kind of deviation it is (programplan 7.7).
        values = {**values, "origin": origin_of(values.get("category", "").strip())}
    for field_spec in FIELDS[kind]:
        if not applies(field_spec, checked):
            checked[field_spec.name] = ""  # not this entry's (a deviation from the plan's unit)
            continue
        result = check(context, field_spec, values.get(field_spec.name, ""))
        if result.ok:
            checked[field_spec.name] = result.value
        else:
            errors[field_spec.name] = result.error
    origin, category = checked.get("origin", ""), origin_of(checked.get("category", ""))
    if kind is Kind.DEVIATION and origin and category and origin != category:
        errors["category"] = context.t(f"dev.category_of_{origin}")
    if errors:
        # Keep what was typed in the fields, except text that must not be stored or echoed
        # (the reply may be kept as the answer to a retried request).
        shown = {
            name: "" if contains_personal_number(value) else value for name, value in values.items()
        }
        return [
            Reply(
                context.t("form_errors"),
                style="error",
                form=form(context, kind, nonce, shown, errors),
            )
        ]
    if context.dialogue is not None and context.dialogue.flow == FLOW:
        context.end_dialogue()
    text = " ".join(checked.get(name, "") for name in ("title", "description", LEAD_FIELD[kind]))
    kept_id = duplicates.keep_form(context, kind, nonce, checked)
    similar = duplicates.offer(context, kind, text, kept_id=kept_id)
    if similar:
        return similar
    context.forget(kept_id)
    return await create(context, kind, checked, nonce)


def _local(value: str, context: Context) -> str:
    try:
        return local_time(datetime.fromisoformat(value), context.timezone)
    except ValueError:
        return value


def _help(context: Context, field_spec: FieldSpec) -> str:
    own = f"help.{field_spec.name}"
    if has_text(own):
        return context.t(own)
    if field_spec.only_if is not None:
        return context.t(f"help.only_{field_spec.only_if[1]}")
    return context.t("when_hint") if field_spec.type == "date" else ""
