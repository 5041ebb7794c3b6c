"""Intranet news through Graph: the page is created as a news post, then published; its address
is the delivery. Throttling waits; a failed publish leaves nothing behind and says why."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.domain.messages import Outbound, Target
from tests.conftest import FakeClock
from tests.fakes.graph import GRAPH_APP, sharepoint_world

pytestmark = pytest.mark.filterwarnings("ignore:This class is deprecated:DeprecationWarning")

NEWS = Target("sharepoint", channel="news")
MESSAGE = Outbound(
    "Utbildning i nya journalen\n\nAlla i vården utbildas i vår.\nAnmäl dig <senast> 1 mars & kom i tid.",
    meta={"title": "Utbildning i nya journalen", "ref": "KOM-1"},
)


async def test_news_post_is_created_then_published(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: FakeClock
) -> None:
    async with sharepoint_world(tmp_path, monkeypatch, clock) as world:
        delivery = await world.bot.notifier.post(NEWS, MESSAGE)
        assert delivery.ok, delivery.error
        created, published = world.graph.calls[0], world.graph.calls[1]
        assert (created.method, created.path) == (
            "POST",
            f"/v1.0/sites/{world.graph.site_id}/pages",
        )
        page = created.json()
        assert page["@odata.type"] == "#microsoft.graph.sitePage"
        assert page["promotionKind"] == "newsPost"
        assert page["title"] == "Utbildning i nya journalen"
        assert page["name"].startswith("utbildning-i-nya-journalen-")
        html = page["canvasLayout"]["horizontalSections"][0]["columns"][0]["webparts"][0]
        assert html["innerHtml"] == (
            "<p>Alla i vården utbildas i vår.<br>"
            "Anmäl dig &lt;senast&gt; 1 mars &amp; kom i tid.</p>"
        )
        assert published.method == "POST"
        assert published.path.endswith("/microsoft.graph.sitePage/publish")
        stored = next(iter(world.graph.pages.values()))
        assert stored["publishingState"]["level"] == "published"
        assert delivery.message_id == stored["webUrl"]
        assert created.headers["Authorization"] == f"Bearer entra-{GRAPH_APP}-1"
        assert world.entra.tokens_for("graph.microsoft.com/.default")


async def test_throttled_create_waits_retry_after_then_succeeds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: FakeClock
) -> None:
    async with sharepoint_world(tmp_path, monkeypatch, clock) as world:
        world.graph.fail("POST", "/pages", 429, retry_after=1)
        delivery = await world.bot.notifier.post(NEWS, MESSAGE)
        assert delivery.ok, delivery.error
        attempts = world.graph.called("POST", f"/sites/{world.graph.site_id}/pages")
        assert len([c for c in attempts if not c.path.endswith("publish")]) == 2
        assert len(world.graph.pages) == 1


async def test_failed_publish_is_reported_and_the_draft_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: FakeClock
) -> None:
    async with sharepoint_world(tmp_path, monkeypatch, clock) as world:
        world.graph.fail("POST", "/publish", 403)
        delivery = await world.bot.notifier.post(NEWS, MESSAGE)
        assert not delivery.ok
        assert "403" in delivery.error and "fake Graph refuses" in delivery.error
        assert world.graph.pages == {}, "the unpublished page was deleted again"
        assert world.graph.called("DELETE", "/pages/")


async def test_withdraw_deletes_the_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: FakeClock
) -> None:
    async with sharepoint_world(tmp_path, monkeypatch, clock) as world:
        delivery = await world.bot.notifier.post(NEWS, MESSAGE)
        withdrawn = await world.bot.notifier.withdraw(NEWS, delivery.message_id)
        assert withdrawn.ok, withdrawn.error
        assert world.graph.pages == {}
        again = await world.bot.notifier.withdraw(NEWS, delivery.message_id)
        assert not again.ok
