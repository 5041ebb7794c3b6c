"""Ids the bot hands out (dialogues, forms). They travel through chat and are stored."""

from __future__ import annotations

import uuid

from bot.domain.pii import contains_personal_number


def new_id() -> str:
    # About one hex uuid in a few thousand holds ten digits that pass as a personnummer; such text
    # is refused wherever it comes back, so draw again.
    while True:
        candidate = uuid.uuid4().hex
        if not contains_personal_number(candidate):
            return candidate
