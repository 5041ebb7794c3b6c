"""Nothing lost: the real `fvis-bot run`, killed with SIGKILL, keeps entries and dialogues."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.helpers import json_action, text_of

START_TIMEOUT = 30.0
REQUEST_TIMEOUT = 15.0
CLI_TIMEOUT = 60.0

NEED = {
    "title": "Etikettskrivare saknas på avdelning 5 – ”akut”",
    "description": "Vi skriver etiketter för hand till proverna varje morgon.",
    "unit": "Avdelning 5",
    "benefit": "2",
    "priority": "high",
}

# No proxy from the environment: every request goes straight to the loopback address.
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def environment(db_path: Path, port: int) -> dict[str, str]:
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("FVIS_", "SLACK_", "TEAMS_", "GRAPH_", "MICROSOFT_"))
    }
    env.update(
        FVIS_HOST="127.0.0.1",
        FVIS_PORT=str(port),
        FVIS_DB_PATH=str(db_path),
        FVIS_LOG_LEVEL="WARNING",
        PYTHONUNBUFFERED="1",
    )
    return env


@dataclass
class RunningBot:
    process: subprocess.Popen[bytes]
    port: int
    log: Path

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def post(self, user: str, **body: Any) -> list[dict[str, Any]]:
        data = json.dumps({"user": user, **body}).encode("utf-8")
        request = urllib.request.Request(
            self.url("/api/webchat/messages"),
            data=data,
            headers={"Content-Type": "application/json"},
            method="POST",
        )
        with OPENER.open(request, timeout=REQUEST_TIMEOUT) as response:
            assert response.status == 200
            return list(json.loads(response.read().decode("utf-8"))["replies"])

    def kill9(self) -> None:
        os.kill(self.process.pid, signal.SIGKILL)
        assert self.process.wait(timeout=REQUEST_TIMEOUT) == -signal.SIGKILL


def wait_for_health(bot: RunningBot) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if bot.process.poll() is not None:
            raise AssertionError(
                f"fvis-bot run exited with {bot.process.returncode}:\n{bot.log.read_text()}"
            )
        try:
            with OPENER.open(bot.url("/health"), timeout=2) as response:
                if response.status == 200 and json.loads(response.read())["status"] == "ok":
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.1)
    raise AssertionError(f"no /health within {START_TIMEOUT} s:\n{bot.log.read_text()}")


@contextmanager
def running_bot(tmp_path: Path, db_path: Path, name: str) -> Iterator[RunningBot]:
    port = free_port()
    log = tmp_path / f"{name}.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "bot", "run"],
            cwd=tmp_path,
            env=environment(db_path, port),
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    bot = RunningBot(process, port, log)
    try:
        wait_for_health(bot)
        yield bot
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=REQUEST_TIMEOUT)


def cli(tmp_path: Path, db_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=tmp_path,
        env=environment(db_path, free_port()),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=CLI_TIMEOUT,
        check=False,
    )


def test_acknowledged_entry_survives_kill_9(tmp_path: Path) -> None:
    db_path = tmp_path / "data" / "fvis.db"
    with running_bot(tmp_path, db_path, "first") as bot:
        replies = bot.post("anna", text="behov")
        assert "rubrik" in text_of(replies)
        replies = bot.post("anna", action={"id": "intake:form", "value": "need"})
        form = next(reply["form"] for reply in replies if reply.get("form"))
        assert form["id"].startswith("intake:need:")
        assert {field["name"] for field in form["fields"]} == set(NEED)
        replies = bot.post("anna", form={"id": form["id"], "values": NEED})
        assert "Sparat som BEH-1" in text_of(replies)
        # Acknowledged: the very next thing is the power cut.
        bot.kill9()

    with running_bot(tmp_path, db_path, "second") as bot:
        shown = cli(tmp_path, db_path, "entries", "show", "BEH-1", "--json")
        assert shown.returncode == 0, shown.stderr
        entry = json.loads(shown.stdout)
        assert entry["ref"] == "BEH-1"
        assert entry["title"] == NEED["title"]
        assert entry["fields"] == NEED
        assert entry["reporter"]["id"] == "anna"
        # The restarted bot serves it too, and the resubmitted form makes no second entry.
        assert f"BEH-1 · Ny · {NEED['title']}" in text_of(bot.post("anna", text="lista mina"))
        again = bot.post("anna", form={"id": form["id"], "values": NEED})
        assert "redan sparat som BEH-1" in text_of(again)
        listed = cli(tmp_path, db_path, "entries", "list", "--json")
        assert listed.returncode == 0, listed.stderr
        assert json.loads(listed.stdout)["total"] == 1


def test_dialogue_in_progress_survives_kill_9(tmp_path: Path) -> None:
    db_path = tmp_path / "fvis.db"
    with running_bot(tmp_path, db_path, "first") as bot:
        assert "rubrik" in text_of(bot.post("anna", text="behov"))
        replies = bot.post("anna", text=NEED["title"])
        assert "enhet" in text_of(replies)
        bot.kill9()

    with running_bot(tmp_path, db_path, "second") as bot:
        # The answer to the question asked before the kill is taken as that answer.
        replies = bot.post("anna", text=NEED["unit"])
        assert "nyttoobjekt" in text_of(replies)
        assert "avbröts" not in text_of(replies)  # not treated as an expired dialogue
        bot.kill9()

    with running_bot(tmp_path, db_path, "third") as bot:
        replies = bot.post("anna", text="2")  # the benefit objective, typed as its number
        assert "Stämmer det här?" in text_of(replies)
        replies = bot.post("anna", text=f"beskrivning {NEED['description']}")
        replies = bot.post("anna", action=json_action(replies, "Prioritet: hög"))
        assert NEED["title"] in text_of(replies)
        assert NEED["description"] in text_of(replies)
        assert NEED["unit"] in text_of(replies)
        replies = bot.post("anna", action=json_action(replies, "Spara"))
        assert "Sparat som BEH-1" in text_of(replies)
        bot.kill9()

    shown = cli(tmp_path, db_path, "entries", "show", "BEH-1", "--json")
    assert shown.returncode == 0, shown.stderr
    entry = json.loads(shown.stdout)
    assert entry["title"] == NEED["title"]
    assert entry["fields"] == NEED
