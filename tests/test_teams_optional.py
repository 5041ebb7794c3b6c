"""The Microsoft parts are an optional extra: with nothing configured, none of it is imported."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("microsoft_agents", "msgraph", "msal", "kiota_abstractions", "azure", "PIL")


def test_core_starts_without_the_microsoft_packages(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from bot.app.build import build, web_app\n"
        "from bot.config import Settings\n"
        f"bot = build(Settings(db_path={str(tmp_path / 'fvis.db')!r}))\n"
        "web_app(bot)\n"
        "bot.close()\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]", done.stdout


def test_teams_configured_loads_the_sdk(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from bot.app.build import build\n"
        "from bot.app.settings import AppSettings\n"
        "settings = AppSettings.from_env({'TEAMS_ANONYMOUS': 'on', "
        f"'FVIS_DB_PATH': {str(tmp_path / 'fvis.db')!r}}})\n"
        "bot = build(settings)\n"
        "print(bot.notifier.platforms, 'microsoft_agents.hosting.core' in sys.modules)\n"
        "bot.close()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert "'teams'" in done.stdout and done.stdout.strip().endswith("True"), done.stdout
