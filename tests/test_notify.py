"""The notifier router: a missing adapter or a failing one gives a failed Delivery, never an exception."""

from __future__ import annotations

from typing import Any

from bot.delivery.routing import NotifierRouter
from bot.domain.messages import Delivery, Outbound, Target


class Broken:
    async def post(self, target: Target, message: Outbound) -> Delivery:
        raise ConnectionError("socket closed")

    async def withdraw(self, target: Target, message_id: str) -> Delivery:
        raise TimeoutError("no answer")


async def test_a_platform_without_adapter_is_a_failed_delivery() -> None:
    router = NotifierRouter()
    delivery = await router.post(Target("slack", channel="C1"), Outbound("hej"))
    assert delivery == Delivery(ok=False, error="no adapter for platform 'slack' is running")
    assert not (await router.withdraw(Target("slack", channel="C1"), "1")).ok


async def test_an_adapter_that_raises_is_a_failed_delivery() -> None:
    router = NotifierRouter()
    router.add("broken", Broken())
    assert router.platforms == ["broken"]
    posted = await router.post(Target("broken", channel="x"), Outbound("hej"))
    withdrawn = await router.withdraw(Target("broken", channel="x"), "7")
    assert posted == Delivery(ok=False, error="ConnectionError: socket closed")
    assert withdrawn == Delivery(ok=False, error="TimeoutError: no answer")


async def test_web_chat_withdraw_marks_the_post_and_refuses_unknown_ids(bot: object) -> None:
    webchat = bot.webchat  # type: ignore[attr-defined]
    target = Target("webchat", channel="fvis-program")
    posted = await bot.notifier.post(target, Outbound("Nyhetsbrev nr 3"))  # type: ignore[attr-defined]
    assert posted.ok
    assert (await bot.notifier.withdraw(target, posted.message_id)).ok  # type: ignore[attr-defined]
    [message] = webchat.inbox("anna", 0)
    assert message["text"] == "Nyhetsbrev nr 3" and message["withdrawn_at"]
    again = await bot.notifier.withdraw(target, posted.message_id)  # type: ignore[attr-defined]
    assert not again.ok
    assert not (await bot.notifier.withdraw(target, "not-a-number")).ok  # type: ignore[attr-defined]


async def test_a_notice_that_cannot_arrive_is_kept_in_the_audit_log(bot: Any) -> None:
    from bot.delivery.routing import post_or_audit

    audit = bot.stores.audit
    missing = await post_or_audit(
        bot.notifier, audit, Target("slack", user_id="U1"), "Påminnelse", ref="remind:7"
    )
    arrived = await post_or_audit(
        bot.notifier, audit, Target("webchat", user_id="anna"), "Påminnelse", ref="remind:8"
    )
    assert not missing.ok and arrived.ok
    rows = list(
        bot.db.query("SELECT action, ref, detail FROM audit WHERE action = 'notify-failed'")
    )
    assert rows == [
        {
            "action": "notify-failed",
            "ref": "remind:7",
            "detail": "slack:U1: no adapter for platform 'slack' is running",
        }
    ]
