"""Reports into the intranet's document library, and their link in Teams; without SharePoint,
a file-consent card in personal chat."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest

from bot.domain.messages import FileRef, Reply
from tests.conftest import FakeClock
from tests.fakes.botframework import teams_world
from tests.fakes.graph import FakeGraph, sharepoint_world

pytestmark = pytest.mark.filterwarnings("ignore:This class is deprecated:DeprecationWarning")


def _report(tmp_path: Path, size: int, name: str = "Statusrapport v48.docx") -> FileRef:
    path = tmp_path / "report.docx"
    path.write_bytes(os.urandom(size))
    return FileRef(name=name, path=str(path), url="http://127.0.0.1/files/abc")


def _stored(files: dict[str, Any], name: str) -> Any:
    """The one stored file of this name, in a folder of its own under the configured folder."""
    [path] = [p for p in files if p.endswith("/" + name)]
    assert re.fullmatch(r"FVIS/Rapporter/[0-9a-f]{16}/" + re.escape(name), path), path
    return files[path]


async def test_same_name_different_content_never_replaces_the_other(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: FakeClock
) -> None:
    """A reporter's register and a handler's have the same name but not the same rights."""
    async with sharepoint_world(tmp_path, monkeypatch, clock) as world:
        mine = _report(tmp_path, 2_000, name="Register avvikelse.docx")
        mine_url = await world.adapter.uploader.upload(mine)
        theirs_path = tmp_path / "theirs.docx"
        theirs_path.write_bytes(os.urandom(3_000))
        theirs = FileRef(name="Register avvikelse.docx", path=str(theirs_path))
        theirs_url = await world.adapter.uploader.upload(theirs)
        assert mine_url != theirs_url
        stored = [
            v["content"] for k, v in world.graph.files.items() if k.endswith("avvikelse.docx")
        ]
        assert sorted(stored) == sorted([Path(mine.path).read_bytes(), theirs_path.read_bytes()])


async def test_small_report_is_a_simple_upload_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: FakeClock
) -> None:
    async with sharepoint_world(tmp_path, monkeypatch, clock) as world:
        file = _report(tmp_path, 20_000)
        text = await world.adapter.uploader.link(file, "sv")
        stored = _stored(world.graph.files, "Statusrapport v48.docx")
        assert stored["content"] == Path(file.path).read_bytes()
        assert stored["webUrl"] in text and text.startswith(
            "Statusrapport v48.docx ligger på intranätet"
        )
        assert len(world.graph.called("PUT", ":/content")) == 1
        # The same report asked for again: the link, no second upload.
        assert await world.adapter.uploader.link(file, "en") == (
            f"Statusrapport v48.docx is on the intranet: {stored['webUrl']}"
        )
        assert len(world.graph.called("PUT", ":/content")) == 1


async def test_large_report_goes_through_an_upload_session_in_chunks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: FakeClock
) -> None:
    async with sharepoint_world(tmp_path, monkeypatch, clock, simple_upload_limit=100_000) as world:
        world.adapter.uploader._chunk = 320 * 1024
        file = _report(tmp_path, 800_000, name='Register: "alla" behov.docx')
        url = await world.adapter.uploader.upload(file)
        stored = _stored(world.graph.files, "Register- -alla- behov.docx")
        assert stored["content"] == Path(file.path).read_bytes()
        assert stored["chunks"] == [327_680, 327_680, 144_640]
        assert url == stored["webUrl"]
        assert world.graph.called("POST", ":/createUploadSession")
        assert not world.graph.called("PUT", ":/content")


@pytest.mark.parametrize("status", [500, 502, 503, 504, 429])
async def test_an_upload_chunk_refused_for_a_while_is_resumed(
    status: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: FakeClock
) -> None:
    async with sharepoint_world(tmp_path, monkeypatch, clock, simple_upload_limit=100_000) as world:
        world.adapter.uploader._chunk = 320 * 1024
        # A chunk is refused once, then taken: Graph asks to back off and resume.
        world.graph.fail("PUT", "/upload/", status, times=1, retry_after=0.01)
        file = _report(tmp_path, 800_000, name="Register.docx")
        url = await world.adapter.uploader.upload(file)
        stored = _stored(world.graph.files, "Register.docx")
        assert stored["content"] == Path(file.path).read_bytes()
        assert url == stored["webUrl"]
        # After the refusal the bot asked the session where to go on, then went on from there.
        assert world.graph.called("GET", "/upload/")


async def test_failed_upload_says_why_and_keeps_the_local_link(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: FakeClock
) -> None:
    async with sharepoint_world(tmp_path, monkeypatch, clock) as world:
        world.graph.fail("PUT", ":/content", 403)
        text = await world.adapter.uploader.link(_report(tmp_path, 1000), "sv")
        assert "kunde inte sparas på intranätet" in text and "403" in text
        assert text.endswith("http://127.0.0.1/files/abc")
        assert world.graph.files == {}


async def test_report_in_teams_is_a_link_to_sharepoint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: FakeClock
) -> None:
    graph = FakeGraph()
    await graph.start()
    try:
        async with teams_world(tmp_path, monkeypatch, clock, graph=graph) as world:
            graph.token = "entra-22222222-3333-4444-8555-666666666666-1"
            file = _report(tmp_path, 5000)

            async def report(context, args):  # type: ignore[no-untyped-def]
                return [Reply("Rapporten är klar.", style="success", file=file)]

            world.bot.engine.command("testrapport")(report)
            texts = await world.say("anna", "testrapport")
            stored = _stored(graph.files, "Statusrapport v48.docx")
            assert texts[0] == "Rapporten är klar."
            assert stored["webUrl"].replace(" ", "%20") in texts[1].replace(" ", "%20")
    finally:
        await graph.close()


async def test_without_sharepoint_a_file_consent_card_in_personal_chat(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: FakeClock
) -> None:
    onedrive = FakeGraph()  # Teams hands out a OneDrive upload session URL
    await onedrive.start()
    try:
        async with teams_world(tmp_path, monkeypatch, clock) as world:
            file = _report(tmp_path, 5000)

            async def report(context, args):  # type: ignore[no-untyped-def]
                return [Reply("Rapporten är klar.", style="success", file=file)]

            world.bot.engine.command("testrapport")(report)
            await world.say("anna", "testrapport")
            consent = world.connector.posts()[-1].body["attachments"][0]
            assert consent["contentType"] == "application/vnd.microsoft.teams.card.file.consent"
            assert consent["name"] == file.name
            assert consent["content"]["sizeInBytes"] == 5000
            token = consent["content"]["acceptContext"]["token"]
            assert token not in file.path  # an opaque token, never the server's path

            onedrive._sessions["s1"] = {"path": "Apps/FVIS/report.docx", "data": b""}
            accept = world.activities._base(
                "invoke",
                "anna",
                world.activities.personal("anna"),
                name="fileConsent/invoke",
                value={
                    "type": "fileUpload",
                    "action": "accept",
                    "context": {"token": token},
                    "uploadInfo": {
                        "name": file.name,
                        "uploadUrl": f"{onedrive.server.url}/upload/s1",
                        "contentUrl": "https://contoso-my.sharepoint.com/personal/anna/report.docx",
                        "uniqueId": "1150D938-8870-4044-9F2C-5BBDEBA70C9D",
                        "fileType": "docx",
                    },
                },
            )
            response = await world.post(accept)
            assert response.status == 200
            assert (
                onedrive.files["Apps/FVIS/report.docx"]["content"] == Path(file.path).read_bytes()
            )
            info = world.connector.posts()[-1].body["attachments"][0]
            assert info["contentType"] == "application/vnd.microsoft.teams.card.file.info"
            assert info["content"]["uniqueId"] == "1150D938-8870-4044-9F2C-5BBDEBA70C9D"
            # The same consent again: the offer is used up.
            again = await world.post({**accept, "id": "1800000000001"})
            assert again.status == 200
            assert "Be om den igen" in world.connector.texts()[-1]
    finally:
        await onedrive.close()
