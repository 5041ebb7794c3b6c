"""Reports wired: the report service with its Word and Excel renderers, and the weekly report."""

from __future__ import annotations

import logging
from datetime import timedelta

from bot.app.stores import Stores
from bot.config import ConfigError, Settings
from bot.delivery.claims import Dispatcher
from bot.domain.programme import Programme
from bot.entries.service import EntryService
from bot.ports.clock import Clock
from bot.ports.plan import PlanSource
from bot.reports.making import ReportWorkers
from bot.reports.service import ReportService
from bot.reports.weekly import WeeklyReport, parse_targets
from integrations.excel import ExcelRegisterRenderer
from integrations.word import TemplateError, WordReportRenderer
from storage.budget_file import CsvBudgetSource
from storage.files import DiskFileStore

log = logging.getLogger(__name__)


def weekly_report(
    settings: Settings, reports: ReportService, dispatcher: Dispatcher
) -> WeeklyReport:
    """Last week's status report every Monday 07:00 to FVIS_WEEKLY_REPORT_CHANNELS."""
    targets = parse_targets(settings.weekly_report_channels)
    for target in targets:
        if target.platform not in dispatcher.platforms():
            log.warning("FVIS_WEEKLY_REPORT_CHANNELS: %s is not running", target.platform)
    return WeeklyReport(
        reports=reports,
        dispatcher=dispatcher,
        targets=targets,
        grace=timedelta(minutes=settings.grace_minutes),
        timezone=settings.timezone,
    )


def report_service(
    settings: Settings,
    stores: Stores,
    entries: EntryService,
    plan: PlanSource,
    clock: Clock,
    programme: Programme,
    *,
    workers: ReportWorkers | None = None,
) -> ReportService:
    try:
        renderer = WordReportRenderer(template=settings.word_template)
    except TemplateError as error:
        raise ConfigError(f"FVIS_WORD_TEMPLATE: {error}") from None
    return ReportService(
        entries=entries,
        store=stores.reports,
        uow=stores.uow,
        plan=plan,
        renderer=renderer,
        files=DiskFileStore(settings.files_folder),
        clock=clock,
        programme=programme,
        timezone=settings.timezone,
        registration_number=settings.report_registration_number,
        inputs=stores.status_inputs,
        editions=stores.report_editions,
        workbooks=ExcelRegisterRenderer(),
        budget=CsvBudgetSource(settings.budget_file) if settings.budget_file else None,
        workers=workers,
    )
