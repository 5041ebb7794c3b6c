"""The communication plan meets the intranet: an approved item with intranet news published on
time as a news post; a failed publish marks the item failed and tells its owner."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from bot.domain.programme import person_from
from bot.plan.comms import Draft
from tests.conftest import FakeClock
from tests.fakes.graph import sharepoint_world

pytestmark = pytest.mark.filterwarnings("ignore:This class is deprecated:DeprecationWarning")


async def _approved_item(world, clock: FakeClock) -> int:  # type: ignore[no-untyped-def]
    comms = world.bot.time.comms
    cecilia = person_from(world.bot.programme, "webchat", "cecilia")
    karin = person_from(world.bot.programme, "webchat", "karin")
    item = comms.draft(
        cecilia,
        Draft(
            title="Nya journalen: utbildning",
            body="Alla i vården utbildas i vår.",
            body_en="",
            audiences=("clinical",),
            channels=("sharepoint", "webchat"),
            send_at=clock.now() + timedelta(hours=2),
        ),
    )
    await comms.submit(cecilia, item.id)
    comms.approve(karin, item.id)
    clock.advance(hours=2, minutes=1)
    await world.bot.scheduler.run_due()
    return int(item.id)


def _told(world, user: str) -> list[str]:  # type: ignore[no-untyped-def]
    rows = world.bot.db.query("SELECT text FROM webchat_inbox WHERE user = ?", [user])
    return [row["text"] for row in rows]


async def test_approved_item_is_published_as_news_on_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: FakeClock
) -> None:
    async with sharepoint_world(tmp_path, monkeypatch, clock) as world:
        item_id = await _approved_item(world, clock)
        page = next(iter(world.graph.pages.values()))
        assert page["title"] == "Nya journalen: utbildning"
        assert page["promotionKind"] == "newsPost"
        assert page["publishingState"]["level"] == "published"
        delivery = world.bot.db.execute(
            "SELECT status, message_id FROM deliveries WHERE target LIKE 'sharepoint%'"
        ).fetchone()
        assert delivery == ("sent", page["webUrl"])
        assert world.bot.time.comms.store.get(item_id).status == "published"


async def test_failed_publish_marks_the_item_failed_and_tells_its_owner(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: FakeClock
) -> None:
    async with sharepoint_world(tmp_path, monkeypatch, clock) as world:
        world.graph.fail("POST", "/publish", 500)
        item_id = await _approved_item(world, clock)
        status = world.bot.db.execute(
            "SELECT status, error FROM deliveries WHERE target LIKE 'sharepoint%'"
        ).fetchone()
        assert status[0] == "failed" and "500" in status[1]
        told = "\n".join(_told(world, "cecilia"))
        assert "KOM-" in told and "kunde inte postas" in told and "500" in told
        assert world.graph.pages == {}
        assert world.bot.time.comms.store.get(item_id).status in ("failed", "published")
