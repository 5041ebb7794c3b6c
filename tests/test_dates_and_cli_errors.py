"""Impossible dates and times are refused with an example of what works, in the chat and on the
command line; the command line answers bad arguments and unwritable files in one line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.app.build import Bot
from bot.i18n.catalogue import t
from tests.helpers import NEED, rows
from tests.test_cli import cli  # noqa: F401  (the fixture)


async def test_an_impossible_date_in_a_deviation_is_refused_with_an_example(
    chat: Any, bot: Bot
) -> None:
    anna = chat("anna")
    await anna.say("avvikelse Fel dos gavs")
    for impossible in ("2025-13-02", "igår kl 25"):
        await anna.say(impossible)
        assert anna.last[0].text == t("sv", "bad_when", text=impossible)
        assert "igår kl 14" in anna.text  # the example of what works, and the question again
    await anna.say("igår kl 14")
    assert anna.text == t("sv", "ask.unit")


async def test_an_impossible_report_period_is_refused_with_an_example(chat: Any) -> None:
    david = chat("david")
    await david.say("rapport period 2020-13-01 2020-14-01")
    assert david.text == t("sv", "reports.bad_date", text="2020-13-01")
    assert "2026-11-01" in david.text


async def test_a_reminder_at_an_impossible_hour_is_refused(chat: Any, bot: Bot) -> None:
    anna = chat("anna")
    await anna.say("påminn mig imorgon kl 25 om rapporten")
    # Not read as tomorrow at some other hour: the bot asks when, with an example.
    assert "När vill du bli påmind" in anna.text and "i morgon kl 8" in anna.text
    assert rows(bot, "reminders") == []


def test_a_huge_limit_is_a_one_line_usage_error(cli: Any, capsys: Any) -> None:  # noqa: F811
    with pytest.raises(SystemExit) as exit_:
        cli("entries", "list", "--limit", "99999999999999999999")
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--limit" in err and "10000" in err
    assert "Traceback" not in err


async def test_an_unwritable_output_file_is_one_line_and_exit_1(
    cli: Any,  # noqa: F811
    chat: Any,
    tmp_path: Path,
) -> None:
    await chat("anna").log("need", NEED)
    code, _, err = cli("report", "entry", "BEH-1", "--out", "/proc/self/mem")
    assert code == 1
    assert err.count("\n") == 1 and "/proc/self/mem" in err and "Traceback" not in err
    blocker = tmp_path / "fil"
    blocker.write_text("")
    code, _, err = cli("report", "entry", "BEH-1", "--out", str(blocker / "under" / "x.docx"))
    assert code == 1 and err.count("\n") == 1 and "Traceback" not in err
