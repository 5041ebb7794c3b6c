"""Before a new entry: up to three similar open ones, each with "Samma sak – lägg till mig".
Joining counts the person as one more reporter instead of logging the same thing twice."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from bot.conversation.engine import Context
from bot.domain.messages import Choice, Reply
from bot.domain.model import Entry, Kind, parse_ref
from bot.entries import followup
from bot.entries.service import Source
from bot.text.clean import shorten

FLOW = "intake"
SIMILAR = "similar"  # the dialogue state, and the flow of a form's values kept meanwhile

Create = Callable[[Context, Kind, dict[str, str], str], Awaitable[list[Reply]]]


def offer(context: Context, kind: Kind, text: str, *, kept_id: str = "") -> list[Reply]:
    """The similar open entries as replies with buttons; [] when there are none."""
    found = followup.similar(context.entries, context.person, kind, text)
    if not found:
        return []
    replies = [Reply(context.t("similar_found"))]
    same = context.t("similar_same")
    for entry in found:
        choice = Choice(f"{FLOW}:same", same, f"{entry.ref} {kept_id}".strip())
        replies.append(Reply(_row(context, entry), choices=(choice,)))
    other = context.t("similar_new_form" if kept_id else "similar_new")
    replies.append(
        Reply(
            context.t("similar_or_new"),
            choices=(
                Choice(f"{FLOW}:new", other, kept_id),
                Choice(f"{FLOW}:cancel", context.t("choice.cancel")),
            ),
        )
    )
    return replies


def _row(context: Context, entry: Entry) -> str:
    return context.t(
        "similar_row",
        ref=entry.ref,
        title=shorten(entry.title, 100),
        status=context.t(f"status.{entry.status.value}"),  # a label in a row: "· Ny ·"
        count=context.t("reported_by_many", count=entry.reporter_count),
    )


def source_of(context: Context) -> Source:
    incoming = context.incoming
    return Source(
        incoming.platform, incoming.conversation_id, incoming.message_link, incoming.thread
    )


async def join(context: Context, value: str) -> list[Reply]:
    """ "Samma sak – lägg till mig": the dialogue (or the form kept meanwhile) ends unsaved."""
    ref, _, kept_id = value.partition(" ")
    if parse_ref(ref) is None:
        return [Reply(context.t("stale_action"), style="error")]
    entry = await followup.join(context.entries, context.person, ref, source_of(context))
    if kept_id:
        context.forget(kept_id)
    elif context.dialogue is not None and context.dialogue.flow == FLOW:
        context.end_dialogue()
    return [Reply(context.t("joined", ref=entry.ref, count=entry.reporter_count), style="success")]


async def save_kept(context: Context, kept_id: str, create: Create) -> list[Reply] | None:
    """ "Nej, spara som nytt" after a form: the form's values, kept while the person chose."""
    kept = context.kept(SIMILAR, kept_id)
    if kept is None:
        return None
    context.forget(kept_id)
    values = dict(kept.values)
    kind, nonce = Kind(values.pop("_kind")), values.pop("_nonce")
    return await create(context, kind, values, nonce)


def keep_form(context: Context, kind: Kind, nonce: str, values: dict[str, str]) -> str:
    """Keep a checked form's values while the person looks at similar entries; the id."""
    return context.keep(SIMILAR, _kind=kind.value, _nonce=nonce, **values).id
