"""Word reports from the chat: `rapport vecka`, `rapport register behov`, `rapport BEH-12`,
`rapport beslut`. The file comes back in the reply; each adapter hands it over its own way."""

from __future__ import annotations

import re
from datetime import date
from zoneinfo import ZoneInfo

from bot.conversation.engine import Context, Engine
from bot.domain.errors import UserError
from bot.domain.messages import Choice, Reply
from bot.domain.model import REF_PATTERN, Kind, Status
from bot.domain.pii import contains_personal_number
from bot.reports.model import ReportDocument, Workbook, number
from bot.reports.scope import Period, iso_week, last_week
from bot.reports.service import Job, ReportService
from bot.text.clean import shorten
from bot.text.timeparse import parse_when
from bot.text.words import KIND_WORDS, STATUS_WORDS, kind_names, status_names

WEEK_WORDS = frozenset({"vecka", "veckan", "veckorapport", "week", "weekly", "v", "w"})
PERIOD_WORDS = frozenset({"period", "perioden", "status", "statusrapport"})
REGISTER_WORDS = frozenset({"register", "registret", "reg"})
DECISION_WORDS = frozenset(
    {"beslut", "beslutslogg", "beslutsloggen", "decisions", "decision", "decision-log"}
)
HELP_WORDS = frozenset({"", "hjälp", "hjalp", "help", "?"})
# "2026-11-01 till 2026-11-30", "1/11 - 30/11", "1 november to 30 november".
_RANGE = re.compile(r"\s+(?:till|to|until|–|—|-|\.\.)\s+", re.IGNORECASE)


def register(engine: Engine, reports: ReportService) -> None:
    async def report(context: Context, args: str) -> list[Reply]:
        return await make_report(context, reports, args)

    engine.command("rapport", "rapporter", "report", "reports")(report)


async def make_report(context: Context, reports: ReportService, args: str) -> list[Reply]:
    args, given_number = _registration_number(args)
    words = args.split()
    first = words[0].casefold().rstrip(":,.!") if words else ""
    rest = args.strip()[len(words[0]) :].strip() if words else ""
    locale, person = context.locale, context.person
    if first in HELP_WORDS:
        return [_usage(context)]
    dnr = {"registration_number": given_number}
    # Read, built and rendered off the event loop: a register of thousands takes a while.
    job: Job[ReportDocument | Workbook]
    if REF_PATTERN.match(args.strip()):
        job = reports.entry_job(person, args.strip(), locale)
    elif first in WEEK_WORDS:
        job = reports.status_job(person, _week(context, rest), locale)
    elif first in PERIOD_WORDS:
        job = reports.status_job(person, _period(context, rest), locale)
    elif first in REGISTER_WORDS:
        rest, excel = _excel(rest)
        kind, statuses, period = _register_args(context, rest)
        job = reports.register_job(
            person, kind, locale, statuses=statuses, period=period, excel=excel
        )
    elif first in DECISION_WORDS:
        job = reports.decisions_job(person, locale)
    else:
        return [
            Reply(context.t("reports.unknown", text=shorten(args.strip(), 60)), style="error"),
            _usage(context),
        ]
    made = await reports.make(person, job, locale, **dnr)
    if made.excel:
        count = number(made.rows, locale)
        text = context.t("reports.excel_ready", what=made.title, count=count)
        return [Reply(text, style="success", file=made.file)]
    return [Reply(context.t("reports.ready", what=made.title), style="success", file=made.file)]


_DNR = re.compile(r"\s+(?:dnr|diarienummer|diarienr|reg\.? ?no\.?)[:.]?\s+(?P<number>\S.*)$", re.I)
DNR_LIMIT = 60


def _registration_number(args: str) -> tuple[str, str]:
    """ "vecka 47 dnr RV 2026/123" → ("vecka 47", "RV 2026/123"): a report's own diarienummer."""
    match = _DNR.search(" " + args)
    if match is None:
        return args, ""
    number = " ".join(match.group("number").split())
    if len(number) > DNR_LIMIT or contains_personal_number(number):
        raise UserError("reports.bad_dnr", limit=DNR_LIMIT)
    return (" " + args)[: match.start()].strip(), number


EXCEL_WORDS = frozenset({"excel", "xlsx", "kalkylark", "spreadsheet"})


def _excel(text: str) -> tuple[str, bool]:
    """ "behov ny excel" → ("behov ny", True): the register as a workbook."""
    words = text.split()
    kept = [word for word in words if word.casefold().strip(".,") not in EXCEL_WORDS]
    return " ".join(kept), len(kept) < len(words)


def _usage(context: Context) -> Reply:
    sv = context.locale == "sv"
    examples = (
        ("rapport vecka", "rapport register behov", "rapport beslut")
        if sv
        else ("report week", "report register needs", "report decisions")
    )
    return Reply(
        context.t("reports.usage", kinds=kind_names(context.locale)),
        choices=tuple(Choice("say", text, text) for text in examples),
    )


def _today(context: Context) -> date:
    return context.now.astimezone(ZoneInfo(context.timezone)).date()


def _week(context: Context, text: str) -> Period:
    today = _today(context)
    if not text:
        return last_week(today)
    parts = text.replace(",", " ").split()
    try:
        week = int(parts[0].lstrip("vVwW.")) if parts else 0
        year = int(parts[1]) if len(parts) > 1 else today.isocalendar().year
        if len(parts) > 2:
            raise ValueError(text)
        period = iso_week(year, week)
    except ValueError:
        raise UserError("reports.bad_week", text=shorten(text, 40)) from None
    if len(parts) == 1 and period.start > today:
        # "vecka 50" in January is last year's week 50.
        period = iso_week(year - 1, week)
    _not_future(period, today)
    return period


def _day(context: Context, text: str) -> date:
    when = parse_when(text, now=context.now, prefer="past", tz=context.timezone)
    if when is None:
        raise UserError("reports.bad_date", text=shorten(text, 40))
    return when.date()


def _split_range(text: str) -> tuple[str, str] | None:
    parts = _RANGE.split(text.strip(), maxsplit=1)
    if len(parts) == 2:
        return parts[0], parts[1]
    words = text.split()
    if len(words) == 2:
        return words[0], words[1]
    return None


def _period(context: Context, text: str) -> Period:
    pair = _split_range(text)
    if pair is None:
        raise UserError("reports.need_period")
    start, end = _day(context, pair[0]), _day(context, pair[1])
    if end < start:
        raise UserError("reports.bad_period", start=start.isoformat(), end=end.isoformat())
    period = Period(start, end)
    _not_future(period, _today(context))
    return period


def _not_future(period: Period, today: date) -> None:
    if period.start > today:
        raise UserError("reports.future_period", start=period.start.isoformat())


def _register_args(context: Context, text: str) -> tuple[Kind, list[Status], Period | None]:
    words = text.split()
    if not words or words[0].casefold() not in KIND_WORDS:
        raise UserError("reports.register_kind", kinds=kind_names(context.locale))
    kind = KIND_WORDS[words[0].casefold()]
    statuses: list[Status] = []
    index = 1
    while index < len(words):
        pair = " ".join(words[index : index + 2]).casefold()
        if pair in STATUS_WORDS:  # "in progress"
            statuses.append(STATUS_WORDS[pair])
            index += 2
        elif words[index].casefold() in STATUS_WORDS:
            statuses.append(STATUS_WORDS[words[index].casefold()])
            index += 1
        else:
            break
    rest = " ".join(words[index:])
    if not rest:
        return kind, statuses, None
    if _split_range(rest) is None:
        raise UserError(
            "reports.bad_register_word",
            text=shorten(words[index], 40),
            options=status_names(context.locale),
        )
    return kind, statuses, _period(context, rest)
