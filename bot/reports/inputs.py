"""What the programme manager enters for the status report: the overall assessment
(`lägesbedömning gul <text>`) and budget figures (`ekonomi budget 250 mnkr utfall 180 mnkr
prognos 262 mnkr`). Both are kept with who and when; the report shows the latest made before
its period ended, so an unchanged assessment carries over from week to week."""

from __future__ import annotations

import re

from bot.domain.errors import UserError
from bot.domain.model import Person, Role
from bot.ports.clock import Clock
from bot.ports.entries import AuditLog
from bot.ports.reports import Assessment, BudgetFigures, BudgetLine, StatusInputs
from bot.text.validation import check_free_text

COLOUR_WORDS = {
    **dict.fromkeys(("grön", "gron", "grönt", "gront", "green"), "green"),
    **dict.fromkeys(("gul", "gult", "yellow", "amber"), "yellow"),
    **dict.fromkeys(("röd", "rod", "rött", "rott", "red"), "red"),
}
_FIGURE = {
    **dict.fromkeys(("budget",), "budget"),
    **dict.fromkeys(("utfall", "actual", "outcome", "spent"), "outcome"),
    **dict.fromkeys(("prognos", "forecast"), "forecast"),
}
_UNITS = {
    "mnkr": 1_000_000,
    "msek": 1_000_000,
    "miljoner": 1_000_000,
    "m": 1_000_000,
    "mkr": 1_000_000,
    "tkr": 1_000,
    "ksek": 1_000,
    "k": 1_000,
    "kr": 1,
    "sek": 1,
}
_AMOUNT = re.compile(
    r"(?P<word>budget|utfall|actual|outcome|spent|prognos|forecast)\s*[:=]?\s*"
    r"(?P<number>\d[\d\s\u00a0]*(?:[.,]\d+)?)\s*(?P<unit>mnkr|msek|miljoner|mkr|tkr|ksek|kr|sek|m|k)?\b",
    re.IGNORECASE,
)
TEXT_LIMIT = 2_000
# Who enters them: the programme manager (a project lead in the programme file) or an admin.
ENTERS = (Role.PROJECT_LEAD, Role.ADMIN)


def parse_figures(text: str) -> tuple[dict[str, int], str]:
    """ "budget 250 mnkr utfall 180 prognos 262,5 mnkr Licenser dyrare" → amounts in kronor
    ({"budget": 250_000_000, …}) and the rest as a comment. A figure without a unit takes
    the unit of the one before it (people write the unit once)."""
    found: dict[str, int] = {}
    unit = 1
    rest = text
    for match in _AMOUNT.finditer(text):
        given = (match.group("unit") or "").casefold()
        unit = _UNITS.get(given, unit) if given else unit
        digits = re.sub(r"[\s\u00a0]", "", match.group("number")).replace(",", ".")
        found[_FIGURE[match.group("word").casefold()]] = round(float(digits) * unit)
        rest = rest.replace(match.group(0), " ", 1)
    return found, " ".join(rest.split())


class StatusInputService:
    def __init__(self, *, store: StatusInputs, audit: AuditLog, clock: Clock) -> None:
        self.store = store
        self.audit = audit
        self.clock = clock

    @staticmethod
    def _require(person: Person) -> None:
        if not person.has(*ENTERS):
            raise UserError("inputs.forbidden")

    def assess(self, person: Person, colour_word: str, text: str, locale: str) -> Assessment:
        self._require(person)
        colour = COLOUR_WORDS.get(colour_word.casefold().strip(" .,:"))
        if colour is None:
            raise UserError("inputs.assessment_usage")
        checked = check_free_text(text, limit=TEXT_LIMIT, locale=locale)
        if not checked.ok:
            raise UserError("inputs.refused", error=checked.error)
        if not checked.value:
            raise UserError("inputs.assessment_text")
        assessment = self.store.add_assessment(
            colour=colour, text=checked.value, by=person.qualified_id, by_name=person.name
        )
        self.audit.record(actor=person.qualified_id, action="assessment", detail=colour)
        return assessment

    def current_assessment(self) -> Assessment | None:
        return self.store.assessment_at(self.clock.now())

    def current_budget(self) -> BudgetFigures | None:
        return self.store.budget_at(self.clock.now())

    def enter_budget(self, person: Person, text: str, locale: str) -> BudgetFigures:
        self._require(person)
        checked = check_free_text(text, limit=TEXT_LIMIT, locale=locale)
        if not checked.ok:
            raise UserError("inputs.refused", error=checked.error)
        figures, note = parse_figures(checked.value)
        if not figures:
            raise UserError("inputs.budget_usage")
        line = BudgetLine(
            "", figures.get("budget"), figures.get("outcome"), figures.get("forecast")
        )
        entered = self.store.add_budget(
            line=line, note=note, by=person.qualified_id, by_name=person.name
        )
        self.audit.record(actor=person.qualified_id, action="budget", detail=str(figures))
        return entered
