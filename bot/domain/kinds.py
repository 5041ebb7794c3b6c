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

    @property
    def free_text(self) -> bool:
        return self.type in ("text", "textarea", "date")


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
        FieldSpec("type", "select", options=("negative_event", "near_miss", "risk")),
        FieldSpec("what", "textarea", max_length=10_000),
        FieldSpec("when", "date", max_length=100),
        UNIT,
        FieldSpec("area", "select", options=("care", "administration", "it", "programme")),
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
        FieldSpec("probability", "select", options=SCALE_1_4),
        FieldSpec("immediate_action", "textarea", required=False, max_length=5_000),
        FieldSpec("lex_maria", "select", options=("no", "maybe", "yes")),
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
