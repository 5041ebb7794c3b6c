"""Teams: a burst of 1 000 proactive messages to 100 conversations through the local fake Bot
Framework connector, with the bot's real adapter (Agents SDK, msal token, rate limiter).

Prints the time to drain the burst, the limit breaches the connector counted on arrival (must be
0), and the ratio against the ideal time: the least the limits allow (per conversation 7/s,
8/2 s, 60/30 s, 1 800/h; per app TEAMS_APP_RATE_PER_SECOND, 30/s).

    .venv/bin/python bench/teams.py [--messages 1000] [--conversations 100] [--rate 30]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.domain.messages import Outbound, Target
from bot.ports.clock import SystemClock
from integrations.teams.ratelimit import CONVERSATION_LIMITS
from tests.fakes.botframework import teams_world


class _Env:
    """The one thing teams_world needs of pytest's monkeypatch."""

    def setenv(self, name: str, value: str) -> None:
        os.environ[name] = value


def ideal_seconds(per_conversation: int, conversations: int, app_rate: float) -> float:
    """The least time the sliding windows allow: n sends under `limit per period` need
    floor((n - 1) / limit) full periods; the slowest window decides."""
    total = per_conversation * conversations
    bounds = [((per_conversation - 1) // n) * p for n, p in CONVERSATION_LIMITS]
    bounds.append(((total - 1) // round(app_rate)) * 1.0)
    return max(bounds)


async def run(messages: int, conversations: int, rate: float) -> dict[str, Any]:
    per = messages // conversations
    with tempfile.TemporaryDirectory() as folder:
        async with teams_world(
            Path(folder), _Env(), SystemClock(), app_rate_per_second=rate
        ) as world:
            world.connector.app_rate = round(rate)
            users = [f"user{i:03d}" for i in range(conversations)]
            for user in users:  # each install is met (and greeted): a reference per person
                response = await world.post(world.activities.installed(user))
                assert response.status in (200, 201, 202)
            await asyncio.sleep(2.5)  # let the greetings leave every window but the long ones
            world.connector.received.clear()
            targets = [Target("teams", user_id=f"aad-{u}") for u in users]
            burst = [targets[i % conversations] for i in range(per * conversations)]
            started = time.perf_counter()
            deliveries = await asyncio.gather(
                *(world.bot.notifier.post(t, Outbound(f"nr {i}")) for i, t in enumerate(burst))
            )
            drained = time.perf_counter() - started
            return {
                "sent": sum(d.ok for d in deliveries),
                "failed": sum(not d.ok for d in deliveries),
                "received": len(world.connector.posts()),
                "violations": world.connector.violations(),
                "drain": drained,
                "ideal": ideal_seconds(per, conversations, rate),
            }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--messages", type=int, default=1000)
    parser.add_argument("--conversations", type=int, default=100)
    parser.add_argument("--rate", type=float, default=30.0)
    args = parser.parse_args()
    result = asyncio.run(run(args.messages, args.conversations, args.rate))
    print(
        f"Teams burst: {args.messages} proactive messages to {args.conversations} conversations, "
        f"app limit {args.rate:g}/s"
    )
    print(f"  delivered              {result['sent']} (failed {result['failed']})")
    print(f"  arrived at connector   {result['received']}")
    print(f"  limit violations       {result['violations']}")
    print(f"  time to drain          {result['drain']:.2f} s")
    print(f"  ideal under the limits {result['ideal']:.2f} s")
    print(f"  ratio drain / ideal    {result['drain'] / result['ideal']:.3f}")


if __name__ == "__main__":
    main()
