"""Microsoft Teams through the Microsoft 365 Agents SDK: /api/messages in, neutral Incoming to
the engine, Replies back as messages and Adaptive Cards; proactive posts through stored
conversation references (integrations/teams/notifier.py).
"""

from __future__ import annotations

import logging
import re
import warnings
from typing import Any

from aiohttp import web
from microsoft_agents.activity import (
    Activity,
    ChannelAccount,
    ConversationReference,
    InvokeResponse,
)
from microsoft_agents.hosting.core import ActivityHandler, TurnContext

from bot.conversation.engine import Engine
from bot.domain.messages import FileRef, FormSubmission, Incoming, Reply
from bot.domain.programme import Programme
from bot.i18n.catalogue import normalise_locale, t
from integrations.microsoft.settings import TeamsSettings
from integrations.teams import cards
from integrations.teams.auth import RequestAuthenticator, service_url_matches
from integrations.teams.connection import ReferenceStore, TeamsConnection
from integrations.teams.files import FileConsent, FileUploader
from integrations.teams.notifier import TeamsNotifier
from integrations.teams.ratelimit import DEFAULT_RETRY, RetryPolicy, SharedBudget
from integrations.teams.sizes import reply_activities

log = logging.getLogger(__name__)

LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,3}")

PLATFORM = "teams"


def user_key(account: ChannelAccount | None) -> str:
    """People are known by their Entra object id (the same in every chat); the Teams id else."""
    if account is None:
        return ""
    return str(getattr(account, "aad_object_id", None) or account.id or "")


def _nothing_to_do(body: dict[str, Any]) -> bool:
    """An update without a conversation (Teams can send a bare conversationUpdate): nobody to
    remember or answer. The SDK would refuse it with 400; Teams is owed a 200."""
    conversation = body.get("conversation")
    has_conversation = isinstance(conversation, dict) and bool(conversation.get("id"))
    return not has_conversation and body.get("type") in ("conversationUpdate", "installationUpdate")


def _channel_data(activity: Activity) -> dict[str, Any]:
    data = activity.channel_data
    if isinstance(data, dict):
        return data
    if data is None:
        return {}
    dumped = (
        data.model_dump(by_alias=True, exclude_none=True) if hasattr(data, "model_dump") else {}
    )
    return dumped if isinstance(dumped, dict) else {}


class TeamsAdapter:
    """Teams as a platform: its route, its turn handling and its Notifier."""

    platform = PLATFORM

    def __init__(
        self,
        *,
        settings: TeamsSettings,
        references: ReferenceStore,
        programme: Programme,
        uploader: FileUploader | None = None,
        retry: RetryPolicy = DEFAULT_RETRY,
        app_budget: SharedBudget | None = None,
    ) -> None:
        self.settings = settings
        self.programme = programme
        self.uploader = uploader
        self.engine: Engine | None = None
        self._inflight: set[str] = set()
        self.auth = RequestAuthenticator(settings)
        self.connection = TeamsConnection(
            settings=settings,
            references=references,
            configuration=self.auth.configuration,
            retry=retry,
            app_budget=app_budget,
        )
        self.agent = _TeamsAgent(self)
        self.consent = FileConsent(self.connection)
        self.notifier = TeamsNotifier(
            connection=self.connection, programme=programme, uploader=uploader
        )

    # -- the Adapter protocol ---------------------------------------------------------------

    def install(self, app: web.Application, engine: Engine) -> None:
        self.engine = engine
        app.router.add_post("/api/messages", self.messages)

    async def start(self, engine: Engine) -> None:
        self.engine = engine

    async def stop(self) -> None:
        return None

    # -- HTTP ------------------------------------------------------------------------------

    async def messages(self, request: web.Request) -> web.StreamResponse:
        claims = await self.auth.authenticate(request.headers.get("Authorization"))
        if claims is None:
            return web.json_response({"error": "Unauthorized"}, status=401)
        try:
            body = await request.json()
        except (ValueError, UnicodeDecodeError, LookupError, RecursionError):
            return web.json_response({"error": "The body is not valid JSON"}, status=400)
        if not isinstance(body, dict):
            return web.json_response({"error": "The body must be an activity"}, status=400)
        if _nothing_to_do(body):
            return web.Response(status=200)
        if not service_url_matches(claims, body):
            log.warning("Teams request refused: serviceUrl differs from the token's")
            return web.json_response({"error": "Unauthorized"}, status=401)
        with warnings.catch_warnings():
            # The SDK reads the claims under this plain string key.
            warnings.simplefilter("ignore", web.NotAppKeyWarning)
            request["claims_identity"] = claims
        try:
            response = await self.connection.cloud.process(request, self.agent)
        except ValueError:  # pydantic: not an activity
            return web.json_response({"error": "The body is not a valid activity"}, status=400)
        return response or web.Response(status=202)

    # -- turns -----------------------------------------------------------------------------

    def remember(self, activity: Activity) -> None:
        """Keep a reference to the person and the channel: the only way to write to them later."""
        reference = activity.get_conversation_reference()
        # Proactive posts start new messages, never replies to what was said back then.
        reference.activity_id = None
        # The reference is stored: a client's locale is kept only when it is a language tag.
        if reference.locale and not LANGUAGE_TAG.fullmatch(reference.locale):
            reference.locale = None
        conversation = activity.conversation
        if conversation is None or not activity.service_url:
            return
        tenant = str(getattr(conversation, "tenant_id", None) or "")
        kind = str(getattr(conversation, "conversation_type", None) or "personal")
        if kind == "personal":
            key = user_key(activity.from_property)
            if key:
                self._save(
                    f"user:{key}", "user", activity.from_property.name or "", reference, tenant
                )
            return
        data = _channel_data(activity)
        channel = data.get("channel") or {}
        team = data.get("team") or {}
        if kind == "channel" or channel:
            channel_id = str(channel.get("id") or team.get("id") or conversation.id.split(";")[0])
            name = str(channel.get("name") or team.get("name") or "")
            channel_ref = reference.model_copy(deep=True)
            channel_ref.conversation.id = channel_id
            self._save(f"channel:{channel_id}", "channel", name, channel_ref, tenant)
            person = user_key(activity.from_property)
            if person:
                # Met in this team: its roster can open a personal chat later (personal.py).
                team_ref = channel_ref.model_copy(deep=True)
                team_ref.conversation.id = str(team.get("id") or channel_id)
                self._save(f"member:{person}", "member", name, team_ref, tenant)
        else:
            self._save(
                f"group:{conversation.id}", "group", str(conversation.name or ""), reference, tenant
            )

    def _save(
        self, key: str, kind: str, name: str, reference: ConversationReference, tenant: str
    ) -> None:
        self.connection.keep(key, kind, name, reference, tenant)

    def incoming(self, activity: Activity, **content: Any) -> Incoming:
        account = activity.from_property
        conversation = activity.conversation
        kind = str(getattr(conversation, "conversation_type", None) or "personal")
        return Incoming(
            platform=PLATFORM,
            user_id=user_key(account),
            user_name=(account.name if account else "") or "",
            conversation_id=conversation.id if conversation else "",
            # A channel conversation is a thread ("19:…@thread.tacv2;messageid=…"): notices
            # about what is logged there go back to it.
            thread=conversation.id if conversation and kind == "channel" else "",
            locale=activity.locale,
            # Teams retries with the same activity id: the same id is handled once.
            idempotency_key=(
                f"{PLATFORM}:{conversation.id if conversation else ''}:{activity.id}"
                if activity.id
                else ""
            ),
            **content,
        )

    def locale_of(self, activity: Activity) -> str:
        if activity.locale:
            return normalise_locale(activity.locale)
        record = self.programme.person_for(PLATFORM, user_key(activity.from_property))
        return normalise_locale(record.locale if record else None)

    async def send(self, context: TurnContext, fields: dict[str, Any]) -> str:
        return await self.connection.send(context, fields)

    async def answer(self, context: TurnContext, replies: list[Reply]) -> None:
        locale = self.locale_of(context.activity)
        personal = (context.activity.conversation.conversation_type or "personal") == "personal"
        for reply in replies:
            for fields in reply_activities(reply, locale):  # parts, each within 28 KB
                await self.send(context, fields)
            if reply.file is not None:
                await self.send_file(context, reply.file, locale, personal=personal)

    async def send_file(
        self, context: TurnContext, file: FileRef, locale: str, *, personal: bool
    ) -> None:
        if self.uploader is not None and file.path:
            text = await self.uploader.link(file, locale)
            await self.send(context, cards.reply_activity(Reply(text), locale))
        elif personal and file.path:
            await self.send(context, self.consent.card(file, locale))
        elif file.url:
            text = t(locale, "teams.file_link", name=file.name, url=file.url)
            await self.send(context, cards.reply_activity(Reply(text), locale))
        else:
            await self.send(
                context, cards.reply_activity(Reply(t(locale, "teams.file_in_channel")), locale)
            )

    async def handle(self, context: TurnContext, incoming: Incoming) -> None:
        """The engine's answer, posted once: Teams retries an activity (and an invoke) with the
        same id when it did not hear back in time; the engine does not redo the work, and the
        answer it gives again is not posted again."""
        engine = self.engine
        assert engine is not None, "install() binds the engine"
        key = incoming.idempotency_key
        marker = f"{PLATFORM}:answered:{key}"
        # Claimed before the work, in the database, as Slack's (replicas share the database).
        if key and (key in self._inflight or not engine.requests.claim(marker)):
            log.info("Teams activity already answered; not posted again")
            return
        if key:
            self._inflight.add(key)
        try:
            replies = await engine.handle(incoming)
            await self.answer(context, replies)
        except BaseException:
            if key:
                engine.requests.forget(marker)  # not answered: a retry tries again
            raise
        finally:
            self._inflight.discard(key)

    async def on_message(self, context: TurnContext) -> None:
        activity = context.activity
        self.remember(activity)
        data = activity.value
        if data is not None and not (activity.text or "").strip():
            # Action.Submit, the fallback of our card buttons: the card's data, no text.
            parsed = cards.card_input(data)
            if parsed is None:
                locale = self.locale_of(activity)
                await self.answer(context, [Reply(t(locale, "teams.bad_card"), style="error")])
                return
            key = "form" if isinstance(parsed, FormSubmission) else "action"
            await self.handle(context, self.incoming(activity, **{key: parsed}))
            return
        # In a channel the text starts with "<at>FVIS-boten</at>": the mention is not the message.
        text = activity.remove_recipient_mention() or activity.text or ""
        await self.handle(context, self.incoming(activity, text=text))

    async def on_card_action(self, context: TurnContext) -> InvokeResponse:
        activity = context.activity
        self.remember(activity)
        locale = self.locale_of(activity)
        value = activity.value if isinstance(activity.value, dict) else {}
        action = value.get("action") if isinstance(value.get("action"), dict) else {}
        assert isinstance(action, dict)
        data = action.get("data")
        parsed = cards.card_input(data)
        if action.get("type") != "Action.Execute" or parsed is None:
            return InvokeResponse(
                status=400,
                body={
                    "statusCode": 400,
                    "type": "application/vnd.microsoft.error",
                    "value": {"code": "BadRequest", "message": t(locale, "teams.bad_card")},
                },
            )
        key = "form" if isinstance(parsed, FormSubmission) else "action"
        await self.handle(context, self.incoming(activity, **{key: parsed}))
        # The clicked card becomes a record of the answer: nobody clicks it twice by mistake.
        assert isinstance(data, dict)
        return InvokeResponse(
            status=200,
            body={
                "statusCode": 200,
                "type": cards.ADAPTIVE,
                "value": cards.answered_card(data, locale),
            },
        )

    async def on_members_added(self, context: TurnContext, members: list[ChannelAccount]) -> None:
        activity = context.activity
        recipient = activity.recipient.id if activity.recipient else ""
        bot_added = any(member.id == recipient for member in members)
        personal = (activity.conversation.conversation_type or "personal") == "personal"
        if personal:
            # The bot installed by the person (or for them): remember them, say hello once.
            self.remember(activity)
            for member in members:
                if member.id != recipient:
                    copy = activity.model_copy(deep=True)
                    copy.from_property = member
                    self.remember(copy)
            if bot_added:
                locale = self.locale_of(activity)
                await self.answer(context, [Reply(t(locale, "teams.welcome"))])
        elif bot_added:
            self.remember(activity)


class _TeamsAgent(ActivityHandler):  # type: ignore[misc]
    """The SDK's activity router, handing each kind of activity to the adapter."""

    def __init__(self, adapter: TeamsAdapter) -> None:
        self._adapter = adapter

    async def on_message_activity(self, turn_context: TurnContext) -> None:
        await self._adapter.on_message(turn_context)

    async def on_members_added_activity(
        self, members_added: list[ChannelAccount], turn_context: TurnContext
    ) -> None:
        await self._adapter.on_members_added(turn_context, members_added)

    async def on_installation_update_add(self, turn_context: TurnContext) -> None:
        self._adapter.remember(turn_context.activity)

    async def on_invoke_activity(self, turn_context: TurnContext) -> InvokeResponse:
        name = turn_context.activity.name
        if name == "adaptiveCard/action":
            return await self._adapter.on_card_action(turn_context)
        if name == "fileConsent/invoke":
            locale = self._adapter.locale_of(turn_context.activity)
            return await self._adapter.consent.on_invoke(turn_context, locale)
        return InvokeResponse(status=501)
