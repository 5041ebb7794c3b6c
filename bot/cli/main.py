"""`fvis-bot`: the command line. Each command calls the same services the chat calls."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

from bot.app.logs import configure_logging
from bot.app.settings import AppSettings
from bot.cli.operator import operator
from bot.cli.reports import add_report_commands
from bot.config import ConfigError, Settings
from bot.domain.errors import UserError
from bot.domain.model import Entry
from bot.domain.pii import redact
from bot.domain.programme import ProgrammeError, read_programme_file
from bot.i18n.catalogue import locale_of_terminal, t
from bot.ports.entries import EntryQuery
from bot.text.render import full_record, list_row
from bot.text.words import KIND_WORDS, STATUS_WORDS

log = logging.getLogger(__name__)


def terminal() -> str:
    """The language of what the command line says: the terminal's (LANG), Swedish by default."""
    return locale_of_terminal(os.environ.get("LANG"))


def _load_dotenv() -> None:
    try:
        from dotenv import find_dotenv, load_dotenv
    except ImportError:  # optional convenience
        return
    # The .env of the folder the bot is started in (and its parents), like data/fvis.db;
    # without usecwd python-dotenv searches from this file's folder, i.e. the installed package.
    load_dotenv(find_dotenv(usecwd=True), override=False)


def _entry_json(entry: Entry) -> dict[str, Any]:
    return {
        "ref": entry.ref,
        "kind": entry.kind.value,
        "number": entry.number,
        "status": entry.status.value,
        "title": entry.title,
        "fields": entry.fields,
        "reporter": {
            "platform": entry.reporter_platform,
            "id": entry.reporter_id,
            "name": entry.reporter_name,
        },
        "source": {
            "platform": entry.source_platform,
            "channel": entry.source_channel,
            "link": entry.source_link,
        },
        "assignee": entry.assignee,
        "escalation_level": entry.escalation_level.value,
        "flags": entry.flags,
        "created_at": entry.created_at.isoformat() if entry.created_at else None,
        "updated_at": entry.updated_at.isoformat() if entry.updated_at else None,
        "comments": [
            {"author": c.author_name, "text": c.text, "at": c.at.isoformat()}
            for c in entry.comments
        ],
        "history": [
            {
                "actor": h.actor_name,
                "field": h.field,
                "old": h.old,
                "new": h.new,
                "at": h.at.isoformat(),
            }
            for h in entry.history
        ],
    }


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def cmd_run(settings: Settings, args: argparse.Namespace) -> int:
    from bot.app.build import serve

    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve(settings))
    return 0


def cmd_entries_list(settings: Settings, args: argparse.Namespace) -> int:
    from bot.app.reading import reading

    kinds = [KIND_WORDS[args.kind.casefold()]] if args.kind else []
    statuses = [STATUS_WORDS[args.status.casefold()]] if args.status else []
    with reading(settings) as bot:
        entries, total = bot.entries.find(
            operator(settings.operator_name),
            EntryQuery(kinds=kinds, statuses=statuses, limit=args.limit),
            mine=False,
        )
        if args.json:
            _print_json({"total": total, "entries": [_entry_json(e) for e in entries]})
        else:
            for entry in entries:
                print(list_row(entry, args.locale, settings.timezone))
            print(t(args.locale, "cli.listed", shown=len(entries), total=total))
    return 0


def cmd_entries_show(settings: Settings, args: argparse.Namespace) -> int:
    from bot.app.reading import reading

    with reading(settings) as bot:
        try:
            entry = bot.entries.read(operator(settings.operator_name), args.number)
        except UserError as error:
            print(t(args.locale, error.key, **error.values), file=sys.stderr)
            return 1
        if args.json:
            _print_json(_entry_json(entry))
        else:
            print(full_record(entry, args.locale, bot.programme.benefits, settings.timezone))
    return 0


def cmd_programme_import(settings: Settings, args: argparse.Namespace) -> int:
    from bot.app.programme import import_programme

    import_programme(settings, read_programme_file(Path(args.file)))
    print(t(terminal(), "cli.imported", file=args.file))
    return 0


def cmd_db_migrate(settings: Settings, args: argparse.Namespace) -> int:
    from bot.app.build import migrate

    pending = migrate(settings)
    names = ", ".join(pending) or t(terminal(), "cli.migrated_none")
    # Never the URL: it may hold a password.
    where = "PostgreSQL" if settings.database_url else settings.db_path
    print(t(terminal(), "cli.migrated", db=where, count=len(pending), names=names))
    return 0


def cmd_db_copy(settings: Settings, args: argparse.Namespace) -> int:
    from bot.app.stores import CopyError, copy_database

    try:
        copied = copy_database(args.source, args.target)
    except CopyError as error:
        print(f"Ingenting kopierades / nothing was copied: {error}", file=sys.stderr)
        return 1
    for table, rows in copied:
        print(f"{table}: {rows}")
    # Never the URLs: they may hold a password.
    total = sum(rows for _, rows in copied)
    print(f"Klart: {total} rader i {len(copied)} tabeller, samma antal som i SQLite.")
    return 0


def cmd_teams_package(settings: Settings, args: argparse.Namespace) -> int:
    from bot.app.adapters import teams_package

    try:
        out = teams_package(
            settings, Path(args.out), website_url=args.website_url, version=args.version
        )
    except ConfigError as error:
        print(t(terminal(), "cli.config_error", error=error), file=sys.stderr)
        return 2
    print(t(terminal(), "cli.teams_package", out=out))
    return 0


MAX_LIMIT = 10_000


class _Parser(argparse.ArgumentParser):
    """Usage errors in one line (and exit 2), with where to read more."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message} (--help)\n")


def _limit(raw: str) -> int:
    try:
        value = int(raw)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {raw[:40]!r}") from None
    if not 1 <= value <= MAX_LIMIT:
        raise argparse.ArgumentTypeError(f"must be between 1 and {MAX_LIMIT}, not {raw[:40]}")
    return value


def parser() -> argparse.ArgumentParser:
    root = _Parser(prog="fvis-bot", description="FVIS-boten / the FVIS bot")
    sub = root.add_subparsers(dest="command", required=True)
    sub.add_parser(
        "run", help="start the bot (web chat and every configured platform)"
    ).set_defaults(func=cmd_run)

    entries = sub.add_parser("entries", help="list and show entries").add_subparsers(
        dest="entries", required=True
    )
    listing = entries.add_parser("list", help="list entries, newest first")
    listing.add_argument(
        "--kind",
        choices=sorted(KIND_WORDS),
        metavar="KIND",
        help="need|issue|deviation|risk|change (or the Swedish word)",
    )
    listing.add_argument(
        "--status",
        choices=sorted(STATUS_WORDS),
        metavar="STATUS",
        help="new|in_progress|escalated|resolved|closed|rejected (or Swedish)",
    )
    listing.add_argument("--limit", type=_limit, default=100, help=f"1–{MAX_LIMIT}")
    listing.add_argument("--json", action="store_true")
    listing.add_argument("--locale", default="sv", choices=["sv", "en"])
    listing.set_defaults(func=cmd_entries_list)
    show = entries.add_parser("show", help="one entry's full record, e.g. BEH-12")
    show.add_argument("number")
    show.add_argument("--json", action="store_true")
    show.add_argument("--locale", default="sv", choices=["sv", "en"])
    show.set_defaults(func=cmd_entries_show)

    programme = sub.add_parser("programme", help="programme data").add_subparsers(
        dest="programme", required=True
    )
    importing = programme.add_parser("import", help="import a programme YAML file")
    importing.add_argument("file")
    importing.set_defaults(func=cmd_programme_import)

    add_report_commands(sub)

    db = sub.add_parser("db", help="the database").add_subparsers(dest="db", required=True)
    db.add_parser("migrate", help="apply pending migrations").set_defaults(func=cmd_db_migrate)
    copying = db.add_parser(
        "copy", help="move a SQLite installation into an empty PostgreSQL database"
    )
    copying.add_argument("--from", dest="source", required=True, help="sqlite:///PATH")
    copying.add_argument("--to", dest="target", required=True, help="postgresql://…")
    copying.set_defaults(func=cmd_db_copy)

    teams = sub.add_parser("teams", help="Microsoft Teams").add_subparsers(
        dest="teams", required=True
    )
    package = teams.add_parser("package", help="write the Teams app zip for an administrator")
    package.add_argument("--out", default="fvis-teams-app.zip")
    package.add_argument("--website-url", default="", help="https address (TEAMS_WEBSITE_URL)")
    package.add_argument("--version", default="1.0.0", help="the app version, e.g. 1.0.1")
    package.set_defaults(func=cmd_teams_package)
    return root


def main(argv: Sequence[str] | None = None) -> int:
    _load_dotenv()
    args = parser().parse_args(argv)
    try:
        settings = AppSettings.from_env()
    except ConfigError as error:
        print(t(terminal(), "cli.config_error", error=error), file=sys.stderr)
        return 2
    configure_logging(settings.log_level)
    try:
        return int(args.func(settings, args))
    except ProgrammeError as error:
        print(t(terminal(), "cli.programme_error", error=error), file=sys.stderr)
        return 2
    except OSError as error:
        # A file that cannot be read or written (--out /proc/self/mem, a full disk): one line.
        where = f" {error.filename}:" if error.filename else ""
        print(f"fvis-bot:{where} {error.strerror or type(error).__name__}", file=sys.stderr)
        return 1
    except Exception as error:
        # Anything else is one line too; the traceback only with FVIS_LOG_LEVEL=DEBUG.
        log.debug("fvis-bot %s failed", args.command, exc_info=error)
        print(f"fvis-bot: {type(error).__name__}: {redact(str(error))[:200]}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
