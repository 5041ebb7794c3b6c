"""`fvis-bot` in-process: db migrate, entries list/show, programme import."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.app.build import build
from bot.cli.main import main
from bot.config import Settings
from bot.domain.messages import Incoming
from bot.domain.programme import demo_programme_data

NEED = {
    "title": "Skrivare saknas på avd 5",
    "description": "Skrivaren i korridoren är borttagen.",
    "unit": "Avdelning 5",
    "benefit": "2",
    "priority": "high",
}
SECOND_NEED = {**NEED, "title": "Fler datorer på akuten", "unit": "Akuten", "priority": "low"}
ISSUE = {
    "title": "Kan inte logga in i journalen",
    "description": "Inloggningen hänger sig efter lösenordet.",
    "unit": "Akuten",
    "urgency": "high",
}


@pytest.fixture
def cli(settings: Settings, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: Any) -> Any:
    """Run `fvis-bot ARGS…` in-process against the test database; (exit code, stdout, stderr)."""
    monkeypatch.setenv("FVIS_DB_PATH", str(settings.db_path))
    # A developer's .env in the working folder must not leak in.
    monkeypatch.chdir(tmp_path)

    def run(*argv: str) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main(list(argv))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


async def log(chat: Any, user: str, kind: str, values: dict[str, str]) -> str:
    person = chat(user)
    await person.act("intake:form", kind)
    form = next(reply.form for reply in person.last if reply.form)
    await person.submit(form.id, values)
    match = re.search(r"(BEH|ÄRE|AVV|RIS|ÄND)-\d+", person.text)
    assert match, person.text
    return match.group(0)


@pytest.fixture
async def three_entries(chat: Any) -> list[str]:
    """BEH-1 (new), ÄRE-1 (new), BEH-2 (in progress, set by a handler), created in that order."""
    refs = [
        await log(chat, "anna", "need", NEED),
        await log(chat, "omar", "issue", ISSUE),
        await log(chat, "anna", "need", SECOND_NEED),
    ]
    assert refs == ["BEH-1", "ÄRE-1", "BEH-2"]
    bertil = chat("bertil")
    await bertil.say("status BEH-2 pågår")
    assert "BEH-2 har nu status pågår" in bertil.text
    return refs


def refs_of(stdout: str) -> list[str]:
    data = json.loads(stdout)
    assert data["total"] == len(data["entries"])
    return [entry["ref"] for entry in data["entries"]]


# -- db migrate -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "said"),
    [("en_GB.UTF-8", "migrations applied (none)"), ("C.UTF-8", "migreringar körda (inga)"),
     ("sv_SE.UTF-8", "migreringar körda (inga)"), ("", "migreringar körda (inga)")],
)  # fmt: skip
def test_the_terminal_language_decides_what_the_command_line_says(
    monkeypatch: pytest.MonkeyPatch, cli: Any, lang: str, said: str
) -> None:
    cli("db", "migrate")
    monkeypatch.setenv("LANG", lang)
    code, out, _ = cli("db", "migrate")
    assert code == 0
    assert said in out


def test_db_migrate_reports_then_nothing_left(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: Any
) -> None:
    path = tmp_path / "fresh" / "fvis.db"
    monkeypatch.setenv("FVIS_DB_PATH", str(path))
    code, out, _ = cli("db", "migrate")
    assert code == 0
    match = re.search(r"(\d+) migreringar körda \((.*)\)", out)
    assert match, out
    assert int(match.group(1)) >= 3
    assert "m001_entries" in match.group(2)
    assert str(path) in out
    assert path.exists()

    code, out, _ = cli("db", "migrate")
    assert code == 0
    assert "0 migreringar körda (inga)" in out

    # The migrated file is usable as it is.
    bot = build(Settings(db_path=path))
    try:
        assert bot.db["entries"].exists()
        assert bot.db["webchat_inbox"].exists()
    finally:
        bot.close()


def test_configuration_error_is_exit_2(monkeypatch: pytest.MonkeyPatch, cli: Any) -> None:
    monkeypatch.setenv("FVIS_PORT", "many")
    code, out, err = cli("db", "migrate")
    assert code == 2
    assert "FVIS_PORT" in err
    assert out == ""


def test_dotenv_in_working_folder_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: Any
) -> None:
    path = tmp_path / "from-dotenv.db"
    (tmp_path / ".env").write_text(f"FVIS_DB_PATH={path}\n", encoding="utf-8")
    # Registered with monkeypatch so that what .env sets is undone after the test.
    monkeypatch.setenv("FVIS_DB_PATH", "placeholder")
    monkeypatch.delenv("FVIS_DB_PATH")
    code, out, _ = cli("db", "migrate")
    assert code == 0
    assert str(path) in out
    assert path.exists()


# -- entries list / show -------------------------------------------------------------------


async def test_entries_list_json(three_entries: list[str], cli: Any) -> None:
    code, out, _ = cli("entries", "list", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["total"] == 3
    assert [e["ref"] for e in data["entries"]] == ["BEH-2", "ÄRE-1", "BEH-1"]
    first = data["entries"][-1]
    assert first["title"] == NEED["title"]
    assert first["kind"] == "need"
    assert first["status"] == "new"
    assert first["reporter"]["id"] == "anna"
    assert first["fields"]["priority"] == "high"
    assert data["entries"][0]["status"] == "in_progress"


async def test_entries_list_text(three_entries: list[str], cli: Any) -> None:
    code, out, _ = cli("entries", "list")
    assert code == 0
    assert f"BEH-1 · Ny · {NEED['title']}" in out
    assert "BEH-2 · Pågår" in out
    assert "(3 av 3)" in out
    code, out, _ = cli("entries", "list", "--locale", "en", "--limit", "1")
    assert code == 0
    assert "BEH-2 · In progress" in out
    assert "BEH-1" not in out
    assert "(1 of 3)" in out


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--kind", "behov"], ["BEH-2", "BEH-1"]),
        (["--kind", "need"], ["BEH-2", "BEH-1"]),
        (["--kind", "ärende"], ["ÄRE-1"]),
        (["--kind", "risk"], []),
        (["--status", "ny"], ["ÄRE-1", "BEH-1"]),
        (["--status", "new"], ["ÄRE-1", "BEH-1"]),
        (["--status", "pågår"], ["BEH-2"]),
        (["--status", "löst"], []),
        (["--kind", "behov", "--status", "ny"], ["BEH-1"]),
    ],
)
async def test_entries_list_filters(
    three_entries: list[str], cli: Any, args: list[str], expected: list[str]
) -> None:
    code, out, _ = cli("entries", "list", "--json", *args)
    assert code == 0
    assert refs_of(out) == expected


async def test_entries_list_unknown_kind_is_a_usage_error(
    three_entries: list[str], cli: Any
) -> None:
    with pytest.raises(SystemExit) as exit_:
        cli("entries", "list", "--kind", "önskemål")
    assert exit_.value.code == 2


async def test_entries_show_json(three_entries: list[str], cli: Any) -> None:
    code, out, _ = cli("entries", "show", "BEH-1", "--json")
    assert code == 0
    entry = json.loads(out)
    assert entry["ref"] == "BEH-1"
    assert entry["title"] == NEED["title"]
    assert entry["fields"] == NEED
    assert entry["reporter"] == {"platform": "webchat", "id": "anna", "name": "Anna Lindqvist"}
    assert entry["history"][0]["new"] == "new"

    code, out, _ = cli("entries", "show", "BEH-2", "--json")
    assert code == 0
    entry = json.loads(out)
    assert entry["status"] == "in_progress"
    change = entry["history"][-1]
    assert (change["field"], change["old"], change["new"]) == ("status", "new", "in_progress")
    assert change["actor"] == "Bertil Nordin"


async def test_entries_show_text(three_entries: list[str], cli: Any) -> None:
    code, out, _ = cli("entries", "show", "ÄRE-1")
    assert code == 0
    assert "ÄRE-1" in out
    assert ISSUE["title"] in out
    assert ISSUE["description"] in out


async def test_entries_show_unknown_is_exit_1(three_entries: list[str], cli: Any) -> None:
    code, out, err = cli("entries", "show", "BEH-99")
    assert code == 1
    assert out == ""
    assert "BEH-99" in err
    code, out, err = cli("entries", "show", "BEH-99", "--locale", "en")
    assert code == 1
    assert "BEH-99" in err
    code, out, err = cli("entries", "show", "skrivaren")
    assert code == 1
    assert "BEH-12" in err  # the message shows what a number looks like
    assert out == ""


def test_read_only_commands_build_nothing_and_write_no_programme(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: Any
) -> None:
    path = tmp_path / "read-only" / "fvis.db"
    monkeypatch.setenv("FVIS_DB_PATH", str(path))
    # A bad report template fails the bot's start (the reports are built there), not a read.
    broken = tmp_path / "broken.dotx"
    broken.write_bytes(b"not a Word file")
    monkeypatch.setenv("FVIS_WORD_TEMPLATE", str(broken))
    assert cli("entries", "list", "--json")[0] == 0
    assert cli("entries", "show", "BEH-1")[0] == 1
    # Starting the bot imports the demo programme and syncs its milestones; reading does not.
    db = sqlite3.connect(path)
    try:
        assert db.execute("SELECT count(*) FROM programme").fetchone() == (0,)
        assert db.execute("SELECT count(*) FROM milestones").fetchone() == (0,)
    finally:
        db.close()
    assert cli("report", "decisions")[0] == 2  # the whole bot is built for a report: refused


def test_entries_list_on_an_empty_database(cli: Any) -> None:
    code, out, _ = cli("entries", "list", "--json")
    assert code == 0
    assert json.loads(out) == {"total": 0, "entries": []}


# -- programme import ------------------------------------------------------------------------


def write_programme(path: Path, data: dict[str, Any]) -> Path:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def with_frida(role: str = "handler") -> dict[str, Any]:
    data = demo_programme_data()
    data["people"].append(
        {
            "id": "frida",
            "name": "Frida Ek",
            "title": "Handläggare, IT",
            "roles": [role],
            "locale": "sv",
            "accounts": {"webchat": "frida"},
        }
    )
    return data


async def test_programme_import_is_used_after_a_restart(
    settings: Settings, tmp_path: Path, chat: Any, cli: Any, clock: Any
) -> None:
    await log(chat, "anna", "need", NEED)
    frida = chat("frida")
    await frida.say("status BEH-1 pågår")
    assert "Bara handläggare" in frida.text  # unknown before the import: a reporter only

    file = write_programme(tmp_path / "programme.yaml", with_frida())
    code, out, err = cli("programme", "import", str(file))
    assert code == 0, err
    assert "importerat" in out

    restarted = build(settings, clock=clock)
    try:
        record = restarted.programme.person_for("webchat", "frida")
        assert record is not None
        assert record.name == "Frida Ek"
        assert {role.value for role in record.roles} >= {"handler"}
        assert restarted.programme.person_for("webchat", "anna") is not None
        replies = await restarted.engine.handle(
            Incoming(platform="webchat", user_id="frida", text="status BEH-1 pågår")
        )
        assert "BEH-1 har nu status pågår" in replies[-1].text
    finally:
        restarted.close()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("programme: [unclosed\npeople:\n  - {id: x", "not valid YAML"),
        ("- just\n- a list\n", "must be a mapping"),
        ("benefits: {1: x}\n", "'programme' is missing"),
    ],
    ids=["broken-yaml", "not-a-mapping", "no-programme"],
)
def test_programme_import_malformed_is_exit_2(
    settings: Settings, tmp_path: Path, cli: Any, content: str, expected: str
) -> None:
    file = tmp_path / "bad.yaml"
    file.write_text(content, encoding="utf-8")
    code, out, err = cli("programme", "import", str(file))
    assert code == 2
    assert expected in err
    assert "Traceback" not in err
    assert "importerat" not in out
    # Nothing was stored: the next start still has the demo programme.
    bot = build(settings)
    try:
        assert bot.programme.name == "FVIS"
        assert len(bot.programme.people) == len(demo_programme_data()["people"])
    finally:
        bot.close()


def test_programme_import_unknown_role_is_exit_2(
    settings: Settings, tmp_path: Path, cli: Any
) -> None:
    file = write_programme(tmp_path / "programme.yaml", with_frida(role="boss"))
    code, out, err = cli("programme", "import", str(file))
    assert code == 2
    assert "importerat" not in out
    assert "unknown role 'boss'" in err
    # Where in the file: Frida is the last person, after the demo's own.
    assert f"people[{len(demo_programme_data()['people'])}]" in err
    assert "handler" in err  # the roles that are known
    bot = build(settings)
    try:
        assert bot.programme.person_for("webchat", "frida") is None
    finally:
        bot.close()


def test_programme_import_missing_file_is_exit_2(tmp_path: Path, cli: Any) -> None:
    code, _, err = cli("programme", "import", str(tmp_path / "nowhere.yaml"))
    assert code == 2
    assert "cannot read" in err
    assert "nowhere.yaml" in err


@pytest.mark.parametrize(
    "people",
    [
        "people:\n  - anna\n",
        "people:\n  - {id: x, name: X, accounts: [x]}\n",
        "people:\n  - {id: x, name: X, roles: handler}\n",
        "people: {anna: 1}\n",
    ],
)
def test_malformed_people_are_refused_with_exit_2(
    people: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FVIS_DB_PATH", str(tmp_path / "fvis.db"))
    path = tmp_path / "programme.yaml"
    path.write_text("programme: {name: FVIS}\n" + people, encoding="utf-8")
    assert main(["programme", "import", str(path)]) == 2
    assert "people" in capsys.readouterr().err
