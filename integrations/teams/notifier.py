"""Proactive posts in Teams: through the conversation reference stored when the bot met the
person or the channel, within the rate limits; withdraw deletes the message (or, where Teams
will not delete it, replaces its text)."""

from __future__ import annotations

import logging
from typing import Any

from microsoft_agents.activity import Activity, ConversationReference

from bot.domain.messages import Delivery, Outbound, Reply, Target
from bot.domain.programme import Programme
from bot.i18n.catalogue import t
from integrations.teams import cards
from integrations.teams.connection import TeamsConnection
from integrations.teams.files import FileUploader
from integrations.teams.personal import CannotOpen, open_personal
from integrations.teams.ratelimit import SendFailed
from integrations.teams.sizes import reply_activities

log = logging.getLogger(__name__)
SEPARATOR = "|"  # message ids are "<conversation id>|<activity id>[,<activity id>…]"
THREAD = ";messageid="  # a channel conversation's id names the thread after this
PARTS = ","  # a message sent in parts has the id of each


def both(key: str, **values: str) -> str:
    """A Delivery's error is read by whoever asked, whose language the notifier does not know."""
    return f"{t('sv', key, **values)} / {t('en', key, **values)}"


class TeamsNotifier:
    def __init__(
        self,
        *,
        connection: TeamsConnection,
        programme: Programme,
        uploader: FileUploader | None = None,
    ) -> None:
        self._connection = connection
        self._programme = programme
        self._uploader = uploader

    async def _reference(self, target: Target) -> tuple[ConversationReference | None, str]:
        # A thread the person wrote in (feedback on what they logged there) comes first; their
        # personal chat when the thread cannot be found, opened from a team if need be.
        if target.channel and (THREAD in target.channel or not target.user_id):
            reference, problem = self._channel(target.channel)
            if reference is not None or not target.user_id:
                return reference, problem
        row = self._connection.references.get(f"user:{target.user_id}")
        if row:
            return self._parse(row), ""
        return await self._open_personal(target.user_id)

    def _channel(self, target_channel: str) -> tuple[ConversationReference | None, str]:
        references = self._connection.references
        channel, marker, _ = target_channel.lstrip("#").partition(THREAD)
        row = references.get(f"channel:{channel}") or references.by_name("channel", channel)
        if row is None:
            return None, both("teams.channel_not_met", who=channel or "–")
        reference = self._parse(row)
        if marker:
            # A thread of the channel: its conversation id names the thread's first message.
            reference.conversation.id = target_channel.lstrip("#")
        return reference, ""

    async def _open_personal(self, user_id: str) -> tuple[ConversationReference | None, str]:
        """Someone never met in a personal chat: open one from a team they are in, the team
        the bot met them in first, else the programme's Teams channel."""
        who = self._name_of(user_id)
        candidates: list[ConversationReference] = []
        met = self._connection.references.get(f"member:{user_id}")
        if met:
            candidates.append(self._parse(met))
        programme_channel = self._programme.channels.get("teams", "").lstrip("#")
        if programme_channel:
            team, _ = self._channel(programme_channel)
            if team is not None:
                candidates.append(team)
        for team in candidates:
            try:
                reference = await open_personal(self._connection, team, user_id)
            except CannotOpen as refused:
                return None, both("teams.cannot_open", who=who, reason=str(refused))
            if reference is not None:
                tenant = reference.conversation.tenant_id or ""
                self._connection.keep(f"user:{user_id}", "user", who, reference, tenant)
                return reference, ""
        return None, both("teams.not_met", who=who)

    def _name_of(self, user_id: str) -> str:
        record = self._programme.person_for("teams", user_id)
        return record.name if record else user_id

    @staticmethod
    def _parse(row: dict[str, Any]) -> ConversationReference:
        return ConversationReference.model_validate_json(row["reference"])

    async def _run(self, reference: ConversationReference, work: Any, conversation: str) -> Any:
        return await self._connection.proactive(reference, work, conversation)

    def _activity(self, reference: ConversationReference, fields: dict[str, Any]) -> Activity:
        # A new message, not a reply to the activity the reference was stored from.
        fresh = reference.model_copy(update={"activity_id": None})
        activity = Activity.model_validate(fields).apply_conversation_reference(fresh)
        # Only fields with a value are sent: connectors refuse `"replyToId": null` and the like
        # (the Agents Playground answers 400); the SDK sends every field that was set, None too.
        return Activity.model_validate(activity.model_dump(by_alias=True, exclude_none=True))

    async def post(self, target: Target, message: Outbound) -> Delivery:
        # A burst of posts waits here before any work: building a thousand activities at once
        # would hold up the loop, and with it the requests already on their way.
        async with self._connection.turns:
            return await self._post(target, message)

    async def _post(self, target: Target, message: Outbound) -> Delivery:
        reference, problem = await self._reference(target)
        if reference is None:
            log.info("no Teams conversation reference for %s", target)
            return Delivery(ok=False, error=problem)
        locale = message.meta.get("locale", "sv")
        conversation = reference.conversation.id
        text = message.text
        if message.file is not None:
            uploader = self._uploader
            if uploader is not None and message.file.path:
                text = f"{text}\n{await uploader.link(message.file, locale)}"
            elif message.file.url:
                name, url = message.file.name, message.file.url
                text = f"{text}\n{t(locale, 'teams.file_link', name=name, url=url)}"
        ids: list[str] = []
        # A long text goes as parts of its own, each within Teams' 28 KB; a notice's buttons
        # become a card.
        for fields in reply_activities(Reply(text, choices=message.choices), locale):
            activity = self._activity(reference, fields)

            async def send(connector: Any, activity: Activity = activity) -> str:
                response = await connector.conversations.send_to_conversation(
                    conversation, activity
                )
                return str(getattr(response, "id", "") or "")

            try:
                ids.append(await self._run(reference, send, conversation))
            except SendFailed as failure:
                log.warning("Teams post to %s failed: %s", target, failure.reason)
                return Delivery(ok=False, error=both("teams.send_failed", reason=failure.reason))
        return Delivery(ok=True, message_id=f"{conversation}{SEPARATOR}{PARTS.join(ids)}")

    async def withdraw(self, target: Target, message_id: str) -> Delivery:
        async with self._connection.turns:
            return await self._withdraw(target, message_id)

    async def _withdraw(self, target: Target, message_id: str) -> Delivery:
        conversation, _, activity_ids = message_id.rpartition(SEPARATOR)
        reference, problem = await self._reference(target)
        if reference is None or not conversation or not activity_ids:
            return Delivery(ok=False, error=problem or f"not a Teams message id: {message_id!r}")
        reference = reference.model_copy(deep=True)
        reference.conversation.id = conversation
        for activity_id in activity_ids.split(PARTS):
            error = await self._withdraw_one(reference, conversation, activity_id)
            if error:
                return Delivery(ok=False, error=error)
        return Delivery(ok=True, message_id=message_id)

    async def _withdraw_one(
        self, reference: ConversationReference, conversation: str, activity_id: str
    ) -> str:
        """Delete one message, or where Teams will not, replace its text; the error, if any."""

        async def delete(connector: Any) -> None:
            await connector.conversations.delete_activity(conversation, activity_id)

        try:
            await self._run(reference, delete, conversation)
            return ""
        except SendFailed as failure:
            log.info(
                "Teams would not delete %s (%s); replacing its text", activity_id, failure.reason
            )
        replacement = self._activity(
            reference, cards.reply_activity(Reply(both("teams.withdrawn")), "sv")
        )
        replacement.id = activity_id

        async def update(connector: Any) -> None:
            await connector.conversations.update_activity(conversation, activity_id, replacement)

        try:
            await self._run(reference, update, conversation)
        except SendFailed as failure:
            return both("teams.send_failed", reason=failure.reason)
        return ""
