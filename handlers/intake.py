"""Logging entries: classify, ask for what is missing one question at a time, confirm, save."""

from __future__ import annotations

import re
from datetime import datetime

from bot.conversation.engine import CommandHandler, Context, Engine, help_choices
from bot.domain.ids import new_id
from bot.domain.kinds import FIELDS, LEAD_FIELD, FieldSpec, is_care_related, risk_value, spec
from bot.domain.messages import Choice, Form, FormField, Option, Reply
from bot.domain.model import Kind
from bot.domain.pii import contains_personal_number
from bot.entries.service import FLAG_FORWARDED, FLAG_MEDICAL_REVIEW, Source
from bot.i18n.catalogue import TEXTS
from bot.text.clean import shorten
from bot.text.render import local_time, summary
from bot.text.validation import Checked, check_field, option_labels
from handlers.intake_governance import check_governed, prepare, question_key, saved_notices

FLOW = "intake"
NONCE = re.compile(r"[0-9A-Za-z_-]{1,64}")

KIND_COMMANDS: dict[Kind, tuple[str, ...]] = {
    Kind.NEED: ("behov", "need"),
    Kind.ISSUE: ("ärende", "arende", "issue", "case"),
    Kind.DEVIATION: ("avvikelse", "deviation"),
    Kind.RISK: ("risk",),
    Kind.CHANGE: ("ändring", "andring", "ändringsbegäran", "andringsbegaran", "change"),
}

# Words that hint at a kind in free text; the person always confirms the kind.
KEYWORDS: dict[Kind, tuple[str, ...]] = {
    Kind.DEVIATION: (
        "avvikelse",
        "tillbud",
        "hände",
        "hänt",
        "inträffade",
        "fel dos",
        "föll",
        "incident",
        "near miss",
        "happened",
        "deviation",
        "negativ händelse",
    ),
    Kind.RISK: ("risk", "riskerar", "kan leda till", "befarar", "might", "could lead", "threat"),
    Kind.CHANGE: (
        "ändring",
        "ändra",
        "ändringsbegäran",
        "förändra",
        "change request",
        "scope",
        "budget",
        "tidplan",
        "change",
    ),
    Kind.ISSUE: (
        "fungerar inte",
        "funkar inte",
        "problem",
        "fråga",
        "kan inte",
        "går inte",
        "saknar behörighet",
        "issue",
        "question",
        "doesn't work",
        "does not work",
        "broken",
        "error",
        "fel ",
    ),
    Kind.NEED: (
        "behöver",
        "behov",
        "saknar",
        "önskar",
        "vill ha",
        "skulle behöva",
        "need",
        "want",
        "missing",
        "would like",
        "wish",
    ),
}


def classify(text: str) -> Kind | None:
    lowered = f" {text.casefold()} "
    scores = {kind: sum(lowered.count(word) for word in words) for kind, words in KEYWORDS.items()}
    best = max(scores, key=lambda kind: scores[kind])
    return best if scores[best] else None


def register(engine: Engine) -> None:
    for kind, names in KIND_COMMANDS.items():
        engine.command(*names)(_starter(kind))
    engine.fallback(on_free_text)
    engine.flow(FLOW)(on_answer)
    engine.action(FLOW)(on_action)
    engine.form(FLOW)(on_form)


def _starter(kind: Kind) -> CommandHandler:
    async def start(context: Context, text: str) -> list[Reply]:
        if context.incoming.wants_form:
            return _prefilled_form(context, kind, text)
        context.start_dialogue(FLOW, "ask", kind=kind.value)
        notices = _prefill_lead(context, kind, text)
        return notices + _next_step(context)

    return start


async def on_free_text(context: Context, text: str) -> list[Reply]:
    guess = classify(text)
    if context.incoming.wants_form and (
        guess is not None or len(text.split()) > 2 or context.incoming.message_link
    ):
        # A message turned into an entry, or a long text: the form of the likeliest kind.
        return _prefilled_form(context, guess or Kind.NEED, text)
    if guess is None and len(text.split()) <= 2:
        # "hej", a typo of a command: help, not a registration dialogue.
        return [
            Reply(
                context.t("unknown_command", text=shorten(text, 60)), choices=help_choices(context)
            )
        ]
    context.start_dialogue(FLOW, "kind", extra={"text": text})
    context.save_dialogue()
    ordered = [guess] if guess else []
    ordered += [kind for kind in Kind if kind is not guess]
    choices = [
        Choice(f"{FLOW}:kind", context.t(f"kind.{kind.value}"), kind.value) for kind in ordered
    ]
    choices.append(Choice(f"{FLOW}:cancel", context.t("choice.cancel")))
    question = (
        context.t("classify", kind_a=context.t(f"kind_a.{guess.value}"))
        if guess
        else context.t("classify_unsure")
    )
    return [Reply(question, choices=tuple(choices))]


async def on_answer(context: Context, text: str) -> list[Reply]:
    dialogue = context.dialogue
    assert dialogue is not None
    if dialogue.state == "kind":
        # A typed kind name works as well as a click.
        kind = _kind_from_word(text)
        if kind is None:
            return [Reply(context.t("classify_unsure"), choices=_kind_choices(context))]
        return _choose_kind(context, kind)
    if dialogue.state == "confirm":
        word = text.casefold().strip(" .!")
        if word in ("ja", "yes", "spara", "save", "ok", "japp"):
            return await _save(context, dialogue.id)
        return [
            Reply(
                context.t("summary", summary=_summary(context)), choices=_confirm_choices(context)
            )
        ]
    return _answer_field(context, text)


async def on_action(context: Context, action_id: str, value: str) -> list[Reply]:
    name = action_id.split(":", 1)[1] if ":" in action_id else ""
    dialogue = context.dialogue
    if name == "save":
        return await _save(context, value)
    if name == "form":
        return [
            _form_reply(
                context,
                Kind(value)
                if value in Kind.__members__.values()
                else Kind(dialogue.kind)
                if dialogue and dialogue.kind
                else Kind.NEED,
            )
        ]
    if dialogue is None or dialogue.flow != FLOW:
        return [Reply(context.t("stale_action"), style="error")]
    if name == "cancel":
        context.end_dialogue()
        return [Reply(context.t("cancelled"))]
    if name == "kind" and value in {kind.value for kind in Kind}:
        if dialogue.state != "kind":
            # A second click, or a button from an earlier dialogue: the kind is already chosen.
            return _repeat_step(context)
        return _choose_kind(context, Kind(value))
    if name == "opt" or name.startswith("opt:"):
        pending = spec(Kind(dialogue.kind), dialogue.pending) if dialogue.state == "ask" else None
        answered = name.partition(":")[2] or (pending.name if pending else "")
        if (
            pending is None
            or pending.type != "select"
            or answered != pending.name
            or value not in pending.options
        ):
            # An option of another question (a double click, an old button) answers nothing.
            return _repeat_step(context)
        return _answer_field(context, value)
    return [Reply(context.t("stale_action"), style="error")]


async def on_form(context: Context, form_id: str, values: dict[str, str]) -> list[Reply]:
    # form id: intake:<kind>:<nonce>; the nonce makes a second submission a no-op.
    parts = form_id.split(":")
    if (
        len(parts) != 3
        or parts[1] not in {kind.value for kind in Kind}
        # The nonce is ours (a uuid hex); a forged one (huge, odd, a personnummer) is not stored.
        or not NONCE.fullmatch(parts[2])
        or contains_personal_number(parts[2])
    ):
        return [Reply(context.t("stale_action"), style="error")]
    kind, nonce = Kind(parts[1]), parts[2]
    previous = context.entries.saved_ref(context.person, nonce)
    if previous:
        return [Reply(context.t("already_saved", ref=previous), style="info")]
    checked: dict[str, str] = {}
    errors: dict[str, str] = {}
    for field_spec in FIELDS[kind]:
        result = _check(context, field_spec, values.get(field_spec.name, ""))
        if result.ok:
            checked[field_spec.name] = result.value
        else:
            errors[field_spec.name] = result.error
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
                form=_form(context, kind, nonce, shown, errors),
            )
        ]
    if context.dialogue is not None and context.dialogue.flow == FLOW:
        context.end_dialogue()
    return await _create(context, kind, checked, dedupe_key=nonce)


# -- steps --------------------------------------------------------------------------------


def _choose_kind(context: Context, kind: Kind) -> list[Reply]:
    dialogue = context.dialogue
    assert dialogue is not None
    text = str(dialogue.extra.pop("text", ""))
    dialogue.kind = kind.value
    dialogue.state = "ask"
    notices = _prefill_lead(context, kind, text)
    return notices + _next_step(context)


def _prefill_lead(context: Context, kind: Kind, text: str) -> list[Reply]:
    dialogue = context.dialogue
    assert dialogue is not None
    return _lead_value(context, kind, text, dialogue.values)


def _lead_value(context: Context, kind: Kind, text: str, values: dict[str, str]) -> list[Reply]:
    """The first text goes in the kind's lead field, checked like any answer."""
    if not text:
        return []
    lead = spec(kind, LEAD_FIELD[kind])
    if lead.name == "title" and len(text) > lead.max_length:
        # A long first message is a description; the title is asked for.
        lead = spec(kind, "description")
    result = _check(context, lead, text)
    if result.ok:
        values[lead.name] = result.value
        return []
    return [Reply(result.error, style="error")]


def _prefilled_form(context: Context, kind: Kind, text: str) -> list[Reply]:
    """The form a "Fill in form" click gives, with the text in its lead field; no dialogue."""
    values: dict[str, str] = {}
    notices = _lead_value(context, kind, text, values)
    return [
        *notices,
        Reply(
            context.t("form_title", kind=context.t(f"kind.{kind.value}").lower()),
            form=_form(context, kind, new_id(), values, {}),
        ),
    ]


def _next_step(context: Context) -> list[Reply]:
    dialogue = context.dialogue
    assert dialogue is not None
    kind = Kind(dialogue.kind)
    missing = [f for f in FIELDS[kind] if f.name not in dialogue.values]
    if not missing:
        dialogue.state = "confirm"
        dialogue.pending = ""
        context.save_dialogue()
        return [
            Reply(
                context.t("summary", summary=_summary(context)), choices=_confirm_choices(context)
            )
        ]
    field_spec = missing[0]
    dialogue.pending = field_spec.name
    context.save_dialogue()
    return [_question(context, field_spec)]


def _question(context: Context, field_spec: FieldSpec) -> Reply:
    choices: list[Choice] = []
    if field_spec.type == "select":
        choices = [
            Choice(f"{FLOW}:opt:{field_spec.name}", label, value)
            for value, label in option_labels(
                field_spec, context.locale, context.programme.benefits
            )
        ]
    dialogue = context.dialogue
    kind = dialogue.kind if dialogue else Kind.NEED.value
    choices.append(Choice(f"{FLOW}:form", context.t("choice.form"), kind))
    choices.append(Choice(f"{FLOW}:cancel", context.t("choice.cancel")))
    return Reply(context.t(question_key(kind, field_spec.name)), choices=tuple(choices))


def _repeat_step(context: Context) -> list[Reply]:
    """The question that stands, unchanged."""
    dialogue = context.dialogue
    assert dialogue is not None
    if dialogue.state == "kind":
        return [Reply(context.t("classify_unsure"), choices=_kind_choices(context))]
    if dialogue.state == "confirm":
        return [
            Reply(
                context.t("summary", summary=_summary(context)), choices=_confirm_choices(context)
            )
        ]
    return [_question(context, spec(Kind(dialogue.kind), dialogue.pending))]


def _answer_field(context: Context, text: str) -> list[Reply]:
    dialogue = context.dialogue
    assert dialogue is not None
    field_spec = spec(Kind(dialogue.kind), dialogue.pending)
    result = _check(context, field_spec, text)
    if not result.ok:
        question = _question(context, field_spec)
        return [Reply(result.error, style="error"), question]
    dialogue.values[field_spec.name] = result.value
    return _next_step(context)


async def _save(context: Context, dialogue_id: str) -> list[Reply]:
    previous = context.entries.saved_ref(context.person, dialogue_id)
    if previous:
        return [Reply(context.t("already_saved", ref=previous))]
    dialogue = context.dialogue
    if dialogue is None or dialogue.id != dialogue_id or dialogue.state != "confirm":
        return [Reply(context.t("stale_action"), style="error")]
    kind, values = Kind(dialogue.kind), dict(dialogue.values)
    replies = await _create(context, kind, values, dedupe_key=dialogue.id)
    context.end_dialogue()
    return replies


async def _create(
    context: Context, kind: Kind, values: dict[str, str], *, dedupe_key: str
) -> list[Reply]:
    incoming = context.incoming
    source = Source(incoming.platform, incoming.conversation_id, incoming.message_link)
    entry, created = await context.entries.create(
        context.person, kind, prepare(context, kind, values), source, dedupe_key=dedupe_key
    )
    if not created:
        return [Reply(context.t("already_saved", ref=entry.ref))]
    replies = [Reply(context.t("saved", ref=entry.ref), style="success")]
    replies += saved_notices(context, entry)
    if FLAG_MEDICAL_REVIEW in entry.flags:
        replies.append(Reply(context.t("risk_flagged", value=risk_value(values)), style="info"))
    if FLAG_FORWARDED in entry.flags and is_care_related(values):
        url = context.programme.deviation_system_url or "–"
        text = summary(kind, values, context.locale, context.programme.benefits, context.timezone)
        replies.append(Reply(context.t("forward_care", url=url, text=f"FVIS {entry.ref}\n{text}")))
    return replies


# -- forms --------------------------------------------------------------------------------


def _form_reply(context: Context, kind: Kind) -> Reply:
    dialogue = context.dialogue
    values = dict(dialogue.values) if dialogue and dialogue.kind == kind.value else {}
    if values.get("when"):
        values["when"] = _local(values["when"], context)
    nonce = dialogue.id if dialogue and dialogue.kind == kind.value else new_id()
    return Reply(
        context.t("form_title", kind=context.t(f"kind.{kind.value}").lower()),
        form=_form(context, kind, nonce, values, {}),
    )


def _form(
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
                required=field_spec.required,
                options=options if field_spec.type == "select" else (),
                value=values.get(field_spec.name, ""),
                error=errors.get(field_spec.name, ""),
                help=_help(context, field_spec),
                max_length=field_spec.max_length,
            )
        )
    return Form(
        id=f"{FLOW}:{kind.value}:{nonce}",
        title=context.t("form_title", kind=context.t(f"kind.{kind.value}").lower()),
        fields=tuple(fields),
        submit_label=context.t("form_submit"),
    )


# -- small helpers ------------------------------------------------------------------------


def _check(context: Context, field_spec: FieldSpec, raw: str) -> Checked:
    checked = check_field(
        field_spec,
        raw,
        locale=context.locale,
        now=context.now,
        timezone=context.timezone,
        benefits=context.programme.benefits,
    )
    return check_governed(context, field_spec, checked)


def _help(context: Context, field_spec: FieldSpec) -> str:
    own = f"help.{field_spec.name}"
    if own in TEXTS:
        return context.t(own)
    return context.t("when_hint") if field_spec.type == "date" else ""


def _local(value: str, context: Context) -> str:
    try:
        return local_time(datetime.fromisoformat(value), context.timezone)
    except ValueError:
        return value


def _summary(context: Context) -> str:
    dialogue = context.dialogue
    assert dialogue is not None
    return summary(
        Kind(dialogue.kind),
        dialogue.values,
        context.locale,
        context.programme.benefits,
        context.timezone,
    )


def _confirm_choices(context: Context) -> tuple[Choice, ...]:
    dialogue = context.dialogue
    assert dialogue is not None
    return (
        Choice(f"{FLOW}:save", context.t("choice.save"), dialogue.id),
        Choice(f"{FLOW}:form", context.t("choice.edit"), dialogue.kind),
        Choice(f"{FLOW}:cancel", context.t("choice.cancel")),
    )


def _kind_choices(context: Context) -> tuple[Choice, ...]:
    return (
        *tuple(
            Choice(f"{FLOW}:kind", context.t(f"kind.{kind.value}"), kind.value) for kind in Kind
        ),
        Choice(f"{FLOW}:cancel", context.t("choice.cancel")),
    )


def _kind_from_word(text: str) -> Kind | None:
    word = text.casefold().strip(" .!")
    for kind, names in KIND_COMMANDS.items():
        if word in names or word == kind.value:
            return kind
    labels = {"ändringsbegäran": Kind.CHANGE, "change request": Kind.CHANGE}
    return labels.get(word)
