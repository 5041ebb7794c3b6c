"""The connection to Teams that every outgoing message shares: the SDK's CloudAdapter with its
token provider, the rate limiter, the retry policy, the bound on open proactive turns and the
conversation references the bot has stored. The adapter builds it; the adapter's replies, the
notifier and the file consent all send through it, so none of them needs the adapter."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any, Protocol

from aiohttp import ClientResponseError
from microsoft_agents.activity import Activity, ConversationReference
from microsoft_agents.hosting.aiohttp import CloudAdapter
from microsoft_agents.hosting.core import AgentAuthConfiguration, ClaimsIdentity, TurnContext
from microsoft_agents.hosting.core.connector import ConnectorClientBase

from integrations.microsoft.settings import TeamsSettings
from integrations.teams.auth import ConnectorTokens
from integrations.teams.ratelimit import (
    DEFAULT_RETRY,
    RateLimiter,
    RetryPolicy,
    SharedBudget,
    Slot,
    send_with_limits,
)

log = logging.getLogger(__name__)


class ReferenceStore(Protocol):
    def save(
        self,
        *,
        key: str,
        kind: str,
        name: str,
        conversation_id: str,
        service_url: str,
        tenant_id: str,
        reference: str,
    ) -> None: ...

    def get(self, key: str) -> dict[str, Any] | None: ...

    def by_name(self, kind: str, name: str) -> dict[str, Any] | None: ...


def http_status(error: BaseException) -> tuple[int, float | None] | None:
    """The connector's HTTP answer in an SDK error: (status, Retry-After seconds)."""
    if not isinstance(error, ClientResponseError):
        return None
    retry_after: float | None = None
    raw = error.headers.get("Retry-After") if error.headers else None
    if raw:
        try:
            retry_after = max(0.0, float(raw))
        except ValueError:
            retry_after = None
    return error.status, retry_after


async def _turn_error(context: TurnContext, error: Exception) -> None:
    log.error("a Teams turn failed: %s", type(error).__name__, exc_info=error)
    raise error


class TeamsConnection:
    """What sending to Teams needs, and nothing of what receiving does."""

    def __init__(
        self,
        *,
        settings: TeamsSettings,
        references: ReferenceStore,
        configuration: AgentAuthConfiguration,
        retry: RetryPolicy = DEFAULT_RETRY,
        app_budget: SharedBudget | None = None,
    ) -> None:
        self.settings = settings
        self.references = references
        self.retry = retry
        # app_budget: the per-app limit shared with other replicas (PostgreSQL), else local.
        self.limiter = RateLimiter(
            app_rate_per_second=settings.app_rate_per_second, shared=app_budget
        )
        # Proactive posts build an activity and open a connection each: a burst waits here
        # (TeamsNotifier.post), not with a socket open.
        self.turns = asyncio.Semaphore(max(8, round(settings.app_rate_per_second * 2)))
        self.tokens = ConnectorTokens(settings, configuration)
        self.cloud = CloudAdapter(connection_manager=self.tokens)
        # The SDK's default turn error handler tells the person the exception text.
        self.cloud.on_turn_error = _turn_error

    @property
    def app_id(self) -> str:
        return self.settings.app_id

    def keep(
        self, key: str, kind: str, name: str, reference: ConversationReference, tenant: str
    ) -> None:
        """Store a conversation reference: the only way to write to someone later."""
        self.references.save(
            key=key,
            kind=kind,
            name=name,
            conversation_id=reference.conversation.id,
            service_url=reference.service_url or "",
            tenant_id=tenant,
            reference=reference.model_dump_json(by_alias=True, exclude_none=True),
        )

    async def send(self, context: TurnContext, fields: dict[str, Any]) -> str:
        """Send one message in the turn's conversation, within the limits; its activity id."""
        activity = Activity.model_validate(fields)
        conversation = context.activity.conversation.id

        async def once(slot: Slot) -> Any:
            answered = await slot()
            response = await context.send_activity(activity)
            answered()
            return response

        response = await send_with_limits(
            self.limiter, conversation, once, status_of=http_status, policy=self.retry
        )
        return str(getattr(response, "id", "") or "")

    async def _continue(
        self, reference: ConversationReference, callback: Callable[[TurnContext], Awaitable[None]]
    ) -> None:
        continuation = reference.get_continuation_activity()
        if self.settings.credentials is None:
            # Anonymous (TEAMS_ANONYMOUS=on, the Agents Playground): the SDK's
            # continue_conversation(app_id) makes claims naming an app, which are then not
            # anonymous, and asks for a token it cannot have ("Failed to obtain token for user
            # token client"). Empty claims are anonymous for both of the turn's clients.
            await self.cloud.continue_conversation_with_claims(
                ClaimsIdentity(), continuation, callback
            )
            return
        await self.cloud.continue_conversation(self.app_id, continuation, callback)

    async def proactive(
        self,
        reference: ConversationReference,
        work: Callable[[Any], Awaitable[Any]],
        conversation: str,
    ) -> Any:
        """Run `work(connector)` in a proactive turn, once a slot is free, with retries."""
        result: list[Any] = []

        async def once(slot: Slot) -> Any:
            result.clear()

            async def callback(context: TurnContext) -> None:
                connector = context.services.get(ConnectorClientBase)
                answered = await slot()  # the token and the connection are ready: now the request
                result.append(await work(connector))
                answered()  # its place in the windows counts from now, not from the turn's end

            await self._continue(reference, callback)
            return result[0] if result else None

        return await send_with_limits(
            self.limiter, conversation, once, status_of=http_status, policy=self.retry
        )
