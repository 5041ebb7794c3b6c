"""Logging for the whole process: no personnummer in any line, no query string in the access log.

Log lines are kept and shipped elsewhere; what a person typed can reach them through an
exception message or a URL. Every record is redacted when it is made (message, arguments and
traceback), so no handler, formatter or library logger can write a number out.
"""

from __future__ import annotations

import logging
from typing import Any

from aiohttp.abc import AbstractAccessLogger
from aiohttp.web import BaseRequest, StreamResponse

from bot.domain.pii import redact

_installed = False


def configure_logging(level: str) -> None:
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if level != "DEBUG":
        # APScheduler logs every job it adds; our own scheduler logs what matters.
        logging.getLogger("apscheduler").setLevel(logging.WARNING)
    install_redaction()


def install_redaction() -> None:
    """Every log record made from now on has its personnummer masked (idempotent)."""
    global _installed
    if _installed:
        return
    _installed = True
    make = logging.getLogRecordFactory()

    def redacted(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = make(*args, **kwargs)
        try:
            message = record.getMessage()
        except Exception:  # a broken format string: logging itself reports it later
            return record
        record.msg, record.args = redact(message), None
        if record.exc_info and record.exc_info[0] is not None:
            record.exc_text = redact(logging.Formatter().formatException(record.exc_info))
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return record

    logging.setLogRecordFactory(redacted)


class AccessLog(AbstractAccessLogger):
    """One line per request: who, method, path without its query, status, size, time.

    Query strings carry tokens (`?token=`) and user ids (`?user=`); the Referer and User-Agent
    headers say nothing the bot needs. The path itself is redacted like any log text.
    """

    def log(self, request: BaseRequest, response: StreamResponse, time: float) -> None:
        self.logger.info(
            '%s "%s %s" %d %d %.0fms',
            request.remote or "-",
            request.method,
            redact(request.path),
            response.status,
            response.body_length,
            time * 1000,
        )
