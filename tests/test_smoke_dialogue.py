"""A need logged in Swedish by a nurse, answered by clicking, then listed."""

from __future__ import annotations

from typing import Any

from tests.helpers import BENEFIT_2


async def test_need_dialogue_in_swedish(chat: Any) -> None:
    anna = chat("anna")
    await anna.say("behov Vi saknar skrivare på avd 5")
    # The unit was in the sentence: only the benefit objective is asked.
    assert "nyttoobjekt" in anna.text
    await anna.click(BENEFIT_2)
    assert "Stämmer det här?" in anna.text
    assert "Enhet: Avdelning 5 (förslag)" in anna.text
    assert "Vi saknar skrivare på avd 5" in anna.text
    await anna.click("Spara")
    assert "Sparat som BEH-1" in anna.text
    await anna.say("lista mina")
    assert "BEH-1 · Ny · Vi saknar skrivare på avd 5" in anna.text
