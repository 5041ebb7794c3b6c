"""Every store the bot uses, built once per process from one backend (SQLite by default)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.config import Settings
from bot.ports.clock import Clock
from bot.ports.conversation import DialogueStore, RequestLog
from bot.ports.delivery import DeliveryLog
from bot.ports.entries import AuditLog, EntryRepository, EntrySearch, ProgrammeStore
from bot.ports.governance import ChangeDecisionStore
from bot.ports.notices import EntryPeople, NoticeSettings, SimilarEntries
from bot.ports.plan import CommsStore, MilestoneStore, ReminderStore
from bot.ports.reports import ReportEditions, ReportStore, StatusInputs
from bot.ports.sessions import SessionStore
from bot.ports.storage import StorageStatus
from bot.ports.unit_of_work import UnitOfWork
from integrations.webchat.notifier import InboxEvents, InboxStore
from storage.copy import CopyError as CopyError
from storage.copy import copy_database as copy_tables
from storage.postgres import database as postgres
from storage.postgres.audit import PostgresAuditLog
from storage.postgres.conversation import PostgresDialogueStore, PostgresRequestLog
from storage.postgres.delivery import PostgresDeliveryLog
from storage.postgres.entries import PostgresEntryRepository
from storage.postgres.events import PostgresInboxEvents
from storage.postgres.governance import PostgresChangeDecisionStore
from storage.postgres.inbox import PostgresWebchatInbox
from storage.postgres.microsoft import PostgresSharePointState, PostgresTeamsReferences
from storage.postgres.notices import (
    PostgresEntryPeople,
    PostgresNoticeSettings,
    PostgresSimilarEntries,
)
from storage.postgres.plan import PostgresCommsStore, PostgresMilestoneStore, PostgresReminderStore
from storage.postgres.programme import PostgresProgrammeStore
from storage.postgres.ratebudget import PostgresRateBudget
from storage.postgres.report_inputs import PostgresReportEditions, PostgresStatusInputs
from storage.postgres.reports import PostgresReportStore
from storage.postgres.search import PostgresEntrySearch
from storage.postgres.sessions import PostgresSessionStore
from storage.postgres.status import PostgresStorageStatus
from storage.postgres.unit_of_work import PostgresUnitOfWork
from storage.sqlite.audit import SqliteAuditLog
from storage.sqlite.conversation import SqliteDialogueStore, SqliteRequestLog
from storage.sqlite.database import (
    BUSY_TIMEOUT_MS,
    SERVING_BUSY_TIMEOUT_MS,
    open_database,
    pending_migrations,
)
from storage.sqlite.delivery import SqliteDeliveryLog
from storage.sqlite.entries import SqliteEntryRepository
from storage.sqlite.governance import SqliteChangeDecisionStore
from storage.sqlite.inbox import SqliteWebchatInbox
from storage.sqlite.microsoft import SqliteSharePointState, SqliteTeamsReferences
from storage.sqlite.notices import SqliteEntryPeople, SqliteNoticeSettings, SqliteSimilarEntries
from storage.sqlite.plan import SqliteCommsStore, SqliteMilestoneStore, SqliteReminderStore
from storage.sqlite.programme import SqliteProgrammeStore
from storage.sqlite.report_inputs import SqliteReportEditions, SqliteStatusInputs
from storage.sqlite.reports import SqliteReportStore
from storage.sqlite.search import SqliteEntrySearch
from storage.sqlite.sessions import SqliteSessionStore
from storage.sqlite.status import SqliteStorageStatus
from storage.sqlite.unit_of_work import SqliteUnitOfWork

if TYPE_CHECKING:
    # Only for their types: the Microsoft adapters (an optional extra) are imported when used.
    from integrations.sharepoint.adapter import SharePointState
    from integrations.teams.connection import ReferenceStore
    from integrations.teams.ratelimit import SharedBudget


@dataclass(frozen=True, slots=True)
class Stores:
    """One backend's implementation of every storage port, sharing one database."""

    uow: UnitOfWork
    entries: EntryRepository
    search: EntrySearch  # searches and lists, off the event loop and capped in time
    audit: AuditLog
    dialogues: DialogueStore
    requests: RequestLog
    programme: ProgrammeStore
    milestones: MilestoneStore
    comms: CommsStore
    reminders: ReminderStore
    deliveries: DeliveryLog
    reports: ReportStore
    status_inputs: StatusInputs
    report_editions: ReportEditions
    inbox: InboxStore
    sessions: SessionStore  # the web chat's sign-ins
    teams_references: ReferenceStore
    sharepoint: SharePointState
    status: StorageStatus  # busy or unwritable database, /health
    change_decisions: ChangeDecisionStore
    # Shared by replicas (PostgreSQL only; None on SQLite, where one process has it all in hand):
    # web chat posts other replicas stored, and the Teams per-app send budget.
    inbox_events: InboxEvents | None
    rate_budget: SharedBudget | None
    # The loops around an entry: who else reported or follows it, similar entries, notices.
    entry_people: EntryPeople
    similar: SimilarEntries
    notice_settings: NoticeSettings
    db: Any  # the backend's own handle (tests and benches read rows through it)
    close: Callable[[], None]


def sqlite_stores(
    path: Path | str, clock: Clock, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS
) -> Stores:
    """Every store on one SQLite file (migrated first); `":memory:"` for a private one."""
    db = open_database(path, busy_timeout_ms=busy_timeout_ms)
    entries = SqliteEntryRepository(db, clock)
    search = SqliteEntrySearch(path, clock, fallback=entries)

    def close() -> None:
        search.close()
        db.conn.close()

    return Stores(
        uow=SqliteUnitOfWork(db),
        entries=entries,
        search=search,
        audit=SqliteAuditLog(db, clock),
        dialogues=SqliteDialogueStore(db),
        requests=SqliteRequestLog(db, clock),
        programme=SqliteProgrammeStore(db, clock),
        milestones=SqliteMilestoneStore(db),
        comms=SqliteCommsStore(db),
        reminders=SqliteReminderStore(db),
        deliveries=SqliteDeliveryLog(db),
        reports=SqliteReportStore(db),
        status_inputs=SqliteStatusInputs(db, clock),
        report_editions=SqliteReportEditions(db, clock),
        inbox=SqliteWebchatInbox(db, clock),
        sessions=SqliteSessionStore(db),
        teams_references=SqliteTeamsReferences(db, clock),
        sharepoint=SqliteSharePointState(db, clock),
        status=SqliteStorageStatus(db, path),
        change_decisions=SqliteChangeDecisionStore(db),
        inbox_events=None,
        rate_budget=None,
        entry_people=SqliteEntryPeople(db, clock),
        similar=SqliteSimilarEntries(db),
        notice_settings=SqliteNoticeSettings(db, clock),
        db=db,
        close=close,
    )


def postgres_stores(url: str, clock: Clock, *, origin: str = "") -> Stores:
    """Every store on one PostgreSQL database (migrated first, under an advisory lock);
    `origin` names this process in what it announces to the other replicas."""
    return stores_on_postgres(postgres.open_database(url), clock, origin=origin)


def stores_on_postgres(db: postgres.PostgresDatabase, clock: Clock, *, origin: str = "") -> Stores:
    entries = PostgresEntryRepository(db, clock)
    search = PostgresEntrySearch(db, entries)

    def close() -> None:
        search.close()
        db.close()

    return Stores(
        uow=PostgresUnitOfWork(db),
        entries=entries,
        search=search,
        audit=PostgresAuditLog(db, clock),
        dialogues=PostgresDialogueStore(db),
        requests=PostgresRequestLog(db, clock),
        programme=PostgresProgrammeStore(db, clock),
        milestones=PostgresMilestoneStore(db),
        comms=PostgresCommsStore(db),
        reminders=PostgresReminderStore(db),
        deliveries=PostgresDeliveryLog(db),
        reports=PostgresReportStore(db),
        inbox=PostgresWebchatInbox(db, clock, origin=origin),
        sessions=PostgresSessionStore(db),
        teams_references=PostgresTeamsReferences(db, clock),
        sharepoint=PostgresSharePointState(db, clock),
        status=PostgresStorageStatus(db),
        change_decisions=PostgresChangeDecisionStore(db),
        inbox_events=PostgresInboxEvents(db.url, origin=origin),
        rate_budget=PostgresRateBudget(db),
        status_inputs=PostgresStatusInputs(db, clock),
        report_editions=PostgresReportEditions(db, clock),
        entry_people=PostgresEntryPeople(db, clock),
        similar=PostgresSimilarEntries(db),
        notice_settings=PostgresNoticeSettings(db, clock),
        db=db,
        close=close,
    )


def open_stores(
    settings: Settings, clock: Clock, *, serving: bool = False, origin: str = ""
) -> Stores:
    """The configured backend's stores: PostgreSQL when FVIS_DATABASE_URL is set, else SQLite.
    `serving`: for the running bot, whose event loop must not wait for another writer's SQLite
    lock (it retries asynchronously instead). `origin` names this process to other replicas."""
    if settings.database_url:
        return postgres_stores(settings.database_url, clock, origin=origin)
    timeout = SERVING_BUSY_TIMEOUT_MS if serving else BUSY_TIMEOUT_MS
    return sqlite_stores(settings.db_path, clock, busy_timeout_ms=timeout)


def migrate_database(settings: Settings) -> list[str]:
    """Apply pending migrations of the configured backend; the names of those applied."""
    if settings.database_url:
        pg = postgres.open_database(settings.database_url, migrate_now=False, max_size=1)
        try:
            return postgres.migrate(pg)
        finally:
            pg.close()
    db = open_database(settings.db_path, migrate=False)
    try:
        pending = pending_migrations(db)
    finally:
        db.conn.close()
    open_database(settings.db_path).conn.close()
    return pending


def copy_database(source_url: str, target_url: str) -> list[tuple[str, int]]:
    """`fvis-bot db copy`: every table from SQLite into an empty PostgreSQL database, counts
    verified; (table, rows) copied. CopyError when refused or failed (nothing written)."""
    return [(done.table, done.rows) for done in copy_tables(source_url, target_url)]
