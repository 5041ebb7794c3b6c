"""Reports in the web chat: the reply links a download on this server, only for files the bot
generated; in Chromium the link downloads a document Word opens. Who may fetch a file when people
sign in: test_webchat_signin.py."""

from __future__ import annotations

import re
import shutil
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from playwright.async_api import Browser, async_playwright, expect

from bot.app.build import Bot, build, web_app
from bot.config import Settings
from tests.test_reports_support import headings, open_docx

Client = TestClient[web.Request, web.Application]
ClientFactory = Callable[[web.Application], Awaitable[Client]]

MESSAGES = "/api/webchat/messages"
FILE_URL = re.compile(r"^/api/webchat/files/[0-9a-f]{32}$")
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


async def ask(client: Client, user: str, text: str) -> dict[str, Any]:
    response = await client.post(MESSAGES, json={"user": user, "text": text})
    assert response.status == 200, await response.text()
    replies = (await response.json())["replies"]
    return dict(replies[-1])


async def test_a_report_reply_links_a_download_of_the_document(
    bot: Bot, aiohttp_client: ClientFactory
) -> None:
    client = await aiohttp_client(web_app(bot))
    reply = await ask(client, "david", "rapport vecka")
    assert reply["style"] == "success"
    file = reply["file"]
    assert set(file) == {"name", "url", "mime"}  # never the server's path
    assert file["name"] == "Statusrapport 2026-v47.docx"
    assert FILE_URL.match(file["url"]), file["url"]

    response = await client.get(file["url"])
    assert response.status == 200
    assert response.headers["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert "filename*=UTF-8''Statusrapport%202026-v47.docx" in disposition
    document = open_docx(await response.read())
    assert ("Title", "Statusrapport vecka 47 2026") in headings(document)

    # Swedish letters in the name: an ASCII fallback and the exact UTF-8 name.
    reply = await ask(client, "david", "rapport register ärenden")
    response = await client.get(reply["file"]["url"])
    disposition = response.headers["Content-Disposition"]
    assert 'filename="Register arenden 2026-11-25.docx"' in disposition
    assert "filename*=UTF-8''Register%20%C3%A4renden%202026-11-25.docx" in disposition


async def test_only_generated_files_by_their_id(
    bot: Bot, aiohttp_client: ClientFactory, tmp_path: Path
) -> None:
    client = await aiohttp_client(web_app(bot))
    secret = tmp_path / "fvis.db"
    assert secret.exists()
    # A file put by hand into the folder under a name that is not an id stays unreachable.
    stray = bot.settings.files_folder / "not-an-id"
    stray.mkdir(parents=True, exist_ok=True)
    (stray / "x.txt").write_text("hemligt")
    for path in (
        "/api/webchat/files/0123456789abcdef0123456789abcdef",
        "/api/webchat/files/not-an-id",
        "/api/webchat/files/..%2F..%2Ffvis.db",
        "/api/webchat/files/..",
        "/api/webchat/files/%2e%2e%2ffvis.db",
    ):
        response = await client.get(path)
        assert response.status == 404, path
        assert "hemligt" not in await response.text()
    response = await client.get("/api/webchat/files/../../fvis.db")
    assert response.status == 404


@pytest.fixture
async def browser() -> AsyncIterator[Browser]:
    async with async_playwright() as playwright:
        instance = await playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield instance
        await instance.close()


async def test_the_page_downloads_the_report_in_chromium(
    browser: Browser, tmp_path: Path, clock: Any
) -> None:
    bot = build(Settings(db_path=tmp_path / "fvis.db"), clock=clock)
    server = TestServer(web_app(bot), host="127.0.0.1")
    await server.start_server()
    try:
        context = await browser.new_context(
            accept_downloads=True, viewport={"width": 1100, "height": 800}
        )
        page = await context.new_page()
        await page.goto(str(server.make_url("/")))
        await page.get_by_test_id("user-picker").select_option("david")
        await page.get_by_test_id("input").fill("rapport beslut")
        await page.get_by_test_id("send").click()
        last = page.get_by_test_id("bot-message").last
        await expect(last).to_contain_text("Här är din rapport: Beslutslogg.")
        link = last.locator("a.file")
        await expect(link).to_have_text(re.compile(r"Beslutslogg 2026-11-25\.docx"))
        await page.screenshot(path=str(tmp_path / "report-link.png"))
        async with page.expect_download() as info:
            await link.click()
        download = await info.value
        assert download.suggested_filename == "Beslutslogg 2026-11-25.docx"
        saved = tmp_path / "downloaded.docx"
        await download.save_as(saved)
        assert ("Title", "Beslutslogg") in headings(open_docx(saved.read_bytes()))
        await context.close()
    finally:
        await server.close()
        bot.close()
