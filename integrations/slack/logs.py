"""Slack's libraries log whole payloads at DEBUG (Bolt the request body, the SDK every API call
with its arguments): message and form text, which fvis-bot never logs. Their loggers are held
at INFO whatever FVIS_LOG_LEVEL says; our own loggers keep theirs."""

from __future__ import annotations

import logging

# slack_sdk's modules log through loggers under "slack_sdk"; Bolt's are configured from the
# logger the app is given (otherwise from the root's level at the time the app is built).
SDK_LOGGERS = ("slack_sdk", "slack_bolt")
BOLT_LOGGER = "slack_bolt.fvis-bot"


def quiet_sdk_loggers() -> logging.Logger:
    """Lift Slack's loggers to INFO; the logger to give Bolt's AsyncApp."""
    for name in (*SDK_LOGGERS, BOLT_LOGGER):
        logger = logging.getLogger(name)
        if logger.getEffectiveLevel() < logging.INFO:
            logger.setLevel(logging.INFO)
    return logging.getLogger(BOLT_LOGGER)
