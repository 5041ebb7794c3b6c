"""An error the person can act on: a text key and its values, rendered in their language."""

from __future__ import annotations

from typing import Any


class UserError(Exception):
    def __init__(self, key: str, **values: Any) -> None:
        super().__init__(key)
        self.key = key
        self.values = values

    def __reduce__(self) -> tuple[Any, ...]:
        # Raised in a report's worker process, it reaches the chat with its values.
        return _user_error, (self.key, self.values)


def _user_error(key: str, values: dict[str, Any]) -> UserError:
    return UserError(key, **values)


class ProgrammeError(ValueError):
    """The programme file is malformed; the message says where."""


class QueryTooLarge(Exception):
    """A search too big to answer in time (too many words, or it ran past its time cap)."""
