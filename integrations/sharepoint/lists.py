"""Milestones and the communication plan read from SharePoint lists, on a schedule.

Each row is compared three ways: the list now, the list at the last sync (kept as a digest),
and the bot now. A row changed only in the list is taken over; changed only in the bot, it is
left alone; changed in both (to different values) it is a conflict: reported, never overwritten.
New communication rows become drafts in the bot, so the second-person approval still applies.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from kiota_abstractions.base_request_configuration import RequestConfiguration
from msgraph import GraphServiceClient
from msgraph.generated.models.list_item import ListItem
from msgraph.generated.sites.item.lists.item.items.items_request_builder import (
    ItemsRequestBuilder,
)
from msgraph_core.tasks.page_iterator import PageIterator

from bot.domain.errors import UserError
from bot.domain.model import Person, Role
from bot.i18n.catalogue import t
from bot.plan.comms import CommsService, Draft
from bot.plan.milestones import MilestoneService
from bot.text.timeparse import parse_when
from integrations.microsoft.settings import ListSync, SharePointSettings
from integrations.sharepoint.graph import describe

log = logging.getLogger(__name__)

MILESTONE_FIELDS = ("id", "title", "date", "kind", "owner")
COMMS_FIELDS = ("title", "body", "body_en", "audiences", "channels", "send_at")
# Who the bot's log says made a change that came from a list.
SYNC_PERSON = Person(
    platform="sharepoint",
    user_id="list-sync",
    name="SharePoint-listan",
    roles=frozenset({Role.REPORTER, Role.PROJECT_LEAD, Role.COMMUNICATOR}),
    key="sharepoint",
)


class RowState(Protocol):
    def list_row(self, list_id: str, item_id: str) -> dict[str, Any] | None: ...

    def list_row_synced(
        self, *, list_id: str, item_id: str, etag: str, digest: str, record: str = ""
    ) -> None: ...


def digest(values: dict[str, str]) -> str:
    return hashlib.sha256(json.dumps(values, sort_keys=True).encode()).hexdigest()


def _text(value: Any, zone: ZoneInfo) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        # Graph's date columns arrive as UTC instants; a date-only column is local midnight.
        local = value.astimezone(zone) if value.tzinfo else value
        if (local.hour, local.minute) == (0, 0):
            return local.date().isoformat()
        return local.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, list):  # multi-choice columns
        return ",".join(_text(v, zone) for v in value)
    if isinstance(value, dict):  # person or lookup columns
        return str(value.get("LookupValue") or value.get("Email") or value.get("Title") or "")
    return str(value).strip()


@dataclass
class SyncResult:
    taken: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


class ListSyncer:
    def __init__(
        self,
        *,
        client: GraphServiceClient,
        settings: SharePointSettings,
        state: RowState,
        milestones: MilestoneService | None,
        comms: CommsService | None,
        now: Callable[[], datetime],
        timezone: str,
        report: Callable[[str], Awaitable[None]],
    ) -> None:
        self._client = client
        self._settings = settings
        self._state = state
        self._milestones = milestones
        self._comms = comms
        self._now = now
        self._timezone = timezone
        self._report = report

    async def rows(self, list_id: str) -> list[dict[str, Any]]:
        builder = self._client.sites.by_site_id(self._settings.site_id).lists.by_list_id(list_id)
        config = RequestConfiguration(
            query_parameters=ItemsRequestBuilder.ItemsRequestBuilderGetQueryParameters(
                expand=["fields"]
            )
        )
        first = await builder.items.get(request_configuration=config)
        rows: list[dict[str, Any]] = []
        if first is None:
            return rows

        def take(item: ListItem) -> bool:
            fields = getattr(item.fields, "additional_data", None) or {}
            rows.append({"id": str(item.id), "etag": str(item.e_tag or ""), "fields": fields})
            return True  # on to the next item, and the next page

        # Graph pages list items (@odata.nextLink); the SDK's iterator follows every page.
        await PageIterator(first, self._client.request_adapter).iterate(take)
        return rows

    async def sync(self) -> SyncResult:
        result = SyncResult()
        zone = ZoneInfo(self._timezone)
        for source in self._settings.lists:
            try:
                rows = await self.rows(source.list_id)
            except Exception as error:
                result.problems.append(f"{source.kind} list: {describe(error)}")
                continue
            for row in rows:
                values = self._normalise(
                    {
                        ours: _text(row["fields"].get(theirs), zone)
                        for theirs, ours in source.columns.items()
                    }
                )
                try:
                    await self._row(source, row, values, result)
                except UserError as error:
                    result.problems.append(
                        f"{source.kind} row {row['id']}: {t('sv', error.key, **error.values)}"
                    )
        for line in result.conflicts + result.problems:
            await self._report(line)
        return result

    async def _row(
        self, source: ListSync, row: dict[str, Any], values: dict[str, str], result: SyncResult
    ) -> None:
        previous = self._state.list_row(source.list_id, row["id"])
        listed = digest(values)
        if previous is not None and previous["digest"] == listed:
            return  # the list did not change: whatever the bot did since stands
        if source.kind == "milestones":
            ours = self._milestone_values(values.get("id", ""))
            what = f"milstolpe {values.get('id', '')}"
        else:
            ours = self._comms_values(previous["record"] if previous else "")
            # Named by its number, not its title: the channel is not for unapproved text.
            what = f"kommunikation {previous['record'] if previous else '(ny rad)'}"
        synced_before = previous["digest"] if previous else None
        bot_changed = ours is not None and digest(ours) != synced_before
        if ours is not None and bot_changed and self._differs(ours, values):
            # Changed in both places (or, at the first sync, different already): people decide.
            # Which fields, not their values: the programme channel must not carry list text.
            fields = ", ".join(k for k, v in values.items() if ours.get(k) != v)
            result.conflicts.append(t("sv", "sharepoint.sync_conflict", what=what, fields=fields))
            return
        record = str(previous["record"] or "") if previous else ""
        if ours is None or self._differs(ours, values):
            if source.kind == "milestones":
                self._take_milestone(values)
            else:
                record = self._take_comms(record, values)
            result.taken.append(what)
        self._state.list_row_synced(
            list_id=source.list_id,
            item_id=row["id"],
            etag=row["etag"],
            digest=listed,
            record=record,
        )

    def _local(self, when: datetime) -> str:
        return when.astimezone(ZoneInfo(self._timezone)).strftime("%Y-%m-%d %H:%M")

    def _normalise(self, values: dict[str, str]) -> dict[str, str]:
        """The list's values as the bot writes them, so equal means equal."""
        out = dict(values)
        for name in ("audiences", "channels"):
            if name in out:
                out[name] = ",".join(_split(out[name]))
        if out.get("send_at"):
            when = parse_when(out["send_at"], now=self._now(), tz=self._timezone)
            if when is not None:
                out["send_at"] = self._local(when)
        return out

    @staticmethod
    def _differs(ours: dict[str, str], theirs: dict[str, str]) -> bool:
        return any(ours.get(k, "") != v for k, v in theirs.items())

    # -- milestones ------------------------------------------------------------------------

    def _milestone_values(self, milestone_id: str) -> dict[str, str] | None:
        if self._milestones is None or not milestone_id:
            return None
        record = self._milestones.store.get(milestone_id)
        if record is None:
            return None
        values = {
            "id": record.id,
            "title": record.title,
            "date": record.due_text,
            "kind": record.kind,
            "owner": record.owner,
        }
        columns = next(s.columns for s in self._settings.lists if s.kind == "milestones")
        return {k: v for k, v in values.items() if k in columns.values()}

    def _take_milestone(self, values: dict[str, str]) -> None:
        if self._milestones is None:
            return
        current = self._milestones.store.get(values.get("id", ""))
        self._milestones.save_milestone(
            SYNC_PERSON,
            milestone_id=values.get("id", ""),
            title=values.get("title") or (current.title if current else ""),
            kind=values.get("kind") or (current.kind if current else "milestone"),
            due_text=values.get("date") or (current.due_text if current else ""),
            owner=values.get("owner") or (current.owner if current else ""),
        )

    # -- the communication plan ------------------------------------------------------------

    def _comms_values(self, record: str) -> dict[str, str] | None:
        if self._comms is None or not record.isdigit():
            return None
        item = self._comms.store.get(int(record))
        if item is None:
            return None
        return {
            "title": item.title,
            "body": item.body,
            "body_en": item.body_en,
            "audiences": ",".join(item.audiences),
            "channels": ",".join(item.channels),
            "send_at": self._local(item.send_at),
        }

    def _draft(self, values: dict[str, str]) -> Draft:
        when = parse_when(values.get("send_at", ""), now=self._now(), tz=self._timezone)
        if when is None:
            raise UserError("comms.bad_when", text=values.get("send_at", "")[:40])
        return Draft(
            title=values.get("title", ""),
            body=values.get("body", ""),
            body_en=values.get("body_en", ""),
            audiences=_split(values.get("audiences", "")),
            channels=_split(values.get("channels", "")) or ("sharepoint",),
            send_at=when,
        )

    def _take_comms(self, record: str, values: dict[str, str]) -> str:
        """The row as a draft (new) or an edit (known); the comms item's id."""
        if self._comms is None:
            return record
        draft = self._draft(values)
        if record.isdigit() and self._comms.store.get(int(record)) is not None:
            self._comms.edit(SYNC_PERSON, int(record), draft)
            return record
        return str(self._comms.draft(SYNC_PERSON, draft).id)


def _split(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.replace(";", ",").split(",") if part.strip())


def programme_reporter(
    post: Callable[[str], Awaitable[Any]],
) -> Callable[[str], Awaitable[None]]:
    async def report(line: str) -> None:
        log.warning("SharePoint list sync: %s", line)
        await post(line)

    return report


__all__: Sequence[str] = ("ListSyncer", "SyncResult", "programme_reporter")
