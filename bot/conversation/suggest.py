"""Typos get a suggestion, never a silent guess: the nearest command word (`lsita` → `lista`)
or person (`Davd` → David Berg), found with rapidfuzz."""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz import fuzz, process

from bot.domain.programme import PersonRecord

# Close enough to be worth asking about: `lsita`/`lista` is 80, `behv`/`behov` 89.
COMMAND_SCORE = 75.0
PERSON_SCORE = 70.0


def nearest_command(word: str, names: Iterable[str]) -> str | None:
    """The command `word` is probably a typo of, or None.

    An inflected form that starts with a command ("risken", "listan", "behovet") is an
    ordinary word in a sentence, not a typo."""
    word = word.casefold()
    candidates = [name for name in names if len(name) >= 3 and name.isalpha()]
    if len(word) < 3 or word in candidates:
        return None
    if any(word.startswith(name) for name in candidates):
        return None
    found = process.extractOne(word, candidates, scorer=fuzz.ratio, score_cutoff=COMMAND_SCORE)
    return found[0] if found else None


def nearest_person(name: str, people: Iterable[PersonRecord]) -> PersonRecord | None:
    """The person whose name (or first name, or id) `name` is probably a typo of."""
    wanted = name.strip().lstrip("@").casefold()
    if len(wanted) < 2:
        return None
    best: tuple[float, PersonRecord] | None = None
    for person in people:
        forms = {person.id.casefold(), person.name.casefold(), *person.name.casefold().split()}
        score = max(fuzz.ratio(wanted, form) for form in forms)
        if score >= PERSON_SCORE and (best is None or score > best[0]):
            best = (score, person)
    return best[1] if best else None
