"""Which language a person writes in: command words tell it for sure; otherwise the small
everyday words of a sentence, when they clearly lean one way. Short answers ("Akuten", "3")
tell nothing, and the caller falls back on the dialogue's language, the profile, the client."""

from __future__ import annotations

import re
from dataclasses import dataclass

# First words that are commands in one language only ("risk", "status" and "?" are both).
SWEDISH_COMMANDS = frozenset(
    [
        "behov",
        "ärende",
        "arende",
        "avvikelse",
        "ändring",
        "andring",
        "ändringsbegäran",
        "andringsbegaran",
        "lista",
        "visa",
        "sök",
        "sok",
        "hjälp",
        "hjalp",
        "kommentera",
        "kommentar",
        "tilldela",
        "eskalera",
        "avbryt",
        "stopp",
        "påminn",
        "paminn",
        "påminnelser",
        "paminnelser",
        "milstolpar",
        "milstolpe",
        "beslut",
        "kommunikation",
        "rapport",
        "var",
    ]
)
ENGLISH_COMMANDS = frozenset(
    [
        "need",
        "issue",
        "case",
        "deviation",
        "change",
        "list",
        "ls",
        "show",
        "view",
        "search",
        "find",
        "help",
        "comment",
        "assign",
        "escalate",
        "cancel",
        "stop",
        "abort",
        "remind",
        "reminders",
        "milestones",
        "milestone",
        "decision",
        "comms",
        "report",
        "where",
    ]
)
_SWEDISH_WORDS = frozenset(
    [
        "och",
        "att",
        "det",
        "är",
        "var",
        "på",
        "inte",
        "vi",
        "jag",
        "en",
        "ett",
        "som",
        "för",
        "med",
        "har",
        "kan",
        "av",
        "till",
        "den",
        "hos",
        "fick",
        "blev",
        "saknar",
        "behöver",
        "behövs",
        "när",
        "igår",
        "idag",
        "imorgon",
        "går",
        "gick",
        "sig",
        "ska",
        "skulle",
        "också",
        "eller",
        "men",
        "från",
        "om",
        "efter",
        "hade",
        "finns",
        "fungerar",
        "funkar",
        "nu",
        "här",
        "där",
        "någon",
        "inga",
        "ingen",
        "mycket",
        "vill",
        "hände",
    ]
)
_ENGLISH_WORDS = frozenset(
    [
        "the",
        "and",
        "is",
        "are",
        "was",
        "were",
        "not",
        "we",
        "a",
        "an",
        "to",
        "of",
        "on",
        "for",
        "with",
        "have",
        "has",
        "had",
        "can",
        "it",
        "that",
        "this",
        "could",
        "would",
        "does",
        "did",
        "there",
        "when",
        "yesterday",
        "today",
        "tomorrow",
        "should",
        "also",
        "or",
        "but",
        "from",
        "after",
        "works",
        "working",
        "need",
        "needs",
        "no",
        "any",
        "very",
        "want",
        "happened",
        "our",
        "my",
    ]
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Guess:
    locale: str | None
    # A command word is sure; a lean of everyday words is not.
    sure: bool = False


def guess_language(text: str) -> Guess:
    words = [w.casefold() for w in _WORD.findall(text)]
    if not words:
        return Guess(None)
    first = text.strip().split(maxsplit=1)[0].casefold().rstrip(":,.!?")
    if first in SWEDISH_COMMANDS:
        return Guess("sv", sure=True)
    if first in ENGLISH_COMMANDS:
        return Guess("en", sure=True)
    swedish = sum(w in _SWEDISH_WORDS for w in words)
    english = sum(w in _ENGLISH_WORDS for w in words)
    swedish += sum(1 for w in words if any(c in w for c in "åäö"))
    if swedish >= 2 and swedish >= 2 * english:
        return Guess("sv")
    if english >= 2 and english >= 2 * swedish:
        return Guess("en")
    return Guess(None)
