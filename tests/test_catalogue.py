"""The message catalogue (Project Fluent): both languages complete, variables agreeing, every
key the code names present, Swedish agreeing with each kind's gender, plain Swedish (LIX)."""

from __future__ import annotations

import re
import statistics
from pathlib import Path

import pytest
import textstat

# Every adapter's texts, as the running bot has them when that adapter is configured.
import integrations.sharepoint.texts
import integrations.slack.texts
import integrations.teams.texts  # noqa: F401
from bot.i18n import catalogue
from bot.i18n.catalogue import t

ROOT = Path(__file__).resolve().parents[1]
KEYS = sorted(catalogue.keys("sv"))
# A literal key in code: t(locale, "key"), context.t("key"), UserError("key", …), ctx.t("key").
KEY_IN_CODE = re.compile(
    r"""(?:\bt\(\s*[\w.\[\]'"]+,\s*|\.t\(\s*|UserError\(\s*)"([a-z_]+(?:\.[a-z_0-9]+)+|[a-z_]+)"[,)]"""
)


def test_both_languages_have_the_same_messages() -> None:
    assert set(catalogue.keys("sv")) == set(catalogue.keys("en"))
    assert len(KEYS) > 400


def test_a_message_has_the_same_variables_in_both_languages() -> None:
    # `gender` is Swedish grammar (din/ditt), filled in from the reference by the catalogue.
    differ = {
        key: (catalogue.variables("sv", key) ^ catalogue.variables("en", key)) - {"gender"}
        for key in KEYS
    }
    assert {key: names for key, names in differ.items() if names} == {}


def test_every_key_the_code_names_exists() -> None:
    named: set[tuple[str, str]] = set()
    for folder in ("bot", "handlers", "integrations"):
        for path in (ROOT / folder).rglob("*.py"):
            for key in KEY_IN_CODE.findall(path.read_text(encoding="utf-8")):
                named.add((str(path.relative_to(ROOT)), key))
    assert len(named) > 200, "the pattern finds the code's keys"
    missing = sorted((path, key) for path, key in named if not catalogue.has_text(key))
    assert missing == []


def test_a_missing_variable_is_an_error_not_a_half_text() -> None:
    with pytest.raises(KeyError, match="not_found"):
        t("sv", "not_found")


def test_an_unknown_key_is_an_error() -> None:
    with pytest.raises(KeyError, match=r"no\.such\.text"):
        t("sv", "no.such.text")


@pytest.mark.parametrize(
    ("ref", "mine", "escalated"),
    [
        ("BEH-1", "Ditt", "eskalerat"),
        ("ÄRE-2", "Ditt", "eskalerat"),
        ("AVV-3", "Din", "eskalerad"),
        ("RIS-4", "Din", "eskalerad"),
        ("ÄND-5", "Din", "eskalerad"),
    ],
)
def test_swedish_agrees_with_the_kind(ref: str, mine: str, escalated: str) -> None:
    kind = {"BEH": "need", "ÄRE": "issue", "AVV": "deviation", "RIS": "risk", "ÄND": "change"}
    yours = t("sv", f"Yours.{kind[ref[:3]]}")
    assert yours.startswith(f"{mine} ")
    assert f" {escalated} " in t("sv", "escalated", ref=ref, level="programnivå")
    assert t("sv", "not_found", ref=ref) == (
        f"Jag hittar {'ingen' if mine == 'Din' else 'inget'} {ref}."
    )


def test_numbers_are_written_as_the_texts_always_wrote_them() -> None:
    # Years and ids must never be grouped ("2 026"); Fluent would group them by default.
    assert "2026" in t("sv", "reports.status.no_coming", days=2026)


def _prose(key: str) -> str:
    """The Swedish text with sample values, without command syntax (not prose)."""
    text = t("sv", key, **dict.fromkeys(catalogue.variables("sv", key), "X"))
    lines = [line for line in text.splitlines() if not line.startswith(("  ", "•"))]
    return " ".join(
        word for line in lines for word in line.split() if not re.search(r"[0-9|<>•…/]", word)
    )


def test_swedish_is_plain_lix_under_45_each_and_median_under_35() -> None:
    """Språklagen 11 §: "vårdat, enkelt och begripligt". LIX over running text (8+ words)."""
    textstat.set_lang("sv")
    scores = {key: textstat.lix(_prose(key)) for key in KEYS if len(_prose(key).split()) >= 8}
    assert len(scores) > 80
    too_hard = {key: round(score, 1) for key, score in scores.items() if score >= 45}
    assert too_hard == {}
    assert statistics.median(scores.values()) < 35


def test_every_text_about_an_entry_agrees_with_each_kind() -> None:
    """Every Swedish message that selects on $gender gives one form for avvikelse, risk and
    ändringsbegäran (common) and another for behov and ärende (neuter): the kinds' terms say."""
    gendered = [key for key in KEYS if "gender" in catalogue.variables("sv", key)]
    assert len(gendered) >= 5
    for key in gendered:
        values = dict.fromkeys(catalogue.variables("sv", key) - {"gender", "ref"}, "X")

        def form(ref: str, key: str = key, values: dict[str, str] = values) -> str:
            return t("sv", key, ref=ref, **values).replace(ref, "REF")

        common = {form(ref) for ref in ("AVV-3", "RIS-4", "ÄND-5")}
        neuter = {form(ref) for ref in ("BEH-1", "ÄRE-2")}
        assert len(common) == 1 and len(neuter) == 1, key
        assert common != neuter, key
