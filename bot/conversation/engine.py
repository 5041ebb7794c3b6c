"""The conversation engine: one for every platform. Handlers register; the engine dispatches."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from bot.conversation import dialogues as rules
from bot.conversation.context import (
    LOCALE_KEY,
    ActionHandler,
    Command,
    CommandHandler,
    Context,
    Flow,
    FormHandler,
    Replies,
    TextHandler,
)
from bot.conversation.failures import (
    BUSY_FIRST_DELAY,
    BUSY_MAX_DELAY,
    BUSY_PATIENCE_SECONDS,
    failure_reply,
)
from bot.conversation.suggest import nearest_command
from bot.conversation.wire import reply_from_dict, reply_to_dict
from bot.domain.errors import UserError
from bot.domain.messages import Choice, Incoming, Reply
from bot.domain.model import Person
from bot.domain.pii import contains_personal_number
from bot.domain.programme import Programme, person_from
from bot.entries.service import EntryService
from bot.i18n.catalogue import count, normalise_locale
from bot.ports.clock import Clock
from bot.ports.conversation import Dialogue, DialogueStore, RequestLog
from bot.ports.storage import StorageStatus
from bot.text.clean import clean_text, shorten
from bot.text.language import guess_language
from bot.text.validation import pii_refusal_key

__all__ = [
    "ActionHandler",
    "CommandHandler",
    "Context",
    "Engine",
    "Flow",
    "FormHandler",
    "Replies",
    "TextHandler",
    "help_choices",
    "reply_from_dict",
    "reply_to_dict",
]

log = logging.getLogger(__name__)

CANCEL_WORDS = frozenset({"avbryt", "cancel", "stopp", "stop", "abort"})
HELP_WORDS = frozenset({"hjälp", "hjalp", "help", "?"})
MAX_MESSAGE_LENGTH = 20_000
# A button can carry this much text back (Slack's limit for a button value is 2 000).
MAX_CARRIED_TEXT = 1_500
# Typed at a button question, this many words are a sentence of their own, not an answer.
SENTENCE_WORDS = 4


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
        self.commands: dict[str, Command] = {}
        self.flows: dict[str, Flow] = {}
        self._actions: dict[str, ActionHandler] = {}
        self._forms: dict[str, FormHandler] = {}
        self._fallback: TextHandler | None = None
        self._actions[rules.PREFIX] = self._dialogue_action

    # -- registration (handlers call these; the engine imports no handler) ------------------

    def command(self, *names: str) -> Callable[[CommandHandler], CommandHandler]:
        def register(handler: CommandHandler) -> CommandHandler:
            command = Command(names, handler)
            for name in names:
                self.commands[name.casefold()] = command
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

    def flow(self, name: str, **declared: Any) -> Callable[[TextHandler], TextHandler]:
        """A dialogue: its answer handler, and (see Flow) prompt, takes_text, accepts, aside."""

        def register(handler: TextHandler) -> TextHandler:
            declared.setdefault("prompt", lambda context: [])
            self.flows[name] = Flow(answer=handler, **declared)
            return handler

        return register

    def fallback(self, handler: TextHandler) -> TextHandler:
        self._fallback = handler
        return handler

    def command_names(self) -> list[str]:
        return sorted(self.commands)

    # -- dispatch --------------------------------------------------------------------------

    @staticmethod
    def dialogue_key(incoming: Incoming) -> str:
        return f"{incoming.platform}:{incoming.conversation_id or '-'}:{incoming.user_id}"

    def expired(self, dialogue: Dialogue, now: datetime) -> bool:
        return now - dialogue.updated_at > self.dialogue_timeout

    @staticmethod
    def language_of(text: str) -> str | None:
        """The language a line is surely written in (its command word), or None."""
        guess = guess_language(text)
        return guess.locale if guess.sure else None

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
                locale = self._failure_locale(incoming)
                reply = failure_reply(
                    locale, incoming.platform, error, failure, wrote, self._logged
                )
                return [reply], False

    def _remember(self, key: str, replies: list[Reply]) -> None:
        try:
            self.requests.put(key, [reply_to_dict(r) for r in replies])
        except Exception as error:
            if self.storage is None or self.storage.failure(error) is None:
                raise
            # Busy or unwritable: the answer stands; a retry of this request is answered anew.
            log.debug("answer not remembered: %s", type(error).__name__)

    def _failure_locale(self, incoming: Incoming) -> str:
        person = person_from(self.programme, incoming.platform, incoming.user_id)
        return self._locale(incoming, person, None)

    def _context(self, incoming: Incoming) -> Context:
        person = person_from(
            self.programme,
            incoming.platform,
            incoming.user_id,
            incoming.user_name,
            incoming.directory_roles,
        )
        now = self.clock.now()
        key = self.dialogue_key(incoming)
        dialogue = self.dialogues.load(key)
        expired = dialogue if dialogue is not None and self.expired(dialogue, now) else None
        if expired is not None:
            self.dialogues.delete(key)
            dialogue = None
        context = Context(
            incoming=incoming,
            person=person,
            locale=self._locale(incoming, person, dialogue),
            now=now,
            entries=self.entries,
            programme=self.programme,
            timezone=self.timezone,
            dialogue=dialogue,
            store=self.dialogues,
            key=key,
            engine=self,
        )
        if expired is not None:
            # An abandoned dialogue ends with nothing half-saved, and the person is told.
            kind = context.t(f"kind.{expired.kind}") if expired.kind else "–"
            context.notices.append(Reply(context.t("expired", kind=kind.lower())))
        return context

    @staticmethod
    def _locale(incoming: Incoming, person: Person, dialogue: Dialogue | None) -> str:
        """The language of the answer: a dialogue keeps its own; otherwise the language the
        person writes, then their profile (if the programme knows them), then the client's."""
        if dialogue is not None and dialogue.extra.get(LOCALE_KEY):
            return normalise_locale(str(dialogue.extra[LOCALE_KEY]))
        written = guess_language(incoming.text).locale if incoming.text else None
        if written:
            return written
        if person.key:
            return normalise_locale(person.locale)
        return normalise_locale(incoming.locale)

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
                return self.stale(context)
            return await handler(context, incoming.action.id, incoming.action.value)
        if incoming.form is not None:
            form_handler = self._forms.get(incoming.form.id.split(":", 1)[0])
            if form_handler is None:
                return self.stale(context)
            return await form_handler(context, incoming.form.id, dict(incoming.form.values))
        return await self._text(context, incoming.text)

    def stale(self, context: Context, key: str = "stale_action") -> list[Reply]:
        """An old or unknown button: say so, and show what stands now."""
        return [Reply(context.t(key), style="error"), *rules.current_state(self, context)]

    async def _dialogue_action(self, context: Context, action_id: str, value: str) -> Replies:
        return await rules.on_action(self, context, action_id, value)

    async def _text(self, context: Context, raw: str) -> list[Reply]:
        text = clean_text(raw)
        if not text:
            if context.dialogue is not None:
                # Nothing typed: the question still stands, shown again.
                return [Reply(context.t("empty")), *rules.prompt(self, context)]
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
        word, rest = word.casefold().rstrip(":,.!"), rest.strip()
        if word in CANCEL_WORDS and not rest:
            return self._cancel(context)
        if rules.is_where_were_we(text):
            return rules.resume(self, context)
        dialogue = context.dialogue
        # A command the platform marks as one (a slash command) never answers a dialogue's question.
        if dialogue is not None and not context.incoming.wants_form:
            flow = self.flows.get(dialogue.flow)
            if flow is not None:
                return await self._in_dialogue(context, flow, text, word, rest)
            context.end_dialogue()
        command = self.commands.get(word)
        if command is not None:
            return await command.handler(context, rest)
        return await self.free_text(context, text, suggest=True)

    def _cancel(self, context: Context) -> list[Reply]:
        if context.dialogue is not None:
            context.end_dialogue()
            return [Reply(context.t("cancelled"))]
        if context.aside() is not None:
            context.drop_aside()
            return [Reply(context.t("cancelled"))]
        return [Reply(context.t("nothing_to_cancel"))]

    async def _in_dialogue(
        self, context: Context, flow: Flow, text: str, word: str, rest: str
    ) -> list[Reply]:
        decided = await rules.held_answer(self, context, flow, text)
        if decided is not None:
            return decided
        command = self.commands.get(word)
        if word in HELP_WORDS and not rest and command is not None:
            # Help in the middle of a dialogue: the question still stands.
            return [*await command.handler(context, ""), *rules.prompt(self, context)]
        if command is not None and not flow.accepts(context, text):
            return await rules.command_in_dialogue(self, context, flow, command, text, rest)
        if command is not None or flow.takes_text(context) or flow.accepts(context, text):
            return await flow.answer(context, text)
        # A button question, and text that answers none of its buttons.
        if nearest_command(word, self.commands) is not None:
            return await self.free_text(context, text, suggest=True)
        if len(text.split()) >= SENTENCE_WORDS:
            # A sentence (typed in another tab, or a new thought): never dropped. It is
            # handled as new text, and the dialogue is put aside to come back to.
            return await rules.text_aside(self, context, flow, text)
        return await flow.answer(context, text)

    async def free_text(self, context: Context, text: str, *, suggest: bool = False) -> Replies:
        """Text that is no command: a typo of one gets a suggestion; the rest goes to intake."""
        word, _, rest = text.partition(" ")
        nearest = nearest_command(word.rstrip(":,.!"), self.commands) if suggest else None
        if nearest is not None and len(text) <= MAX_CARRIED_TEXT:
            corrected = f"{nearest} {rest.strip()}".strip()
            shown = shorten(corrected, 60)
            no = "suggest.no_log" if len(text.split()) > 2 else "suggest.no_help"
            return [
                Reply(
                    context.t("suggest.command", text=shown),
                    choices=(
                        Choice("say", context.t("suggest.yes", text=shown), corrected),
                        Choice(f"{rules.PREFIX}:free", context.t(no), text),
                    ),
                )
            ]
        if self._fallback is not None:
            return await self._fallback(context, text)
        return [Reply(context.t("unknown_command", text=shorten(text, 60)))]


def help_choices(context: Context) -> tuple[Choice, ...]:
    words = (
        ("hjälp", "behov", "lista mina")
        if context.locale == "sv"
        else ("help", "need", "list mine")
    )
    return tuple(Choice(id="say", label=w, value=w) for w in words)
