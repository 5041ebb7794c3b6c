"""The patient-number guard measured: formats tried, refused and stored (through the web chat's
API into a real database, then a scan of it), false positives per class of innocent number at
random, and how fast the guard reads text.

Run: .venv/bin/python bench/pii_rates.py [--samples 20000]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.app.build import build  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.domain.messages import Incoming  # noqa: E402
from bot.domain.pii import contains_personal_number, refusal_hint  # noqa: E402
from bot.ports.clock import SystemClock  # noqa: E402
from tests.helpers import stored_bytes  # noqa: E402
from tests.pii_corpus import corpus  # noqa: E402
from tests.test_pii_corpus import leaks  # noqa: E402


def digits(r: random.Random, n: int) -> str:
    return "".join(r.choice("0123456789") for _ in range(n))


def day(r: random.Random) -> date:
    return date(2020, 1, 1) + timedelta(days=r.randrange(3653))


CLASSES: dict[str, Callable[[random.Random], str]] = {
    "mobile 07X-XXX XX XX": lambda r: f"07{r.choice('0236789')}-{digits(r, 3)} {digits(r, 2)} {digits(r, 2)}",
    "mobile 07XXXXXXXX (bare)": lambda r: f"07{r.choice('0236789')}{digits(r, 7)}",
    "mobile 07X-XXXXXXX": lambda r: f"07{r.choice('0236789')}-{digits(r, 7)}",
    "mobile +46 7X XXX XX XX": lambda r: f"+46 7{r.choice('0236789')} {digits(r, 3)} {digits(r, 2)} {digits(r, 2)}",
    "mobile +467XXXXXXXX": lambda r: f"+467{r.choice('0236789')}{digits(r, 7)}",
    "landline 0XX-XXX XX XX": lambda r: f"0{r.choice(['8', '31', '40', '90', '18'])}-{digits(r, 3)} {digits(r, 2)} {digits(r, 2)}",
    "order number, 10 digits": lambda r: digits(r, 10),
    "order number, 12 digits": lambda r: digits(r, 12),
    "order number XXXXXX-XXXX": lambda r: f"{digits(r, 6)}-{digits(r, 4)}",
    "org. number NNNNNN-NNNN": lambda r: f"{r.choice('2589')}{digits(r, 1)}{r.randint(2, 9)}{digits(r, 3)}-{digits(r, 4)}",
    "date and time YYYY-MM-DD HH:MM": lambda r: f"{day(r).isoformat()} {r.randrange(24):02d}:{r.randrange(60):02d}",
    "timestamp YYYYMMDD-HHMM": lambda r: f"{day(r):%Y%m%d}-{r.randrange(24):02d}{r.randrange(60):02d}",
    "timestamp YYYYMMDDHHMM": lambda r: f"{day(r):%Y%m%d}{r.randrange(24):02d}{r.randrange(60):02d}",
    "period YYYY-MM-DD YYYY-MM-DD": lambda r: f"{day(r).isoformat()} {day(r).isoformat()}",
}  # fmt: skip


async def through_the_chat(tmp: Path) -> tuple[int, int, int]:
    """Every corpus format as a need's text, with the format as the message id: refused answers,
    and formats found afterwards in the database file and its -wal."""
    settings = Settings(db_path=tmp / "fvis.db")
    bot = build(settings, clock=SystemClock())
    refused = 0
    formats = corpus()
    for index, (_, number) in enumerate(formats):
        replies = await bot.engine.handle(
            Incoming(
                platform="webchat",
                user_id="anna",
                conversation_id="dm:anna",
                text=f"behov Patienten {number} föll",
                idempotency_key=f"webchat:anna:{number}:{index}",
            )
        )
        refused += any(r.style == "error" and "personnummer" in r.text for r in replies)
    data = stored_bytes(settings).decode("utf-8", "ignore")
    bot.close()
    return len(formats), refused, len(leaks(data))


def rates(samples: int) -> None:
    print(f"\nFalse positives: {samples} random numbers per class (refused / tried)")
    for name, make in CLASSES.items():
        r = random.Random(name)
        texts = [f"Ring {make(r)} i morgon" for _ in range(samples)]
        refused = [t for t in texts if contains_personal_number(t)]
        hinted = sum(refusal_hint(t) is not None for t in refused)
        line = f"  {name:32} {len(refused):6} / {samples}  = {100 * len(refused) / samples:5.2f} %"
        if refused:
            line += f"   ({hinted} of them with a hint how to write it)"
        print(line)


def speed() -> None:
    print("\nGuard speed (one scan of a text)")
    cases = {
        "100 000 chars of Swedish prose": ("Mötet flyttas till torsdag kl. 13.00 på avd 5. " * 2100)[:100_000],
        "100 000 chars, emoji and RTL": ("Långt meddelande med 😀 och שלום. " * 3_000)[:100_000],
        "6 667 phone numbers": "070-123 45 67, " * 6_667,
        "10 000 digit runs": "1212121212 " * 10_000,
        "7 000 personnummer": "19121212-1212 " * 7_000,
        "a 20 000-char chat message": ("Skrivaren på avdelning 5 fungerar inte. " * 500)[:20_000],
    }  # fmt: skip
    for name, text in cases.items():
        start = time.perf_counter()
        contains_personal_number(text)
        print(f"  {name:32} {1000 * (time.perf_counter() - start):7.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--samples", type=int, default=20_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="fvis-pii-") as tmp:
        tried, refused, stored = asyncio.run(through_the_chat(Path(tmp)))
    print(
        f"Patient-number formats (2 test numbers × {tried // 2} ways of writing them): "
        f"tried {tried}, refused {refused}, found stored afterwards {stored}"
    )
    rates(args.samples)
    speed()


if __name__ == "__main__":
    main()
