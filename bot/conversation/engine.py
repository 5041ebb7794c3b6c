"""The conversation engine: one for every platform. Handlers register; the engine dispatches."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from typing import Any

from bot.domain.errors import UserError
from bot.domain.ids import new_id
from bot.domain.messages import Choice, FileRef, Form, FormField, Incoming, Option, Reply
from bot.domain.model import Person
from bot.domain.pii import contains_personal_number
from bot.domain.programme import Programme, person_from
from bot.entries.service import EntryService
from bot.i18n.catalogue import count, normalise_locale, t
from bot.ports.clock import Clock
from bot.ports.conversation import Dialogue, DialogueStore, RequestLog
from bot.ports.storage import StorageStatus
from bot.text.clean import clean_text
from bot.text.validation import pii_refusal_key

log = logging.getLogger(__name__)

Replies = list[Reply]
CommandHandler = Callable[["Context", str], Awaitable[Replies]]
ActionHandler = Callable[["Context", str, str], Awaitable[Replies]]
FormHandler = Callable[["Context", str, dict[str, str]], Awaitable[Replies]]
TextHandler = Callable[["Context", str], Awaitable[Replies]]

CANCEL_WORDS = frozenset({"avbryt", "cancel", "stopp", "stop", "abort"})
HELP_WORDS = frozenset({"hjälp", "hjalp", "help", "?"})
MAX_MESSAGE_LENGTH = 20_000
# A busy database (another writer holds it) is retried this long, with backoff, before the
# person is asked to try again; the event loop never waits for the lock meanwhile.
BUSY_PATIENCE_SECONDS = 2.0
BUSY_FIRST_DELAY = 0.05
BUSY_MAX_DELAY = 0.5


@dataclass(slots=True)
class Context:
    """Everything a handler needs for one incoming message."""

    incoming: Incoming
    person: Person
    locale: str
    now: datetime
    entries: EntryService
    programme: Programme
    timezone: str
    dialogue: Dialogue | None
    _engine: Engine
    notices: list[Reply] = field(default_factory=list)

    def t(self, key: str, **values: Any) -> str:
        return t(self.locale, key, **values)

    @property
    def dialogue_key(self) -> str:
        return self._engine.dialogue_key(self.incoming)

    def start_dialogue(self, flow: str, state: str, **data: Any) -> Dialogue:
        self.dialogue = Dialogue(id=new_id(), flow=flow, state=state, updated_at=self.now, **data)
        return self.dialogue

    def save_dialogue(self) -> None:
        if self.dialogue is not None:
            self.dialogue.updated_at = self.now
            self._engine.dialogues.save(self.dialogue_key, self.dialogue)

    def end_dialogue(self) -> None:
        self.dialogue = None
        self._engine.dialogues.delete(self.dialogue_key)


@dataclass(frozen=True, slots=True)
class Command:
    names: tuple[str, ...]
    handler: CommandHandler


class Engine:
    def __init__(
        self,
        *,
        entries: EntryService,
        dialogues: DialogueStore,
        requests: RequestLog,
        clock: Clock,
        programme: Programme,
        timezone: str = "Europe/Stockholm",
        dialogue_timeout: timedelta = timedelta(minutes=30),
        storage: StorageStatus | None = None,
        busy_patience: float = BUSY_PATIENCE_SECONDS,
    ) -> None:
        self.storage = storage
        self.busy_patience = busy_patience
        self._logged: set[str] = set()
        self.entries = entries
        self.dialogues = dialogues
        self.requests = requests
        self.clock = clock
        self.programme = programme
        self.timezone = timezone
        self.dialogue_timeout = dialogue_timeout
        self._commands: dict[str, Command] = {}
        self._actions: dict[str, ActionHandler] = {}
        self._forms: dict[str, FormHandler] = {}
        self._flows: dict[str, TextHandler] = {}
        self._fallback: TextHandler | None = None

    # -- registration (handlers call these; the engine imports no handler) ------------------

    def command(self, *names: str) -> Callable[[CommandHandler], CommandHandler]:
        def register(handler: CommandHandler) -> CommandHandler:
            command = Command(names, handler)
            for name in names:
                self._commands[name.casefold()] = command
            return handler

        return register

    def action(self, prefix: str) -> Callable[[ActionHandler], ActionHandler]:
        def register(handler: ActionHandler) -> ActionHandler:
            self._actions[prefix] = handler
            return handler

        return register

    def form(self, prefix: str) -> Callable[[FormHandler], FormHandler]:
        def register(handler: FormHandler) -> FormHandler:
            self._forms[prefix] = handler
            return handler

        return register

    def flow(self, name: str) -> Callable[[TextHandler], TextHandler]:
        def register(handler: TextHandler) -> TextHandler:
            self._flows[name] = handler
            return handler

        return register

    def fallback(self, handler: TextHandler) -> TextHandler:
        self._fallback = handler
        return handler

    def command_names(self) -> list[str]:
        return sorted(self._commands)

    # -- dispatch --------------------------------------------------------------------------

    @staticmethod
    def dialogue_key(incoming: Incoming) -> str:
        return f"{incoming.platform}:{incoming.conversation_id or '-'}:{incoming.user_id}"

    async def handle(self, incoming: Incoming) -> list[Reply]:
        key = f"request:{incoming.idempotency_key}" if incoming.idempotency_key else ""
        if key:
            seen = self.requests.get(key)
            if seen is not None:
                return [reply_from_dict(item) for item in seen]
        mark = self.storage.changes() if self.storage else 0
        replies, answered = await self._answer(incoming)
        # A failure is not the answer to this request: its retry is handled anew. Nor is an
        # answer that changed nothing (help, a list, a refusal): answering its retry anew gives
        # the same, and saves a write – a commit to disk – on every read.
        wrote = self.storage is None or self.storage.changes() != mark
        if key and answered and wrote:
            self._remember(key, replies)
        return replies

    async def _answer(self, incoming: Incoming) -> tuple[list[Reply], bool]:
        """The replies, and whether they are the request's answer (not a failure)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.busy_patience
        delay = BUSY_FIRST_DELAY
        while True:
            mark = self.storage.changes() if self.storage else 0
            context: Context | None = None
            try:
                context = self._context(incoming)
                return context.notices + await self._dispatch(context), True
            except UserError as error:
                assert context is not None, "only handlers raise UserError"
                reply = Reply(context.t(error.key, **error.values), style="error")
                return [*context.notices, reply], True
            except Exception as error:
                failure = self.storage.failure(error) if self.storage else None
                wrote = self.storage is not None and self.storage.changes() != mark
                if failure == "busy" and not wrote and loop.time() + delay < deadline:
                    # Another writer holds the database: wait without holding up anyone else.
                    await asyncio.sleep(delay)
                    delay = min(delay * 2, BUSY_MAX_DELAY)
                    continue
                return [self._failure_reply(incoming, error, failure, wrote)], False

    def _failure_reply(
        self, incoming: Incoming, error: Exception, failure: str | None, wrote: bool
    ) -> Reply:
        locale = self._locale(incoming)
        if failure is None:
            # Never the text itself in the log: it may hold what must not be stored.
            log.error("handling a message from %s failed", incoming.platform, exc_info=error)
        elif (cause := f"{failure}: {error}") not in self._logged:
            # A busy or unwritable database is logged once per cause, not once per message.
            self._logged.add(cause)
            log.error("the database could not be written (%s)", cause)
        if failure == "busy" and not wrote:
            return Reply(t(locale, "storage_busy"), style="error")
        if failure == "unavailable":
            return Reply(t(locale, "storage_unavailable"), style="error")
        return Reply(t(locale, "error"), style="error")

    def _remember(self, key: str, replies: list[Reply]) -> None:
        try:
            self.requests.put(key, [reply_to_dict(r) for r in replies])
        except Exception as error:
            if self.storage is None or self.storage.failure(error) is None:
                raise
            # Busy or unwritable: the answer stands; a retry of this request is answered anew.
            log.debug("answer not remembered: %s", type(error).__name__)

    def _locale(self, incoming: Incoming) -> str:
        person = person_from(self.programme, incoming.platform, incoming.user_id)
        return normalise_locale(incoming.locale or person.locale)

    def _context(self, incoming: Incoming) -> Context:
        person = person_from(
            self.programme,
            incoming.platform,
            incoming.user_id,
            incoming.user_name,
            incoming.directory_roles,
        )
        locale = normalise_locale(incoming.locale or person.locale)
        now = self.clock.now()
        context = Context(
            incoming=incoming,
            person=person,
            locale=locale,
            now=now,
            entries=self.entries,
            programme=self.programme,
            timezone=self.timezone,
            dialogue=None,
            _engine=self,
        )
        dialogue = self.dialogues.load(self.dialogue_key(incoming))
        if dialogue is not None and now - dialogue.updated_at > self.dialogue_timeout:
            # An abandoned dialogue ends with nothing half-saved, and the person is told.
            self.dialogues.delete(self.dialogue_key(incoming))
            kind = context.t(f"kind.{dialogue.kind}") if dialogue.kind else "–"
            context.notices.append(Reply(context.t("expired", kind=kind.lower())))
            dialogue = None
        context.dialogue = dialogue
        return context

    async def _dispatch(self, context: Context) -> list[Reply]:
        incoming = context.incoming
        carried = [incoming.action.id, incoming.action.value] if incoming.action else []
        carried += [incoming.form.id, *incoming.form.values] if incoming.form else []
        carried += [incoming.locale or ""]
        if any(contains_personal_number(value) for value in carried):
            # Button values, form ids and field names come back from clients and are echoed and
            # stored; form values are checked field by field, so the rest of a form is kept.
            return [Reply(context.t(pii_refusal_key(*carried)), style="error")]
        if incoming.action is not None and incoming.action.id == "say":
            # A suggestion chip: the same as typing its text.
            return await self._text(context, incoming.action.value)
        if incoming.action is not None:
            handler = self._actions.get(incoming.action.id.split(":", 1)[0])
            if handler is None:
                return [Reply(context.t("stale_action"), style="error")]
            return await handler(context, incoming.action.id, incoming.action.value)
        if incoming.form is not None:
            form_handler = self._forms.get(incoming.form.id.split(":", 1)[0])
            if form_handler is None:
                return [Reply(context.t("stale_action"), style="error")]
            return await form_handler(context, incoming.form.id, dict(incoming.form.values))
        return await self._text(context, incoming.text)

    async def _text(self, context: Context, raw: str) -> list[Reply]:
        text = clean_text(raw)
        if not text:
            return [Reply(context.t("empty"), choices=help_choices(context))]
        if len(text) > MAX_MESSAGE_LENGTH:
            return [
                Reply(
                    context.t(
                        "too_long",
                        length=count(len(text)),
                        limit=count(MAX_MESSAGE_LENGTH),
                    ),
                    style="error",
                )
            ]
        if contains_personal_number(text):
            # Refused before any handler sees it: nothing of it is stored, not even in a dialogue.
            return [Reply(context.t(pii_refusal_key(text)), style="error")]
        word, _, rest = text.partition(" ")
        word = word.casefold().rstrip(":,.!")
        if word in CANCEL_WORDS and not rest.strip():
            if context.dialogue is None:
                return [Reply(context.t("nothing_to_cancel"))]
            context.end_dialogue()
            return [Reply(context.t("cancelled"))]
        # A command the platform marks as one (a slash command) never answers a dialogue's question.
        if (
            context.dialogue is not None
            and not context.incoming.wants_form
            and (word not in HELP_WORDS or rest.strip())
        ):
            flow = self._flows.get(context.dialogue.flow)
            if flow is not None:
                return await flow(context, text)
            context.end_dialogue()
        command = self._commands.get(word)
        if command is not None:
            return await command.handler(context, rest.strip())
        if self._fallback is not None:
            return await self._fallback(context, text)
        return [Reply(context.t("unknown_command", text=text[:60]))]


def help_choices(context: Context) -> tuple[Choice, ...]:
    words = (
        ("hjälp", "behov", "lista mina")
        if context.locale == "sv"
        else ("help", "need", "list mine")
    )
    return tuple(Choice(id="say", label=w, value=w) for w in words)


def reply_to_dict(reply: Reply) -> dict[str, Any]:
    data = asdict(reply)
    return {key: value for key, value in data.items() if value not in (None, (), [], "")}


def reply_from_dict(data: dict[str, Any]) -> Reply:
    form = data.get("form")
    file = data.get("file")
    return Reply(
        text=data.get("text", ""),
        style=data.get("style", "info"),
        choices=tuple(Choice(**c) for c in data.get("choices", ())),
        form=Form(
            id=form["id"],
            title=form.get("title", ""),
            submit_label=form.get("submit_label", ""),
            fields=tuple(
                FormField(**{**f, "options": tuple(Option(**o) for o in f.get("options", ()))})
                for f in form["fields"]
            ),
        )
        if form
        else None,
        file=FileRef(**file) if file else None,
    )
