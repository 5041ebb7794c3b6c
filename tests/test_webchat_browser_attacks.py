"""Cross-site attacks on the web chat from a real Chromium page on another origin.

The attacker's site is a second local server, reached as http://evil.test:PORT (Chromium maps
the name to 127.0.0.1), so the browser treats it as any foreign site: it sends the forms and
no-cors fetches it allows such a page, and for DNS rebinding it opens the bot under the
attacker's name.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer
from playwright.async_api import Browser, async_playwright

from bot.app.build import Bot, web_app
from bot.domain.model import Kind
from tests.conftest import Chat
from tests.helpers import NEED, rows
from tests.test_webchat_browser import ARGS, CHROMIUM

ATTACKER = "evil.test"


@pytest.fixture
async def browser() -> AsyncIterator[Browser]:
    args = [*ARGS, f"--host-resolver-rules=MAP {ATTACKER} 127.0.0.1"]
    async with async_playwright() as playwright:
        instance = await playwright.chromium.launch(executable_path=CHROMIUM, args=args)
        yield instance
        await instance.close()


@pytest.fixture
async def server(bot: Bot) -> AsyncIterator[TestServer]:
    test_server = TestServer(web_app(bot), host="127.0.0.1")
    await test_server.start_server()
    yield test_server
    await test_server.close()


def _attack_pages(bot_url: str) -> web.Application:
    target = f"{bot_url}/api/webchat/messages"
    # A text/plain form whose one name=value pair reads as JSON: {"user":…,"x":"="}
    name = json.dumps({"user": "bertil", "text": "status BEH-1 stängd", "x": ""})[:-2]
    form = f"""<!doctype html><form id=f method=POST action="{target}" enctype="text/plain">
<input name='{name}' value='"}}'></form><script>document.getElementById('f').submit()</script>"""
    body = json.dumps({"user": "anna", "text": "behov Skapad från en annan webbplats"})
    script = f"""<!doctype html><script>
window.results = [];
async function attack() {{
  try {{
    const r = await fetch({json.dumps(target)}, {{method: 'POST', mode: 'no-cors',
      credentials: 'include', headers: {{'Content-Type': 'text/plain'}}, body: {json.dumps(body)}}});
    window.results.push('no-cors:' + r.type);
  }} catch (e) {{ window.results.push('no-cors:failed'); }}
  try {{
    await fetch({json.dumps(target)}, {{method: 'POST', credentials: 'include',
      headers: {{'Content-Type': 'application/json'}}, body: {json.dumps(body)}}});
    window.results.push('cors:answered');
  }} catch (e) {{ window.results.push('cors:blocked'); }}
  window.done = true;
}}
attack();
</script>"""

    async def page(request: web.Request) -> web.Response:
        html = form if request.path == "/form" else script
        return web.Response(text=html, content_type="text/html")

    app = web.Application()
    app.router.add_get("/form", page)
    app.router.add_get("/fetch", page)
    return app


@pytest.fixture
async def attacker(server: TestServer) -> AsyncIterator[TestServer]:
    bot_url = f"http://127.0.0.1:{server.port}"
    test_server = TestServer(_attack_pages(bot_url), host="127.0.0.1")
    await test_server.start_server()
    yield test_server
    await test_server.close()


async def test_a_text_plain_form_on_another_site_changes_nothing(
    browser: Browser, server: TestServer, attacker: TestServer, bot: Bot, chat: Any
) -> None:
    anna: Chat = chat("anna")
    assert await anna.log("need", NEED) == "BEH-1"
    page = await browser.new_page()
    await page.goto(f"http://{ATTACKER}:{attacker.port}/form")
    await page.wait_for_url(f"http://127.0.0.1:{server.port}/api/webchat/messages")
    # The bot's answer, shown as the form's result: the browser named the foreign origin.
    assert "The request came from another site and was refused." in await page.content()
    entry = bot.entries.entries.get(Kind.NEED, 1)
    assert entry is not None and entry.status.value == "new"
    assert rows(bot, "handled_requests") == []


async def test_fetches_from_another_site_create_nothing(
    browser: Browser, server: TestServer, attacker: TestServer, bot: Bot
) -> None:
    page = await browser.new_page()
    await page.goto(f"http://{ATTACKER}:{attacker.port}/fetch")
    await page.wait_for_function("window.done === true", timeout=15_000)
    # The no-cors request reached the bot (and was refused as text/plain); the JSON one was
    # stopped by the browser at its preflight, which the bot never allows.
    assert await page.evaluate("window.results") == ["no-cors:opaque", "cors:blocked"]
    assert rows(bot) == [] and rows(bot, "dialogues") == []


async def test_dns_rebinding_gets_no_answer_but_421(
    browser: Browser, server: TestServer, bot: Bot
) -> None:
    page = await browser.new_page()
    # The attacker's name now points at the bot: the page is "same origin" with the bot.
    response = await page.goto(f"http://{ATTACKER}:{server.port}/")
    assert response is not None and response.status == 421
    status = await page.evaluate(
        """async () => (await fetch('/api/webchat/messages', {method: 'POST',
            headers: {'Content-Type': 'application/json'},
            body: JSON.stringify({user: 'anna', text: 'behov Via ombindning'})})).status"""
    )
    assert status == 421
    users = await page.evaluate("async () => (await fetch('/api/webchat/users')).status")
    assert users == 421
    assert rows(bot) == [] and rows(bot, "dialogues") == []
