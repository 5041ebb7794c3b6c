"""Handling entries: status, assignee, comments, escalation (project → programme → steering)."""

from __future__ import annotations

from bot.conversation.engine import Context, Engine
from bot.conversation.suggest import nearest_person
from bot.domain.errors import UserError
from bot.domain.messages import Choice, Reply
from bot.domain.model import REF_PATTERN, Status
from bot.text.clean import shorten
from bot.text.validation import check_free_text
from bot.text.words import parse_status, status_names

COMMENT_LIMIT = 5_000
SELF_WORDS = frozenset({"mig", "me", "jag"})
# Statuses that end an entry for its reporter.
FINAL = frozenset({Status.CLOSED, Status.REJECTED})


def register(engine: Engine) -> None:
    engine.command("status")(set_status)
    engine.command("tilldela", "assign")(assign)
    engine.command("kommentera", "kommentar", "comment")(comment)
    engine.command("eskalera", "escalate")(escalate)
    # Buttons (App Home's triage queue, any platform): value is "REF" or "REF status".
    engine.action("triage")(on_action)


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
    if name == "escalate":
        return await escalate(context, value)
    return [Reply(context.t("stale_action"), style="error")]


def _split_ref(args: str) -> tuple[str, str]:
    """`BEH-12 löst` → ("BEH-12", "löst"); the reference must come first."""
    match = REF_PATTERN.match(args.strip())
    if not match:
        raise UserError("no_ref", example="BEH-12")
    return match.group(0), args.strip()[match.end() :].strip()


async def set_status(context: Context, args: str, *, confirmed: bool = False) -> list[Reply]:
    ref, rest = _split_ref(args)
    status = parse_status(rest)
    if status is None:
        raise UserError(
            "bad_status", text=shorten(rest, 40) or "–", options=status_names(context.locale)
        )
    if status in FINAL and not confirmed:
        entry = context.entries.read(context.person, ref)
        if entry.reporter_id != context.person.user_id and entry.status is not status:
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
    ref, who = _split_ref(args)
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
    ref, text = _split_ref(args)
    if not text:
        raise UserError("comment_usage")
    checked = check_free_text(text, limit=COMMENT_LIMIT, locale=context.locale)
    if not checked.ok:
        return [Reply(checked.error, style="error")]
    entry = await context.entries.comment(context.person, ref, checked.value)
    return [Reply(context.t("commented", ref=entry.ref), style="success")]


async def escalate(context: Context, args: str) -> list[Reply]:
    ref, _ = _split_ref(args)
    entry = await context.entries.escalate(context.person, ref)
    return [
        Reply(
            context.t("escalated", ref=entry.ref, level_key=entry.escalation_level.value),
            style="success",
        )
    ]
