"""Helpers the tests share: rows in the database, what SQLite has on disk, choices and forms in
the engine's replies and in the web chat's JSON replies, and a need's form values."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.app.build import Bot
    from bot.config import Settings
    from bot.domain.messages import Choice, Reply

BENEFIT_2 = "2. Förbättrade och smartare arbetsformer i det dagliga arbetet"

# A need's form values, all fields valid.
NEED = {
    "title": "Skrivare saknas",
    "description": "Ingen skrivare i korridoren",
    "unit": "Avdelning 5",
    "benefit": "2",
    "priority": "high",
}


# -- the database -------------------------------------------------------------------------


def rows(bot: Bot, table: str = "entries") -> list[dict[str, Any]]:
    return list(bot.db.query(f"SELECT * FROM {table} ORDER BY rowid"))


def stored_bytes(settings: Settings) -> bytes:
    """Everything SQLite has on disk: the database file and its write-ahead log."""
    path = Path(settings.db_path)
    data = b""
    for candidate in (path, path.with_name(path.name + "-wal")):
        if candidate.exists():
            data += candidate.read_bytes()
    assert data, "the database is on disk"
    return data


# -- the engine's replies -----------------------------------------------------------------


def find_choice(replies: list[Reply], label: str) -> Choice:
    """The choice with this label, the latest reply first."""
    for reply in reversed(replies):
        for choice in reply.choices:
            if choice.label == label:
                return choice
    raise AssertionError(f"no choice {label!r} among {labels(replies)}")


def labels(replies: list[Reply]) -> list[str]:
    return [choice.label for reply in replies for choice in reply.choices]


def form_of(replies: list[Reply]) -> dict[str, tuple[str, str]]:
    """name → (value, error) of the form in the replies."""
    form = next(r.form for r in replies if r.form is not None)
    return {f.name: (f.value, f.error) for f in form.fields}


# -- the web chat's JSON replies ----------------------------------------------------------


def text_of(replies: list[dict[str, Any]]) -> str:
    return "\n".join(reply["text"] for reply in replies)


def json_choice(replies: list[dict[str, Any]], label: str) -> dict[str, Any]:
    """The choice with this label, the latest reply first."""
    for reply in reversed(replies):
        for item in reply.get("choices", []):
            if item["label"] == label:
                return dict(item)
    names = [c["label"] for r in replies for c in r.get("choices", [])]
    raise AssertionError(f"no choice {label!r} among {names}")


def json_action(replies: list[dict[str, Any]], label: str) -> dict[str, Any]:
    """The action a click on the choice with this label sends."""
    item = json_choice(replies, label)
    return {"id": item["id"], "value": item.get("value", "")}
