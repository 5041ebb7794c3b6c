"""DeliveryLog: the truth of exactly-once posting, one row per (job, target)."""

from __future__ import annotations

from datetime import timedelta

from bot.app.stores import Stores
from bot.domain.messages import Target
from bot.ports.delivery import Claim, Finished, target_key
from tests.conftest import START

CHANNEL = Target("webchat", channel="fvis-program")
DAVID = Target("webchat", user_id="david")
DUE = START + timedelta(minutes=1)


def claim(stores: Stores, job: str, target: Target = CHANNEL, run: str = "run-a") -> bool:
    item = job.rsplit(":", 1)[0] if job.count(":") > 1 else job
    return stores.deliveries.claim(
        job=job, item=item, target=target, due_at=DUE, run_id=run, now=START
    )


def test_a_claim_is_unique_per_job_and_target(stores: Stores) -> None:
    assert claim(stores, "comms:7:1")
    assert not claim(stores, "comms:7:1")  # the same post: someone got there first
    assert not claim(stores, "comms:7:1", run="run-b")
    assert claim(stores, "comms:7:1", DAVID)  # another target of the same job
    assert claim(stores, "comms:7:2")  # the next occurrence
    row = stores.deliveries.get("comms:7:1", target_key(CHANNEL))
    assert row is not None
    assert (row.status, row.run_id, row.target, row.due_at, row.claimed_at) == (
        "claimed", "run-a", CHANNEL, DUE, START,
    )  # fmt: skip
    assert stores.deliveries.get("comms:7:1", "slack:#x") is None


def test_many_claimed_and_finished_at_once(stores: Stores) -> None:
    log = stores.deliveries
    assert claim(stores, "remind:2", DAVID)  # claimed before: not again
    claims = [Claim(f"remind:{n}", f"remind:{n}", DAVID, DUE) for n in (1, 2, 3)]
    claims.append(Claim("comms:4:1", "comms:4", CHANNEL, DUE))
    claims.append(Claim("remind:1", "remind:1", DAVID, DUE))  # twice in one call: once
    claimed = log.claim_many(claims, run_id="run-b", now=START)
    assert claimed == {
        ("remind:1", "webchat:@david"), ("remind:3", "webchat:@david"),
        ("comms:4:1", "webchat:#fvis-program"),
    }  # fmt: skip
    assert log.claim_many([], run_id="run-b", now=START) == set()
    row = log.get("comms:4:1", target_key(CHANNEL))
    assert row is not None
    assert (row.status, row.item, row.run_id, row.due_at, row.claimed_at, row.target) == (
        "claimed", "comms:4", "run-b", DUE, START, CHANNEL,
    )  # fmt: skip
    later = START + timedelta(minutes=2)
    log.finish_many(
        [
            Finished("remind:1", "webchat:@david", "sent", "17"),
            Finished("remind:3", "webchat:@david", "failed", error="refused"),
        ],
        now=later,
    )
    log.finish_many([], now=later)
    sent, failed = (log.get(f"remind:{n}", "webchat:@david") for n in (1, 3))
    assert sent is not None and (sent.status, sent.message_id, sent.sent_at) == (
        "sent",
        "17",
        later,
    )
    assert failed is not None and (failed.status, failed.error, failed.sent_at) == (
        "failed", "refused", None,
    )  # fmt: skip
    untouched = log.get("remind:2", "webchat:@david")
    assert untouched is not None and (untouched.status, untouched.run_id) == ("claimed", "run-a")


def test_record_finish_and_reclaim(stores: Stores) -> None:
    assert stores.deliveries.record(
        job="remind:3", item="remind:3", target=DAVID, status="waiting", due_at=DUE, now=START
    )
    assert not stores.deliveries.record(
        job="remind:3", item="remind:3", target=DAVID, status="missed", due_at=DUE, now=START
    )
    key = target_key(DAVID)
    assert [r.job for r in stores.deliveries.waiting()] == ["remind:3"]
    later = START + timedelta(minutes=5)
    assert not stores.deliveries.reclaim(
        "remind:3", key, from_status=["failed"], run_id="b", now=later
    )
    assert stores.deliveries.reclaim(
        "remind:3", key, from_status=["waiting", "failed"], run_id="b", now=later
    )
    assert not stores.deliveries.reclaim(
        "remind:3", key, from_status=["waiting"], run_id="c", now=later
    )
    stores.deliveries.finish("remind:3", key, status="sent", now=later, message_id="42")
    row = stores.deliveries.get("remind:3", key)
    assert row is not None
    assert (row.status, row.message_id, row.sent_at, row.run_id, row.claimed_at) == (
        "sent", "42", later, "b", later,
    )  # fmt: skip
    assert stores.deliveries.waiting() == []
    stores.deliveries.finish("remind:3", key, status="withdrawn", now=later + timedelta(hours=1))
    row = stores.deliveries.get("remind:3", key)
    assert row is not None and row.status == "withdrawn"
    assert row.withdrawn_at == later + timedelta(hours=1) and row.message_id == "42"


def test_a_failure_keeps_its_reason(stores: Stores) -> None:
    claim(stores, "comms:1:1")
    stores.deliveries.finish(
        "comms:1:1", target_key(CHANNEL), status="failed", now=START, error="429 – för många"
    )
    row = stores.deliveries.get("comms:1:1", target_key(CHANNEL))
    assert row is not None and (row.status, row.error, row.sent_at) == (
        "failed",
        "429 – för många",
        None,
    )


def test_rows_by_job_item_and_prefix(stores: Stores) -> None:
    claim(stores, "comms:1:a")
    claim(stores, "comms:1:a", DAVID)
    claim(stores, "comms:1:b")
    claim(stores, "comms:12:a")
    claim(stores, "milestone:B_5:7")
    claim(stores, "milestone:BX5:7")
    assert [r.target for r in stores.deliveries.for_job("comms:1:a")] == [CHANNEL, DAVID]
    assert [r.job for r in stores.deliveries.for_item("comms:1")] == [
        "comms:1:a",
        "comms:1:a",
        "comms:1:b",
    ]
    grouped = stores.deliveries.for_items(["comms:1", "comms:12", "comms:99"])
    assert {item: len(rows) for item, rows in grouped.items()} == {
        "comms:1": 3,
        "comms:12": 1,
        "comms:99": 0,
    }
    assert stores.deliveries.handled_jobs("comms:1:") == {"comms:1:a", "comms:1:b"}
    # "_" is a wildcard in LIKE; a prefix is a prefix.
    assert stores.deliveries.handled_jobs("milestone:B_") == {"milestone:B_5:7"}
    many = [f"comms:{n}" for n in range(1200)]  # more than one batch of parameters
    assert len(stores.deliveries.for_items(many)["comms:1"]) == 3


def _settle(stores: Stores, run: str, prefix: str = "comms:", seconds: float = 30) -> list[str]:
    rows = stores.deliveries.settle_stale(
        run, prefix=prefix, alive_after=START - timedelta(seconds=seconds), error="stopped"
    )
    return [row.job for row in rows]


def test_claims_of_a_silent_run_are_settled_once(stores: Stores) -> None:
    stores.deliveries.beat("alive", START)
    stores.deliveries.beat("silent", START - timedelta(minutes=5))
    claim(stores, "comms:1:a", run="silent")
    claim(stores, "comms:2:a", run="alive")  # still posting: left alone
    claim(stores, "comms:3:a", run="never-beat")  # no heartbeat at all: stopped
    claim(stores, "remind:4", DAVID, run="silent")  # another prefix
    claim(stores, "comms:5:a", run="silent")
    stores.deliveries.finish("comms:5:a", target_key(CHANNEL), status="sent", now=START)
    assert _settle(stores, "me") == ["comms:1:a", "comms:3:a"]
    assert _settle(stores, "me") == []  # a second replica settling finds nothing left
    row = stores.deliveries.get("comms:1:a", target_key(CHANNEL))
    assert row is not None and (row.status, row.error) == ("unconfirmed", "stopped")
    assert _settle(stores, "silent", prefix="remind:") == []  # a run's own claims are its own
    assert _settle(stores, "me", prefix="remind:") == ["remind:4"]
    # The run that stays alive beats again; after it falls silent, its claim is settled too.
    assert _settle(stores, "me", seconds=0) == ["comms:2:a"]


def test_a_heartbeat_moves_forward(stores: Stores) -> None:
    stores.deliveries.beat("r", START - timedelta(minutes=5))
    claim(stores, "comms:1:a", run="r")
    stores.deliveries.beat("r", START + timedelta(seconds=1))  # alive again: its claim stays
    assert _settle(stores, "me") == []
    row = stores.deliveries.get("comms:1:a", target_key(CHANNEL))
    assert row is not None and row.status == "claimed"
