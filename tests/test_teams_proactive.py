"""Proactive posts in Teams: through stored conversation references, within the limits, with
retries on 429/412/502/504, and a clear answer when the person was never met or Teams refuses
the bot's token."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.domain.messages import Outbound, Target
from integrations.teams.ratelimit import RetryPolicy
from tests.conftest import FakeClock
from tests.fakes.botframework import teams_world
from tests.helpers import NEED


async def test_install_stores_a_reference_and_greets(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: FakeClock
) -> None:
    async with teams_world(tmp_path, monkeypatch, clock) as world:
        response = await world.post(world.activities.installed("anna"))
        assert response.status in (200, 201, 202)
        assert "Jag är FVIS-boten" in world.connector.texts()[-1]
        row = world.bot.db.execute(
            "SELECT kind, conversation_id, service_url FROM teams_references WHERE key = ?",
            ["user:aad-anna"],
        ).fetchone()
        assert row == ("user", "a:1personal-anna", world.connector.url)

        delivery = await world.bot.notifier.post(
            Target("teams", user_id="aad-anna"), Outbound("Påminnelse: B4 om 7 dagar")
        )
        assert delivery.ok, delivery.error
        post = world.connector.posts()[-1]
        # A new message in her chat (POST …/activities), not a reply to the install event.
        assert post.conversation == "a:1personal-anna" and post.activity_id == ""
        assert "Påminnelse: B4 om 7 dagar" in post.text
        assert delivery.message_id == "a:1personal-anna|" + "1:2"


async def test_a_person_never_met_gets_a_clear_answer_and_nothing_is_sent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: FakeClock
) -> None:
    async with teams_world(tmp_path, monkeypatch, clock) as world:
        delivery = await world.bot.notifier.post(
            Target("teams", user_id="aad-karin"), Outbound("Granska utkastet")
        )
        assert not delivery.ok
        assert "Karin Öberg" in delivery.error  # named, so the asker knows whom to ask
        assert "aldrig träffat" in delivery.error and "Lägg till" in delivery.error
        assert "never met" in delivery.error and "choose Add" in delivery.error
        assert world.connector.received == []


async def test_channel_post_after_the_bot_was_added_to_the_team(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: FakeClock
) -> None:
    async with teams_world(tmp_path, monkeypatch, clock) as world:
        missing = await world.bot.notifier.post(Target("teams", channel="FVIS"), Outbound("x"))
        assert not missing.ok and "Hantera team" in missing.error
        await world.post(world.activities.added_to_team("david"))
        for channel in ("19:team@thread.tacv2", "FVIS"):  # by id, or by the team's name
            delivery = await world.bot.notifier.post(
                Target("teams", channel=channel), Outbound("Nyhet: utbildningen startar")
            )
            assert delivery.ok, delivery.error
            post = world.connector.posts()[-1]
            assert post.conversation == "19:team@thread.tacv2"
            assert post.activity_id == ""


async def test_reporter_in_teams_hears_of_a_status_change_made_elsewhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: FakeClock, chat
) -> None:  # type: ignore[no-untyped-def]
    async with teams_world(tmp_path, monkeypatch, clock) as world:
        from integrations.teams.cards import reply_activity
        from tests.fakes.botframework import card_actions
        from tests.test_teams_messages import _incoming

        reply = (await world.bot.engine.handle(_incoming("anna", ("intake:form", "need"))))[0]
        assert reply.form is not None
        submit = card_actions(reply_activity(reply, "sv")["attachments"][0]["content"])[0]
        inputs = {f"f_{k}": v for k, v in NEED.items()}
        await world.post(world.activities.execute("anna", submit, inputs))
        before = len(world.connector.posts())
        # Bertil handles it from the web chat; Anna is told in Teams.
        from tests.conftest import Chat

        await Chat(world.bot, "bertil").say("status BEH-1 pågår")
        notices = world.connector.texts("a:1personal-anna")[before:]
        assert any("BEH-1" in text for text in notices), notices


async def test_429_is_retried_after_retry_after_then_delivered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: FakeClock
) -> None:
    async with teams_world(tmp_path, monkeypatch, clock) as world:
        await world.post(world.activities.installed("anna"))
        world.connector.fail(429, times=2, retry_after=0.2)
        started = asyncio.get_running_loop().time()
        delivery = await world.bot.notifier.post(
            Target("teams", user_id="aad-anna"), Outbound("Efter två 429")
        )
        waited = asyncio.get_running_loop().time() - started
        assert delivery.ok, delivery.error
        assert [status for status, _ in world.connector.refused] == [429, 429]
        assert world.connector.texts()[-1] == "Efter två 429"
        assert waited >= 0.4, "Retry-After was honoured both times"


@pytest.mark.parametrize("status", [412, 502, 504])
async def test_transient_statuses_are_retried(
    status: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: FakeClock
) -> None:
    async with teams_world(tmp_path, monkeypatch, clock) as world:
        await world.post(world.activities.installed("anna"))
        world.bot.adapter("teams").connection.retry = RetryPolicy(attempts=3, base_delay=0.01)
        world.connector.fail(status)
        delivery = await world.bot.notifier.post(
            Target("teams", user_id="aad-anna"), Outbound("Igen")
        )
        assert delivery.ok, delivery.error
        assert world.connector.texts()[-1] == "Igen"


async def test_what_finally_fails_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: FakeClock
) -> None:
    async with teams_world(tmp_path, monkeypatch, clock) as world:
        await world.post(world.activities.installed("anna"))
        world.bot.adapter("teams").connection.retry = RetryPolicy(attempts=3, base_delay=0.01)
        world.connector.fail(429, times=3)
        delivery = await world.bot.notifier.post(
            Target("teams", user_id="aad-anna"), Outbound("Går inte fram")
        )
        assert not delivery.ok
        assert "429" in delivery.error and "3" in delivery.error
        world.connector.fail(403)
        refused = await world.bot.notifier.post(Target("teams", user_id="aad-anna"), Outbound("x"))
        assert not refused.ok and "403" in refused.error
        assert len(world.connector.refused) == 4, "403 is not retried"


async def test_withdraw_deletes_or_else_replaces_the_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: FakeClock
) -> None:
    async with teams_world(tmp_path, monkeypatch, clock) as world:
        await world.post(world.activities.installed("anna"))
        target = Target("teams", user_id="aad-anna")
        first = await world.bot.notifier.post(target, Outbound("Fel datum"))
        withdrawn = await world.bot.notifier.withdraw(target, first.message_id)
        assert withdrawn.ok
        last = world.connector.received[-1]
        assert (last.method, last.activity_id) == ("DELETE", first.message_id.split("|")[1])

        second = await world.bot.notifier.post(target, Outbound("Också fel"))
        world.connector.fail(403)  # Teams would not delete it: the text is replaced instead
        replaced = await world.bot.notifier.withdraw(target, second.message_id)
        assert replaced.ok
        last = world.connector.received[-1]
        assert last.method == "PUT" and "tillbakadraget" in last.text


async def test_a_burst_to_one_conversation_keeps_the_limits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: FakeClock
) -> None:
    async with teams_world(tmp_path, monkeypatch, clock) as world:
        await world.post(world.activities.installed("anna"))
        target = Target("teams", user_id="aad-anna")
        deliveries = await asyncio.gather(
            *(world.bot.notifier.post(target, Outbound(f"nr {i}")) for i in range(9))
        )
        assert all(d.ok for d in deliveries)
        # Ten in all with the greeting: the 9th must wait for the 2-second window.
        assert len(world.connector.posts()) == 10
        assert world.connector.violations() == 0
        arrivals = [r.at for r in world.connector.posts()]
        assert arrivals[-1] - arrivals[0] >= 2.0


async def test_a_burst_across_conversations_keeps_the_app_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: FakeClock
) -> None:
    async with teams_world(tmp_path, monkeypatch, clock, app_rate_per_second=5.0) as world:
        world.connector.app_rate = 5
        users = [f"user{i}" for i in range(6)]
        for user in users:
            await world.post(world.activities.installed(user))
        deliveries = await asyncio.gather(
            *(
                world.bot.notifier.post(Target("teams", user_id=f"aad-{u}"), Outbound("hej"))
                for u in users
            )
        )
        assert all(d.ok for d in deliveries)
        assert len(world.connector.posts()) == 12
        assert world.connector.violations() == 0


async def test_a_token_teams_refuses_fails_the_post_clearly_and_is_not_retried(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: FakeClock
) -> None:
    """The path the Agents Playground cannot show (it wants no token): the connector refusing
    the bot's token (revoked, or the app's registration changed)."""
    async with teams_world(tmp_path, monkeypatch, clock) as world:
        await world.post(world.activities.installed("anna"))  # met and greeted
        greeted = len(world.connector.received)
        assert greeted == 1
        world.connector.expected_token = "a token the bot does not have"
        delivery = await world.bot.notifier.post(
            Target("teams", user_id="aad-anna"), Outbound("Påminnelse: B4 om 7 dagar")
        )
        assert not delivery.ok and "401" in delivery.error
        assert [status for status, _ in world.connector.refused] == [401]  # tried once
        assert len(world.connector.received) == greeted  # nothing more reached Teams
