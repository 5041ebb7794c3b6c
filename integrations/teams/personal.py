"""A personal chat with someone the bot has met only in a team's channel. Teams' documented
way ("Proactive messages": get the user's id from the team's roster, then create the
conversation): the roster (`GET /v3/conversations/{team}/pagedmembers`) gives the member's
Teams account, `POST /v3/conversations` with that member and the tenant opens the 1:1 chat,
and its reference is kept like one from an install. Each request goes through the limits
(roster fetches count as much as messages)."""

from __future__ import annotations

import logging
from typing import Any

from microsoft_agents.activity import (
    ChannelAccount,
    ConversationAccount,
    ConversationParameters,
    ConversationReference,
)

from integrations.teams.connection import TeamsConnection
from integrations.teams.ratelimit import SendFailed

log = logging.getLogger(__name__)

ROSTER_PAGE = 200  # pagedmembers' largest page (Teams' docs: 50 to 500)


class CannotOpen(Exception):
    """Teams would not open the chat: the reason (the HTTP status) for the person asking."""


async def _member(
    connection: TeamsConnection, team: ConversationReference, user_id: str
) -> ChannelAccount | None:
    """The member of the team whose Entra object id (or Teams id) is `user_id`."""
    conversation = team.conversation.id
    token: str | None = None
    while True:

        async def page(connector: Any, token: str | None = token) -> Any:
            return await connector.conversations.get_conversation_paged_members(
                conversation, page_size=ROSTER_PAGE, continuation_token=token
            )

        result = await connection.proactive(team, page, conversation)
        for member in result.members or []:
            if user_id in (member.aad_object_id, member.id):
                return member
        token = result.continuation_token
        if not token:
            return None


async def open_personal(
    connection: TeamsConnection, team: ConversationReference, user_id: str
) -> ConversationReference | None:
    """The new personal chat's reference; None when the person is not in the team. Raises
    CannotOpen when Teams refuses (the app not allowed for them, for one)."""
    try:
        member = await _member(connection, team, user_id)
        if member is None:
            return None
        tenant = team.conversation.tenant_id or ""
        parameters = ConversationParameters(
            is_group=False,
            agent=team.agent,
            members=[member],
            tenant_id=tenant or None,
            channel_data={"tenant": {"id": tenant}},
        )

        async def create(connector: Any) -> Any:
            return await connector.conversations.create_conversation(parameters)

        created = await connection.proactive(team, create, team.conversation.id)
    except SendFailed as failure:
        raise CannotOpen(failure.reason) from failure
    log.info("opened a personal Teams chat from a team's roster")
    return ConversationReference(
        channel_id=team.channel_id,
        service_url=created.service_url or team.service_url,
        agent=team.agent,
        user=member,
        conversation=ConversationAccount(
            id=created.id, conversation_type="personal", tenant_id=tenant or None
        ),
    )
