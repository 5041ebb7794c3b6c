"""Budget and forecast read from a file the finance office keeps (FVIS_BUDGET_FILE): a CSV as
Excel saves it (semicolon or comma), one row per line of the budget, for example

    Post;Budget (tkr);Utfall (tkr);Prognos (tkr)
    Personal;120 000;81 500;118 000
    Licenser;60 000;42 000;63 500

Columns are found by name (post/rad/label, budget, utfall/outcome/actual, prognos/forecast);
"(tkr)" or "(mnkr)" in a column's name gives its unit. The report names the file and the time
it was last changed."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime
from pathlib import Path

from bot.ports.reports import BudgetFigures, BudgetLine

_NAMES = {
    "label": ("post", "rad", "label", "line", "kostnadsslag"),
    "budget": ("budget",),
    "outcome": ("utfall", "outcome", "actual"),
    "forecast": ("prognos", "forecast"),
}


class BudgetFileError(ValueError):
    """The file cannot be read as budget figures; the message says why."""


def _column(header: list[str], names: tuple[str, ...]) -> tuple[int, int] | None:
    for index, title in enumerate(header):
        word = title.strip().casefold()
        if any(word.startswith(name) for name in names):
            unit = 1_000_000 if "mnkr" in word else 1_000 if "tkr" in word else 1
            return index, unit
    return None


def _amount(text: str, unit: int) -> int | None:
    cleaned = text.replace("\u00a0", "").replace(" ", "").replace(",", ".").strip()
    if not cleaned or cleaned in ("-", "–"):
        return None
    try:
        return round(float(cleaned) * unit)
    except ValueError:
        raise BudgetFileError(f"not an amount: {text!r}") from None


class CsvBudgetSource:
    def __init__(self, path: Path) -> None:
        self.path = path

    def figures(self) -> BudgetFigures | None:
        try:
            raw = self.path.read_bytes()
            changed = datetime.fromtimestamp(self.path.stat().st_mtime, UTC)
        except OSError:
            return None
        text = raw.decode("utf-8-sig", errors="replace")
        dialect = ";" if text.count(";") >= text.count(",") else ","
        rows = [row for row in csv.reader(io.StringIO(text), delimiter=dialect) if any(row)]
        if not rows:
            return None
        header = rows[0]
        columns = {key: _column(header, names) for key, names in _NAMES.items()}
        if columns["budget"] is None and columns["forecast"] is None:
            raise BudgetFileError(f"{self.path.name}: no column named budget or prognos")

        def value(row: list[str], key: str) -> int | None:
            found = columns[key]
            if found is None or found[0] >= len(row):
                return None
            return _amount(row[found[0]], found[1])

        lines = []
        for row in rows[1:]:
            label_column = columns["label"]
            label = (
                row[label_column[0]].strip() if label_column and label_column[0] < len(row) else ""
            )
            lines.append(
                BudgetLine(
                    label, value(row, "budget"), value(row, "outcome"), value(row, "forecast")
                )
            )
        return BudgetFigures(tuple(lines), self.path.name, "", changed)
