"""Milestones and the communication plan read from SharePoint lists: new rows taken over, list
edits followed, edits on both sides reported as conflicts and never overwritten."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.domain.programme import person_from
from integrations.microsoft.settings import DEFAULT_COLUMNS, ListSync
from tests.conftest import FakeClock
from tests.fakes.graph import sharepoint_world

pytestmark = pytest.mark.filterwarnings("ignore:This class is deprecated:DeprecationWarning")

LISTS = (
    ListSync("milestones", "list-ms", dict(DEFAULT_COLUMNS["milestones"])),
    ListSync("comms", "list-comms", dict(DEFAULT_COLUMNS["comms"])),
)


def _row(item_id: str, version: int, **fields: Any) -> dict[str, Any]:
    return {
        "id": item_id,
        "eTag": f'"{item_id},{version}"',
        "fields": {"@odata.etag": f'"{item_id},{version}"', "id": item_id, **fields},
    }


def _channel_posts(world) -> list[str]:  # type: ignore[no-untyped-def]
    return [r["text"] for r in world.bot.db.query("SELECT text FROM webchat_inbox WHERE user = ''")]


async def test_milestone_rows_are_taken_over_and_followed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: FakeClock
) -> None:
    async with sharepoint_world(tmp_path, monkeypatch, clock, lists=LISTS[:1]) as world:
        world.graph.lists["list-ms"] = [
            _row(
                "1",
                1,
                MilestoneId="B8",
                Title="Uppföljning",
                DueDate="2027-03-15",
                Kind="decision",
                Owner="david",
            )
        ]
        result = await world.adapter.syncer.sync()
        store = world.bot.time.milestones.store
        b8 = store.get("B8")
        assert b8 is not None and b8.title == "Uppföljning" and b8.due.isoformat() == "2027-03-15"
        assert b8.owner == "david" and b8.kind == "decision"
        assert result.taken == ["milstolpe B8"] and not result.conflicts
        # Nothing changed: nothing done.
        assert (await world.adapter.syncer.sync()).taken == []
        world.graph.lists["list-ms"] = [
            _row(
                "1",
                2,
                MilestoneId="B8",
                Title="Uppföljning",
                DueDate="2027-04-01",
                Kind="decision",
                Owner="david",
            )
        ]
        await world.adapter.syncer.sync()
        assert store.get("B8").due.isoformat() == "2027-04-01"


async def test_a_row_changed_in_both_places_is_a_reported_conflict(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: FakeClock
) -> None:
    async with sharepoint_world(tmp_path, monkeypatch, clock, lists=LISTS[:1]) as world:
        world.graph.lists["list-ms"] = [
            _row(
                "1",
                1,
                MilestoneId="B8",
                Title="Uppföljning",
                DueDate="2027-03-15",
                Kind="decision",
                Owner="david",
            )
        ]
        await world.adapter.syncer.sync()
        david = person_from(world.bot.programme, "webchat", "david")
        world.bot.time.milestones.save_milestone(
            david,
            milestone_id="B8",
            title="Uppföljning",
            kind="decision",
            due_text="2027-05-01",
            owner="david",
        )
        world.graph.lists["list-ms"] = [
            _row(
                "1",
                2,
                MilestoneId="B8",
                Title="Uppföljning",
                DueDate="2027-06-30",
                Kind="decision",
                Owner="david",
            )
        ]
        result = await world.adapter.syncer.sync()
        assert result.conflicts and not result.taken
        assert world.bot.time.milestones.store.get("B8").due.isoformat() == "2027-05-01"
        posted = "\n".join(_channel_posts(world))
        assert (
            "Krock" in posted and "milstolpe B8" in posted and "fälten date skiljer sig" in posted
        )
    # The channel hears which fields differ, never the list's text itself.
    assert "2027-06-30" not in posted and "2027-05-01" not in posted


async def test_comms_rows_become_drafts_awaiting_a_second_person(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: FakeClock
) -> None:
    async with sharepoint_world(tmp_path, monkeypatch, clock, lists=LISTS[1:]) as world:
        row = dict(
            Title="Driftstopp i helgen",
            Body="Systemet är stängt lördag 02–06.",
            Audiences="all-staff",
            Channels="sharepoint;webchat",
            SendAt="2026-12-01 09:00",
        )
        world.graph.lists["list-comms"] = [_row("7", 1, **row)]
        await world.adapter.syncer.sync()
        await world.adapter.syncer.sync()  # a second run drafts nothing new
        items = world.bot.time.comms.store.with_status(("draft",))
        assert [(i.title, i.channels, i.status) for i in items] == [
            ("Driftstopp i helgen", ("sharepoint", "webchat"), "draft")
        ]
        # The list edits the text: the draft follows (nothing published without approval).
        world.graph.lists["list-comms"] = [_row("7", 2, **{**row, "Body": "Stängt 02–08."})]
        await world.adapter.syncer.sync()
        assert world.bot.time.comms.store.get(items[0].id).body == "Stängt 02–08."
        assert world.graph.pages == {}


async def test_an_unreadable_row_is_reported_not_dropped_silently(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: FakeClock
) -> None:
    async with sharepoint_world(tmp_path, monkeypatch, clock, lists=LISTS[1:]) as world:
        world.graph.lists["list-comms"] = [
            _row(
                "9",
                1,
                Title="Utan tid",
                Body="x",
                Audiences="all-staff",
                Channels="webchat",
                SendAt="någon gång",
            )
        ]
        result = await world.adapter.syncer.sync()
        assert result.problems and "någon gång" in result.problems[0]
        assert any("någon gång" in text for text in _channel_posts(world))
        # Still unread: the next sync tries again rather than forgetting the row.
        assert (await world.adapter.syncer.sync()).problems


async def test_a_list_longer_than_a_page_is_read_to_its_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: FakeClock
) -> None:
    async with sharepoint_world(tmp_path, monkeypatch, clock, lists=LISTS[:1]) as world:
        world.graph.list_page_size = 2
        world.graph.lists["list-ms"] = [
            _row(str(n), 1, MilestoneId=f"M{n}", Title=f"Steg {n}", DueDate=f"2027-0{n}-01")
            for n in range(1, 8)
        ]
        result = await world.adapter.syncer.sync()
        assert sorted(result.taken) == sorted(f"milstolpe M{n}" for n in range(1, 8))
        store = world.bot.time.milestones.store
        assert all(store.get(f"M{n}") is not None for n in range(1, 8))
        # Four pages, the later ones through @odata.nextLink.
        reads = [c for c in world.graph.calls if c.method == "GET" and "/lists/" in c.path]
        assert [c.query.get("$skiptoken") for c in reads] == [None, "2", "4", "6"]
