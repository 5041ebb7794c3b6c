"""Teams as its real clients see it: proactive posts without credentials (the Agents
Playground), retried activities answered once, sizes in bytes, and the odd shapes Teams sends."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.domain.messages import Action, FormSubmission, Incoming, Outbound, Target
from tests.conftest import FakeClock
from tests.fakes.botframework import card_actions, teams_world


def _incoming(
    user: str,
    action: tuple[str, str] | None = None,
    form: tuple[str, dict[str, str]] | None = None,
) -> Incoming:
    return Incoming(
        platform="teams",
        user_id=f"aad-{user}",
        conversation_id=f"a:1personal-{user}",
        action=Action(*action) if action else None,
        form=FormSubmission(*form) if form else None,
    )


async def test_anonymous_proactive_posts_arrive(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: FakeClock
) -> None:
    # TEAMS_ANONYMOUS=on, as with the Agents Playground: no token either way.
    async with teams_world(tmp_path, monkeypatch, clock, anonymous=True) as world:
        response = await world.post(world.activities.installed("anna"), token=None)
        assert response.status in (200, 201, 202)
        delivery = await world.bot.notifier.post(
            Target("teams", user_id="aad-anna"), Outbound("Påminnelse: kaffet")
        )
        assert delivery.ok, delivery.error
        post = world.connector.posts()[-1]
        assert post.text == "Påminnelse: kaffet" and post.authorization == ""


async def test_a_retried_message_is_not_answered_twice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: FakeClock
) -> None:
    async with teams_world(tmp_path, monkeypatch, clock) as world:
        activity = world.activities.message("anna", "behov Vi saknar skrivare")
        first = await world.post(activity)
        assert first.status in (200, 201, 202)
        posts = len(world.connector.posts())
        assert posts >= 1
        for _ in range(2):  # Teams' retries carry the same activity id
            again = await world.post(activity)
            assert again.status in (200, 201, 202)
        assert len(world.connector.posts()) == posts
        # The dialogue did not move on: the next answer is taken as the unit (the question the
        # first message got), and the benefit objective is asked next.
        texts = await world.say("anna", "Avdelning 5")
        assert any("Vilket nyttoobjekt" in text for text in texts), texts


async def test_a_retried_invoke_gets_its_card_and_posts_nothing_more(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: FakeClock
) -> None:
    async with teams_world(tmp_path, monkeypatch, clock) as world:
        await world.say("anna", "Skrivaren på avd 5 fungerar inte")
        action = card_actions(world.connector.posts()[-1].cards[0])[0]
        invoke = world.activities.execute("anna", action)
        first = await world.post(invoke)
        assert first.status == 200
        posts = len(world.connector.posts())
        again = await world.post(invoke)
        assert again.status == 200
        assert (await again.json()) == (await first.json())  # the same answered card
        assert len(world.connector.posts()) == posts


@pytest.mark.parametrize(
    "activity",
    [
        {"type": "conversationUpdate"},
        {"type": "conversationUpdate", "channelId": "msteams", "membersAdded": []},
    ],
)
async def test_a_minimal_conversation_update_is_answered_200_and_ignored(
    activity: dict[str, object],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    clock: FakeClock,
) -> None:
    async with teams_world(tmp_path, monkeypatch, clock) as world:
        sent = {**activity, "serviceUrl": world.connector.url, "id": "1700000000999"}
        response = await world.post(sent)
        assert response.status == 200, await response.text()
        assert world.connector.received == []
        assert world.bot.db.execute("SELECT count(*) FROM teams_references").fetchone() == (0,)


LONG = ("Ändringen påverkar vårdflödet på akuten och kräver ny utbildning för all personal. " * 60)[
    :4_900
]
CHANGE_FIELDS = ("what", "why", "impact_scope", "impact_time", "impact_budget")


async def test_a_long_entry_is_shown_in_parts_each_within_28_kb(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: FakeClock
) -> None:
    async with teams_world(tmp_path, monkeypatch, clock) as world:
        await world.post(world.activities.installed("anna"))
        [reply] = await world.bot.engine.handle(_incoming("anna", ("intake:form", "change")))
        assert reply.form is not None
        submitted = await world.bot.engine.handle(
            _incoming("anna", form=(reply.form.id, dict.fromkeys(CHANGE_FIELDS, LONG)))
        )
        assert any("ÄND-1" in r.text for r in submitted), submitted
        before = len(world.connector.posts())
        await world.say("anna", "visa ÄND-1")
        parts = world.connector.posts()[before:]
        assert world.connector.refused == []  # no 413 for a message over 28 KB
        assert len(parts) >= 2
        for part in parts:
            assert len(json.dumps(part.body)) <= 28_000
        assert "(del 1 av" in parts[0].text and f"av {len(parts)})" in parts[-1].text
        # Every field arrived whole, across the parts.
        shown = "".join(p.text for p in parts).replace("\\", "")
        # (the title repeats the start of the first field once more)
        assert shown.count("kräver ny utbildning") == 5 * LONG.count("kräver ny utbildning") + 1


async def test_many_choices_become_one_drop_down_and_still_answer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: FakeClock
) -> None:
    from bot.domain.messages import Choice, Reply
    from integrations.teams.cards import MAX_BUTTONS, card_input, reply_activity

    choices = tuple(Choice("pick:x", f"Alternativ {n}", str(n)) for n in range(25))
    card = reply_activity(Reply("Vilken?", choices=choices), "sv")["attachments"][0]["content"]
    actions = card_actions(card)
    assert len(actions) == 1 <= MAX_BUTTONS
    [menu] = [b for b in card["body"] if b["type"] == "Input.ChoiceSet"]
    assert len(menu["choices"]) == 25
    picked = {**actions[0]["data"], menu["id"]: menu["choices"][17]["value"]}
    action = card_input(picked)
    assert action is not None and (action.id, action.value) == ("pick:x", "17")
    few = reply_activity(Reply("Vilken?", choices=choices[:3]), "sv")["attachments"][0]
    assert len(card_actions(few["content"])) == 3  # a few choices stay buttons


def test_text_inputs_take_what_the_core_takes() -> None:
    from bot.domain.kinds import FIELDS
    from bot.domain.messages import Form, FormField, Reply
    from integrations.teams.cards import reply_activity

    for kind, specs in FIELDS.items():
        fields = tuple(
            FormField(s.name, s.name, s.type, max_length=s.max_length)
            for s in specs
            if s.type in ("text", "textarea")
        )
        card = reply_activity(Reply("", form=Form(f"f:{kind.value}", "F", fields)), "sv")
        inputs = {
            b["id"]: b["maxLength"]
            for b in card["attachments"][0]["content"]["body"]
            if b.get("type") == "Input.Text"
        }
        expected = {f"f_{s.name}": s.max_length for s in specs if s.type in ("text", "textarea")}
        assert inputs == expected, kind


def _member(user: str) -> dict[str, str]:
    return {"id": f"29:1{user}", "name": user.title(), "aadObjectId": f"aad-{user}"}


async def test_someone_met_only_in_a_channel_gets_a_personal_chat_from_the_roster(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: FakeClock
) -> None:
    async with teams_world(tmp_path, monkeypatch, clock) as world:
        team = "19:team@thread.tacv2"
        world.connector.roster[team] = [_member(u) for u in ("david", "anna", "karin")]
        await world.post(world.activities.added_to_team("david"))
        # Karin writes to the bot in the team's channel only; she never installed it herself.
        message = world.activities.channel_message("karin", "hjälp", channel=team)
        message["channelData"]["team"] = {"id": team, "name": "FVIS"}
        await world.post(message)
        delivery = await world.bot.notifier.post(
            Target("teams", user_id="aad-karin"), Outbound("Granska utkastet KOM-1")
        )
        assert delivery.ok, delivery.error
        [created] = [r for r in world.connector.received if r.method == "CREATE"]
        assert created.body["members"] == [
            {"id": "29:1karin", "name": "Karin", "aadObjectId": "aad-karin"}
        ]
        assert created.body["isGroup"] is False
        post = world.connector.posts()[-1]
        assert post.conversation == "a:1created-29:1karin" and "Granska" in post.text
        # The roster was read page by page until she was found.
        assert len([r for r in world.connector.received if r.method == "ROSTER"]) == 2
        # The chat is kept: the next post goes straight there.
        before = len(world.connector.received)
        again = await world.bot.notifier.post(Target("teams", user_id="aad-karin"), Outbound("x"))
        assert again.ok
        assert [r.method for r in world.connector.received[before:]] == ["POST"]


async def test_opening_a_chat_teams_refuses_says_why_and_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: FakeClock
) -> None:
    async with teams_world(tmp_path, monkeypatch, clock) as world:
        team = "19:team@thread.tacv2"
        world.connector.roster[team] = [_member("karin")]
        world.connector.blocked.add("29:1karin")
        message = world.activities.channel_message("karin", "hjälp", channel=team)
        message["channelData"]["team"] = {"id": team, "name": "FVIS"}
        await world.post(message)
        refused = await world.bot.notifier.post(Target("teams", user_id="aad-karin"), Outbound("x"))
        assert not refused.ok
        assert "Karin Öberg" in refused.error and "403" in refused.error
        assert "administratör" in refused.error and "administrator" in refused.error
        # Someone in no team the bot knows: the clear "never met" answer, nothing sent.
        unknown = await world.bot.notifier.post(Target("teams", user_id="aad-omar"), Outbound("x"))
        assert not unknown.ok and "aldrig träffat" in unknown.error
