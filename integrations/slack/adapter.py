"""Slack as a platform: Bolt (AsyncApp) receives, the engine answers, Block Kit shows.

This module is the wiring: Bolt's listeners, the acknowledgement, the work after it, and the
once-only answer to each request. Payloads become neutral requests in inbound.py, names come
from people.py, and replies are shown by replies.py.

Every listener acknowledges first and leaves the rest to work.py's workers (Slack's 3-second
rule; the workers hold back while requests are being acknowledged); only a modal submission
waits for the engine, because its answer (field errors or close) is the ack.
"""

from __future__ import annotations

import asyncio
import dataclasses
import hashlib
import json
import logging
import re
from collections.abc import Awaitable
from typing import Any

import aiohttp
from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncAck, AsyncApp
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
)
from slack_sdk.web.async_client import AsyncWebClient

from bot.conversation.engine import Engine
from bot.domain.messages import Action, FormSubmission, Incoming, Reply
from bot.i18n.catalogue import normalise_locale
from integrations.slack.blocks import (
    CHOICE_ACTION,
    FORM_CALLBACK,
    MENU_ACTION,
    OPEN_FORM_ACTION,
    field_errors,
    metadata_of,
    submitted_values,
)
from integrations.slack.inbound import PLATFORM, Request, Where, translate, where_clicked
from integrations.slack.logs import quiet_sdk_loggers
from integrations.slack.notifier import SEND_ERRORS, SlackNotifier, describe
from integrations.slack.people import Directory
from integrations.slack.replies import SlackReplies
from integrations.slack.settings import SlackSettings
from integrations.slack.work import AfterAck

log = logging.getLogger(__name__)

SHORTCUT_CALLBACK = "fvis_register"
PERMALINK_TIMEOUT = 1.0
ANY_FVIS_ACTION = re.compile(rf"^({re.escape(CHOICE_ACTION)}|{re.escape(MENU_ACTION)})(:\d+)?$")


class SlackAdapter:
    platform = PLATFORM

    def __init__(self, *, settings: SlackSettings) -> None:
        self.settings = settings
        self.bolt = AsyncApp(
            token=settings.bot_token,
            # Socket Mode needs no secret: its requests are not signed and Bolt does not check them.
            signing_secret=settings.signing_secret,
            process_before_response=False,
            name="fvis-bot",
            # Bolt's and the SDK's DEBUG lines carry message and form text: never below INFO.
            logger=quiet_sdk_loggers(),
        )
        # Bolt's own client, pointed at SLACK_API_URL, with retries for 429 and lost connections.
        # (Passing a client instead makes Bolt warn that SLACK_BOT_TOKEN is unused.)
        self.client: AsyncWebClient = self.bolt.client
        self.client.base_url = settings.api_url
        self.client.retry_handlers = [
            AsyncConnectionErrorRetryHandler(max_retry_count=2),
            AsyncRateLimitErrorRetryHandler(max_retry_count=3),
        ]
        self.notifier = SlackNotifier(self.client)
        self.directory = Directory(self.client)
        self.replies = SlackReplies(
            client=self.client,
            notifier=self.notifier,
            session=lambda: self._session,
            requests=lambda: self._engine().requests,
        )
        self.programme_channel = settings.programme_channel
        self.engine: Engine | None = None
        # One HTTP session for every call to Slack (the SDK opens one per call otherwise).
        self._session: aiohttp.ClientSession | None = None
        self._socket: AsyncSocketModeHandler | None = None
        self._inflight: set[str] = set()
        self.after_ack = AfterAck()
        self._register()

    # -- the Adapter protocol ---------------------------------------------------------------

    def install(self, app: web.Application, engine: Engine) -> None:
        self.engine = engine
        if self.settings.http_mode:
            app.router.add_post("/slack/events", self.handle_http)

    async def start(self, engine: Engine) -> None:
        self.engine = engine
        self._session = aiohttp.ClientSession()
        self.client.session = self._session
        if self.settings.socket_mode:
            self._socket = AsyncSocketModeHandler(
                self.bolt, app_token=self.settings.app_token, web_client=self.client
            )
            try:
                await self._socket.connect_async()  # type: ignore[no-untyped-call]
            except SEND_ERRORS as error:
                await self.stop()  # a start that fails leaves nothing open
                raise RuntimeError(
                    f"Slack Socket Mode could not connect (check SLACK_APP_TOKEN): {describe(error)}"
                ) from None

    async def stop(self) -> None:
        if self._socket is not None:
            await self._socket.close_async()  # type: ignore[no-untyped-call]
            self._socket = None
        await self.after_ack.close(timeout=5.0)
        if self._session is not None:
            self.client.session = None
            await self._session.close()
            self._session = None

    async def drain(self, timeout: float = 10.0) -> None:
        """Wait for the work acknowledged requests started (shutdown; tests)."""
        await self.after_ack.drain(timeout)

    async def handle_http(self, request: web.Request) -> web.Response:
        # Bolt's middleware checks the signature and the 5-minute timestamp before any listener;
        # a timestamp that is not a number makes slack_sdk raise there, so it is refused here.
        stamp = request.headers.get("X-Slack-Request-Timestamp", "")
        if not (stamp.isascii() and stamp.isdigit()):
            return web.json_response({"error": "invalid request"}, status=401)
        with self.after_ack.receiving():  # the work of earlier requests waits meanwhile
            response = await self.bolt.async_dispatch(await to_bolt_request(request))
            return await to_aiohttp_response(response)

    # -- listeners --------------------------------------------------------------------------

    def _register(self) -> None:
        # Bolt matches what is ours; inbound.translate turns each kind of payload into a request.
        self.bolt.command(self.settings.command)(self._on_request)
        self.bolt.action(ANY_FVIS_ACTION)(self._on_request)
        self.bolt.shortcut(SHORTCUT_CALLBACK)(self._on_request)
        self.bolt.event("app_mention")(self._on_event)
        self.bolt.event("message")(self._on_event)
        self.bolt.view_submission(FORM_CALLBACK)(self._on_submit)
        self.bolt.view_closed(FORM_CALLBACK)(self._on_closed)
        self.bolt.action(OPEN_FORM_ACTION)(self._on_open_form)
        self.bolt.event("app_home_opened")(self._on_home_opened)

    def _later(self, work: Awaitable[None]) -> None:
        self.after_ack.add(work)

    async def _on_request(self, ack: AsyncAck, body: dict[str, Any], context: Any) -> None:
        await ack()
        self._take(body, context)

    async def _on_event(self, body: dict[str, Any], context: Any) -> None:
        self._take(body, context)  # Bolt acknowledges events itself

    def _take(self, body: dict[str, Any], context: Any) -> None:
        request = translate(body, str(context.get("bot_user_id") or ""))
        if request is not None:
            self._later(self._converse(request))

    async def _on_submit(self, ack: AsyncAck, body: dict[str, Any], view: dict[str, Any]) -> None:
        engine = self._engine()
        user = str((body.get("user") or {}).get("id") or "")
        meta = metadata_of(view)
        values = submitted_values(view)
        # The same view with the same values is the same submission: handled once, answered alike.
        digest = hashlib.sha256(
            json.dumps([meta.get("form", ""), sorted(values.items())]).encode()
        ).hexdigest()[:32]
        key = f"view:{view.get('id', '')}:{digest}"
        incoming = await self._incoming(
            Where(user=user, conversation=meta.get("channel", ""), link=meta.get("link", "")),
            key,
            form=FormSubmission(meta.get("form", ""), values),
        )
        replies = await engine.handle(incoming)
        errors = next(
            (field_errors(r.form) for r in replies if r.form is not None and field_errors(r.form)),
            None,
        )
        if errors:
            await ack(response_action="errors", errors=errors)
            return
        await ack()
        locale = normalise_locale(incoming.locale)
        self._later(self._once(key, self.replies.post_direct(user, replies, locale)))

    async def _on_closed(self, ack: AsyncAck) -> None:
        await ack()

    async def _on_open_form(
        self, ack: AsyncAck, body: dict[str, Any], action: dict[str, Any]
    ) -> None:
        await ack()
        where, _ = where_clicked(body)
        self._later(self._open_kept_form(where, str(action.get("value") or "")))

    async def _on_home_opened(self, body: dict[str, Any], event: dict[str, Any]) -> None:
        if event.get("tab", "home") != "home":
            return
        user = str(event.get("user") or "")
        self._later(self._once(f"event:{body.get('event_id', '')}", self._publish_home(user, [])))

    # -- the work after the ack -------------------------------------------------------------

    def _engine(self) -> Engine:
        assert self.engine is not None, "install() or start() binds the engine"
        return self.engine

    async def _incoming(
        self,
        where: Where,
        key: str,
        *,
        text: str = "",
        action: Action | None = None,
        form: FormSubmission | None = None,
        wants_form: bool = False,
    ) -> Incoming:
        name, locale = await self.directory.person(where.user)
        return Incoming(
            platform=PLATFORM,
            user_id=where.user,
            user_name=name,
            conversation_id=where.conversation,
            # Mentions, channels and links as the person reads them: the entry stores names.
            text=await self.directory.readable(text) if text else "",
            action=action,
            form=form,
            locale=locale,
            message_link=where.link,
            # Said in a thread: what is logged here has its notices in the thread too.
            thread=f"{where.channel}:{where.thread}" if where.thread and where.channel else "",
            idempotency_key=f"{PLATFORM}:{key}" if key else "",
            wants_form=wants_form,
        )

    async def _once(self, key: str, work: Awaitable[None]) -> None:
        """Post the answer to one request once: Slack's retries and double clicks are dropped."""
        if not key:
            await work
            return
        engine = self._engine()
        marker = f"{PLATFORM}:answered:{key}"
        # Claimed before the work, in the database: a retry reaching another replica while this
        # one still answers finds the claim (replicas share the database).
        if key in self._inflight or not engine.requests.claim(marker):
            log.info("Slack request %s already answered", key.split(":", 1)[0])
            if asyncio.iscoroutine(work):
                work.close()
            return
        self._inflight.add(key)
        try:
            await work
        except BaseException:
            engine.requests.forget(marker)  # a failed answer is not remembered: a retry tries
            raise
        finally:
            self._inflight.discard(key)

    def _dialogue_open(self, where: Where) -> bool:
        engine = self._engine()
        probe = Incoming(platform=PLATFORM, user_id=where.user, conversation_id=where.conversation)
        return engine.dialogues.load(engine.dialogue_key(probe)) is not None

    async def _converse(self, request: Request) -> None:
        if request.only_in_dialogue and not self._dialogue_open(request.where):
            return
        where = request.where
        if request.message_ts:
            where = await self._with_permalink(where, request.message_ts)

        async def work() -> None:
            incoming = await self._incoming(
                where,
                request.key,
                text=request.text,
                action=request.action,
                wants_form=request.wants_form,
            )
            replies = await self._engine().handle(incoming)
            locale = normalise_locale(incoming.locale)
            notices = await self.replies.answer(where, replies, locale)
            if where.home:
                await self._publish_home(where.user, notices)

        await self._once(request.key, work())

    async def _with_permalink(self, where: Where, message_ts: str) -> Where:
        try:
            response = await asyncio.wait_for(
                self.client.chat_getPermalink(channel=where.channel, message_ts=message_ts),
                PERMALINK_TIMEOUT,
            )
        except SEND_ERRORS as error:  # TimeoutError is among them
            # The trigger expires in 3 seconds: the form opens without the link rather than not.
            log.warning("chat.getPermalink failed: %s", describe(error))
            return where
        return dataclasses.replace(where, link=str(response.get("permalink") or ""))

    async def _open_kept_form(self, where: Where, form_id: str) -> None:
        _, locale = await self.directory.person(where.user)
        await self.replies.open_kept_form(where, form_id, normalise_locale(locale))

    async def _publish_home(self, user: str, notices: list[Reply]) -> None:
        incoming = await self._incoming(
            Where(user=user, conversation=""), "", action=Action("home:open")
        )
        overview = await self._engine().handle(incoming)
        locale = normalise_locale(incoming.locale)
        await self.replies.publish_home(user, overview, locale, notices)
