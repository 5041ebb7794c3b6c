"""Block Kit rendering stays inside Slack's limits, whatever the core hands it."""

from __future__ import annotations

import json

from bot.domain.messages import Choice, Form, FormField, Option, Reply
from integrations.slack.blocks import (
    decode_choice,
    encode_choice,
    field_errors,
    home_view,
    messages_for,
    modal,
    submitted_values,
)


def _all_action_ids(blocks: list[dict[str, object]]) -> list[str]:
    return [
        str(e["action_id"])
        for b in blocks
        for e in b.get("elements", [])  # type: ignore[attr-defined]
        if isinstance(e, dict) and "action_id" in e
    ]


def test_text_that_grows_when_escaped_is_still_cut_at_3000() -> None:
    reply = Reply("<&>" * 2_000 + "\nslut", style="error")
    [message] = messages_for(reply, "sv")
    sections = [b for b in message.blocks if b["type"] == "section"]
    assert all(len(b["text"]["text"]) <= 3_000 for b in sections)
    joined = "".join(b["text"]["text"] for b in sections)
    assert joined.count("&lt;&amp;&gt;") == 2_000 and "<" not in joined
    assert joined.endswith("slut")


def test_many_choices_fill_several_action_rows_with_unique_ids() -> None:
    choices = tuple(Choice(f"say:{n}", f"Val {n}", str(n)) for n in range(40))
    [message] = messages_for(Reply("Välj", choices=choices), "sv")
    rows = [b for b in message.blocks if b["type"] == "actions"]
    assert len(rows) == 2 and all(len(r["elements"]) <= 25 for r in rows)
    ids = _all_action_ids(message.blocks)
    assert len(ids) == len(set(ids)) == 40


def test_long_labels_are_shortened_and_values_round_trip() -> None:
    choice = Choice("intake:opt:benefit", "Ett nyttoobjekt med en mycket lång rubrik " * 4, "2")
    [message] = messages_for(Reply("?", choices=(choice,)), "sv")
    button = message.blocks[-1]["elements"][0]
    assert len(button["text"]["text"]) <= 75
    assert decode_choice(button["value"]) == ("intake:opt:benefit", "2")
    assert decode_choice("not json") is None and decode_choice('["", "x"]') is None
    assert decode_choice(json.dumps({"id": "x"})) is None
    assert decode_choice(encode_choice(Choice("a:b", "A", ""))) == ("a:b", "")


def test_a_modal_keeps_to_slacks_limits_and_says_when_a_prefill_was_cut() -> None:
    form = Form(
        id="intake:change:abc",
        title="Registrera ändringsbegäran",
        fields=(
            FormField("title", "Rubrik", required=True, value="x" * 5_000),
            FormField(
                "priority",
                "Prioritet",
                "select",
                options=(Option("low", "Låg"), Option("high", "Hög")),
                value="high",
                error="Välj en",
            ),
        ),
        submit_label="Skicka",
    )
    view = modal(form, "sv", {"channel": "C1"})
    assert len(view["title"]["text"]) <= 24
    assert len(view["blocks"]) <= 100
    title = view["blocks"][0]
    assert len(title["element"]["initial_value"]) == 3_000
    assert "3 000" in json.dumps(view["blocks"][1], ensure_ascii=False)
    select = next(b for b in view["blocks"] if b.get("block_id") == "priority")
    assert select["element"]["initial_option"]["value"] == "high"
    assert json.loads(view["private_metadata"]) == {"channel": "C1", "form": "intake:change:abc"}
    assert field_errors(form) == {"priority": "Välj en"}


def test_submitted_values_read_inputs_and_menus() -> None:
    view = {
        "state": {
            "values": {
                "title": {"value": {"type": "plain_text_input", "value": "Skrivare"}},
                "unit": {"value": {"type": "plain_text_input", "value": None}},
                "priority": {
                    "value": {"type": "static_select", "selected_option": {"value": "high"}}
                },
                "benefit": {"value": {"type": "static_select", "selected_option": None}},
                "junk": "not a dict",
            }
        }
    }
    assert submitted_values(view) == {
        "title": "Skrivare",
        "unit": "",
        "priority": "high",
        "benefit": "",
    }


def test_a_long_overview_is_cut_to_100_blocks_with_a_note() -> None:
    rows = [Reply(f"BEH-{n}", choices=(Choice("say", "Visa", f"visa BEH-{n}"),)) for n in range(90)]
    view = home_view([Reply("FVIS"), *rows], "en", [Reply("Done", style="success")])
    assert view["type"] == "home" and len(view["blocks"]) == 100
    assert "cut" in json.dumps(view["blocks"][-1])
    ids = _all_action_ids(view["blocks"])
    assert len(ids) == len(set(ids))
