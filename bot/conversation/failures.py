"""When handling a message fails: how long a busy database is retried, what the person is told
(in their language), and what the log keeps (never the message; each database cause once)."""

from __future__ import annotations

import logging

from bot.domain.messages import Reply
from bot.i18n.catalogue import t

# Logged under the engine's name, as before this module was split from it (log filters name it).
log = logging.getLogger("bot.conversation.engine")

# A busy database (another writer holds it) is retried this long, with backoff, before the
# person is asked to try again; the event loop never waits for the lock meanwhile.
BUSY_PATIENCE_SECONDS = 2.0
BUSY_FIRST_DELAY = 0.05
BUSY_MAX_DELAY = 0.5


def failure_reply(
    locale: str,
    platform: str,
    error: Exception,
    failure: str | None,
    wrote: bool,
    logged: set[str],
) -> Reply:
    """`failure`: the storage's class of the error ("busy", "unavailable") or None for a bug;
    `logged`: the database causes already logged by this engine."""
    if failure is None:
        # Never the text itself in the log: it may hold what must not be stored.
        log.error("handling a message from %s failed", platform, exc_info=error)
    elif (cause := f"{failure}: {error}") not in logged:
        # A busy or unwritable database is logged once per cause, not once per message.
        logged.add(cause)
        log.error("the database could not be written (%s)", cause)
    if failure == "busy" and not wrote:
        return Reply(t(locale, "storage_busy"), style="error")
    if failure == "unavailable":
        return Reply(t(locale, "storage_unavailable"), style="error")
    return Reply(t(locale, "error"), style="error")
