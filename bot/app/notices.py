"""The daily digest of new entries, wired to the scheduler (bot/app/build.py calls this)."""

from __future__ import annotations

from bot.config import Settings
from bot.delivery.routing import NotifierRouter
from bot.delivery.scheduler import Scheduler
from bot.entries.digest import Digest
from bot.entries.service import EntryService
from bot.ports.clock import Clock
from bot.ports.notices import NoticeSettings


def daily_digest(
    settings: Settings,
    entries: EntryService,
    store: NoticeSettings,
    clock: Clock,
    notifier: NotifierRouter,
    scheduler: Scheduler,
) -> Digest:
    """Every day at FVIS_DIGEST_TIME, each waiting digest goes out (a missed day's with the next)."""
    digest = Digest(
        service=entries, settings=store, clock=clock, platforms=lambda: notifier.platforms
    )
    hour, minute = (int(part) for part in settings.digest_time.split(":"))

    async def send() -> None:
        await digest.send()

    scheduler.add_cron("notice-digest", send, hour=hour, minute=minute)
    return digest
