"""The region's case number of a go-live deviation (programplan 7.7): `ärendenummer AVV-3
12345` / `casenumber`, or the button after saving (and in the reminder), which opens a one-field
form."""

from __future__ import annotations

from bot.conversation.engine import Context, Engine
from bot.domain.kinds import CASE_NUMBER
from bot.domain.messages import Form, FormField, Reply
from bot.domain.model import parse_ref
from bot.entries.deviations import CASE_ACTION, DeviationService
from bot.text.validation import check_free_text
from handlers.triage import split_ref

CASE_LIMIT = 40


def register(engine: Engine, deviations: DeviationService) -> None:
    async def case_number(context: Context, args: str) -> list[Reply]:
        ref, number = split_ref(args)
        if not number.strip():
            entry = context.entries.read(context.person, ref)
            return [_form(context, entry.ref)]
        return await _save(context, deviations, ref, number)

    async def on_action(context: Context, action_id: str, value: str) -> list[Reply]:
        if action_id != f"{CASE_ACTION}:start" or parse_ref(value) is None:
            return [Reply(context.t("stale_action"), style="error")]
        entry = context.entries.read(context.person, value)
        return [_form(context, entry.ref)]

    async def on_form(context: Context, form_id: str, values: dict[str, str]) -> list[Reply]:
        ref = form_id.partition(":")[2]
        if parse_ref(ref) is None:
            return [Reply(context.t("stale_action"), style="error")]
        number = values.get("number", "").strip()
        if not number:
            return [Reply(context.t("dev.case_usage"), style="error"), _form(context, ref)]
        return await _save(context, deviations, ref, number)

    engine.command("ärendenummer", "arendenummer", "casenumber")(case_number)
    engine.action(CASE_ACTION)(on_action)
    engine.form(CASE_ACTION)(on_form)


def _form(context: Context, ref: str) -> Reply:
    field = FormField(
        "number",
        context.t("field.region_case_number"),
        "text",
        required=True,
        max_length=CASE_LIMIT,
    )
    form = Form(
        id=f"{CASE_ACTION}:{ref}",
        title=context.t("dev.case_title", ref=ref),
        fields=(field,),
        submit_label=context.t("form_submit"),
    )
    return Reply(context.t("dev.ask_case_number", ref=ref), form=form)


async def _save(
    context: Context, deviations: DeviationService, ref: str, number: str
) -> list[Reply]:
    checked = check_free_text(number, limit=CASE_LIMIT, locale=context.locale)
    if not checked.ok:
        return [Reply(checked.error, style="error")]
    entry = await deviations.set_case_number(context.person, ref, checked.value)
    text = context.t("dev.case_saved", ref=entry.ref, number=entry.fields[CASE_NUMBER])
    return [Reply(text, style="success")]
