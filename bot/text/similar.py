"""What makes two entries alike: the words that say what a text is about, and whether another
text shares enough of them. Both storage backends rank candidates their own way (FTS5, tsvector)
and keep only those this says are alike."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from functools import lru_cache

# Words too common to make two entries alike.
STOPWORDS = frozenset(
    """och att det som för med den har inte till ett kan var vid från eller när hur vad men
    utan även efter under över också alla andra någon något några inga inget the and for with
    that this not are from have has but when what where which fungerar funkar saknar saknas
    behöver behövs behov önskar önskas ärende avdelning avd""".split()  # noqa: SIM905 - a word list reads best as words
)


def fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_STOP = frozenset(fold(word) for word in STOPWORDS)


def significant_words(text: str) -> list[str]:
    """The words of a text that say what it is about, folded (å → a), each once."""
    return list(dict.fromkeys(word for word in map(_significant, text.split()) if word))


@lru_cache(maxsize=65_536)
def _significant(raw: str) -> str:
    """One written word as compared ("Skrivaren," → "skrivaren"), "" when it says nothing.
    Cached: every candidate of every intake is read again, and people reuse their words."""
    word = "".join(c for c in raw if c.isalnum())
    if len(word) < 3 or word.isdigit():
        return ""
    folded = fold(word)
    return "" if folded in _STOP else folded


def alike(words: Sequence[str], other: str) -> bool:
    """Another text is alike when it shares two of the words (one, if only one is given);
    a word matches the start of another either way (skrivare, skrivaren)."""
    theirs = set(significant_words(other))
    shared = sum(
        1 for w in words if w in theirs or any(t.startswith(w) or w.startswith(t) for t in theirs)
    )
    return shared >= min(2, len(words)) > 0
