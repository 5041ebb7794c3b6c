"""Reading a decision as people write it: `beslut B5-L1 godkänna fortsätta 2022-03-29 <motivering>`.

The outcome words are the decision point's own (programplan 5.4), typed in Swedish with or
without å/ä/ö, or as their English translation; at most one word of each "Beslut att …"
sentence. No word is ever taken to mean another: `avsluta` is not `avbryta`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from bot.domain.errors import UserError
from bot.domain.governance import Outcomes, fold
from bot.i18n.catalogue import keys, translations
from bot.ports.plan import MilestoneRecord
from bot.text.clean import shorten

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# Every plan word the catalogue knows, in Swedish and English.
_KNOWN_VERBS = frozenset(
    fold(text) for key in keys() if key.startswith("verb.") for text in translations(key)
)


@dataclass(frozen=True, slots=True)
class GivenDecision:
    outcome: str  # "godkänna, fortsätta": the plan's words, in the plan's order
    decided_on: date | None
    motivation: str


def _spellings(word: str) -> set[str]:
    """The ways a plan word may be typed: itself (å/ä/ö optional) and its English translation."""
    spellings = {fold(word)}
    pair = translations(f"verb.{word.casefold()}")
    if pair:
        spellings.add(fold(pair[1]))
    return spellings


def match_outcomes(
    outcomes: Outcomes, words: list[str], point: str, *, translated: bool = True
) -> tuple[dict[int, str], int]:
    """The leading words that are outcomes, each filling the first open "Beslut att …"
    sentence that has it: {sentence index: plan word}, and how many words were taken."""
    chosen: dict[int, str] = {}
    taken = 0
    for typed in words:
        candidates = [
            (group, plan_word)
            for group, alternatives in enumerate(outcomes)
            for plan_word in alternatives
            if fold(typed) in (_spellings(plan_word) if translated else {fold(plan_word)})
        ]
        if not candidates:
            break
        open_ = [(group, word) for group, word in candidates if group not in chosen]
        if not open_:
            group, plan_word = candidates[0]
            raise UserError("ms.outcome_conflict", id=point, first=chosen[group], second=plan_word)
        group, plan_word = open_[0]
        chosen[group] = plan_word
        taken += 1
    return chosen, taken


def parse_decision(m: MilestoneRecord, text: str, *, today: date) -> GivenDecision:
    """The outcome words, an optional day of decision and the motivation, or a UserError."""
    words = text.split()
    chosen, index = match_outcomes(m.outcomes, words, m.id)
    if index < len(words) and fold(words[index]) in _KNOWN_VERBS:
        # A plan word, but not this point's: never taken as another word, nor as the motivation.
        raise UserError("ms.outcome_unknown", id=m.id, word=shorten(words[index], 30))
    if not chosen:
        raise UserError("ms.outcome_unknown", id=m.id, word=shorten(words[0] if words else "", 30))
    missing = [group for index_, group in enumerate(m.outcomes) if index_ not in chosen]
    if missing:
        # Every "Beslut att …" sentence of the point gets its word.
        raise UserError(
            "ms.outcome_missing",
            id=m.id,
            count=len(m.outcomes),
            missing=" ".join("|".join(group) for group in missing),
        )
    decided_on = None
    if index < len(words) and _ISO_DATE.fullmatch(words[index]):
        try:
            decided_on = date.fromisoformat(words[index])
        except ValueError:
            raise UserError("ms.bad_decision_day", text=words[index]) from None
        if decided_on > today:
            raise UserError("ms.future_decision_day", day=decided_on.isoformat())
        index += 1
    outcome = ", ".join(chosen[group] for group in sorted(chosen))
    return GivenDecision(outcome, decided_on, " ".join(words[index:]))


def outcome_of_file(outcomes: Outcomes, given: str) -> str | None:
    """A decision already taken, as the programme file gives it: in the point's own words (the
    file is the plan's, in Swedish), one for every "Beslut att …" sentence."""
    words = [w for w in re.split(r"[,\s]+", given.strip()) if w]
    try:
        chosen, taken = match_outcomes(outcomes, words, "", translated=False)
    except UserError:
        return None
    if len(chosen) != len(outcomes) or taken != len(words):
        return None
    return ", ".join(chosen[group] for group in sorted(chosen))
