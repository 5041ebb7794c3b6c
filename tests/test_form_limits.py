"""Every form the bot shows says, in each text input, the longest value the core accepts for
that field: Teams' Input.Text maxLength is that limit, Slack's max_length the lower of it and
Slack's own 3 000; and the core takes a value of exactly that length and refuses one more."""

from __future__ import annotations

from typing import Any

from bot.domain.kinds import GOLIVE
from bot.domain.messages import Form, FormField, Reply
from bot.i18n.catalogue import count, t
from integrations.slack.blocks import INPUT_LIMIT, modal
from integrations.teams.cards import reply_activity
from tests.conftest import Chat
from tests.helpers import NEED
from tests.test_deviations import DEVIATION as GOLIVE_DEVIATION

ISSUE = {
    "title": "Journalen hänger vid inloggning",
    "description": "Det tar fem minuter att logga in på morgonen.",
    "unit": "Avdelning 5",
    "urgency": "high",
}


def _form(replies: list[Reply]) -> Form:
    form = next((reply.form for reply in replies if reply.form is not None), None)
    assert form is not None, [reply.text for reply in replies]
    return form


async def _every_form(chat: Any) -> list[tuple[Chat, Form]]:
    anna, linnea, david, cecilia = (chat(name) for name in ("anna", "linnea", "david", "cecilia"))
    forms = [(anna, await anna.open_form(kind)) for kind in ("need", "issue", "deviation")]
    forms += [(anna, await anna.open_form(kind)) for kind in ("risk", "change")]
    need = await anna.log("need", NEED)
    issue = await anna.log("issue", ISSUE)
    forms.append((anna, _form(await anna.say(f"kommentera {need}"))))
    forms.append((anna, _form(await anna.say(f"öppna {need}"))))
    forms.append((linnea, _form(await linnea.say(f"eskalera {issue}"))))
    forms.append((cecilia, _form(await cecilia.say("kommunikation ny"))))
    forms.append((david, _form(await david.say("milstolpe ny"))))
    deviation = await anna.log("deviation", GOLIVE_DEVIATION)
    forms.append((anna, _form(await anna.say(f"ärendenummer {deviation}"))))
    return forms


def _text_inputs(form: Form) -> list[FormField]:
    return [field for field in form.fields if field.type in ("text", "textarea")]


def _said(replies: list[Reply]) -> str:
    """Everything the person sees: the replies' texts and a returned form's field errors."""
    errors = [f.error for reply in replies if reply.form for f in reply.form.fields]
    return "\n".join([reply.text for reply in replies] + errors)


async def test_every_text_input_carries_the_core_limit_to_teams_and_slack(chat: Any) -> None:
    forms = await _every_form(chat)
    assert {form.id.partition(":")[0] for _, form in forms} >= {
        "intake", "comment", "reopen", "escalate", "comms", "ms", "caseno"
    }  # fmt: skip
    for _, form in forms:
        teams = reply_activity(Reply("", form=form), "sv")["attachments"][0]["content"]["body"]
        max_lengths = {b["id"]: b.get("maxLength") for b in teams if b["type"] == "Input.Text"}
        slack = {
            block["block_id"]: block["element"]["max_length"]
            for block in modal(form, "sv", {})["blocks"]
            if block["type"] == "input" and block["element"]["type"] == "plain_text_input"
        }
        for field in _text_inputs(form):
            assert field.max_length > 0, (form.id, field.name)
            assert max_lengths[f"f_{field.name}"] == field.max_length, (form.id, field.name)
            assert slack[field.name] == min(field.max_length, INPUT_LIMIT), (form.id, field.name)


async def test_the_core_takes_the_limit_and_refuses_one_more(chat: Any) -> None:
    for person, form in await _every_form(chat):
        for field in _text_inputs(form):
            limit = field.max_length
            too_long = t("sv", "too_long", length=count(limit + 1), limit=count(limit))
            # A go-live deviation's own fields (its unit) count only when that is its origin.
            base = {"origin": GOLIVE} if form.id.startswith("intake:deviation") else {}
            said = _said(await person.submit(form.id, {**base, field.name: "x" * (limit + 1)}))
            assert too_long in said, (form.id, field.name, said)
            said = _said(await person.submit(form.id, {**base, field.name: "x" * limit}))
            assert t("sv", "too_long", length=count(limit), limit=count(limit)) not in said
            assert count(limit + 1) not in said, (form.id, field.name, said)
            await person.say("avbryt")  # a step the submission began is left behind
