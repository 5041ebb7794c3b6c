"""Slack acknowledgement benchmark: signed /fvis requests over HTTP at 50 concurrent clients.

The running bot (build + web_app, HTTP mode, its work after the ack included) against a bare
Bolt AsyncApp that only acks, in the same run. Three processes so that none measures another's
work: the fake Slack Web API, the two servers, and this load generator.

Run: .venv/bin/python bench/slack_ack.py [--requests 2000] [--clients 50] [--rounds 6]
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import aiohttp
from aiohttp import web

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SECRET = "bench-signing-secret"
TEXTS = ("hjälp", "lista mina", "behov Vi saknar skrivare på avd 5", "visa BEH-1")


def _fake_slack(ports: Any, stop: Any, answered: Any) -> None:
    from tests.fakes.slack_api import FakeSlack

    class CountingSlack(FakeSlack):
        """Counts the answers people would see: an ephemeral response or an opened modal."""

        async def _respond(self, request: web.Request) -> web.Response:
            answered.value += 1
            return await super()._respond(request)

        def m_views_open(self, params: dict[str, Any], token: str) -> dict[str, Any]:
            answered.value += 1
            return super().m_views_open(params, token)

    async def main() -> None:
        fake = await CountingSlack().start()
        for n in range(100):
            fake.add_user(f"U{n:04d}", f"Person {n}", "sv-SE")
        ports.put(fake.port)
        while not stop.is_set():
            await asyncio.sleep(0.1)
            fake.calls.clear()  # keep memory flat over a long run
            fake.responses.clear()
        await fake.stop()

    asyncio.run(main())


def _servers(api_url: str, ports: Any, stop: Any) -> None:
    from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
    from slack_bolt.async_app import AsyncAck, AsyncApp
    from slack_sdk.web.async_client import AsyncWebClient

    from bot.app.build import build, web_app
    from bot.config import Settings

    os.environ.update(
        {
            "SLACK_BOT_TOKEN": "xoxb-bench",
            "SLACK_SIGNING_SECRET": SECRET,
            "SLACK_API_URL": api_url,
        }
    )

    async def main() -> None:
        folder = tempfile.mkdtemp(prefix="fvis-bench-")
        bot = build(Settings(db_path=Path(folder) / "fvis.db"))
        app_runner = web.AppRunner(web_app(bot), access_log=None)
        await app_runner.setup()
        await web.TCPSite(app_runner, "127.0.0.1", 0).start()

        bare = AsyncApp(
            client=AsyncWebClient(token="xoxb-bench", base_url=api_url),
            signing_secret=SECRET,
            name="bare",
        )

        @bare.command("/fvis")
        async def only_ack(ack: AsyncAck) -> None:
            await ack()

        async def bare_events(request: web.Request) -> web.Response:
            return await to_aiohttp_response(
                await bare.async_dispatch(await to_bolt_request(request))
            )

        bare_web = web.Application()
        bare_web.router.add_post("/slack/events", bare_events)
        bare_runner = web.AppRunner(bare_web, access_log=None)
        await bare_runner.setup()
        await web.TCPSite(bare_runner, "127.0.0.1", 0).start()

        ports.put((app_runner.addresses[0][1], bare_runner.addresses[0][1]))
        while not stop.is_set():
            await asyncio.sleep(0.1)
        adapter = bot.adapter("slack")
        await adapter.drain(timeout=30)
        await bare_runner.cleanup()
        await app_runner.cleanup()
        bot.close()

    asyncio.run(main())


def _body(n: int, response_url: str) -> str:
    return urlencode(
        {
            "token": "legacy",
            "team_id": "T0FVIS",
            "team_domain": "fvis",
            "channel_id": "C0GENERAL",
            "channel_name": "allmänt",
            "user_id": f"U{n % 100:04d}",
            "user_name": f"person{n % 100}",
            "command": "/fvis",
            "text": TEXTS[n % len(TEXTS)],
            "api_app_id": "A0FVIS",
            "response_url": response_url,
            "trigger_id": f"bench-{n}-{time.time_ns()}",
        }
    )


async def _load(
    url: str, requests: int, clients: int, api_base: str, answered: Any = None
) -> dict[str, float]:
    from slack_sdk.signature import SignatureVerifier

    verifier = SignatureVerifier(SECRET)
    latencies: list[float] = []
    failures = 0
    queue: asyncio.Queue[int] = asyncio.Queue()
    for n in range(requests):
        queue.put_nowait(n)

    async def client(session: aiohttp.ClientSession) -> None:
        nonlocal failures
        while True:
            try:
                n = queue.get_nowait()
            except asyncio.QueueEmpty:
                return
            body = _body(n, f"{api_base}/respond/bench-{n}")
            stamp = str(int(time.time()))
            headers = {
                "Content-Type": "application/x-www-form-urlencoded",
                "X-Slack-Request-Timestamp": stamp,
                "X-Slack-Signature": verifier.generate_signature(timestamp=stamp, body=body),
            }
            started = time.perf_counter()
            async with session.post(url, data=body.encode(), headers=headers) as response:
                await response.read()
                if response.status != 200:
                    failures += 1
            latencies.append(time.perf_counter() - started)

    connector = aiohttp.TCPConnector(limit=clients)
    async with aiohttp.ClientSession(connector=connector) as session:
        started = time.perf_counter()
        before = answered.value if answered is not None else 0
        await asyncio.gather(*(client(session) for _ in range(clients)))
        wall = time.perf_counter() - started
        # The work after the ack: until every request's answer reached (fake) Slack.
        while answered is not None and answered.value - before < requests:
            if time.perf_counter() - started > wall + 120:
                break
            await asyncio.sleep(0.005)
        done = time.perf_counter() - started
        delivered = answered.value - before if answered is not None else 0
    latencies.sort()
    return {
        "p50_ms": statistics.median(latencies) * 1000,
        "p99_ms": latencies[int(len(latencies) * 0.99) - 1] * 1000,
        "rps": requests / wall,
        "answered_rps": requests / done if answered is not None else 0.0,
        "delivered": delivered,
        "failures": failures,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--clients", type=int, default=50)
    # The p99 of 2 000 requests is the 20th slowest: one stall of a shared machine moves it
    # by half. The median over six rounds holds still (two rounds swung from x0.5 to x1.7).
    parser.add_argument("--rounds", type=int, default=6)
    args = parser.parse_args()

    context = multiprocessing.get_context("spawn")
    stop = context.Event()
    answered = context.Value("q", 0)
    fake_ports, server_ports = context.Queue(), context.Queue()
    fake = context.Process(target=_fake_slack, args=(fake_ports, stop, answered))
    fake.start()
    fake_port = fake_ports.get(timeout=30)
    api_base = f"http://127.0.0.1:{fake_port}"
    servers = context.Process(target=_servers, args=(f"{api_base}/api/", server_ports, stop))
    servers.start()
    app_port, bare_port = server_ports.get(timeout=60)
    try:
        results: dict[str, list[dict[str, float]]] = {"bare": [], "app": []}

        async def run() -> None:
            # Warm both (Bolt's auth.test, imports, SQLite pages) before measuring.
            for port, counter in ((bare_port, None), (app_port, answered)):
                url = f"http://127.0.0.1:{port}/slack/events"
                await _load(url, 200, args.clients, api_base, counter)
            for _ in range(args.rounds):
                for name, port in (("bare", bare_port), ("app", app_port)):
                    # Both servers share a process: what the bot still does after its last
                    # answer (records, a collection of its garbage) must not land in the bare
                    # app's round.
                    await asyncio.sleep(2)
                    url = f"http://127.0.0.1:{port}/slack/events"
                    counter = answered if name == "app" else None
                    results[name].append(
                        await _load(url, args.requests, args.clients, api_base, counter)
                    )

        asyncio.run(run())
    finally:
        stop.set()
        servers.join(timeout=60)
        fake.join(timeout=30)

    print(
        f"Slack ack benchmark: {args.requests} signed /fvis requests × {args.rounds} rounds, "
        f"{args.clients} concurrent clients, texts {', '.join(TEXTS)}"
    )
    print("  (answered/s: requests per second until every answer reached the fake Slack)")
    summary = {}
    for name, label in (("bare", "bare Bolt app (ack only)"), ("app", "fvis-bot (HTTP mode)")):
        rounds = results[name]
        p50 = statistics.median(r["p50_ms"] for r in rounds)
        p99 = statistics.median(r["p99_ms"] for r in rounds)
        rps = statistics.median(r["rps"] for r in rounds)
        failures = sum(int(r["failures"]) for r in rounds)
        summary[name] = (p50, p99, rps)
        answered_rps = statistics.median(r["answered_rps"] for r in rounds)
        delivered = sum(int(r["delivered"]) for r in rounds)
        tail = (
            f"   answered {answered_rps:5.0f}/s, {delivered} of {len(rounds) * args.requests}"
            if name == "app"
            else ""
        )
        print(
            f"  {label:26s} p50 {p50:7.1f} ms   p99 {p99:7.1f} ms   "
            f"{rps:7.0f} req/s   non-200: {failures}{tail}"
        )
    (b50, b99, brps), (a50, a99, arps) = summary["bare"], summary["app"]
    print(
        f"  ratio fvis-bot / bare:     p50 ×{a50 / b50:.2f}   p99 ×{a99 / b99:.2f}   "
        f"throughput ×{arps / brps:.2f}"
    )


if __name__ == "__main__":
    main()
