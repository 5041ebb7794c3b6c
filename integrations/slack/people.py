"""Names behind Slack ids: people (users.info) and channels (conversations.info), remembered
for an hour; and Slack's message markup turned into the text a person reads, so that an entry
stores "@Anna Andersson" and "#allmänt", never "<@U123>" or "<#C123>".

Markup: https://api.slack.com/reference/surfaces/formatting#retrieving-messages
"""

from __future__ import annotations

import asyncio
import logging
import re
import time

from slack_sdk.web.async_client import AsyncWebClient

from integrations.slack.notifier import SEND_ERRORS, describe

log = logging.getLogger(__name__)

TTL_SECONDS = 3_600.0
MARKUP = re.compile(r"<([^<>\n]+)>")
# Slack's special mentions: https://api.slack.com/reference/surfaces/formatting#special-mentions
SPECIAL = {"here": "@here", "channel": "@channel", "everyone": "@everyone"}


def unescape(text: str) -> str:
    """Slack escapes &, < and > in message text; the engine gets what the person typed."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


class Directory:
    def __init__(self, client: AsyncWebClient) -> None:
        self._client = client
        self._people: dict[str, tuple[str, str | None, float]] = {}
        self._channels: dict[str, tuple[str, float]] = {}

    async def person(self, user_id: str) -> tuple[str, str | None]:
        """The person's name and Slack locale; ("", None) when Slack cannot say."""
        cached = self._people.get(user_id)
        if cached is not None and time.monotonic() - cached[2] < TTL_SECONDS:
            return cached[0], cached[1]
        try:
            response = await self._client.users_info(user=user_id, include_locale=True)
        except SEND_ERRORS as error:
            log.warning("users.info failed: %s", describe(error))
            return "", None
        user = response.get("user") or {}
        profile = user.get("profile") or {}
        name = str(user.get("real_name") or profile.get("real_name") or user.get("name") or "")
        locale = str(user["locale"]) if user.get("locale") else None
        self._people[user_id] = (name, locale, time.monotonic())
        return name, locale

    async def channel(self, channel_id: str) -> str:
        cached = self._channels.get(channel_id)
        if cached is not None and time.monotonic() - cached[1] < TTL_SECONDS:
            return cached[0]
        try:
            response = await self._client.conversations_info(channel=channel_id)
        except SEND_ERRORS as error:
            log.warning("conversations.info failed: %s", describe(error))
            return ""
        name = str((response.get("channel") or {}).get("name") or "")
        self._channels[channel_id] = (name, time.monotonic())
        return name

    async def readable(self, text: str) -> str:
        """The text with every mention, channel, group and link written out (then unescaped)."""
        tokens = {match.group(1) for match in MARKUP.finditer(text)}
        if not tokens:
            return unescape(text)
        people = sorted({t[1:].partition("|")[0] for t in tokens if t.startswith("@")})
        channels = sorted(
            {t[1:].partition("|")[0] for t in tokens if t.startswith("#") and "|" not in t}
        )
        names = await asyncio.gather(*(self.person(p) for p in people))
        titles = await asyncio.gather(*(self.channel(c) for c in channels))
        who = {p: n[0] for p, n in zip(people, names, strict=True)}
        where = dict(zip(channels, titles, strict=True))

        def written(match: re.Match[str]) -> str:
            return _written(match.group(1), who, where)

        return unescape(MARKUP.sub(written, text))


def _written(token: str, who: dict[str, str], where: dict[str, str]) -> str:
    body, _, label = token.partition("|")
    if body.startswith("@"):
        return f"@{who.get(body[1:]) or label or body[1:]}"
    if body.startswith("#"):
        return f"#{label or where.get(body[1:]) or body[1:]}"
    if body.startswith("!"):
        name = body[1:]
        if name in SPECIAL:
            return SPECIAL[name]
        if name.startswith("subteam^"):
            return label if label.startswith("@") else f"@{label or name.split('^', 1)[1]}"
        # <!date^…|fallback> and any future special: its fallback text, else nothing.
        return label
    url = body.removeprefix("mailto:")
    if label and label != url:
        return f"{label} ({url})"
    return url
