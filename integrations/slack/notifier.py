"""Outbound posts to Slack: channels, people's direct messages, threads and files."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import aiohttp
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.web.async_client import AsyncWebClient

from bot.domain.messages import Delivery, Outbound, Reply, Target
from bot.i18n.catalogue import t
from integrations.slack.blocks import SlackMessage, messages_for

log = logging.getLogger(__name__)

# What can go wrong on the way to Slack once the SDK's own retries are spent.
SEND_ERRORS = (SlackClientError, aiohttp.ClientError, TimeoutError, OSError, ValueError)


def describe(error: BaseException) -> str:
    if isinstance(error, SlackApiError):
        code = error.response.get("error") if error.response is not None else None
        status = error.response.status_code if error.response is not None else 0
        return f"slack: {code or 'error'} (HTTP {status})"
    return f"{type(error).__name__}: {error}"


def split_channel(channel: str) -> tuple[str, str]:
    """`C123:1712345.000100` is a thread in C123; a plain id or #name is the channel itself."""
    head, _, thread = channel.partition(":")
    return head, thread


class SlackNotifier:
    def __init__(self, client: AsyncWebClient) -> None:
        self._client = client
        self._direct: dict[str, str] = {}

    async def direct_channel(self, user_id: str) -> str:
        """The bot's direct-message channel with a person (conversations.open), remembered."""
        channel = self._direct.get(user_id)
        if channel is None:
            response = await self._client.conversations_open(users=user_id)
            channel = str(response["channel"]["id"])
            self._direct[user_id] = channel
        return channel

    async def send(
        self, channel: str, messages: list[SlackMessage], thread_ts: str = ""
    ) -> list[str]:
        """Post the messages in order; their timestamps. Raises what Slack or the network raise."""
        stamps = []
        for message in messages:
            response = await self._client.chat_postMessage(
                channel=channel,
                text=message.text,
                blocks=message.blocks,
                thread_ts=thread_ts or None,
                unfurl_links=False,
            )
            stamps.append(str(response["ts"]))
            channel = str(response.get("channel") or channel)
        return stamps

    async def _where(self, target: Target) -> tuple[str, str]:
        if target.user_id:
            return await self.direct_channel(target.user_id), ""
        return split_channel(target.channel)

    async def post(self, target: Target, message: Outbound) -> Delivery:
        _, thread = split_channel(target.channel)
        if target.user_id and thread:
            # Feedback on an entry logged in a thread goes back to that thread, where the
            # reporter follows it; their DM only when the thread cannot be written to.
            delivery = await self._post(Target(target.platform, channel=target.channel), message)
            if delivery.ok:
                return delivery
            log.info("Slack thread unreachable (%s); the person's DM instead", delivery.error)
            return await self._post(Target(target.platform, user_id=target.user_id), message)
        return await self._post(target, message)

    async def _post(self, target: Target, message: Outbound) -> Delivery:
        locale = message.meta.get("locale", "sv")
        try:
            channel, thread = await self._where(target)
            if not channel:
                return Delivery(ok=False, error="no Slack channel or user in the target")
            if message.file is not None and message.file.path:
                return await self._upload(channel, thread, message)
            text = message.text
            if message.file is not None and message.file.url:
                text = f"{text}\n{t(locale, 'slack.file_posted', name=message.file.name)}: {message.file.url}"
            # A notice's buttons (take it, comment …) are Block Kit buttons like any reply's.
            reply = Reply(text, choices=message.choices)
            stamps = await self.send(channel, messages_for(reply, locale), thread)
        except SEND_ERRORS as error:
            log.warning("Slack post failed: %s", describe(error))
            return Delivery(ok=False, error=describe(error))
        return Delivery(ok=True, message_id=f"{channel}:{','.join(stamps)}")

    async def _upload(self, channel: str, thread: str, message: Outbound) -> Delivery:
        assert message.file is not None
        path = Path(message.file.path)
        if not path.is_file():
            return Delivery(ok=False, error=f"file to post is missing: {path.name}")
        response = await self._client.files_upload_v2(
            channel=channel,
            file=os.fspath(path),
            filename=message.file.name or path.name,
            title=message.file.name or path.name,
            initial_comment=message.text or None,
            thread_ts=thread or None,
        )
        files = response.get("files") or []
        file_id = str(files[0].get("id")) if files else ""
        return Delivery(ok=True, message_id=f"file:{file_id}")

    async def withdraw(self, target: Target, message_id: str) -> Delivery:
        try:
            if message_id.startswith("file:"):
                await self._client.files_delete(file=message_id.removeprefix("file:"))
                return Delivery(ok=True, message_id=message_id)
            channel, _, stamps = message_id.partition(":")
            if not channel or not stamps:
                return Delivery(ok=False, error=f"not a Slack message id: {message_id!r}")
            for stamp in stamps.split(","):
                await self._remove(channel, stamp)
        except SEND_ERRORS as error:
            log.warning("Slack withdraw failed: %s", describe(error))
            return Delivery(ok=False, error=describe(error))
        return Delivery(ok=True, message_id=message_id)

    async def _remove(self, channel: str, stamp: str) -> None:
        try:
            await self._client.chat_delete(channel=channel, ts=stamp)
        except SlackApiError as error:
            if error.response.get("error") != "cant_delete_message":
                raise
            # Where the bot may not delete, the post says it is withdrawn.
            text = t("sv", "slack.withdrawn") + " / " + t("en", "slack.withdrawn")
            await self._client.chat_update(channel=channel, ts=stamp, text=text, blocks=[])
