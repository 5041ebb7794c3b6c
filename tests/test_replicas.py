"""Two `fvis-bot run` processes on one PostgreSQL database, as behind a load balancer: entries
and a dialogue through both, scheduled posts exactly once (also when one replica is killed with
-9), and a notice made on one replica reaching an event stream open on the other."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections import Counter
from collections.abc import AsyncIterator, Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from bot.app.stores import Stores, postgres_stores
from bot.delivery.claims import BATCH
from bot.domain.messages import Target
from bot.ports.clock import SystemClock
from bot.ports.plan import CommsItem, PersonalReminder
from tests.servers._process import ServerProcess, free_port
from tests.test_webchat_api import FLAGGED_DEVIATION, NEED_VALUES, read_event

ROOT = Path(__file__).resolve().parent.parent
READY = r"FVIS-boten är igång"


class Replica:
    def __init__(
        self, name: str, url: str, folder: Path, extra: dict[str, str] | None = None
    ) -> None:
        self.name = name
        self.port = free_port()
        env = {
            k: v for k, v in os.environ.items() if not k.startswith(("FVIS_", "SLACK_", "TEAMS_"))
        }
        env.update(
            PYTHONPATH=str(ROOT),
            FVIS_DATABASE_URL=url,
            FVIS_INSTALLATION_SECRET="r" * 64,  # one for the installation, not per replica
            FVIS_PORT=str(self.port),
            FVIS_DB_PATH=str(folder / name / "unused.db"),
            FVIS_FILES_DIR=str(folder / "files"),
            # Fail-over in seconds, not the production half-minute: sweeps every second, a
            # replica silent for 3 s is gone.
            FVIS_SWEEP_SECONDS="1",
            FVIS_REPLICA_TIMEOUT_SECONDS="3",
        )
        env.update(extra or {})
        self.process = ServerProcess(name, [sys.executable, "-m", "bot", "run"], cwd=ROOT, env=env)
        self.process.wait_for_line(READY, timeout=120)
        self.base = f"http://127.0.0.1:{self.port}"

    def kill(self) -> None:
        os.killpg(self.process.process.pid, signal.SIGKILL)
        self.process.process.wait(timeout=10)

    def stop(self) -> None:
        self.process.stop()


@pytest.fixture
def replicas(postgres_url: str, tmp_path: Path) -> Iterator[list[Replica]]:
    started: list[Replica] = []
    try:
        for name in ("a", "b"):
            started.append(Replica(name, postgres_url, tmp_path))
        yield started
    finally:
        for replica in started:
            replica.stop()


@pytest.fixture
def stores(postgres_url: str) -> Iterator[Stores]:
    opened = postgres_stores(postgres_url, SystemClock())
    yield opened
    opened.close()


@pytest.fixture
async def http() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=60)) as session:
        yield session


async def say(
    http: aiohttp.ClientSession, replica: Replica, user: str, **body: Any
) -> list[dict[str, Any]]:
    async with http.post(
        f"{replica.base}/api/webchat/messages", json={"user": user, **body}
    ) as response:
        assert response.status == 200, await response.text()
        return list((await response.json())["replies"])


async def log_entry(
    http: aiohttp.ClientSession, replica: Replica, user: str, kind: str, values: dict[str, str]
) -> str:
    word = {"need": "behov", "deviation": "avvikelse"}[kind]
    await say(http, replica, user, text=word)
    replies = await say(http, replica, user, action={"id": "intake:form", "value": kind})
    form = next(reply["form"] for reply in replies if reply.get("form"))
    replies = await say(http, replica, user, form={"id": form["id"], "values": values})
    return " ".join(reply["text"] for reply in replies)


def _need(thing: str) -> dict[str, str]:
    return {**NEED_VALUES, "title": f"{thing} saknas", "description": f"{thing} behövs."}


async def until(check: Callable[[], bool], seconds: float, what: str) -> None:
    async with asyncio.timeout(seconds):
        while not check():
            await asyncio.sleep(0.2)
    assert check(), what


async def test_entries_and_a_dialogue_go_through_either_replica(
    replicas: list[Replica], http: aiohttp.ClientSession, stores: Stores
) -> None:
    a, b = replicas
    people = ("anna", "cecilia", "karin", "eva")
    # Eight different needs: the same one twice would be offered as "the same thing".
    things = iter(
        ("Skärm", "Headset", "Dockningsstation", "Tangentbord", "Lampa", "Stol", "Skanner", "Kabel")
    )
    answers: list[str] = []
    for _ in range(2):  # four people at once, each on another replica than the one before
        answers += await asyncio.gather(
            *(
                log_entry(http, (a, b)[n % 2], person, "need", _need(next(things)))
                for n, person in enumerate(people)
            )
        )
    refs = sorted(
        (
            word.strip(".,:!")
            for text in answers
            for word in text.split()
            if word.startswith("BEH-")
        ),
        key=lambda ref: int(ref.split("-")[1]),
    )
    assert refs == [f"BEH-{n}" for n in range(1, 9)], answers
    # A dialogue begun on one replica goes on on the other (its state is in the database).
    await say(http, a, "omar", text="need Printer missing in ward 5")
    asked = stores.dialogues.load("webchat:dm:omar:omar")
    assert asked is not None and asked.pending == "benefit", asked
    await say(http, b, "omar", text="2")
    answered = stores.dialogues.load("webchat:dm:omar:omar")
    assert answered is not None and answered.id == asked.id, answered
    assert answered.values["benefit"] == "2"
    assert answered.state == "confirm"


def _due(stores: Stores, due: datetime, tag: str, reminders: int, comms: int) -> list[str]:
    """Reminders to Anna and announcements in the programme channel, all due at `due`; their
    delivery items."""
    items = []
    for n in range(reminders):
        reminder = stores.reminders.add(
            PersonalReminder("webchat", "anna", "sv", f"<r-{tag}-{n}>", due, created_at=due)
        )
        items.append(reminder.job)
    for n in range(comms):
        item = stores.comms.add(
            CommsItem(
                f"Nyhet {tag}-{n}", f"Nyhetsbrev <{tag}-{n}>", ("all-staff",), ("webchat",), due,
                "webchat:cecilia", "Cecilia", status="approved", approved_by="webchat:david",
                created_at=due, updated_at=due,
            )
        )  # fmt: skip
        items.append(item.item)
    return items


def _posted(stores: Stores) -> list[str]:
    """Every web chat post Anna can see: her reminders and the channel's announcements."""
    return [m["text"] for m in stores.inbox.after(user="anna", seq=0, limit=100_000)]


def _sent_once(stores: Stores, items: list[str]) -> bool:
    rows = stores.deliveries.for_items(items)
    return all(len(found) == 1 and found[0].status == "sent" for found in rows.values())


def _all_published(stores: Stores) -> Callable[[], bool]:
    def check() -> bool:
        return {i.status for i in stores.comms.with_status({"approved", "published"})} == {
            "published"
        }

    return check


def _each_once(stores: Stores, tag: str, reminders: int, comms: int) -> None:
    posted = _posted(stores)
    for n in range(reminders):
        assert sum(f"<r-{tag}-{n}>" in text for text in posted) == 1, (tag, n, posted)
    for n in range(comms):
        assert sum(f"Nyhetsbrev <{tag}-{n}>" in text for text in posted) == 1, (tag, n)


async def test_scheduled_posts_go_out_once_and_a_killed_replica_is_covered(
    replicas: list[Replica], stores: Stores
) -> None:
    a, _ = replicas
    # Both alive: 40 reminders and 5 announcements due at the same instant, each posted once.
    items = _due(stores, datetime.now(UTC) + timedelta(seconds=2), "both", 40, 5)
    await until(lambda: _sent_once(stores, items), 60, "every reminder sent")
    await until(_all_published(stores), 60, "every announcement published")
    _each_once(stores, "both", 40, 5)
    with stores.db.connection() as conn:
        runs = [row["run_id"] for row in conn.execute("SELECT run_id FROM runs")]
    assert len(runs) == 2

    # a is killed with -9; b posts what falls due next, once, though a had its timers too.
    a.kill()
    items = _due(stores, datetime.now(UTC) + timedelta(seconds=2), "after", 10, 2)
    await until(lambda: _sent_once(stores, items), 60, "b sent the reminders")
    await until(_all_published(stores), 60, "b published the announcements")
    _each_once(stores, "after", 10, 2)
    rows = stores.deliveries.for_items(items)
    b_run = {found[0].run_id for found in rows.values()}
    assert len(b_run) == 1 and b_run < set(runs)
    [a_run] = set(runs) - b_run

    # What a had claimed but not confirmed when it died is not posted again: once a has been
    # silent past the timeout, b marks it unconfirmed, and Anna hears that it may not have come.
    due = datetime.now(UTC)
    late = stores.reminders.add(PersonalReminder("webchat", "anna", "sv", "<halfway>", due))
    stores.reminders.set_status(late.id or 0, "done")
    anna = Target("webchat", user_id="anna")
    assert stores.deliveries.claim(
        job=late.job, item=late.job, target=anna, due_at=due, run_id=a_run, now=due
    )
    await until(lambda: any("<halfway>" in text for text in _posted(stores)), 60, "Anna told")
    row = stores.deliveries.get(late.job, "webchat:@anna")
    assert row is not None and row.status == "unconfirmed"
    [told] = [text for text in _posted(stores) if "<halfway>" in text]
    assert "kanske kom den inte fram" in told


async def test_a_replica_killed_while_posts_are_due_loses_none_and_doubles_none(
    replicas: list[Replica], stores: Stores
) -> None:
    a, _ = replicas
    with stores.db.connection() as conn:
        started = conn.execute("SELECT run_id FROM runs ORDER BY started_at").fetchall()
    a_run, b_run = (row["run_id"] for row in started)  # a started first
    # More reminders than one batch (BATCH web chat posts commit together), so that a dies
    # between batches or in the middle of one.
    reminders = 2 * BATCH + BATCH // 2
    items = _due(stores, datetime.now(UTC) + timedelta(seconds=3), "kill", reminders, 8)

    # a is killed with -9 in the middle of the burst: once its first posts are committed.
    def claimed_by_a() -> bool:
        with stores.db.connection() as conn:
            return bool(
                conn.execute(
                    "SELECT 1 FROM deliveries WHERE run_id = %s AND item = ANY(%s) LIMIT 1",
                    [a_run, items],
                ).fetchone()
            )

    async with asyncio.timeout(60):
        while not claimed_by_a():
            await asyncio.sleep(0.01)
    a.kill()

    def settled() -> bool:
        rows = stores.deliveries.for_items(items)
        return all(found and found[0].status != "claimed" for found in rows.values())

    await until(settled, 60, "every post settled")
    rows = stores.deliveries.for_items(items)
    assert all(len(found) == 1 for found in rows.values()), rows  # one claim per post
    # Web chat posts commit with their claims: what a had not committed when it died went
    # with it, b posted it; nothing is left in doubt, missed or failed.
    assert {found[0].status for found in rows.values()} == {"sent"}
    by_run = Counter(found[0].run_id for found in rows.values())
    assert by_run[a_run] >= 1 and by_run[b_run] >= 1 and sum(by_run.values()) == len(items)
    posted = _posted(stores)
    texts = [f"Påminnelse: <r-kill-{n}>" for n in range(reminders)]
    texts += [f"Nyhetsbrev <kill-{n}>" for n in range(8)]
    for text in texts:
        assert sum(post.endswith(text) for post in posted) == 1, text
    await until(lambda: not stores.comms.with_status({"approved"}), 30, "announcements settled")
    assert {i.status for i in stores.comms.with_status({"published", "failed"})} == {"published"}


async def test_a_notice_made_on_one_replica_reaches_a_stream_open_on_the_other(
    replicas: list[Replica], http: aiohttp.ClientSession
) -> None:
    a, b = replicas
    await log_entry(http, a, "anna", "need", NEED_VALUES)
    async with http.get(f"{a.base}/api/webchat/events", params={"user": "anna"}) as stream:
        assert stream.status == 200
        assert (await stream.content.readline()).startswith(b": connected")
        replies = await say(http, b, "bertil", text="status BEH-1 löst")
        assert "BEH-1" in " ".join(r["text"] for r in replies)
        _, data = await read_event(stream, seconds=20)
        assert data["direct"] is True and "BEH-1" in data["text"] and "löst" in data["text"]
        await log_entry(http, b, "omar", "deviation", FLAGGED_DEVIATION)
        _, post = await read_event(stream, seconds=20)
        assert post["direct"] is False and "AVV-1" in post["text"]
