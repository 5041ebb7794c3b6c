"""`fvis-bot report …`: the chat's Word reports from the command line, through the same service."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from bot.cli.operator import operator
from bot.config import ConfigError, Settings
from bot.domain.errors import UserError
from bot.i18n.catalogue import count, t
from bot.reports.model import ReportDocument, Workbook
from bot.reports.scope import Period, last_week
from bot.reports.service import ReportService
from bot.text.timeparse import parse_when
from bot.text.words import KIND_WORDS, STATUS_WORDS


def add_report_commands(sub: Any) -> None:
    report = sub.add_parser("report", help="Word reports (.docx)").add_subparsers(
        dest="report", required=True
    )

    def common(command: argparse.ArgumentParser) -> None:
        command.add_argument("--out", help="the .docx to write (default: its name, here)")
        command.add_argument("--locale", default="sv", choices=["sv", "en"])
        command.add_argument(
            "--as",
            dest="person",
            default="",
            help="who the report is made for, its author: a name or id from the programme file "
            "(with that person's rights) or any name (default: FVIS_OPERATOR_NAME)",
        )
        command.add_argument("--dnr", default="", help="the report's diarienummer")

    status = report.add_parser("status", help="status report for a period (default: last week)")
    status.add_argument("--from", dest="start", help="first day, e.g. 2026-11-16")
    status.add_argument("--to", dest="end", help="last day, e.g. 2026-11-22")
    common(status)
    status.set_defaults(func=cmd_report_status)

    register = report.add_parser(
        "register", help="every entry of one kind (Word, or Excel with every field)"
    )
    register.add_argument("kind", help="need|issue|deviation|risk|change (or the Swedish word)")
    register.add_argument(
        "--status", action="append", default=[], help="only this status (may repeat)"
    )
    register.add_argument("--from", dest="start", help="logged on or after this day")
    register.add_argument("--to", dest="end", help="logged on or before this day")
    register.add_argument(
        "--excel", action="store_true", help="an Excel workbook (also when --out ends in .xlsx)"
    )
    common(register)
    register.set_defaults(func=cmd_report_register)

    entry = report.add_parser("entry", help="one entry's fields, comments and history")
    entry.add_argument("number", help="e.g. BEH-12")
    common(entry)
    entry.set_defaults(func=cmd_report_entry)

    decisions = report.add_parser("decisions", help="the decision log (beslutslogg)")
    common(decisions)
    decisions.set_defaults(func=cmd_report_decisions)


def _run(settings: Settings, args: argparse.Namespace, make: Any) -> int:
    from bot.app.build import build

    try:
        bot = build(settings)
    except ConfigError as error:
        print(t(args.locale, "cli.config_error", error=error), file=sys.stderr)
        return 2
    try:
        assert bot.reports is not None
        person = operator(args.person or settings.operator_name, bot.programme, args.locale)
        document: ReportDocument | Workbook = make(bot.reports, person, args)
        if isinstance(document, Workbook):
            data = bot.reports.render_workbook(document)
        else:
            data = bot.reports.render(document, args.locale)
    except UserError as error:
        print(t(args.locale, error.key, **error.values), file=sys.stderr)
        return 1
    finally:
        bot.close()
    out = Path(args.out) if args.out else Path(document.file_name)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(data)
    except OSError as error:
        reason = error.strerror or type(error).__name__
        print(t(args.locale, "cli.not_written", out=out, reason=reason), file=sys.stderr)
        return 1
    print(t(args.locale, "cli.report_written", out=out, size=count(len(data))))
    return 0


def _day(reports: ReportService, text: str) -> date:
    when = parse_when(text, now=reports.clock.now(), prefer="past", tz=reports.timezone)
    if when is None:
        raise UserError("reports.bad_date", text=text[:40])
    return when.date()


def _period(reports: ReportService, start: str | None, end: str | None) -> Period | None:
    if not start and not end:
        return None
    first = _day(reports, start) if start else date(2000, 1, 1)
    last = _day(reports, end) if end else reports.today()
    if last < first:
        raise UserError("reports.bad_period", start=first.isoformat(), end=last.isoformat())
    return Period(first, last)


def cmd_report_status(settings: Settings, args: argparse.Namespace) -> int:
    def make(reports: ReportService, person: Any, args: argparse.Namespace) -> ReportDocument:
        period = _period(reports, args.start, args.end) or last_week(reports.today())
        return reports.status_report(person, period, args.locale, registration_number=args.dnr)

    return _run(settings, args, make)


def cmd_report_register(settings: Settings, args: argparse.Namespace) -> int:
    kind = KIND_WORDS.get(args.kind.casefold())
    statuses = [STATUS_WORDS.get(s.casefold()) for s in args.status]
    if kind is None or None in statuses:
        bad = args.kind if kind is None else args.status[statuses.index(None)]
        print(t(args.locale, "cli.bad_kind", text=bad), file=sys.stderr)
        return 2

    def make(
        reports: ReportService, person: Any, args: argparse.Namespace
    ) -> ReportDocument | Workbook:
        period = _period(reports, args.start, args.end)
        if args.excel or (args.out or "").lower().endswith(".xlsx"):
            return reports.register_sheet(
                person,
                kind,
                args.locale,
                statuses=[s for s in statuses if s],
                period=period,
                registration_number=args.dnr,
            )
        return reports.register(
            person,
            kind,
            args.locale,
            statuses=[s for s in statuses if s],
            period=period,
            registration_number=args.dnr,
        )

    return _run(settings, args, make)


def cmd_report_entry(settings: Settings, args: argparse.Namespace) -> int:
    def make(reports: ReportService, person: Any, args: argparse.Namespace) -> ReportDocument:
        return reports.entry_record(person, args.number, args.locale, registration_number=args.dnr)

    return _run(settings, args, make)


def cmd_report_decisions(settings: Settings, args: argparse.Namespace) -> int:
    def make(reports: ReportService, person: Any, args: argparse.Namespace) -> ReportDocument:
        return reports.decision_log(person, args.locale, registration_number=args.dnr)

    return _run(settings, args, make)
