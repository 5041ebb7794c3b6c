"""The organisation in the programme file: its shape, its mistakes named, who handles what, the
levels of escalation; the unit found in what people write."""

from __future__ import annotations

from typing import Any

import pytest

from bot.domain.model import EscalationLevel, Kind, Role
from bot.domain.programme import ProgrammeError, demo_programme_data, parse_programme
from bot.text.units import unit_in


def demo(**changes: Any) -> dict[str, Any]:
    data = demo_programme_data()
    data.update(changes)
    return data


def test_the_demo_models_the_plans_organisation() -> None:
    programme = parse_programme(demo_programme_data())
    org = programme.org
    assert org.programme_manager == "david"
    assert org.steering_group == ("greta", "gustav")
    assert [p.name for p in org.projects] == [
        "Informationstillgång",
        "Implementation",
        "Verksamhetens införande & mottagande",
    ]
    assert org.level_people(EscalationLevel.PROJECT, "vim") == ("linnea",)
    assert org.level_people(EscalationLevel.PROGRAMME) == ("david", "bertil")
    assert org.level_people(EscalationLevel.STEERING_GROUP) == ("greta", "gustav")
    # The most specific rule wins: the unit's project for an issue, else the programme office.
    vim = org.rule_for(Kind.ISSUE, project=org.project_of("avdelning 5"), unit="avdelning 5")
    assert vim is not None and vim.people == ("linnea",)
    other = org.rule_for(Kind.ISSUE, project=org.project_of("Röntgen"), unit="Röntgen")
    assert other is not None and other.people == ("bertil",)
    change = org.rule_for(Kind.CHANGE)
    assert change is not None and change.mode("webchat") == "both" and change.mode("slack") == "dm"
    assert change.channel("webchat") == "fvis-programledning" and change.channel("slack") == ""
    # Handling entries makes a handler; the steering group are not handlers.
    roles = {p.id: p.roles for p in programme.people}
    assert Role.HANDLER in roles["helena"] and Role.HANDLER in roles["linnea"]
    assert Role.HANDLER not in roles["greta"]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"organisation": {"programme_manager": "nobody"}}, "'nobody' is not among people"),
        ({"organisation": {"steering_group": "greta"}}, "must be a list"),
        ({"handling": [{"kind": "wish", "people": ["bertil"]}]}, "kind must be one of"),
        ({"handling": [{"kind": "need"}]}, "'people' is missing"),
        ({"handling": [{"kind": "issue", "project": "x"}]}, "no project 'x'"),
        (
            {"handling": [{"kind": "need", "people": ["bertil"], "notify": "loud"}]},
            "notify must be dm, channel or both",
        ),
        (
            {"handling": [{"kind": "need", "people": ["bertil"], "notify": {"slack": "both"}}]},
            "needs channels.slack",
        ),
    ],
)
def test_mistakes_in_the_organisation_are_named(changes: dict[str, Any], message: str) -> None:
    with pytest.raises(ProgrammeError, match=message):
        parse_programme(demo(**changes))


def test_a_file_without_an_organisation_still_works() -> None:
    data = demo_programme_data()
    data.pop("organisation")
    data.pop("handling")
    programme = parse_programme(data)
    assert programme.org.rule_for(Kind.NEED) is None
    assert programme.org.level_people(EscalationLevel.PROGRAMME) == ()


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Skrivaren på avd 5 fungerar inte", "Avdelning 5"),
        ("Vi saknar skrivare på avdelning 5", "Avdelning 5"),
        ("Datorerna hänger på akuten", "Akuten"),
        ("The printer on ward 12b is broken", "Ward 12B"),
        ("Skrivaren på avdelningen fungerar inte", ""),
        ("Inget ställe alls", ""),
    ],
)
def test_the_unit_is_found_in_the_text(text: str, unit: str) -> None:
    assert unit_in(text, ["Avdelning 5", "Akuten"]) == unit
