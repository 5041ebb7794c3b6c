"""Ids handed out by the bot never look like a personnummer (they would be refused on return)."""

from __future__ import annotations

import uuid

import pytest

from bot.domain import ids
from bot.domain.pii import contains_personal_number


def test_new_id_draws_again_when_a_uuid_holds_a_personnummer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    unlucky = uuid.UUID("abcdef" + "1212121212" + "abcdefabcdefabcd")
    lucky = uuid.UUID("abcdefabcdefabcdefabcdefabcdefab")
    assert contains_personal_number(unlucky.hex)
    drawn = iter([unlucky, lucky])
    monkeypatch.setattr(ids.uuid, "uuid4", lambda: next(drawn))
    assert ids.new_id() == lucky.hex


def test_new_ids_are_unique_and_clean() -> None:
    drawn = {ids.new_id() for _ in range(2_000)}
    assert len(drawn) == 2_000
    assert not any(contains_personal_number(value) for value in drawn)
