"""Logging entries: classify, use what the first sentence says, ask only what is missing,
one question at a time, end with one editable summary, save. The plan of questions is in
intake_steps.py, the form path in intake_forms.py."""

from __future__ import annotations

from bot.conversation.dialogues import current_state
from bot.conversation.engine import CommandHandler, Context, Engine, help_choices
from bot.domain.kinds import FIELDS, LEAD_FIELD, risk_value, spec
from bot.domain.messages import Reply
from bot.domain.model import Kind
from bot.entries.service import FLAG_MEDICAL_REVIEW
from bot.text.clean import shorten
from handlers import duplicates
from handlers import intake_forms as forms
from handlers import intake_steps as steps
from handlers.intake_governance import prepare, saved_notices
from handlers.intake_steps import FLOW

KIND_COMMANDS: dict[Kind, tuple[str, ...]] = {
    Kind.NEED: ("behov", "need"),
    Kind.ISSUE: ("ärende", "arende", "issue", "case"),
    Kind.DEVIATION: ("avvikelse", "deviation"),
    Kind.RISK: ("risk",),
    Kind.CHANGE: ("ändring", "andring", "ändringsbegäran", "andringsbegaran", "change"),
}
YES_WORDS = frozenset({"ja", "yes", "spara", "save", "ok", "japp"})
# Typed instead of "Nej, det är något annat" when similar entries are offered.
NEW_WORDS = frozenset({"nej", "no", "fortsätt", "continue", "annat", "ny", "new"})

# Words that hint at a kind in free text; the summary shows the kind and offers another.
KEYWORDS: dict[Kind, tuple[str, ...]] = {
    Kind.DEVIATION: (
        "avvikelse", "tillbud", "hände", "hänt", "inträffade", "fel dos", "föll", "incident",
        "near miss", "happened", "deviation", "negativ händelse",
    ),
    Kind.RISK: ("risk", "riskerar", "kan leda till", "befarar", "might", "could lead", "threat"),
    Kind.CHANGE: (
        "ändring", "ändra", "ändringsbegäran", "förändra", "change request", "scope", "budget",
        "tidplan", "change",
    ),
    Kind.ISSUE: (
        "fungerar inte", "funkar inte", "problem", "fråga", "kan inte", "går inte",
        "saknar behörighet", "issue", "question", "doesn't work", "does not work", "do not",
        "broken", "error", "fel ", "felmeddelande",
    ),
    Kind.NEED: (
        "behöver", "behov", "saknar", "önskar", "vill ha", "skulle behöva", "need", "want",
        "missing", "would like", "wish",
    ),
}  # fmt: skip


def scores(text: str) -> dict[Kind, int]:
    lowered = f" {text.casefold()} "
    return {kind: sum(lowered.count(word) for word in words) for kind, words in KEYWORDS.items()}


def classify(text: str) -> Kind | None:
    found = scores(text)
    best = max(found, key=lambda kind: found[kind])
    return best if found[best] else None


def clear_guess(text: str) -> Kind | None:
    """The kind, when one kind's words clearly outnumber every other's."""
    ranked = sorted(scores(text).items(), key=lambda item: item[1], reverse=True)
    (best, top), (_, second) = ranked[0], ranked[1]
    return best if top and top > second else None


def register(engine: Engine) -> None:
    for kind, names in KIND_COMMANDS.items():
        engine.command(*names)(_starter(kind))
    engine.fallback(on_free_text)
    engine.flow(FLOW, prompt=prompt, takes_text=steps.takes_text, accepts=accepts, aside=aside)(
        on_answer
    )
    engine.action(FLOW)(on_action)

    @engine.form(FLOW)
    async def on_form(context: Context, form_id: str, values: dict[str, str]) -> list[Reply]:
        return await forms.on_form(context, form_id, values, _create)


def _starter(kind: Kind) -> CommandHandler:
    async def start(context: Context, text: str) -> list[Reply]:
        if context.incoming.wants_form:
            return forms.prefilled_form(context, kind, text)
        context.start_dialogue(FLOW, "ask", kind=kind.value, extra={"text": text})
        notices = steps.prefill(context, kind, text)
        return notices + _similar_or_next(context, kind, text)

    return start


async def on_free_text(context: Context, text: str) -> list[Reply]:
    guess = classify(text)
    if context.incoming.wants_form and (
        guess is not None or len(text.split()) > 2 or context.incoming.message_link
    ):
        # A message turned into an entry, or a long text: the form of the likeliest kind.
        return forms.prefilled_form(context, guess or Kind.NEED, text)
    if guess is None and len(text.split()) <= 2:
        # "hej", a typo of a command: help, not a registration dialogue.
        return [
            Reply(
                context.t("unknown_command", text=shorten(text, 60)), choices=help_choices(context)
            )
        ]
    clear = clear_guess(text)
    if clear is not None:
        # The words say which kind: go on, and let the summary offer another.
        context.start_dialogue(FLOW, "ask", kind=clear.value, extra={"text": text})
        assert context.dialogue is not None
        context.dialogue.extra["kind_guessed"] = True
        notices = steps.prefill(context, clear, text)
        said = Reply(context.t("classified_as", kind_a=context.t(f"kind_a.{clear.value}")))
        return [said, *notices, *_similar_or_next(context, clear, text)]
    context.start_dialogue(FLOW, "kind", extra={"text": text})
    context.save_dialogue()
    question = (
        context.t("classify", kind_a=context.t(f"kind_a.{guess.value}"))
        if guess
        else context.t("classify_unsure")
    )
    return [Reply(question, choices=steps.kind_choices(context, guess))]


# -- the flow's declarations (see bot.conversation.context.Flow) ----------------------------


def prompt(context: Context) -> list[Reply]:
    dialogue = context.dialogue
    assert dialogue is not None
    if dialogue.state == duplicates.SIMILAR:
        kind = Kind(dialogue.kind)
        return duplicates.offer(context, kind, _lead_text(context, kind)) or steps.next_step(
            context
        )
    return steps.prompt(context)


def accepts(context: Context, text: str) -> bool:
    """A line whose first word is a command, yet a valid answer to a button question."""
    dialogue = context.dialogue
    assert dialogue is not None
    if dialogue.state == "kind":
        return _kind_from_word(text) is not None
    if dialogue.state == duplicates.SIMILAR:
        return False
    if dialogue.state == "confirm":
        return text.casefold().strip(" .!") in YES_WORDS or bool(
            steps.field_named(Kind(dialogue.kind), text)
        )
    field_spec = spec(Kind(dialogue.kind), dialogue.pending)
    return field_spec.type == "select" and steps.check(context, field_spec, text).ok


def aside(context: Context) -> str:
    dialogue = context.dialogue
    if dialogue is None or not dialogue.kind:
        return context.t("dialog.aside_intake_unknown")
    return context.t("dialog.aside_intake", kind_a=context.t(f"kind_a.{dialogue.kind}"))


async def on_answer(context: Context, text: str) -> list[Reply]:
    dialogue = context.dialogue
    assert dialogue is not None
    if dialogue.state == "kind":
        # A typed kind name works as well as a click.
        kind = _kind_from_word(text)
        if kind is None:
            return [Reply(context.t("classify_unsure"), choices=steps.kind_choices(context))]
        return _choose_kind(context, kind)
    if dialogue.state == duplicates.SIMILAR:
        if text.casefold().strip(" .!") in NEW_WORDS:
            return steps.next_step(context)
        return prompt(context)
    if dialogue.state == "confirm":
        return await _at_summary(context, text)
    return _answer_field(context, text)


async def _at_summary(context: Context, text: str) -> list[Reply]:
    """At the summary: "ja" saves; "enhet Avdelning 6" changes a value; "enhet" asks it."""
    dialogue = context.dialogue
    assert dialogue is not None
    if text.casefold().strip(" .!") in YES_WORDS:
        return await _save(context, dialogue.id)
    named = steps.field_named(Kind(dialogue.kind), text)
    if named is None:
        return [Reply(context.t("summary_hint")), steps.summary_reply(context)]
    field_spec, value = named
    if not value:
        dialogue.values.pop(field_spec.name, None)
        dialogue.state, dialogue.pending = "ask", field_spec.name
        context.save_dialogue()
        return [steps.question(context, field_spec)]
    result = steps.check(context, field_spec, value)
    if not result.ok:
        return [Reply(result.error, style="error"), steps.summary_reply(context)]
    steps.confirm(context, field_spec.name, result.value)
    return steps.next_step(context)


async def on_action(context: Context, action_id: str, value: str) -> list[Reply]:
    parts = action_id.split(":")
    name = parts[1] if len(parts) > 1 else ""
    dialogue = context.dialogue
    if name == "save":
        return await _save(context, value)
    if name == "form":
        return _form_action(context, value)
    if name == "same":
        return await duplicates.join(context, value)
    if name == "new":
        return await _new_after_similar(context, value)
    # The dialogue a button belongs to: in its id (intake:opt:unit:<id>) or its value.
    owner = parts[-1] if name in ("opt", "set", "kind") and len(parts) > 2 else value
    if name == "kind" and len(parts) == 2:
        owner = dialogue.id if dialogue is not None else ""
    if dialogue is None or dialogue.flow != FLOW or (owner and owner != dialogue.id):
        return _stale(context, owner)
    if name == "cancel":
        context.end_dialogue()
        return [Reply(context.t("cancelled"))]
    if name == "kind" and value in {kind.value for kind in Kind}:
        if dialogue.state != "kind":
            # A second click: the kind is already chosen.
            return steps.prompt(context)
        return _choose_kind(context, Kind(value))
    if name == "rekind":
        dialogue.state, dialogue.pending = "kind", ""
        dialogue.values.clear()
        dialogue.extra.pop(steps.PROPOSED, None)
        context.save_dialogue()
        return [Reply(context.t("classify_unsure"), choices=steps.kind_choices(context))]
    if name in ("opt", "set"):
        return _option(context, name, parts[2] if len(parts) > 3 else "", value)
    return context.engine.stale(context)


def _option(context: Context, name: str, answered: str, value: str) -> list[Reply]:
    dialogue = context.dialogue
    assert dialogue is not None
    kind = Kind(dialogue.kind)
    if name == "set" and dialogue.state == "confirm":
        field_spec = spec(kind, answered) if answered in {f.name for f in FIELDS[kind]} else None
        if field_spec is not None and value in field_spec.options:
            steps.confirm(context, field_spec.name, value)
            return steps.next_step(context)
        return steps.prompt(context)
    pending = spec(kind, dialogue.pending) if dialogue.state == "ask" else None
    if (
        pending is None
        or pending.type != "select"
        or answered != pending.name
        or (value not in pending.options and (value or pending.required))
    ):
        # An option of another question (a double click, an old button) answers nothing.
        return steps.prompt(context)
    return _answer_field(context, value)


def _form_action(context: Context, value: str) -> list[Reply]:
    kind_value, _, owner = value.partition(":")
    kind = Kind(kind_value) if kind_value in {k.value for k in Kind} else None
    dialogue = context.dialogue
    if owner and (dialogue is None or dialogue.id != owner):
        # An old "Fill in a form instead": never a new form for a finished dialogue.
        return _stale(context, owner)
    if kind is None:
        kind = Kind(dialogue.kind) if dialogue is not None and dialogue.kind else Kind.NEED
    return [forms.form_reply(context, kind)]


def _stale(context: Context, dialogue_id: str) -> list[Reply]:
    """A button of a dialogue that is over: what became of it, and what stands now."""
    ref = context.entries.saved_ref(context.person, dialogue_id) if dialogue_id else None
    if ref is None:
        return context.engine.stale(context)
    return [
        Reply(context.t("already_saved", ref=ref)),
        *current_state(context.engine, context),
    ]


# -- steps --------------------------------------------------------------------------------


def _choose_kind(context: Context, kind: Kind) -> list[Reply]:
    dialogue = context.dialogue
    assert dialogue is not None
    dialogue.kind = kind.value
    dialogue.state = "ask"
    text = str(dialogue.extra.get("text", ""))
    notices = steps.prefill(context, kind, text)
    return notices + _similar_or_next(context, kind, text)


def _similar_or_next(context: Context, kind: Kind, text: str) -> list[Reply]:
    """Something like it may be reported already: offered before any more questions."""
    similar = duplicates.offer(context, kind, text)
    if not similar:
        return steps.next_step(context)
    assert context.dialogue is not None
    context.dialogue.state = duplicates.SIMILAR
    context.save_dialogue()
    return similar


async def _new_after_similar(context: Context, kept_id: str) -> list[Reply]:
    """ "Nej, det är något annat": a form's kept values are saved, a dialogue goes on."""
    if kept_id:
        saved = await duplicates.save_kept(context, kept_id, _create)
        return saved if saved is not None else context.engine.stale(context)
    dialogue = context.dialogue
    if dialogue is None or dialogue.flow != FLOW or dialogue.state != duplicates.SIMILAR:
        return context.engine.stale(context)
    return steps.next_step(context)


def _lead_text(context: Context, kind: Kind) -> str:
    dialogue = context.dialogue
    assert dialogue is not None
    names = ("title", "description", LEAD_FIELD[kind])
    return " ".join(dialogue.values.get(name, "") for name in names)


def _answer_field(context: Context, text: str) -> list[Reply]:
    dialogue = context.dialogue
    assert dialogue is not None
    field_spec = spec(Kind(dialogue.kind), dialogue.pending)
    result = steps.check(context, field_spec, text)
    if not result.ok:
        return [Reply(result.error, style="error"), steps.question(context, field_spec)]
    steps.confirm(context, field_spec.name, result.value)
    return steps.next_step(context)


async def _save(context: Context, dialogue_id: str) -> list[Reply]:
    previous = context.entries.saved_ref(context.person, dialogue_id)
    if previous:
        return _stale(context, dialogue_id)
    dialogue = context.dialogue
    if dialogue is None or dialogue.id != dialogue_id or dialogue.state != "confirm":
        return context.engine.stale(context)
    kind = Kind(dialogue.kind)
    values = steps.values_to_store(kind, dialogue.values)
    replies = await _create(context, kind, values, dialogue.id)
    context.end_dialogue()
    return replies


async def _create(
    context: Context, kind: Kind, values: dict[str, str], dedupe_key: str
) -> list[Reply]:
    source = duplicates.source_of(context)
    entry, created = await context.entries.create(
        context.person, kind, prepare(context, kind, values), source, dedupe_key=dedupe_key
    )
    if not created:
        return [Reply(context.t("already_saved", ref=entry.ref))]
    replies = [Reply(context.t("saved", ref=entry.ref), style="success")]
    if FLAG_MEDICAL_REVIEW in entry.flags:
        replies.append(Reply(context.t("risk_flagged", value=risk_value(values)), style="info"))
    return replies + saved_notices(context, entry)


def _kind_from_word(text: str) -> Kind | None:
    word = text.casefold().strip(" .!")
    for kind, names in KIND_COMMANDS.items():
        if word in names or word == kind.value:
            return kind
    labels = {"ändringsbegäran": Kind.CHANGE, "change request": Kind.CHANGE}
    return labels.get(word)
