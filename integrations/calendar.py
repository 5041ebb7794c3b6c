"""`GET /calendar.ics?token=…`: milestones and the communication plan as iCalendar (RFC 5545),
for subscription in Outlook. Milestones are all-day events; announcements are 15-minute events
at their send time, in UTC. Withdrawn or cancelled announcements stay in the feed as CANCELLED,
so subscribed calendars remove them; each event's DTSTAMP and SEQUENCE say which version it is."""

from __future__ import annotations

import hmac
from datetime import UTC, datetime, timedelta

from aiohttp import web
from icalendar import Calendar, Event

from bot.ports.clock import Clock
from bot.ports.plan import PlanSource
from bot.text.render import due_label

PATH = "/calendar.ics"
PRODID = "-//Region Västerbotten//fvis-bot//SV"
SHOWN = ("approved", "published", "failed", "missed", "withdrawn", "cancelled")
ANNOUNCEMENT = timedelta(minutes=15)


class CalendarFeed:
    def __init__(
        self, *, plan: PlanSource, clock: Clock, token: str, open_without_token: bool, name: str
    ) -> None:
        self.plan = plan
        self.clock = clock
        self.token = token
        # Without a token the feed is served only on loopback (the local demo).
        self.open_without_token = open_without_token
        self.name = name

    def install(self, app: web.Application) -> None:
        app.router.add_get(PATH, self.handle)

    async def handle(self, request: web.Request) -> web.Response:
        given = request.query.get("token", "")
        if self.token:
            if not hmac.compare_digest(given.encode(), self.token.encode()):
                return web.Response(
                    status=401, text="Fel eller saknad token. / Wrong or missing token."
                )
        elif not self.open_without_token:
            return web.Response(
                status=403,
                text="Kalendern kräver FVIS_CALENDAR_TOKEN. / The calendar needs FVIS_CALENDAR_TOKEN.",
            )
        return web.Response(
            body=self.render(),
            content_type="text/calendar",
            charset="utf-8",
            headers={
                "Content-Disposition": 'inline; filename="fvis.ics"',
                "Cache-Control": "no-store",
            },
        )

    def render(self) -> bytes:
        now = self.clock.now()
        calendar = Calendar()
        calendar.add("prodid", PRODID)
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("x-wr-calname", self.name)
        for row in self.plan.milestones():
            event = self._event(f"milestone-{row.id}", row.changed_at or now, row.sequence)
            event.add("summary", f"{row.id}: {row.title}")
            event.add("dtstart", row.due)
            event.add("dtend", row.due + timedelta(days=1))
            # A quarter stays a quarter: the event sits on its last working day and says so.
            when = due_label(row.due, row.due_text, "sv")
            event.add(
                "description",
                f"Datum/date: {when}. Ägare/owner: {row.owner or '–'}. "
                f"Beslut/decision: {'ja/yes' if row.decided else 'nej/no'}.",
            )
            event.add(
                "categories", ["FVIS", "beslutspunkt" if row.kind == "decision" else "milstolpe"]
            )
            event.add("transp", "TRANSPARENT")
            calendar.add_component(event)
        for item in self.plan.comms(now - timedelta(days=366), now + timedelta(days=3 * 366)):
            if item.status not in SHOWN or item.send_at is None:
                continue
            event = self._event(f"comms-{item.id}", item.changed_at or now, item.sequence)
            event.add("summary", f"KOM-{item.id}: {item.title}")
            event.add("dtstart", item.send_at)
            event.add("dtend", item.send_at + ANNOUNCEMENT)
            event.add(
                "description",
                f"Status: {item.status}. Kanaler/channels: {', '.join(item.channels)}.",
            )
            event.add("categories", ["FVIS", "kommunikation"])
            if item.status in ("withdrawn", "cancelled"):
                event.add("status", "CANCELLED")
            calendar.add_component(event)
        return bytes(calendar.to_ical())

    @staticmethod
    def _event(uid: str, changed: datetime, sequence: int) -> Event:
        """DTSTAMP is when the item last changed, not when the feed was asked for, and SEQUENCE
        grows with each change: how calendar clients tell a changed or cancelled item from the
        copy they hold (RFC 5545 3.8.7.2, 3.8.7.4)."""
        event = Event()
        event.add("uid", f"{uid}@fvis-bot")
        event.add("dtstamp", changed.astimezone(UTC))
        event.add("sequence", sequence)
        return event
