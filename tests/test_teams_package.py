"""`fvis-bot teams package`: the app zip an administrator uploads to Teams."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from bot.cli.main import main
from tests.fakes.botframework import APP_ID


def _env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FVIS_DB_PATH", str(tmp_path / "fvis.db"))
    monkeypatch.setenv("TEAMS_APP_ID", APP_ID)
    monkeypatch.setenv("TEAMS_TENANT_ID", "00000000-0000-4000-8000-00000000feed")
    monkeypatch.setenv("TEAMS_APP_PASSWORD", "secret")


def test_package_has_manifest_bot_commands_and_icons(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _env(monkeypatch, tmp_path)
    monkeypatch.setenv("TEAMS_WEBSITE_URL", "https://intranat.example.se/fvis")
    out = tmp_path / "app.zip"
    assert main(["teams", "package", "--out", str(out), "--version", "1.2.3"]) == 0
    assert str(out) in capsys.readouterr().out
    with zipfile.ZipFile(out) as archive:
        assert sorted(archive.namelist()) == ["color.png", "manifest.json", "outline.png"]
        manifest = json.loads(archive.read("manifest.json"))
        color = Image.open(archive.open("color.png"))
        outline = Image.open(archive.open("outline.png"))
    assert manifest["id"] == APP_ID and manifest["version"] == "1.2.3"
    bot = manifest["bots"][0]
    assert bot["botId"] == APP_ID
    assert set(bot["scopes"]) == {"personal", "team", "groupChat"}
    titles = [c["title"] for c in bot["commandLists"][0]["commands"]]
    assert "hjälp" in titles and "behov" in titles and len(titles) <= 10
    assert all(len(c["description"]) <= 128 for c in bot["commandLists"][0]["commands"])
    assert manifest["developer"]["name"] == "Region Västerbotten"
    assert manifest["validDomains"] == ["intranat.example.se"]
    assert color.size == (192, 192)
    assert outline.size == (32, 32) and outline.mode == "RGBA"
    # The outline icon is white on transparent, as Teams requires.
    assert outline.getpixel((0, 0))[3] == 0
    pixels = [outline.getpixel((x, y)) for x in range(32) for y in range(32)]
    assert {p[:3] for p in pixels if p[3] == 255} <= {(255, 255, 255)}


def test_package_names_what_is_missing(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FVIS_DB_PATH", str(tmp_path / "fvis.db"))
    assert main(["teams", "package"]) == 2
    assert "TEAMS_APP_ID" in capsys.readouterr().err
    _env(monkeypatch, tmp_path)
    assert main(["teams", "package", "--website-url", "http://insecure.example.se"]) == 2
    assert "https" in capsys.readouterr().err
    assert not (tmp_path / "fvis-teams-app.zip").exists()
