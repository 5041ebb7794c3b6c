"""What each kind of entry holds: one field table that drives questions, forms and checks."""

from __future__ import annotations

from dataclasses import dataclass

from bot.domain.messages import FieldType
from bot.domain.model import Kind

SCALE_1_4 = ("1", "2", "3", "4")


@dataclass(frozen=True, slots=True)
class FieldSpec:
    name: str
    type: FieldType = "text"
    required: bool = True
    options: tuple[str, ...] = ()
    max_length: int = 500
    # A deviation's time lies in the past; a reminder's in the future.
    when: str = "past"
    # Belongs only to entries where another field has this value: ("origin", "golive").
    only_if: tuple[str, str] | None = None

    @property
    def free_text(self) -> bool:
        return self.type in ("text", "textarea", "date")


# Programplan 7.7: deviations from the programme plan (time, scope, budget) are the programme's
# own; deviations at or after the go-live go to the region's own deviation system first.
PLAN = "plan"
GOLIVE = "golive"
_LIVE = ("origin", GOLIVE)
PLAN_CATEGORIES = frozenset({"plan_time", "plan_scope", "plan_budget"})
# What a go-live deviation gets beyond its form (bot/entries/deviations.py): the flags of having
# been referred to the region's system ("forwarded" before 7.7 was followed), the case number
# the reporter got there, and who of the line organisation was told ("!name": not reached).
REFERRED_FLAGS = frozenset({"referred", "forwarded"})
CASE_NUMBER = "region_case_number"
TOLD_MEDICAL = "told_medically_responsible"
TOLD_MANAGER = "told_line_manager"
TOLD_FIELDS = (TOLD_MEDICAL, TOLD_MANAGER)
TOLD_AT = "told_at"
NAMES_SEPARATOR = "; "
NOBODY = "-"  # told: nobody, as the programme file names no one for the unit
TITLE = FieldSpec("title", max_length=200)
DESCRIPTION = FieldSpec("description", "textarea", max_length=10_000)
UNIT = FieldSpec("unit", max_length=200)

FIELDS: dict[Kind, tuple[FieldSpec, ...]] = {
    Kind.NEED: (
        TITLE,
        DESCRIPTION,
        UNIT,
        # A reporter may not know it ("Vet inte"); the handler sets it: nyttoobjekt BEH-1 3.
        FieldSpec("benefit", "select", required=False, options=("1", "2", "3", "4", "5")),
        FieldSpec("priority", "select", options=("low", "medium", "high")),
    ),
    Kind.ISSUE: (
        TITLE,
        DESCRIPTION,
        UNIT,
        FieldSpec("urgency", "select", options=("low", "normal", "high", "critical")),
    ),
    Kind.DEVIATION: (
        FieldSpec("origin", "select", options=(PLAN, GOLIVE)),
        FieldSpec("type", "select", options=("negative_event", "near_miss", "risk"), only_if=_LIVE),
        FieldSpec("what", "textarea", max_length=10_000),
        FieldSpec("when", "date", max_length=100),
        FieldSpec("unit", max_length=200, only_if=_LIVE),
        FieldSpec("area", "select", options=("care", "administration", "it"), only_if=_LIVE),
        # One list for both kinds (the question offers those of the kind): the go-live's, then
        # the plan's three.
        FieldSpec(
            "category",
            "select",
            options=(
                "patient_safety",
                "information_security",
                "it_failure",
                "work_environment",
                "plan_time",
                "plan_scope",
                "plan_budget",
            ),
        ),
        FieldSpec("consequence", "select", options=SCALE_1_4),
        # How likely it is to happen again, and Lex Maria, are questions about care at go-live.
        FieldSpec("probability", "select", options=SCALE_1_4, only_if=_LIVE),
        FieldSpec("immediate_action", "textarea", required=False, max_length=5_000),
        FieldSpec("lex_maria", "select", options=("no", "maybe", "yes"), only_if=_LIVE),
    ),
    Kind.RISK: (
        FieldSpec("description", "textarea", max_length=10_000),
        FieldSpec("probability", "select", options=SCALE_1_4),
        FieldSpec("consequence", "select", options=SCALE_1_4),
        FieldSpec("owner", max_length=200),
        FieldSpec("mitigation", "textarea", required=False, max_length=10_000),
        # Programplan 7.8: the owner is reminded to review the risk on this day.
        FieldSpec("review_date", "date", required=False, max_length=100, when="future"),
    ),
    Kind.CHANGE: (
        FieldSpec("what", "textarea", max_length=10_000),
        FieldSpec("why", "textarea", max_length=10_000),
        # The programme office assesses the impact if the person asking cannot.
        FieldSpec("impact_scope", "textarea", required=False, max_length=5_000),
        FieldSpec("impact_time", "textarea", required=False, max_length=5_000),
        FieldSpec("impact_budget", "textarea", required=False, max_length=5_000),
    ),
}

# The field that the text after a command (`behov Vi saknar skrivare`) fills.
LEAD_FIELD: dict[Kind, str] = {
    Kind.NEED: "title",
    Kind.ISSUE: "title",
    Kind.DEVIATION: "what",
    Kind.RISK: "description",
    Kind.CHANGE: "what",
}

RISK_FLAG_THRESHOLD = 8
CARE_CATEGORIES = frozenset({"patient_safety"})
CARE_AREAS = frozenset({"care"})


def applies(field: FieldSpec, values: dict[str, str]) -> bool:
    """Whether the field belongs to an entry with these values: a deviation from the plan has
    no unit, area, probability or Lex Maria."""
    if field.only_if is None:
        return True
    name, value = field.only_if
    return values.get(name) == value


def origin_of(category: str) -> str:
    """The kind of deviation (programplan 7.7) a category belongs to; "" for none."""
    if not category:
        return ""
    return PLAN if category in PLAN_CATEGORIES else GOLIVE


def categories_of(origin: str) -> tuple[str, ...]:
    options = spec(Kind.DEVIATION, "category").options
    return tuple(option for option in options if not origin or origin_of(option) == origin)


def spec(kind: Kind, name: str) -> FieldSpec:
    for candidate in FIELDS[kind]:
        if candidate.name == name:
            return candidate
    raise KeyError(f"{kind} has no field {name}")


def title_of(kind: Kind, values: dict[str, str]) -> str:
    """Kinds without a title field are listed by the start of their lead text."""
    text = values.get("title") or values.get(LEAD_FIELD[kind], "")
    first_line = text.strip().splitlines()[0] if text.strip() else ""
    return first_line if len(first_line) <= 80 else first_line[:79].rstrip() + "…"


def risk_value(values: dict[str, str]) -> int | None:
    try:
        return int(values["consequence"]) * int(values["probability"])
    except (KeyError, ValueError):
        return None


def is_care_related(values: dict[str, str]) -> bool:
    return values.get("category") in CARE_CATEGORIES or values.get("area") in CARE_AREAS


def deviation_origin(values: dict[str, str]) -> str:
    """A deviation's kind (programplan 7.7): PLAN, GOLIVE, or "" when nothing says. One logged
    before the bot asked is read from its category and area: care means the go-live (the
    region's system was pointed to then), time/scope/budget or the programme means the plan."""
    origin = values.get("origin")
    if origin:
        return origin
    if is_care_related(values):
        return GOLIVE
    if values.get("category") in PLAN_CATEGORIES or values.get("area") == "programme":
        return PLAN
    return ""


def with_origin(kind: Kind, values: dict[str, str]) -> dict[str, str]:
    """The fields as reports read them: a deviation's kind filled in when it was not asked."""
    if kind is not Kind.DEVIATION or values.get("origin"):
        return values
    return {**values, "origin": deviation_origin(values)}


def is_golive(values: dict[str, str]) -> bool:
    """A deviation at or after the go-live (programplan 7.7)."""
    return deviation_origin(values) == GOLIVE
