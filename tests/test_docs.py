"""Documentation and texts kept honest: every command, setting and text is where people look."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.cli.main import parser
from bot.domain.kinds import FIELDS
from bot.i18n.catalogue import keys, t

ROOT = Path(__file__).resolve().parent.parent


def _cli_commands() -> list[str]:
    commands = []
    root = parser()
    for action in root._subparsers._group_actions:  # type: ignore[union-attr]
        for name, sub in action.choices.items():
            nested = [a for a in sub._actions if a.__class__.__name__ == "_SubParsersAction"]
            if nested:
                commands += [f"fvis-bot {name} {child}" for child in nested[0].choices]
            else:
                commands.append(f"fvis-bot {name}")
    return commands


@pytest.mark.parametrize("command", _cli_commands())
def test_every_cli_command_is_in_the_readme(command: str) -> None:
    assert command in (ROOT / "README.md").read_text(encoding="utf-8")


# Settings that are gone: still named (the bot refuses to start with them and says why),
# never listed.
RETIRED = {"FVIS_WEBCHAT_TOKEN"}


def test_every_setting_is_in_env_example() -> None:
    used = {
        name
        for source in ("bot/config.py", "integrations/webchat/settings.py")
        for name in re.findall(r'"(FVIS_[A-Z_]+)"', (ROOT / source).read_text(encoding="utf-8"))
    } - RETIRED
    listed = set(
        re.findall(r"^(FVIS_[A-Z_]+)=", (ROOT / ".env.example").read_text(encoding="utf-8"), re.M)
    )
    assert used, "no settings found"
    assert used == listed


def test_readme_starts_with_the_two_commands() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = text.split("```sh", 1)[1].split("```", 1)[0]
    assert [line.split()[:2] for line in first_block.strip().splitlines()] == [
        ["make", "run"],
        ["make", "test"],
    ]


def test_every_text_exists_in_both_languages() -> None:
    # Variables agree in tests/test_catalogue.py; here: no message is empty in either language.
    assert set(keys("sv")) == set(keys("en"))
    for key in keys("sv"):
        values = dict.fromkeys(("ref", "name", "text"), "X")
        try:
            swedish, english = t("sv", key, **values), t("en", key, **values)
        except KeyError:
            continue  # a message with other variables: checked in tests/test_catalogue.py
        assert swedish.strip() and english.strip(), key


def test_every_field_has_a_label_and_a_question() -> None:
    for kind, specs in FIELDS.items():
        for spec in specs:
            assert t("sv", f"field.{spec.name}") != t("en", f"field.{spec.name}") or spec.name in (
                "risk",
            )
            assert t("sv", f"ask.{spec.name}"), (kind, spec.name)
            assert t("en", f"ask.{spec.name}"), (kind, spec.name)


@pytest.mark.parametrize("locale", ["sv", "en"])
def test_every_command_in_the_help_text_exists(bot: object, locale: str) -> None:
    known = set(bot.engine.command_names()) | {"avbryt", "cancel"}  # type: ignore[attr-defined]
    lines = [line.strip() for line in t(locale, "help").splitlines() if line.startswith("  ")]
    words = {part.split()[0] for line in lines for part in line.split(" · ") if part.strip()}
    words -= {"…or", "…eller"}
    assert words, "the help text lists no commands"
    assert words <= known, f"help mentions unknown commands: {sorted(words - known)}"
