"""Intake and search benchmark: the engine end to end against bare sqlite-utils inserts.

Run: .venv/bin/python bench/intake.py [--entries 10000] [--search-entries 100000] [--profile]
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import pstats
import random
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from bot.app.build import Bot, build
from bot.config import Settings
from bot.domain.ids import new_id
from bot.domain.kinds import title_of
from bot.domain.messages import Action, FormSubmission, Incoming, Reply
from bot.domain.model import Change, Entry, Kind
from bot.ports.clock import SystemClock
from storage.sqlite.database import open_database
from storage.sqlite.entries import SqliteEntryRepository, fts_query

THINGS = ["skrivare", "etikettskrivare", "streckkodsläsare", "extra skärm", "headset",
          "behörighet till läkemedelsmodulen", "mall för utskrivningsmeddelande",
          "utbildning i journalsystemet", "översikt över lediga vårdplatser",
          "inloggning med SITHS-kort", "mobil åtkomst till journalen", "stöd för tolkbokning",
          "digital överrapportering", "snabbkommando för vitalparametrar"]  # fmt: skip
PLACES = ["avdelning 5", "akutmottagningen", "BB", "operation", "vårdcentralen Ålidhem", "IVA",
          "hälsocentralen i Lycksele", "röntgen", "barnkliniken", "geriatriken",
          "Skellefteå lasarett", "Umeå universitetssjukhus"]  # fmt: skip
SYSTEMS = ["journalsystemet", "Cosmic", "läkemedelsmodulen", "beställningsmodulen",
           "planeringsvyn", "1177-integrationen", "provsvarsvyn"]  # fmt: skip
GROUPS = ["undersköterskor", "nattpersonalen", "sekreterare", "ST-läkare", "fysioterapeuter"]
TITLES = ["Behöver {thing} på {place}", "Saknar {thing} i {system}", "Vill ha {thing} på {place}",
          "{system} är långsamt på {place}", "Önskar bättre {thing} för {group}"]  # fmt: skip
SENTENCES = [
    "Idag skriver vi ut remisser för hand och det tar ungefär tjugo minuter per pass.",
    "När {system} hänger måste vi starta om och logga in igen med kortet.",
    "Det vore en stor hjälp om vi kunde se {thing} direkt i översikten.",
    "Vi har pratat med enhetschefen som tycker att det är värt att lyfta.",
    "Nattetid är vi bara två sköterskor och då blir varje extra klick märkbart.",
    "Patienterna frågar ofta varför det dröjer, och vi har inget bra svar.",
    "Kollegorna på {place} har samma problem sedan förra uppdateringen.",
    "Förslag: lägg till en knapp i {system} som öppnar {thing} med ett klick.",
    "Ring gärna mig på 090-785 12 34 om något är oklart.",
    "Det gäller framför allt morgonronden mellan 07:30 och 09:00.",
    "Jag anmälde det till IT-supporten förra veckan (ärendenummer 48213).",
    "Vi uppskattar att det skulle spara minst en timme per dag för {group}.",
    "Åtgärden påverkar även sekreterarnas arbete med kallelser och återbud.",
    "Rutinen är inte förankrad hos alla, så en kort utbildning behövs också.",
    "Det känns osäkert att dubbeldokumentera på papper och i {system}.",
    "Önskemålet kom upp på arbetsplatsträffen den 12 november.",
    "Efter bytet av nätverksskrivare försvinner utskrifter ibland helt.",
    "Tack för att ni tar emot synpunkter på det här sättet!",
]
EMOJI = ["🙏", "👍", "😅", "🏥", "💊", "⚠️", "👩‍⚕️", "🇸🇪", "📋", "❤️"]
RARE = "strålskyddsinstruktion"  # planted in about one entry in a thousand
USERS = ["anna", "omar", "bertil", "david", *(f"personal{i}" for i in range(40))]
QUERIES = {"common": "patienterna", "rare": RARE, "prefix": "skriv",
           "two words": "skrivare avdelning", "no hits": "xylofonkonsert"}  # fmt: skip


class Text:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def fill(self, template: str) -> str:
        r = self.rng
        return template.format(thing=r.choice(THINGS), place=r.choice(PLACES),
                               system=r.choice(SYSTEMS), group=r.choice(GROUPS))  # fmt: skip

    def need(self) -> dict[str, str]:
        r = self.rng
        size = r.choices([(40, 200), (200, 600), (900, 1000)], weights=[6, 3, 1])[0]
        target, parts = r.randint(*size), []
        while sum(len(p) + 1 for p in parts) < target:
            parts.append(self.fill(r.choice(SENTENCES)))
            if r.random() < 0.08:
                parts.append(r.choice(EMOJI))
        if r.random() < 0.001:
            parts.append(f"Se även {RARE}.")
        title = self.fill(r.choice(TITLES)) + (f" {r.choice(EMOJI)}" if r.random() < 0.1 else "")
        return {"title": title, "description": " ".join(parts)[:1000],
                "unit": r.choice(PLACES).capitalize(), "benefit": str(r.randint(1, 5)),
                "priority": r.choice(["low", "medium", "high"])}  # fmt: skip


def incoming(user: str, **kwargs: Any) -> Incoming:
    return Incoming(platform="webchat", user_id=user, user_name=user, conversation_id=f"dm:{user}", **kwargs)  # fmt: skip


def stats(samples: list[float]) -> tuple[float, float, float]:
    s = sorted(samples)
    pick: Callable[[float], float] = lambda q: s[min(len(s) - 1, round(q * (len(s) - 1)))] * 1000  # noqa: E731
    return pick(0.5), pick(0.99), s[-1] * 1000


def saved(replies: list[Reply]) -> bool:
    return any(reply.style == "success" for reply in replies)


async def past_similar(bot: Bot, user: str, replies: list[Reply], lat: list[float]) -> list[Reply]:
    """Answer an offer of similar entries as a reporter with a new case does: Nej, spara som nytt."""
    offer = next((c for r in replies for c in r.choices if c.id == "intake:new"), None)
    if offer is None:
        return replies
    t0 = time.perf_counter()
    replies = await bot.engine.handle(incoming(user, action=Action(offer.id, offer.value)))
    lat.append(time.perf_counter() - t0)
    return replies


async def intake_forms(bot: Bot, n: int, profiler: cProfile.Profile | None) -> tuple[float, list[float]]:  # fmt: skip
    text, lat = Text(1), []
    items = [(USERS[i % len(USERS)], text.need()) for i in range(n)]
    start = time.perf_counter()
    if profiler:
        profiler.enable()
    for user, values in items:
        form = FormSubmission(f"intake:need:{new_id()}", values)
        t0 = time.perf_counter()
        replies = await bot.engine.handle(incoming(user, form=form))
        lat.append(time.perf_counter() - t0)
        replies = await past_similar(bot, user, replies, lat)
        assert saved(replies), replies
    if profiler:
        profiler.disable()
    return time.perf_counter() - start, lat


def answer(replies: list[Reply], values: dict[str, str]) -> dict[str, Any]:
    """The next step of a reporter in the dialogue: a new case, this entry's option, then Spara."""
    choices = [choice for reply in replies for choice in reply.choices]
    for wanted in ("intake:save", "intake:new"):
        found = next((c for c in choices if c.id == wanted), None)
        if found:
            return {"action": Action(found.id, found.value)}
    options = [c for c in choices if c.id.startswith("intake:opt:")]
    if options:  # intake:opt:<field>[:<dialogue>]
        field = options[0].id.split(":")[2]
        pick = next((c for c in options if c.value == values.get(field)), options[0])
        return {"action": Action(pick.id, pick.value)}
    return {"text": values["unit"]}  # the one free-text question left after a rich first sentence


async def intake_dialogue(bot: Bot, n: int) -> tuple[float, list[float]]:
    text, lat = Text(2), []
    total = 0.0
    for i in range(n):
        user, values = USERS[i % len(USERS)], text.need()
        step: dict[str, Any] = {"text": f"behov {values['title']}"}
        first = len(lat)
        for _ in range(12):  # a dialogue needing more turns than this is a failure, not a figure
            t0 = time.perf_counter()
            replies = await bot.engine.handle(incoming(user, **step))
            lat.append(time.perf_counter() - t0)
            if saved(replies):
                break
            step = answer(replies, values)
        total += sum(lat[first:])
        assert saved(replies), replies
    return total, lat


def baseline(path: Path, rows: list[dict[str, Any]], schema: bool) -> tuple[float, list[float]]:
    if schema:  # the app's schema: indexes and FTS triggers
        db = open_database(path)
    else:
        db = Database(str(path))
        db.enable_wal()
        db.execute("PRAGMA synchronous = FULL")
    table, lat = db.table("entries"), []
    start = time.perf_counter()
    for row in rows:
        t0 = time.perf_counter()
        table.insert(row)
        lat.append(time.perf_counter() - t0)
    elapsed = time.perf_counter() - start
    db.conn.close()
    return elapsed, lat


def fill(path: Path, n: int) -> float:
    db, text = open_database(path), Text(3)
    repo, start = SqliteEntryRepository(db, SystemClock()), time.perf_counter()
    with db.atomic():
        for i in range(n):
            user, values = USERS[i % len(USERS)], text.need()
            now = datetime.now(UTC)
            entry = Entry(kind=Kind.NEED, title=title_of(Kind.NEED, values), fields=values,
                          reporter_platform="webchat", reporter_id=user, reporter_name=user,
                          source_platform="webchat", source_channel=f"dm:{user}", created_at=now,
                          history=[Change(f"webchat:{user}", user, "status", "", "new", now)])  # fmt: skip
            repo.create(entry, dedupe_key=uuid.uuid4().hex)
    elapsed = time.perf_counter() - start
    indexed = db.execute("SELECT COUNT(*) FROM entries_fts").fetchone()[0]
    assert indexed == n, f"FTS holds {indexed} of {n} rows"
    db.conn.close()
    return elapsed


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--dialogue-entries", type=int, default=1_000)
    parser.add_argument("--search-entries", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--profile", action="store_true", help="cProfile the form intake")
    args = parser.parse_args()
    rows: list[tuple[str, int, float, list[float]]] = []
    profiler = cProfile.Profile() if args.profile else None
    with tempfile.TemporaryDirectory(prefix="fvis-bench-") as tmp:
        work = Path(tmp)
        bot = build(Settings(db_path=work / "intake.db"))
        mode = bot.db.execute("PRAGMA journal_mode").fetchone()[0]
        sync = bot.db.execute("PRAGMA synchronous").fetchone()[0]
        print(f"SQLite file in {work} (journal_mode={mode}, synchronous={sync})")
        elapsed, lat = await intake_forms(bot, args.entries, profiler)
        rows.append(("engine: form submission", args.entries, elapsed, lat))
        entry_rows = [{k: v for k, v in r.items() if k != "id"} for r in bot.db.query("SELECT * FROM entries ORDER BY id")]  # fmt: skip
        bot.close()
        bot = build(Settings(db_path=work / "dialogue.db"))
        elapsed, lat = await intake_dialogue(bot, args.dialogue_entries)
        rows.append(("engine: dialogue, per message", len(lat), elapsed, lat))
        rows.append(("engine: dialogue, per entry", args.dialogue_entries, elapsed, []))
        bot.close()
        for schema in (False, True):
            name = "baseline.db" if not schema else "baseline-schema.db"
            elapsed, lat = baseline(work / name, entry_rows, schema)
            label = "sqlite-utils insert, app schema" if schema else "sqlite-utils insert, bare"
            rows.append((label, len(entry_rows), elapsed, lat))
        print(f"Filling {args.search_entries} entries for search …", flush=True)
        fill_time = fill(work / "search.db", args.search_entries)
        print(f"  filled in {fill_time:.1f} s ({args.search_entries / fill_time:,.0f} entries/s)")
        bot = build(Settings(db_path=work / "search.db"))
        for label, query in QUERIES.items():
            hits = bot.db.execute("SELECT COUNT(*) FROM entries_fts WHERE entries_fts MATCH ?", [fts_query(query)]).fetchone()[0]  # fmt: skip
            for user in ("bertil", "anna"):
                message = incoming(user, text=f"sök {query}")
                for _ in range(3):  # warm the page cache
                    await bot.engine.handle(message)
                lat = []
                for _ in range(args.repeat):
                    t0 = time.perf_counter()
                    await bot.engine.handle(message)
                    lat.append(time.perf_counter() - t0)
                rows.append((f"sök {label} '{query}' ({hits} in FTS) as {user}", len(lat), sum(lat), lat))  # fmt: skip
        bot.close()
    print(f"\n{'measurement':<58} {'n':>7} {'per s':>9} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}")
    for label, n, elapsed, lat in rows:
        shown = "".join(f"{v:>9.2f}" for v in stats(lat)) if lat else f"{'–':>9}" * 3
        print(f"{label:<58} {n:>7} {n / elapsed:>9,.1f}{shown}")
    engine_rate, bare_rate = rows[0][1] / rows[0][2], rows[3][1] / rows[3][2]
    schema_rate = rows[4][1] / rows[4][2]
    print(f"\nengine is {bare_rate / engine_rate:.1f}× slower than bare sqlite-utils inserts")
    print(f"engine is {schema_rate / engine_rate:.1f}× slower than sqlite-utils inserts into the app schema")  # fmt: skip
    if profiler:
        print("\ncProfile of the form intake (top 25 by own time):")
        pstats.Stats(profiler).sort_stats("tottime").print_stats(25)


if __name__ == "__main__":
    asyncio.run(main())
