"""The intake dialogue's plan: what the first sentence already says, what each kind asks (and
only while it is missing or relevant), what it proposes instead of asking, and the one
editable summary at the end.

A value the bot proposed (read from the text, or a default) is listed in the dialogue's
`extra["proposed"]` and marked in the summary, where one click or a typed line changes it."""

from __future__ import annotations

import re

from bot.conversation.engine import Context
from bot.domain.kinds import (
    FIELDS,
    GOLIVE,
    LEAD_FIELD,
    FieldSpec,
    applies,
    categories_of,
    origin_of,
    spec,
)
from bot.domain.messages import Choice, Reply
from bot.domain.model import Kind
from bot.i18n.catalogue import option_label, translations
from bot.text.clean import shorten
from bot.text.extract import (
    AREA_OF_CATEGORY,
    deviation_hints,
    find_reason,
    find_unit,
    find_when,
    risk_hints,
)
from bot.text.render import summary
from bot.text.units import unit_in
from bot.text.validation import Checked, check_field, option_labels
from handlers.intake_governance import check_governed, question_key

FLOW = "intake"
PROPOSED = "proposed"

# What the dialogue asks for, in this order, while it is missing (and relevant). Everything
# else gets a proposal or stays empty, and can be changed in the summary or the form.
ASKED: dict[Kind, tuple[str, ...]] = {
    Kind.NEED: ("title", "unit", "benefit"),
    Kind.ISSUE: ("title", "unit"),
    # Programplan 7.7: which of the two kinds it is, unless the first sentence says; a deviation
    # from the plan is not asked its unit, probability or Lex Maria.
    Kind.DEVIATION: (
        "what",
        "origin",
        "when",
        "unit",
        "category",
        "consequence",
        "probability",
        "lex_maria",
    ),
    Kind.RISK: ("description", "probability", "consequence"),
    Kind.CHANGE: ("what", "why"),
}
# Select fields whose other options the summary offers as buttons.
SUMMARY_BUTTONS: dict[Kind, str] = {Kind.NEED: "priority", Kind.ISSUE: "urgency"}
# Optional, yet asked: a reporter may answer "Vet inte" (the handler sets it later).
ASKED_OPTIONAL = frozenset({"lex_maria", "benefit"})
SERIOUS = 3  # a consequence from 3 up on a care deviation makes Lex Maria worth asking
_SENTENCE_END = re.compile(r"(?<=[.!?])\s|\n")


def proposed(context: Context) -> list[str]:
    dialogue = context.dialogue
    assert dialogue is not None
    marks = dialogue.extra.setdefault(PROPOSED, [])
    assert isinstance(marks, list)
    return marks


def propose(context: Context, name: str, value: str) -> None:
    """Set a value the person did not type, unless they gave one."""
    dialogue = context.dialogue
    assert dialogue is not None
    if value and name not in dialogue.values:
        dialogue.values[name] = value
        marks = proposed(context)
        if name not in marks:
            marks.append(name)


def confirm(context: Context, name: str, value: str) -> None:
    """A value the person gave: no longer a proposal."""
    dialogue = context.dialogue
    assert dialogue is not None
    dialogue.values[name] = value
    marks = proposed(context)
    if name in marks:
        marks.remove(name)
    if dialogue.kind == Kind.DEVIATION.value:
        _keep_kinds_apart(context, name, value)


def _keep_kinds_apart(context: Context, name: str, value: str) -> None:
    """A deviation's category belongs to one of the two kinds (programplan 7.7): a category
    given sets the kind; a kind given drops a category of the other kind, to be asked again."""
    dialogue = context.dialogue
    assert dialogue is not None
    values = dialogue.values
    if name == "category" and origin_of(value) and values.get("origin") != origin_of(value):
        values["origin"] = origin_of(value)
        if "origin" in proposed(context):
            proposed(context).remove("origin")
    if name == "origin" and origin_of(values.get("category", "")) not in ("", value):
        del values["category"]
        if "category" in proposed(context):
            proposed(context).remove("category")


# -- what the first sentence says ----------------------------------------------------------


def prefill(context: Context, kind: Kind, text: str) -> list[Reply]:
    """The first text: its lead field, and whatever else it already says."""
    dialogue = context.dialogue
    assert dialogue is not None
    if not text:
        return []
    lead = spec(kind, LEAD_FIELD[kind])
    if lead.name == "title" and len(text) > lead.max_length:
        lead = spec(kind, "description")
    result = check(context, lead, text)
    if not result.ok:
        return [Reply(result.error, style="error")]
    confirm(context, lead.name, result.value)
    if lead.name == "description" and kind in (Kind.NEED, Kind.ISSUE):
        # A long first message: its first sentence is proposed as the title.
        first = _SENTENCE_END.split(result.value.strip(), maxsplit=1)[0]
        propose(context, "title", shorten(first, 120))
    for name, value in _found(context, kind, result.value).items():
        propose(context, name, value)
    return []


def _found(context: Context, kind: Kind, text: str) -> dict[str, str]:
    found: dict[str, str] = {}
    if any(f.name == "unit" for f in FIELDS[kind]):
        found["unit"] = _unit_named(context, text)
    if kind is Kind.DEVIATION:
        when = find_when(text, now=context.now, timezone=context.timezone)
        if when is not None:
            found["when"] = when[0].isoformat()
        found |= deviation_hints(text)
        if not found.get("origin") and found.get("unit"):
            found["origin"] = GOLIVE  # a named unit: something that happened there
    elif kind is Kind.RISK:
        found |= risk_hints(text)
    elif kind is Kind.CHANGE:
        found["why"] = find_reason(text)
    return {name: value for name, value in found.items() if value}


def _unit_named(context: Context, text: str) -> str:
    """A unit the programme file knows ("på akuten" → "Akuten"), else one the words name."""
    programme = context.programme
    known = [*programme.org.units(), *(p.unit for p in programme.people if p.unit)]
    return unit_in(text, known) or find_unit(text)


def _profile_unit(context: Context) -> str:
    """Where the programme file says the person works: proposed, never asked."""
    if not context.person.key:
        return ""
    record = context.programme.person(context.person.key)
    return record.unit if record is not None else ""


def _defaults(context: Context, kind: Kind) -> None:
    """Proposals for what is not asked; Lex Maria only for serious care deviations."""
    dialogue = context.dialogue
    assert dialogue is not None
    values = dialogue.values
    if any(f.name == "unit" for f in FIELDS[kind]):
        propose(context, "unit", _profile_unit(context))
    if kind in (Kind.NEED, Kind.ISSUE) and values.get("title"):
        propose(context, "description", values["title"])
    if kind is Kind.NEED:
        propose(context, "priority", "medium")
    if kind is Kind.ISSUE:
        propose(context, "urgency", "normal")
    if kind is Kind.DEVIATION:
        propose(context, "origin", origin_of(values.get("category", "")))
        if _inconsistent(values):
            # A category proposed from the words, of the other kind than the one answered.
            values.pop("category", None)
            values.pop("area", None)
        if values.get("origin") != GOLIVE:
            return  # the rest is about care at go-live
        propose(context, "type", "negative_event")
        propose(context, "area", AREA_OF_CATEGORY.get(values.get("category", ""), ""))
        serious = values.get("area") == "care" and int(values.get("consequence") or 0) >= SERIOUS
        if serious and "lex_maria" in proposed(context):
            del values["lex_maria"]  # it became relevant: ask
            proposed(context).remove("lex_maria")
        if not serious and "lex_maria" not in values:
            propose(context, "lex_maria", "no")
    if kind is Kind.RISK:
        propose(context, "owner", context.person.name)


def _inconsistent(values: dict[str, str]) -> bool:
    category = origin_of(values.get("category", ""))
    return bool(category and values.get("origin") and category != values["origin"])


def missing(context: Context) -> FieldSpec | None:
    dialogue = context.dialogue
    assert dialogue is not None
    kind = Kind(dialogue.kind)
    _defaults(context, kind)
    for name in ASKED[kind]:
        field_spec = spec(kind, name)
        if name in dialogue.values or not applies(field_spec, dialogue.values):
            continue
        if field_spec.required or name in ASKED_OPTIONAL:
            return field_spec
    return None


def values_to_store(kind: Kind, values: dict[str, str]) -> dict[str, str]:
    """Every field, as a form stores them: what was not given, or does not belong to this
    entry (a deviation from the plan's unit), is empty."""
    return {f.name: values.get(f.name, "") if applies(f, values) else "" for f in FIELDS[kind]}


# -- questions and the summary ------------------------------------------------------------


def next_step(context: Context) -> list[Reply]:
    dialogue = context.dialogue
    assert dialogue is not None
    field_spec = missing(context)
    if field_spec is None:
        dialogue.state = "confirm"
        dialogue.pending = ""
        context.save_dialogue()
        return [summary_reply(context)]
    dialogue.state = "ask"
    dialogue.pending = field_spec.name
    context.save_dialogue()
    return [question(context, field_spec)]


def question(context: Context, field_spec: FieldSpec) -> Reply:
    dialogue = context.dialogue
    assert dialogue is not None
    choices: list[Choice] = []
    if field_spec.type == "select":
        offered = set(field_spec.options)
        if field_spec.name == "category" and dialogue.kind == Kind.DEVIATION.value:
            # The categories of the kind of deviation it is (programplan 7.7).
            offered = set(categories_of(dialogue.values.get("origin", "")))
        choices = [
            Choice(f"{FLOW}:opt:{field_spec.name}:{dialogue.id}", label, value)
            for value, label in option_labels(
                field_spec, context.locale, context.programme.benefits
            )
            if value in offered or not value
        ]
        if not field_spec.required:
            # Nobody is made to guess: the handler sets it later (a need's benefit objective).
            unknown = context.t(f"opt.{field_spec.name}.unknown")
            choices.append(Choice(f"{FLOW}:opt:{field_spec.name}:{dialogue.id}", unknown, ""))
    choices.append(Choice(f"{FLOW}:form", context.t("choice.form"), form_value(context)))
    choices.append(Choice(f"{FLOW}:cancel", context.t("choice.cancel"), dialogue.id))
    return Reply(context.t(question_key(dialogue.kind, field_spec.name)), choices=tuple(choices))


def form_value(context: Context) -> str:
    dialogue = context.dialogue
    assert dialogue is not None
    return f"{dialogue.kind}:{dialogue.id}"


def summary_text(context: Context) -> str:
    dialogue = context.dialogue
    assert dialogue is not None
    return summary(
        Kind(dialogue.kind),
        dialogue.values,
        context.locale,
        context.programme.benefits,
        context.timezone,
        marked=frozenset(proposed(context)),
        mark=context.t("proposed_mark"),
    )


def summary_reply(context: Context) -> Reply:
    dialogue = context.dialogue
    assert dialogue is not None
    key = "summary_proposed" if proposed(context) else "summary"
    text = context.t(key, summary=summary_text(context))
    if dialogue.kind == Kind.DEVIATION.value and dialogue.values.get("origin") == GOLIVE:
        # The region's system comes first (programplan 7.7): said before saving, not after.
        text += "\n\n" + context.t("dev.golive_first")
    return Reply(text, choices=confirm_choices(context))


def confirm_choices(context: Context) -> tuple[Choice, ...]:
    dialogue = context.dialogue
    assert dialogue is not None
    kind = Kind(dialogue.kind)
    choices = [Choice(f"{FLOW}:save", context.t("choice.save"), dialogue.id)]
    name = SUMMARY_BUTTONS.get(kind)
    if name is not None:
        current = dialogue.values.get(name, "")
        label = context.t(f"field.{name}")
        for value in spec(kind, name).options:
            if value != current:
                shown = option_label(context.locale, name, value).lower()
                choices.append(
                    Choice(f"{FLOW}:set:{name}:{dialogue.id}", f"{label}: {shown}", value)
                )
    if dialogue.extra.get("kind_guessed"):
        choices.append(Choice(f"{FLOW}:rekind", context.t("choice.other_kind"), dialogue.id))
    choices.append(Choice(f"{FLOW}:form", context.t("choice.edit"), form_value(context)))
    choices.append(Choice(f"{FLOW}:cancel", context.t("choice.cancel"), dialogue.id))
    return tuple(choices)


def kind_choices(context: Context, first: Kind | None = None) -> tuple[Choice, ...]:
    dialogue = context.dialogue
    ordered = [first] if first else []
    ordered += [kind for kind in Kind if kind is not first]
    suffix = f":{dialogue.id}" if dialogue is not None else ""
    return (
        *(Choice(f"{FLOW}:kind{suffix}", context.t(f"kind.{k.value}"), k.value) for k in ordered),
        Choice(f"{FLOW}:cancel", context.t("choice.cancel"), dialogue.id if dialogue else ""),
    )


def prompt(context: Context) -> list[Reply]:
    """The question that stands, unchanged (a reload, `var var vi?`, a stray click)."""
    dialogue = context.dialogue
    assert dialogue is not None
    if dialogue.state == "kind":
        return [Reply(context.t("classify_unsure"), choices=kind_choices(context))]
    if dialogue.state == "confirm":
        return [summary_reply(context)]
    return [question(context, spec(Kind(dialogue.kind), dialogue.pending))]


def takes_text(context: Context) -> bool:
    dialogue = context.dialogue
    if dialogue is None or dialogue.state != "ask":
        return False
    return spec(Kind(dialogue.kind), dialogue.pending).free_text


# -- changing a value in the summary by typing it ("enhet Avdelning 6") --------------------


def field_named(kind: Kind, text: str) -> tuple[FieldSpec, str] | None:
    """ "prioritet hög" → (priority, "hög"); a field's label in either language or its name."""
    lowered = text.casefold()
    for field_spec in FIELDS[kind]:
        names = {field_spec.name, *(label.casefold() for label in _labels(field_spec.name))}
        for name in sorted(names, key=len, reverse=True):
            if lowered == name or lowered.startswith(name + " ") or lowered.startswith(name + ":"):
                return field_spec, text[len(name) :].lstrip(" :")
    return None


def _labels(name: str) -> tuple[str, ...]:
    pair = translations(f"field.{name}")
    # "Konsekvens (1–4)" is typed as "konsekvens".
    return tuple(label.split(" (")[0] for label in pair if label)


def check(context: Context, field_spec: FieldSpec, raw: str) -> Checked:
    checked = check_field(
        field_spec,
        raw,
        locale=context.locale,
        now=context.now,
        timezone=context.timezone,
        benefits=context.programme.benefits,
    )
    return check_governed(context, field_spec, checked)
