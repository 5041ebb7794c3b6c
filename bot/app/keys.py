"""The installation's secret for keyed hashes (from the environment, or a file beside the
database made once, so restarts and the command line hash alike), and the request log that
stores keys only as such hashes and forgets old answers."""

from __future__ import annotations

import logging
import os
import secrets
from datetime import timedelta
from pathlib import Path

from bot.config import ConfigError, Settings
from bot.conversation.requests import HashedRequestLog
from bot.delivery.scheduler import Scheduler
from bot.domain.keys import KeyHasher
from bot.ports.clock import Clock
from bot.ports.conversation import RequestLog

log = logging.getLogger(__name__)

SECRET_FILE = "installation.secret"


def installation_keys(settings: Settings) -> KeyHasher:
    if settings.installation_secret:
        return KeyHasher(settings.installation_secret.encode())
    if settings.database_url:
        # Replicas share the database, so they must hash alike: a file beside each one's
        # FVIS_DB_PATH would give each its own secret, and a retry reaching another replica
        # would not be recognised.
        raise ConfigError(
            "FVIS_INSTALLATION_SECRET is required with FVIS_DATABASE_URL (the same on every "
            "replica; e.g. `openssl rand -hex 32`)"
        )
    if str(settings.db_path) == ":memory:":
        return KeyHasher.ephemeral()
    path = Path(settings.db_path).parent / SECRET_FILE
    try:
        return KeyHasher(_read_or_create(path))
    except (OSError, ValueError) as error:
        # A read-only disk: the bot still answers (and says it cannot save); retries within
        # this process are still answered once.
        log.warning("no installation secret at %s (%s): one for this run only", path, error)
        return KeyHasher.ephemeral()


def _read_or_create(path: Path) -> bytes:
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        # Written whole under another name, then linked: a process starting at the same moment
        # reads either nothing (and links its own) or the complete secret, never half of one.
        draft = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
        fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as file:
            file.write(secrets.token_hex(32) + "\n")
        try:
            os.link(draft, path)
        except FileExistsError:
            pass  # another process made it first: theirs counts
        finally:
            draft.unlink()
    return path.read_text(encoding="ascii").strip().encode()


def request_log(
    settings: Settings, inner: RequestLog, keys: KeyHasher, clock: Clock, scheduler: Scheduler
) -> HashedRequestLog:
    """The request log with hashed keys, pruned now and every night."""
    requests = HashedRequestLog(inner, keys)
    retention = timedelta(days=settings.request_retention_days)

    def prune() -> None:
        try:
            removed = requests.prune(clock.now() - retention)
        except Exception as error:  # a read-only or busy database: next night
            log.warning("old request answers could not be removed: %s", type(error).__name__)
            return
        if removed:
            log.info("removed %d request answers older than %s", removed, retention)

    async def nightly() -> None:
        prune()

    prune()
    scheduler.add_cron("prune-requests", nightly, hour=3, minute=17)
    return requests
