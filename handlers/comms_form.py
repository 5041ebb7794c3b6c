"""The announcement form: filled from an item, and what is written checked into a Draft (each
field's problem said beside it)."""

from __future__ import annotations

import dataclasses
import re

from bot.conversation.engine import Context
from bot.domain.messages import Form, FormField, Option, Reply
from bot.plan.comms import CHANNELS, CommsService, Draft
from bot.ports.plan import CommsItem
from bot.text.clean import shorten
from bot.text.render import local_time
from bot.text.timeparse import parse_when
from bot.text.validation import check_free_text

LIMITS = {
    "title": 200,
    "body": 5_000,
    "body_en": 5_000,
    "audiences": 500,
    "channels": 200,
    "send_at": 100,
    "recurrence": 20,
}
CHANNEL_WORDS = {
    **dict.fromkeys(("webchat", "webbchatt", "webbchatten", "web"), "webchat"),
    **dict.fromkeys(("slack",), "slack"),
    **dict.fromkeys(("teams",), "teams"),
    **dict.fromkeys(
        ("sharepoint", "intranät", "intranätet", "intranat", "intranet", "nyheter", "news"),
        "sharepoint",
    ),
}


def channel_name(context: Context, channel: str) -> str:
    """A channel in words, capitalised as a choice: "Webbchattens kanal", "Intranätets nyheter"."""
    name = context.t(f"comms.channel.{channel}")
    return name[:1].upper() + name[1:]


def form_values(context: Context, service: CommsService, item: CommsItem) -> dict[str, str]:
    when = local_time(item.send_at, context.timezone)
    return {
        "title": item.title,
        "body": item.body,
        "body_en": item.body_en,
        "audiences": ",".join(item.audiences),
        "channels": ",".join(item.channels),
        "send_at": when,
        "recurrence": item.recurrence or "none",
    }


def draft_form(
    context: Context,
    service: CommsService,
    form_id: str,
    values: dict[str, str],
    errors: dict[str, str],
) -> Reply:
    audiences = tuple(Option(a.id, a.name or a.id) for a in context.programme.audiences)
    channels = tuple(Option(c, channel_name(context, c)) for c in CHANNELS)
    recurrence = tuple(Option(v, context.t(f"comms.recurrence.{v}")) for v in ("none", "weekly"))
    specs = (
        FormField("title", context.t("comms.field.title"), required=True),
        FormField("body", context.t("comms.field.body"), "textarea", required=True),
        FormField("body_en", context.t("comms.field.body_en"), "textarea"),
        FormField(
            "audiences",
            context.t("comms.field.audiences"),
            "multiselect",
            required=True,
            options=audiences,
            help=context.t("comms.field.audiences_help"),
        ),
        FormField(
            "channels",
            context.t("comms.field.channels"),
            "multiselect",
            required=True,
            options=channels,
            help=context.t("comms.field.channels_help"),
        ),
        FormField(
            "send_at",
            context.t("comms.field.send_at"),
            "date",
            required=True,
            help=context.t("comms.field.send_at_help"),
        ),
        FormField("recurrence", context.t("comms.field.recurrence"), "select", options=recurrence),
    )
    fields = tuple(
        dataclasses.replace(
            f,
            value=values.get(f.name, ""),
            error=errors.get(f.name, ""),
            # What check_draft accepts, so a platform's input says so too.
            max_length=LIMITS[f.name],
        )
        for f in specs
    )
    submit = context.t("comms.form_save" if ":edit:" in form_id else "comms.form_submit")
    return Reply(
        context.t("comms.form_title"),
        form=Form(form_id, context.t("comms.form_title"), fields, submit),
    )


def check_draft(
    context: Context, service: CommsService, values: dict[str, str]
) -> tuple[Draft | None, dict[str, str], dict[str, str]]:
    """The form's values as a draft, or an error per field (values kept for the form)."""
    errors: dict[str, str] = {}
    clean: dict[str, str] = {}
    for name, limit in LIMITS.items():
        checked = check_free_text(values.get(name, ""), limit=limit, locale=context.locale)
        clean[name] = checked.value
        if not checked.ok:
            errors[name] = checked.error
        elif not checked.value and name in ("title", "body", "audiences", "channels", "send_at"):
            errors[name] = context.t("required")
    audiences: list[str] = []
    known = {a.id.casefold(): a.id for a in context.programme.audiences}
    known.update({a.name.casefold(): a.id for a in context.programme.audiences})
    for part in filter(None, (p.strip() for p in re.split(r"[,;\n]", clean["audiences"]))):
        if part.casefold() not in known:
            names = ", ".join(a.name or a.id for a in context.programme.audiences)
            errors.setdefault(
                "audiences", context.t("comms.bad_audience", text=shorten(part, 40), names=names)
            )
        elif known[part.casefold()] not in audiences:
            audiences.append(known[part.casefold()])
    channels: list[str] = []
    for part in filter(None, (p.strip() for p in re.split(r"[,;\s]+", clean["channels"]))):
        channel = CHANNEL_WORDS.get(part.casefold())
        if channel is None:
            names = ", ".join(channel_name(context, c) for c in CHANNELS)
            errors.setdefault(
                "channels", context.t("comms.bad_channel", text=shorten(part, 40), names=names)
            )
        elif channel not in channels:
            channels.append(channel)
    channels.sort(key=CHANNELS.index)
    when = None
    if clean["send_at"] and "send_at" not in errors:
        when = parse_when(clean["send_at"], now=context.now, tz=context.timezone)
        if when is None:
            errors["send_at"] = context.t("comms.bad_when", text=shorten(clean["send_at"], 60))
        elif when <= context.now:
            errors["send_at"] = context.t(
                "comms.when_past", when=local_time(when, context.timezone)
            )
    recurrence = "weekly" if clean["recurrence"] == "weekly" else ""
    if errors or when is None:
        return None, errors, clean
    draft = Draft(
        clean["title"],
        clean["body"],
        clean["body_en"],
        tuple(audiences),
        tuple(channels),
        when,
        recurrence,
    )
    return draft, errors, clean
