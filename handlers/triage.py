"""Handling entries: status, assignee, comments. The buttons on notices and on the overview come
here too (take it, set its status, comment, escalate) and work the same on every platform."""

from __future__ import annotations

from bot.conversation.engine import Context, Engine
from bot.conversation.suggest import nearest_person
from bot.domain.errors import UserError
from bot.domain.messages import Choice, Form, FormField, Reply
from bot.domain.model import REF_PATTERN, Status, format_ref, parse_ref
from bot.domain.permissions import is_reporter_of
from bot.entries.notices import reporter_choices
from bot.text.clean import shorten
from bot.text.validation import check_free_text
from bot.text.words import parse_status, status_names
from handlers import escalation

COMMENT_LIMIT = 5_000
SELF_WORDS = frozenset({"mig", "me", "jag"})
# Statuses that end an entry for its reporter.
FINAL = frozenset({Status.CLOSED, Status.REJECTED})
COMMENT_FORM = "comment"


def register(engine: Engine) -> None:
    engine.command("status")(set_status)
    engine.command("tilldela", "assign")(assign)
    engine.command("kommentera", "kommentar", "comment")(comment)
    # Buttons (notices, the overview's queue, any platform): value is "REF" or "REF status".
    engine.action("triage")(on_action)
    engine.form(COMMENT_FORM)(on_comment_form)
    escalation.register(engine)


async def on_action(context: Context, action_id: str, value: str) -> list[Reply]:
    name = action_id.partition(":")[2]
    if name == "take":
        return await assign(context, f"{value} mig")
    if name == "status":
        return await set_status(context, value)
    if name == "status_confirmed":
        return await set_status(context, value, confirmed=True)
    if name == "keep":
        return [Reply(context.t("triage.kept", ref=value))]
    if name == "comment":
        return [comment_form(context, value)]
    if name == "escalate":
        return await escalation.escalate(context, value)
    return [Reply(context.t("stale_action"), style="error")]


def split_ref(args: str) -> tuple[str, str]:
    """`BEH-12 löst` → ("BEH-12", "löst"); the reference must come first."""
    match = REF_PATTERN.match(args.strip())
    if not match:
        raise UserError("no_ref", example="BEH-12")
    return match.group(0), args.strip()[match.end() :].strip()


async def set_status(context: Context, args: str, *, confirmed: bool = False) -> list[Reply]:
    ref, rest = split_ref(args)
    status = parse_status(rest)
    if status is None:
        raise UserError(
            "bad_status", text=shorten(rest, 40) or "–", options=status_names(context.locale)
        )
    if status in FINAL and not confirmed:
        entry = context.entries.read(context.person, ref)
        if not is_reporter_of(context.person, entry) and entry.status is not status:
            # Closing someone else's entry ends it for them: asked first.
            value = f"{entry.ref} {status.value}"
            word = context.t(f"status.{status.value}").lower()
            yes = context.t("triage.confirm_yes", ref=entry.ref, status=word)
            return [
                Reply(
                    context.t(
                        "triage.confirm_status",
                        ref=entry.ref,
                        title=shorten(entry.title, 80),
                        status=word,
                        reporter=entry.reporter_name,
                    ),
                    choices=(
                        Choice("triage:status_confirmed", yes, value),
                        Choice("triage:keep", context.t("triage.keep", ref=entry.ref), entry.ref),
                    ),
                )
            ]
    entry = await context.entries.set_status(context.person, ref, status)
    return [
        Reply(context.t("status_changed", ref=entry.ref, status_key=status.value), style="success")
    ]


async def assign(context: Context, args: str) -> list[Reply]:
    ref, who = split_ref(args)
    if not who:
        raise UserError("assign_usage")
    if who.casefold() not in SELF_WORDS and context.programme.find_person(who) is None:
        near = nearest_person(who, context.programme.people)
        if near is not None:
            # A typo of a name: ask, never assign someone on a guess.
            word = "tilldela" if context.locale == "sv" else "assign"
            yes = Choice(
                "say",
                context.t("suggest.person_yes", person=near.name),
                f"{word} {ref} {near.name}",
            )
            text = context.t("suggest.person", name=shorten(who, 60), person=near.name)
            return [Reply(text, choices=(yes,))]
    entry = await context.entries.assign(context.person, ref, who)
    return [Reply(context.t("assigned", ref=entry.ref, name=entry.assignee), style="success")]


async def comment(context: Context, args: str) -> list[Reply]:
    ref, text = split_ref(args)
    if not text:
        # Where people cannot easily type after a button (a channel), a form asks for the text.
        return [comment_form(context, ref)]
    checked = check_free_text(text, limit=COMMENT_LIMIT, locale=context.locale)
    if not checked.ok:
        return [Reply(checked.error, style="error")]
    entry = await context.entries.comment(context.person, ref, checked.value)
    replies = [Reply(context.t("commented", ref=entry.ref), style="success")]
    if entry.status is Status.RESOLVED and is_reporter_of(context.person, entry):
        # "Still freezing" on a resolved entry: is it fixed, or should it be open again?
        choices = reporter_choices(entry, context.locale)
        replies.append(Reply(context.t("comment_on_resolved", ref=entry.ref), choices=choices))
    return replies


def comment_form(context: Context, ref_text: str) -> Reply:
    parsed = parse_ref(ref_text)
    if parsed is None:
        raise UserError("no_ref", example="BEH-12")
    entry = context.entries.read(context.person, format_ref(*parsed))
    field = FormField(
        "text", context.t("comment_field"), "textarea", required=True, max_length=COMMENT_LIMIT
    )
    form = Form(
        id=f"{COMMENT_FORM}:{entry.ref}",
        title=context.t("comment_title", ref=entry.ref),
        fields=(field,),
        submit_label=context.t("comment_submit"),
    )
    return Reply(context.t("comment_title", ref=entry.ref), form=form)


async def on_comment_form(context: Context, form_id: str, values: dict[str, str]) -> list[Reply]:
    ref = form_id.partition(":")[2]
    if parse_ref(ref) is None:
        return [Reply(context.t("stale_action"), style="error")]
    text = values.get("text", "").strip()
    if not text:
        raise UserError("comment_usage")
    return await comment(context, f"{ref} {text}")
