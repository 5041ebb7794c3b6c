"""Every pasted format of a patient number (tests/pii_corpus.py) through every entry point of the
web chat's API, then a scan of what the bot keeps: the database file and its -wal, the log (the
access log included) and every file it generated.

The scan is independent of the guard: it maps digits of any script to ASCII, drops invisible
characters and XML tags, and looks for the test numbers' ten digits with up to three separator
characters between any two of them.
"""

from __future__ import annotations

import json
import logging
import re
import unicodedata
import zipfile
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from aiohttp import ClientSession
from aiohttp.test_utils import TestServer

from bot.app.build import Bot, web_app
from bot.app.logs import AccessLog, install_redaction
from bot.config import Settings
from tests.helpers import NEED
from tests.pii_corpus import TEST_NUMBERS, corpus

FORMATS = corpus()
CORES = tuple(number[2:] for number in TEST_NUMBERS)  # YYMMDDNNNN: in every format
_TAGS = re.compile(r"<[^>]+>")
_CHUNKS = re.compile(r"[0-9](?:[^0-9A-Za-z]{0,3}[0-9])*")


def _ascii_digits(text: str) -> str:
    out = []
    for char in text:
        digit = unicodedata.decimal(char, None)
        if digit is not None:
            out.append(str(digit))
        elif unicodedata.category(char) in ("Cf", "Mn"):
            continue  # invisible
        else:
            out.append(char)
    return "".join(out)


def leaks(text: str) -> list[str]:
    """The test numbers' digits found in `text`, however they were written."""
    found = []
    for chunk in _CHUNKS.findall(_ascii_digits(text)):
        digits = re.sub(r"[^0-9]", "", chunk)
        found += [core for core in CORES if core in digits]
    return found


def kept_files(settings: Settings, log_file: Path) -> dict[str, str]:
    """Everything the bot wrote, as text: database, -wal, log, generated files (unzipped)."""
    db = Path(settings.db_path)
    texts: dict[str, str] = {}
    for path in (db, db.with_name(db.name + "-wal"), log_file):
        if path.exists():
            texts[path.name] = path.read_bytes().decode("utf-8", "ignore")
    for path in sorted(settings.files_folder.rglob("*")) if settings.files_folder.exists() else []:
        if path.is_file() and zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                for member in archive.namelist():
                    xml = archive.read(member).decode("utf-8", "ignore")
                    texts[f"{path.name}:{member}"] = _TAGS.sub("", xml)
        elif path.is_file():
            texts[path.name] = path.read_bytes().decode("utf-8", "ignore")
    return texts


def test_the_scan_finds_every_format_so_its_silence_means_something() -> None:
    for name, text in FORMATS:
        assert leaks(f"x {text} y"), name
        # A number split over two runs of a Word document, as kept_files reads it.
        assert leaks(_TAGS.sub("", f"<w:t>{text[:4]}</w:t><w:r><w:t>{text[4:]}</w:t>")), name
    assert not leaks("2026-11-25T09:00:00+00:00 070-123 45 67 BEH-1212 SE35 5000 0000 0549")


@pytest.fixture
async def logged(tmp_path: Path) -> AsyncIterator[Path]:
    """Everything logged during the test (DEBUG and up, the access log too) goes to a file."""
    install_redaction()
    path = tmp_path / "fvis.log"
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    yield path
    root.removeHandler(handler)
    root.setLevel(level)
    handler.close()


class Api:
    def __init__(self, session: ClientSession, base: str) -> None:
        self.session = session
        self.base = base
        self.statuses: list[int] = []

    async def post(self, user: str, **body: Any) -> list[dict[str, Any]]:
        data = json.dumps({"user": user, **body}, ensure_ascii=False)
        async with self.session.post(
            f"{self.base}/api/webchat/messages",
            data=data.encode(),
            headers={"Content-Type": "application/json"},
        ) as response:
            self.statuses.append(response.status)
            answer = await response.json()
            return list(answer.get("replies", []))

    async def get(self, path: str, **params: str) -> int:
        async with self.session.get(f"{self.base}{path}", params=params) as response:
            await response.read()
            return response.status


async def test_no_format_through_any_entry_point_is_kept_anywhere(
    bot: Bot, settings: Settings, logged: Path
) -> None:
    server = TestServer(web_app(bot), host="127.0.0.1")
    await server.start_server(access_log_class=AccessLog)
    async with ClientSession() as session:
        api = Api(session, f"http://127.0.0.1:{server.port}")
        await _seed(api)
        for index, (_, number) in enumerate(FORMATS):
            await _everywhere(api, number)
            await _rotating(api, number, index)
        # Files the bot generates, so the scan has them to read.
        for text in ("rapport BEH-1", "rapport register behov", "rapport vecka"):
            replies = await api.post("david", text=text)
            assert any(r.get("file") for r in replies), replies
    await server.close()
    assert 500 not in api.statuses
    texts = kept_files(settings, logged)
    assert {"fvis.db", "fvis.log"} <= set(texts) and any(".docx:" in name for name in texts)
    assert "/api/webchat/inbox" in texts["fvis.log"]  # the access log was written
    found = {name: leaks(text) for name, text in texts.items()}
    assert {name: cores for name, cores in found.items() if cores} == {}


async def _seed(api: Api) -> None:
    form = await _form(api, "anna", "need")
    replies = await api.post("anna", form={"id": form["id"], "values": NEED})
    assert "BEH-1" in replies[0]["text"], replies


async def _form(api: Api, user: str, kind: str) -> dict[str, Any]:
    replies = await api.post(user, action={"id": "intake:form", "value": kind})
    return next(r["form"] for r in replies if r.get("form"))


async def _everywhere(api: Api, number: str) -> None:
    """Entry points every format goes through."""
    await api.post("anna", text=f"behov Patienten {number} föll", id=number)
    await api.post("anna", text="hjälp", id=f"hjälp {number}", locale=number)
    await api.post("anna", action={"id": "say", "value": f"behov {number}"}, id=f"a {number}")
    await api.post("anna", action={"id": f"intake:form:{number}", "value": number})
    await api.post("anna", form={"id": number, "values": {number: number, "title": number}})
    await api.get("/api/webchat/inbox", user=number, after="0", token=number)
    await api.get(f"/api/webchat/files/{number}")
    await api.get("/api/webchat/events", user=number)


async def _rotating(api: Api, number: str, index: int) -> None:
    """The other entry points, each with a share of the formats."""
    step = index % 6
    if step == 0:
        form = await _form(api, "anna", "need")
        values = {**NEED, "description": f"Gäller {number}", "unit": number}
        await api.post("anna", form={"id": form["id"], "values": values})
        await api.post("anna", text=f"kommentera BEH-1 Ring {number}")
    elif step == 1:
        await api.post("david", text=f"beslut B5-R2 fortsätta enligt {number}")
        await api.post("bertil", text=f"tilldela BEH-1 {number}")
    elif step == 2:
        draft = {
            "title": f"Nyhet {number}",
            "body": f"Text om {number}",
            "audiences": "all-staff",
            "channels": "webchat",
            "send_at": "2026-11-30 10:00",
            "recurrence": "none",
        }
        await api.post("cecilia", form={"id": "comms:new", "values": draft})
    elif step == 3:
        await api.post("david", text="milstolpe ny")
        values = {"id": "M-9", "title": f"Klart {number}", "kind": "milestone", "date": number}
        await api.post("david", form={"id": "ms:save", "values": values})
    elif step == 4:
        await api.post("david", text=f"sök {number}")
        await api.post("anna", text=f"påminn mig imorgon kl 9 om {number}")
    else:
        await api.post("david", text=f"rapport {number}")
        await api.post("david", text=f"rapport register behov {number}")
        await api.post("david", text=f"rapport period {number} 2026-11-20")


async def test_no_format_through_slack_is_kept_anywhere(
    tmp_path: Path, clock: Any, monkeypatch: pytest.MonkeyPatch, logged: Path
) -> None:
    """Slack's own entry points, correctly signed: slash command (its trigger_id too), direct
    message (its event id too), message shortcut, a button's value, and a modal's fields."""
    from tests.fakes.slack_payloads import ANNA, GENERAL, im_message, message_shortcut, slack_bot
    from tests.fakes.slack_payloads import view_submission as submission

    async with slack_bot(tmp_path, clock, monkeypatch) as slack:
        for index, (_, number) in enumerate(FORMATS[::4]):
            await slack.command(f"behov Patienten {number} föll", trigger=number)
            await slack.event(im_message(f"behov {number}", ts=f"17800{index}.1"), number)
            shortcut = message_shortcut(
                f"Ring {number}",
                user=ANNA,
                channel=GENERAL,
                message_ts=f"17801{index}.1",
                trigger=f"s {number}",
                response_url=slack.fake.response_url(f"s{index}"),
            )
            await slack.interact(shortcut)
            button = {
                "type": "block_actions",
                "user": {"id": ANNA, "username": "anna", "team_id": "T0FVIS"},
                "trigger_id": f"b {number}",
                "container": {"type": "message", "message_ts": number, "channel_id": "D0ANNA"},
                "channel": {"id": "D0ANNA"},
                "actions": [
                    {
                        "action_id": "fvis:choice",
                        "block_id": number,
                        "type": "button",
                        "value": json.dumps(["say", f"behov {number}"], ensure_ascii=False),
                        "action_ts": "1780000000.1",
                    }
                ],
            }
            await slack.interact(button)
            await slack.command("behov Skrivare saknas", trigger=f"form-{index}")
            values = {"description": number, "unit": f"Avd {number}", "benefit": "2"}
            await slack.interact(submission(slack.opened_view(), values, user=ANNA))
        assert slack.fake.count("views.open") >= len(FORMATS[::4])  # the modals did open
        texts = kept_files(slack.bot.settings, logged)
    found = {name: leaks(text) for name, text in texts.items()}
    assert {name: cores for name, cores in found.items() if cores} == {}


async def test_no_format_through_teams_is_kept_anywhere(
    tmp_path: Path, clock: Any, monkeypatch: pytest.MonkeyPatch, logged: Path
) -> None:
    """Teams, with a token the SDK accepts: a message's text, its activity id and locale, and a
    card's submitted values."""
    from tests.fakes.botframework import teams_world

    async with teams_world(tmp_path, monkeypatch, clock) as world:
        for _, number in FORMATS[::8]:
            message = world.activities.message("anna", f"behov Patienten {number} föll")
            message["id"] = number
            assert (await world.post(message)).status in (200, 201, 202)
            odd_locale = world.activities.message("anna", "hjälp", locale=number)
            await world.post(odd_locale)
            choice = {"fvis": {"t": "choice", "id": "say", "v": f"behov {number}", "q": number}}
            await world.post(world.activities.submit("anna", choice))
            form = {"fvis": {"t": "form", "id": number, "title": number}, "f_title": number}
            await world.post(world.activities.submit("anna", form))
        assert world.connector.posts(), "the bot answered"
        texts = kept_files(world.bot.settings, logged)
    found = {name: leaks(text) for name, text in texts.items()}
    assert {name: cores for name, cores in found.items() if cores} == {}
