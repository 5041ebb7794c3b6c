"""The engine's Replies shown in Slack: a form as a modal (or as a button when the trigger has
expired), text as Block Kit in the channel, the thread, the person's DM or ephemerally through
the response_url, files through the notifier, the home tab as a view."""

from __future__ import annotations

import logging
from collections.abc import Callable

import aiohttp
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.webhook.async_client import AsyncWebhookClient

from bot.conversation.engine import reply_from_dict, reply_to_dict
from bot.domain.messages import Form, Outbound, Reply, Target
from bot.i18n.catalogue import t
from bot.ports.conversation import RequestLog
from integrations.slack.blocks import home_view, messages_for, modal
from integrations.slack.inbound import PLATFORM, Where
from integrations.slack.notifier import SEND_ERRORS, SlackNotifier, describe

log = logging.getLogger(__name__)


class SlackReplies:
    def __init__(
        self,
        *,
        client: AsyncWebClient,
        notifier: SlackNotifier,
        session: Callable[[], aiohttp.ClientSession | None],
        requests: Callable[[], RequestLog],
    ) -> None:
        self._client = client
        self._notifier = notifier
        self._session = session
        # Forms shown as buttons are kept in the request log (any replica can open them).
        self._requests = requests

    async def answer(self, where: Where, replies: list[Reply], locale: str) -> list[Reply]:
        """Forms open as modals where a trigger allows; the rest is posted, except on the home
        tab, where it is returned for the view to show."""
        rest: list[Reply] = []
        for reply in replies:
            if (
                reply.form is not None
                and where.trigger_id
                and await self.open_modal(where, reply.form, locale)
            ):
                continue
            if reply.form is not None:
                self._keep_form(reply)
            rest.append(reply)
        if where.home:
            return rest
        if rest:
            await self.post(where, rest, locale)
        return []

    async def open_modal(self, where: Where, form: Form, locale: str) -> bool:
        metadata = {"channel": where.conversation}
        if where.link:
            metadata["link"] = where.link
        try:
            await self._client.views_open(
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
        self._requests().put(f"{PLATFORM}:form:{reply.form.id}", [reply_to_dict(reply)])

    async def open_kept_form(self, where: Where, form_id: str, locale: str) -> None:
        kept = self._requests().get(f"{PLATFORM}:form:{form_id}") if form_id else None
        if not kept:
            await self.post(where, [Reply(t(locale, "slack.form_gone"), style="error")], locale)
            return
        form = reply_from_dict(kept[0]).form
        assert form is not None
        if not await self.open_modal(where, form, locale):
            log.warning("a kept form could not be opened")

    async def post(self, where: Where, replies: list[Reply], locale: str) -> None:
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
            delivery = await self._notifier.post(
                target, Outbound(reply.text, file=file, meta={"locale": locale})
            )
            if not delivery.ok:
                failed = Reply(t(locale, "slack.file_failed", name=file.name), style="error")
                messages += messages_for(failed, locale)
        if where.response_url:
            hook = AsyncWebhookClient(where.response_url, session=self._session())
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
        channel = where.channel or await self._notifier.direct_channel(where.user)
        await self._notifier.send(channel, messages, where.thread)

    async def post_direct(self, user: str, replies: list[Reply], locale: str) -> None:
        channel = await self._notifier.direct_channel(user)
        await self._notifier.send(
            channel, [m for reply in replies for m in messages_for(reply, locale)]
        )

    async def publish_home(
        self, user: str, overview: list[Reply], locale: str, notices: list[Reply]
    ) -> None:
        await self._client.views_publish(user_id=user, view=home_view(overview, locale, notices))
