"""Slack as a platform: Bolt (AsyncApp) receives, the engine answers, Block Kit shows.

Every listener acknowledges first and does the rest in a task (Slack's 3-second rule); only a
modal submission waits for the engine, because its answer (field errors or close) is the ack.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import re
import time
from collections.abc import Awaitable
from dataclasses import dataclass
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
from slack_sdk.webhook.async_client import AsyncWebhookClient

from bot.conversation.engine import Engine, reply_from_dict, reply_to_dict
from bot.domain.messages import Action, Form, FormSubmission, Incoming, Outbound, Reply, Target
from bot.i18n.catalogue import normalise_locale, t
from integrations.slack.blocks import (
    CHOICE_ACTION,
    FORM_CALLBACK,
    MENU_ACTION,
    OPEN_FORM_ACTION,
    decode_choice,
    field_errors,
    home_view,
    messages_for,
    metadata_of,
    modal,
    submitted_values,
)
from integrations.slack.notifier import SEND_ERRORS, SlackNotifier, describe
from integrations.slack.settings import SlackSettings

log = logging.getLogger(__name__)

PLATFORM = "slack"
SHORTCUT_CALLBACK = "fvis_register"
PERSON_TTL_SECONDS = 3_600.0
PERMALINK_TIMEOUT = 1.0
MENTION = re.compile(r"<@[A-Z0-9]+(?:\|[^>]*)?>")
ANY_FVIS_ACTION = re.compile(rf"^({re.escape(CHOICE_ACTION)}|{re.escape(MENU_ACTION)})(:\d+)?$")


def slack_text(text: str) -> str:
    """Slack escapes &, < and > in message text; the engine gets what the person typed."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


@dataclass(frozen=True, slots=True)
class Where:
    """Where answers go: a response_url (ephemeral), a channel and thread, or the home tab."""

    user: str
    conversation: str
    channel: str = ""
    thread: str = ""
    response_url: str = ""
    trigger_id: str = ""
    link: str = ""
    home: bool = False


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
        self.programme_channel = settings.programme_channel
        self.engine: Engine | None = None
        # One HTTP session for every call to Slack (the SDK opens one per call otherwise).
        self._session: aiohttp.ClientSession | None = None
        self._socket: AsyncSocketModeHandler | None = None
        self._people: dict[str, tuple[str, str | None, float]] = {}
        self._inflight: set[str] = set()
        self._tasks: set[asyncio.Task[None]] = set()
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
                raise RuntimeError(
                    f"Slack Socket Mode could not connect (check SLACK_APP_TOKEN): {describe(error)}"
                ) from None

    async def stop(self) -> None:
        if self._socket is not None:
            await self._socket.close_async()  # type: ignore[no-untyped-call]
            self._socket = None
        await self.drain(timeout=5.0)
        if self._session is not None:
            self.client.session = None
            await self._session.close()
            self._session = None

    async def drain(self, timeout: float = 10.0) -> None:
        """Wait for the work acknowledged requests started (shutdown; tests)."""
        deadline = time.monotonic() + timeout
        while self._tasks and time.monotonic() < deadline:
            await asyncio.wait(set(self._tasks), timeout=max(0.0, deadline - time.monotonic()))

    async def handle_http(self, request: web.Request) -> web.Response:
        # Bolt's middleware checks the signature and the 5-minute timestamp before any listener;
        # a timestamp that is not a number makes slack_sdk raise there, so it is refused here.
        stamp = request.headers.get("X-Slack-Request-Timestamp", "")
        if not (stamp.isascii() and stamp.isdigit()):
            return web.json_response({"error": "invalid request"}, status=401)
        response = await self.bolt.async_dispatch(await to_bolt_request(request))
        return await to_aiohttp_response(response)

    # -- listeners --------------------------------------------------------------------------

    def _register(self) -> None:
        self.bolt.command(self.settings.command)(self._on_command)
        self.bolt.view_submission(FORM_CALLBACK)(self._on_submit)
        self.bolt.view_closed(FORM_CALLBACK)(self._on_closed)
        self.bolt.action(ANY_FVIS_ACTION)(self._on_action)
        self.bolt.action(OPEN_FORM_ACTION)(self._on_open_form)
        self.bolt.shortcut(SHORTCUT_CALLBACK)(self._on_shortcut)
        self.bolt.event("app_mention")(self._on_mention)
        self.bolt.event("message")(self._on_message)
        self.bolt.event("app_home_opened")(self._on_home_opened)

    def _later(self, work: Awaitable[None]) -> None:
        task: asyncio.Task[None] = asyncio.ensure_future(self._guarded(work))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _guarded(self, work: Awaitable[None]) -> None:
        try:
            await work
        except Exception:
            # Never the payload in the log: it may hold what must not be stored.
            log.exception("Slack work after the acknowledgement failed")

    async def _on_command(self, ack: AsyncAck, body: dict[str, Any]) -> None:
        await ack()
        channel = str(body.get("channel_id") or "")
        where = Where(
            user=str(body.get("user_id") or ""),
            conversation=channel,
            channel=channel,
            response_url=str(body.get("response_url") or ""),
            trigger_id=str(body.get("trigger_id") or ""),
        )
        # Slash commands are commands: intake answers with its form (a modal), never a dialogue.
        # Slack never retries one, but a replayed request (within the signature's 5 minutes)
        # carries the same trigger_id: it is handled once.
        key = f"command:{where.trigger_id}" if where.trigger_id else ""
        text = slack_text(str(body.get("text") or ""))
        self._later(self._converse(where, key, text=text, wants_form=True))

    async def _on_shortcut(self, ack: AsyncAck, body: dict[str, Any]) -> None:
        await ack()
        message = body.get("message") or {}
        channel = str((body.get("channel") or {}).get("id") or "")
        self._later(self._shortcut(body, message, channel))

    async def _shortcut(self, body: dict[str, Any], message: dict[str, Any], channel: str) -> None:
        link = ""
        try:
            response = await asyncio.wait_for(
                self.client.chat_getPermalink(
                    channel=channel, message_ts=str(message.get("ts") or "")
                ),
                PERMALINK_TIMEOUT,
            )
            link = str(response.get("permalink") or "")
        except SEND_ERRORS as error:  # TimeoutError is among them
            # The trigger expires in 3 seconds: the form opens without the link rather than not.
            log.warning("chat.getPermalink failed: %s", describe(error))
        where = Where(
            user=str((body.get("user") or {}).get("id") or ""),
            conversation=channel,
            channel=channel,
            response_url=str(body.get("response_url") or ""),
            trigger_id=str(body.get("trigger_id") or ""),
            link=link,
        )
        # Like slash commands, shortcuts are handled once per trigger_id.
        key = f"shortcut:{where.trigger_id}" if where.trigger_id else ""
        text = slack_text(str(message.get("text") or ""))
        await self._converse(where, key, text=text, wants_form=True)

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
            user,
            meta.get("channel", ""),
            key,
            form=FormSubmission(meta.get("form", ""), values),
            link=meta.get("link", ""),
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
        self._later(self._once(key, self._post_direct(user, replies, locale)))

    async def _on_closed(self, ack: AsyncAck) -> None:
        await ack()

    async def _on_action(self, ack: AsyncAck, body: dict[str, Any], action: dict[str, Any]) -> None:
        await ack()
        raw = action.get("value") or (action.get("selected_option") or {}).get("value") or ""
        decoded = decode_choice(str(raw))
        if decoded is None:
            return  # not one of ours
        where, place = self._where_clicked(body)
        choice_id, value = decoded
        key = f"action:{where.user}:{place}:{choice_id}:{value}"
        self._later(self._converse(where, key, action=Action(choice_id, value)))

    async def _on_open_form(
        self, ack: AsyncAck, body: dict[str, Any], action: dict[str, Any]
    ) -> None:
        await ack()
        where, _ = self._where_clicked(body)
        self._later(self._open_stored_form(where, str(action.get("value") or "")))

    async def _on_mention(self, body: dict[str, Any], event: dict[str, Any]) -> None:
        channel = str(event.get("channel") or "")
        root = str(event.get("thread_ts") or event.get("ts") or "")
        where = Where(
            user=str(event.get("user") or ""),
            conversation=f"{channel}:{root}",
            channel=channel,
            thread=root,
        )
        text = MENTION.sub("", slack_text(str(event.get("text") or ""))).strip()
        self._later(self._converse(where, f"event:{body.get('event_id', '')}", text=text))

    async def _on_message(
        self, body: dict[str, Any], event: dict[str, Any], context: dict[str, Any]
    ) -> None:
        if event.get("subtype") or event.get("bot_id") or not event.get("user"):
            return  # edits, joins, other bots: not someone talking to the bot
        channel = str(event.get("channel") or "")
        user = str(event["user"])
        text = slack_text(str(event.get("text") or ""))
        key = f"event:{body.get('event_id', '')}"
        if event.get("channel_type") == "im":
            where = Where(user=user, conversation=channel, channel=channel)
            self._later(self._converse(where, key, text=text))
            return
        thread = str(event.get("thread_ts") or "")
        bot_user = str(context.get("bot_user_id") or "")
        if not thread or (bot_user and f"<@{bot_user}" in text):
            return  # the channel's own talk, or a mention (app_mention handles those)
        where = Where(user=user, conversation=f"{channel}:{thread}", channel=channel, thread=thread)
        engine = self._engine()
        probe = Incoming(platform=PLATFORM, user_id=user, conversation_id=where.conversation)
        # A reply in a thread is for the bot only while its dialogue there is open.
        if engine.dialogues.load(engine.dialogue_key(probe)) is not None:
            self._later(self._converse(where, key, text=text))

    async def _on_home_opened(self, body: dict[str, Any], event: dict[str, Any]) -> None:
        if event.get("tab", "home") != "home":
            return
        user = str(event.get("user") or "")
        self._later(self._once(f"event:{body.get('event_id', '')}", self._publish_home(user, [])))

    # -- the work after the ack -------------------------------------------------------------

    def _engine(self) -> Engine:
        assert self.engine is not None, "install() or start() binds the engine"
        return self.engine

    def _where_clicked(self, body: dict[str, Any]) -> tuple[Where, str]:
        """Where a click came from, and what identifies that place (for repeated clicks)."""
        user = str((body.get("user") or {}).get("id") or "")
        container = body.get("container") or {}
        view = body.get("view") or {}
        trigger = str(body.get("trigger_id") or "")
        if container.get("type") == "view":
            place = f"{view.get('id', '')}:{view.get('hash', '')}"
            home = view.get("type") == "home"
            return Where(user=user, conversation="", trigger_id=trigger, home=home), place
        channel = str(container.get("channel_id") or (body.get("channel") or {}).get("id") or "")
        message = body.get("message") or {}
        thread = str(message.get("thread_ts") or "")
        ephemeral = bool(container.get("is_ephemeral"))
        where = Where(
            user=user,
            conversation=f"{channel}:{thread}" if thread else channel,
            channel=channel,
            thread=thread,
            response_url=str(body.get("response_url") or "") if ephemeral else "",
            trigger_id=trigger,
        )
        return where, str(container.get("message_ts") or message.get("ts") or "")

    async def _person(self, user_id: str) -> tuple[str, str | None]:
        """The person's name and Slack locale (users.info), remembered for an hour."""
        cached = self._people.get(user_id)
        if cached is not None and time.monotonic() - cached[2] < PERSON_TTL_SECONDS:
            return cached[0], cached[1]
        try:
            response = await self.client.users_info(user=user_id, include_locale=True)
        except SEND_ERRORS as error:
            log.warning("users.info failed: %s", describe(error))
            return "", None
        user = response.get("user") or {}
        profile = user.get("profile") or {}
        name = str(user.get("real_name") or profile.get("real_name") or user.get("name") or "")
        locale = user.get("locale")
        self._people[user_id] = (name, str(locale) if locale else None, time.monotonic())
        return name, str(locale) if locale else None

    async def _incoming(
        self,
        user: str,
        conversation: str,
        key: str,
        *,
        text: str = "",
        action: Action | None = None,
        form: FormSubmission | None = None,
        wants_form: bool = False,
        link: str = "",
    ) -> Incoming:
        name, locale = await self._person(user)
        return Incoming(
            platform=PLATFORM,
            user_id=user,
            user_name=name,
            conversation_id=conversation,
            text=text,
            action=action,
            form=form,
            locale=locale,
            message_link=link,
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
        if key in self._inflight or engine.requests.get(marker) is not None:
            log.info("Slack request %s already answered", key.split(":", 1)[0])
            if asyncio.iscoroutine(work):
                work.close()
            return
        self._inflight.add(key)
        try:
            await work
            engine.requests.put(marker, [])
        finally:
            self._inflight.discard(key)

    async def _converse(
        self,
        where: Where,
        key: str,
        *,
        text: str = "",
        action: Action | None = None,
        wants_form: bool = False,
    ) -> None:
        async def work() -> None:
            incoming = await self._incoming(
                where.user,
                where.conversation,
                key,
                text=text,
                action=action,
                wants_form=wants_form,
                link=where.link,
            )
            replies = await self._engine().handle(incoming)
            await self._answer(where, replies, normalise_locale(incoming.locale))

        await self._once(key, work())

    async def _answer(self, where: Where, replies: list[Reply], locale: str) -> None:
        rest: list[Reply] = []
        for reply in replies:
            if (
                reply.form is not None
                and where.trigger_id
                and await self._open_modal(where, reply.form, locale)
            ):
                continue
            if reply.form is not None:
                self._keep_form(reply)
            rest.append(reply)
        if where.home:
            await self._publish_home(where.user, rest)
            return
        if rest:
            await self._post(where, rest, locale)

    async def _open_modal(self, where: Where, form: Form, locale: str) -> bool:
        metadata = {"channel": where.conversation}
        if where.link:
            metadata["link"] = where.link
        try:
            await self.client.views_open(
                trigger_id=where.trigger_id, view=modal(form, locale, metadata)
            )
        except SEND_ERRORS as error:
            # An expired trigger: the form is offered as a button in the conversation instead.
            log.warning("views.open failed: %s", describe(error))
            return False
        return True

    def _keep_form(self, reply: Reply) -> None:
        """A form shown as a button is kept, so a later click can open it as a modal."""
        assert reply.form is not None
        self._engine().requests.put(f"{PLATFORM}:form:{reply.form.id}", [reply_to_dict(reply)])

    async def _open_stored_form(self, where: Where, form_id: str) -> None:
        kept = self._engine().requests.get(f"{PLATFORM}:form:{form_id}") if form_id else None
        _, locale = await self._person(where.user)
        if not kept:
            gone = Reply(t(normalise_locale(locale), "slack.form_gone"), style="error")
            await self._post(where, [gone], normalise_locale(locale))
            return
        form = reply_from_dict(kept[0]).form
        assert form is not None
        if not await self._open_modal(where, form, normalise_locale(locale)):
            log.warning("a kept form could not be opened")

    async def _post(self, where: Where, replies: list[Reply], locale: str) -> None:
        files = [(r, r.file) for r in replies if r.file is not None and r.file.path]
        replies = [r for r in replies if r.file is None or not r.file.path]
        messages = [message for reply in replies for message in messages_for(reply, locale)]
        for reply, file in files:
            # A file cannot be ephemeral: it goes to the person's DM, or the thread it was asked in.
            target = (
                Target(PLATFORM, user_id=where.user)
                if where.response_url or not where.channel
                else Target(PLATFORM, channel=f"{where.channel}:{where.thread}".rstrip(":"))
            )
            delivery = await self.notifier.post(
                target, Outbound(reply.text, file=file, meta={"locale": locale})
            )
            if not delivery.ok:
                failed = Reply(t(locale, "slack.file_failed", name=file.name), style="error")
                messages += messages_for(failed, locale)
        if where.response_url:
            hook = AsyncWebhookClient(where.response_url, session=self._session)
            for message in messages:
                sent = await hook.send(
                    text=message.text,
                    blocks=message.blocks,
                    response_type="ephemeral",
                    replace_original=False,
                )
                if sent.status_code != 200:
                    log.warning("response_url answered HTTP %s", sent.status_code)
            return
        channel = where.channel or await self.notifier.direct_channel(where.user)
        await self.notifier.send(channel, messages, where.thread)

    async def _post_direct(self, user: str, replies: list[Reply], locale: str) -> None:
        channel = await self.notifier.direct_channel(user)
        await self.notifier.send(
            channel, [m for reply in replies for m in messages_for(reply, locale)]
        )

    async def _publish_home(self, user: str, notices: list[Reply]) -> None:
        incoming = await self._incoming(user, "", "", action=Action("home:open"))
        overview = await self._engine().handle(incoming)
        locale = normalise_locale(incoming.locale)
        await self.client.views_publish(user_id=user, view=home_view(overview, locale, notices))
