"""The Teams app package an administrator uploads: manifest.json and two icons, zipped.

The icons are drawn here (Pillow), so the package needs nothing but the settings.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from PIL import Image, ImageDraw, ImageFont

from bot.domain.programme import Programme
from integrations.microsoft.settings import TeamsSettings

MANIFEST_VERSION = "1.17"
SCHEMA = (
    "https://developer.microsoft.com/en-us/json-schemas/teams/"
    f"v{MANIFEST_VERSION}/MicrosoftTeams.schema.json"
)
ACCENT = "#005A9E"
# What Teams suggests when someone types "/" or opens the bot (at most 10, Swedish first:
# the words work in both languages, see the help text).
COMMANDS = (
    ("hjälp", "Vad boten kan (help)"),
    ("behov", "Registrera ett behov (need)"),
    ("ärende", "Registrera ett ärende (issue)"),
    ("avvikelse", "Registrera en avvikelse (deviation)"),
    ("risk", "Registrera en risk"),
    ("ändring", "Registrera en ändringsbegäran (change request)"),
    ("lista mina", "Dina registreringar (list mine)"),
    ("visa", "Visa en post, t.ex. visa BEH-12 (show)"),
    ("sök", "Sök bland posterna (search)"),
    ("översikt", "Dina poster och kön att hantera (overview)"),
)


class PackageError(ValueError):
    """What is missing to build the package, named by its setting."""


def _icon(size: int, *, outline: bool) -> bytes:
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0) if outline else ACCENT)
    draw = ImageDraw.Draw(image)
    ink = (255, 255, 255, 255)
    if outline:
        # Teams wants the outline icon white on transparent.
        draw.rounded_rectangle(
            (1, 1, size - 2, size - 2), radius=size // 6, outline=ink, width=max(1, size // 16)
        )
    font = ImageFont.load_default(size=size * 0.42)
    draw.text((size / 2, size / 2), "F", fill=ink, font=font, anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def manifest(
    settings: TeamsSettings, programme: Programme, *, website_url: str, version: str
) -> dict[str, Any]:
    if not settings.app_id:
        raise PackageError("TEAMS_APP_ID is required: the package names the bot by its app id")
    if urlparse(website_url).scheme != "https":
        raise PackageError(
            "TEAMS_WEBSITE_URL (or --website-url) must be an https:// address: Teams shows it "
            "as the developer's website, privacy and terms page"
        )
    scopes = ["personal", "team", "groupChat"]
    organisation = programme.organisation or programme.name
    return {
        "$schema": SCHEMA,
        "manifestVersion": MANIFEST_VERSION,
        "version": version,
        "id": settings.app_id,
        "developer": {
            "name": organisation[:32],
            "websiteUrl": website_url,
            "privacyUrl": website_url,
            "termsOfUseUrl": website_url,
        },
        "name": {
            "short": settings.bot_name[:30],
            "full": (programme.title or settings.bot_name)[:100],
        },
        "description": {
            "short": f"Behov, ärenden, avvikelser och risker i {programme.name}"[:80],
            "full": (
                f"{settings.bot_name} tar emot behov, ärenden, avvikelser, risker och "
                f"ändringsbegäranden för {programme.name}, påminner om milstolpar och "
                "beslutspunkter och publicerar programmets kommunikation. Skriv hjälp för att "
                "komma igång. Skriv aldrig personnummer eller patientuppgifter."
            )[:4000],
        },
        "icons": {"color": "color.png", "outline": "outline.png"},
        "accentColor": ACCENT,
        "bots": [
            {
                "botId": settings.app_id,
                "scopes": scopes,
                "supportsFiles": True,
                "isNotificationOnly": False,
                "commandLists": [
                    {
                        "scopes": scopes,
                        "commands": [
                            {"title": title, "description": description}
                            for title, description in COMMANDS
                        ],
                    }
                ],
            }
        ],
        "permissions": ["identity", "messageTeamMembers"],
        "validDomains": [urlparse(website_url).hostname],
    }


def write_package(
    settings: TeamsSettings,
    programme: Programme,
    out: Path,
    *,
    website_url: str = "",
    version: str = "1.0.0",
) -> Path:
    data = manifest(
        settings, programme, website_url=website_url or settings.website_url, version=version
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", json.dumps(data, ensure_ascii=False, indent=2))
        archive.writestr("color.png", _icon(192, outline=False))
        archive.writestr("outline.png", _icon(32, outline=True))
    return out
