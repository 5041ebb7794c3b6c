"""The time side's services refuse personnummer themselves: the list sync and forms reach them
without passing the chat's checks."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.app.build import Bot
from bot.domain.errors import UserError
from bot.domain.programme import person_from
from bot.plan.comms import Draft
from tests.helpers import stored_bytes
from tests.time_helpers import time_side


@pytest.mark.parametrize("field", ["title", "body", "body_en"])
def test_a_draft_with_a_personnummer_is_refused(bot: Bot, settings: object, field: str) -> None:
    cecilia = person_from(bot.programme, "webchat", "cecilia")
    texts = {"title": "Nyhetsbrev", "body": "Hej alla.", "body_en": ""}
    texts[field] = "Gäller 19121212-1212"
    draft = Draft(**texts, audiences=("all-staff",), channels=("webchat",),
                  send_at=datetime(2026, 12, 1, 8, tzinfo=UTC))  # fmt: skip
    with pytest.raises(UserError) as refused:
        time_side(bot).comms.draft(cecilia, draft)
    assert refused.value.key == "pii_refused"
    assert b"121212-1212" not in stored_bytes(settings)  # type: ignore[arg-type]


def test_a_milestone_title_with_a_personnummer_is_refused(bot: Bot) -> None:
    david = person_from(bot.programme, "webchat", "david")
    with pytest.raises(UserError) as refused:
        time_side(bot).milestones.save_milestone(
            david, milestone_id="M-9", title="Uppföljning 701063-2391", kind="milestone",
            due_text="2027-03-31", owner="david",
        )  # fmt: skip
    assert refused.value.key == "pii_refused"
    assert "M-9" not in {row.id for row in bot.plan.milestones()}
