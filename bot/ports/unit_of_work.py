"""The unit-of-work port: writes to several stores that must commit together, or not at all."""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import Protocol


class UnitOfWork(Protocol):
    def atomic(self) -> AbstractContextManager[object]:
        """Every store's writes inside the block commit together, once, when it ends; an
        exception rolls them all back. A block inside another is a savepoint of the outer one."""
