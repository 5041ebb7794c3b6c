"""Making a report pauses Python's cycle collector and always resumes it (bot/reports/making.py),
also when reports overlap in threads or the builder fails."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from typing import Any

import pytest

from bot.reports.making import collector_paused


@pytest.fixture(autouse=True)
def collector_on() -> Iterator[None]:
    gc.enable()
    yield
    gc.enable()


def test_paused_while_making_and_resumed_after_even_on_error() -> None:
    seen = []
    with collector_paused():
        seen.append(gc.isenabled())
    assert seen == [False] and gc.isenabled()
    with pytest.raises(ValueError), collector_paused():
        raise ValueError("the builder failed")
    assert gc.isenabled()


def test_overlapping_reports_resume_it_when_the_last_one_ends() -> None:
    first_in, second_done, first_may_end = threading.Event(), threading.Event(), threading.Event()
    during: dict[str, Any] = {}

    def first() -> None:
        with collector_paused():
            first_in.set()
            first_may_end.wait(5)
            during["first, after the second ended"] = gc.isenabled()

    def second() -> None:
        first_in.wait(5)
        with collector_paused():
            pass
        second_done.set()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    assert second_done.wait(5)
    during["between"] = gc.isenabled()
    first_may_end.set()
    for thread in threads:
        thread.join(5)
    assert during == {"between": False, "first, after the second ended": False}
    assert gc.isenabled()


def test_a_collector_someone_else_turned_off_stays_off() -> None:
    gc.disable()
    with collector_paused():
        assert not gc.isenabled()
    assert not gc.isenabled()
