"""How long LibreOffice takes to convert a register to PDF, as a reader's office suite would.

A register of needs (as `rapport register behov` makes it: a table per status) is rendered the
way the bot writes it now (long tables in parts of CHUNK_ROWS rows, each with its header row)
and the way it was written before (one table per status), and each is converted with
`soffice --headless --convert-to pdf` in a profile of its own. Issue 16's baseline: 6 s for
1 000 rows, 10 000 rows not finished in 15 minutes.

Run: .venv/bin/python bench/libreoffice.py [--rows 1000,10000] [--before-up-to 3000]
(`--before-up-to`: convert the old way only registers up to this many rows; 10 000 rows the
old way took 1 315 s on a busy machine.)
"""

from __future__ import annotations

import argparse
import subprocess
import tempfile
import time
from pathlib import Path

from bench.word import LEAD, FixedClock, fill
from bot.app.build import build
from bot.config import Settings
from bot.domain.model import Kind
from integrations.word import renderer

TIMEOUT = 3_600


def convert(folder: Path, name: str, data: bytes) -> tuple[float, str]:
    source = folder / f"{name}.docx"
    source.write_bytes(data)
    profile = (folder / f"profile-{name}").as_uri()
    start = time.perf_counter()
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=TIMEOUT,
    )
    seconds = time.perf_counter() - start
    info = subprocess.run(
        ["pdfinfo", str(folder / f"{name}.pdf")], capture_output=True, text=True, check=True
    ).stdout
    pages = next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:"))
    return seconds, pages


def load() -> str:
    return Path("/proc/loadavg").read_text().split()[0] if Path("/proc/loadavg").exists() else "?"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", default="1000,10000")
    parser.add_argument("--before-up-to", type=int, default=3_000)
    args = parser.parse_args()
    now_rows = renderer.CHUNK_ROWS
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        for count in (int(part) for part in args.rows.split(",")):
            bot = build(Settings(db_path=folder / f"{count}.db"), clock=FixedClock())
            try:
                fill(bot, count, [Kind.NEED], days=365)
                assert bot.reports is not None
                report = bot.reports.register(LEAD, Kind.NEED, "sv")
                ways = [("now", now_rows)]
                if count <= args.before_up_to:
                    ways.append(("before", 10**9))
                for way, rows in ways:
                    renderer.CHUNK_ROWS = rows
                    data = bot.reports.render(report, "sv")
                    seconds, pages = convert(folder, f"register-{count}-{way}", data)
                    label = f"in parts of {rows} rows" if way == "now" else "one table a status"
                    print(
                        f"  {count:>6} rows, {label:<22} LibreOffice {seconds:7.1f} s, "
                        f"{pages} pages (load average {load()})",
                        flush=True,
                    )
            finally:
                renderer.CHUNK_ROWS = now_rows
                bot.close()
    print("  issue 16's baseline: 1 000 rows 6 s; 10 000 rows not finished in 15 minutes")


if __name__ == "__main__":
    main()
