"""What a handler gets for one incoming message (Context), and what a dialogue flow declares
(Flow): the answer handler, the question it is waiting on, and whether that question wants
free text. The engine (engine.py) and the mid-dialogue rules (dialogues.py) share these."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from bot.domain.ids import new_id
from bot.domain.messages import Incoming, Reply
from bot.domain.model import Person
from bot.domain.programme import Programme
from bot.entries.service import EntryService
from bot.i18n.catalogue import t
from bot.ports.conversation import Dialogue, DialogueStore

Replies = list[Reply]
CommandHandler = Callable[["Context", str], Awaitable[Replies]]
ActionHandler = Callable[["Context", str, str], Awaitable[Replies]]
FormHandler = Callable[["Context", str, dict[str, str]], Awaitable[Replies]]
TextHandler = Callable[["Context", str], Awaitable[Replies]]
# Where the dialogue language is kept, so one dialogue speaks one language throughout.
LOCALE_KEY = "locale"
ASIDE_SUFFIX = "#aside"


@dataclass(frozen=True, slots=True)
class Command:
    names: tuple[str, ...]
    handler: CommandHandler


class Dispatcher(Protocol):
    """What handlers and the dialogue rules may ask of the engine."""

    flows: dict[str, Flow]
    commands: dict[str, Command]

    def expired(self, dialogue: Dialogue, now: datetime) -> bool: ...

    def language_of(self, text: str) -> str | None: ...

    def stale(self, context: Context, key: str = ...) -> list[Reply]: ...

    async def free_text(self, context: Context, text: str, *, suggest: bool = ...) -> Replies: ...


@dataclass(frozen=True, slots=True)
class Flow:
    """A dialogue kind, declared once (like a ConversationHandler's states and fallbacks).

    `answer` takes the text typed while the dialogue waits. `prompt` gives the question that
    stands, again (after a reload, `var var vi?`, help). `takes_text` says whether that question
    wants free text (a line starting with a command word is then asked about) or only offers
    buttons (the command runs and the dialogue is put aside). `accepts` says whether a typed
    line is a valid answer to a button question (an option label typed) despite its first word.
    `aside` names the dialogue in the note that it was put aside."""

    answer: TextHandler
    prompt: Callable[[Context], Replies]
    takes_text: Callable[[Context], bool] = lambda context: True
    accepts: Callable[[Context, str], bool] = lambda context, text: False
    aside: Callable[[Context], str] = lambda context: context.t("dialog.aside_generic")


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
    store: DialogueStore
    key: str
    engine: Dispatcher
    notices: list[Reply] = field(default_factory=list)

    def t(self, key: str, **values: Any) -> str:
        return t(self.locale, key, **values)

    @property
    def dialogue_key(self) -> str:
        return self.key

    def start_dialogue(self, flow: str, state: str, **data: Any) -> Dialogue:
        self.dialogue = Dialogue(id=new_id(), flow=flow, state=state, updated_at=self.now, **data)
        self.dialogue.extra.setdefault(LOCALE_KEY, self.locale)
        return self.dialogue

    def save_dialogue(self) -> None:
        if self.dialogue is not None:
            self.dialogue.updated_at = self.now
            self.dialogue.extra.setdefault(LOCALE_KEY, self.locale)
            self.store.save(self.key, self.dialogue)

    def end_dialogue(self) -> None:
        self.dialogue = None
        self.store.delete(self.key)

    # Something waiting for the person's confirmation, wherever they click it (a button in a
    # notice, a Slack modal answered in a direct message): kept under its own id, not the
    # conversation's.
    def keep(self, flow: str, **values: str) -> Dialogue:
        kept = Dialogue(id=new_id(), flow=flow, state="kept", values=values, updated_at=self.now)
        kept.extra[LOCALE_KEY] = self.locale
        self.store.save(self._kept_key(kept.id), kept)
        return kept

    def kept(self, flow: str, kept_id: str) -> Dialogue | None:
        kept = self.store.load(self._kept_key(kept_id)) if kept_id else None
        if kept is None or kept.flow != flow:
            return None
        if self.engine.expired(kept, self.now):
            self.forget(kept_id)
            return None
        # The confirmation answers in the language the question was asked in.
        self.locale = str(kept.extra.get(LOCALE_KEY) or self.locale)
        return kept

    def forget(self, kept_id: str) -> None:
        self.store.delete(self._kept_key(kept_id))

    def _kept_key(self, kept_id: str) -> str:
        return f"kept:{self.person.qualified_id}:{kept_id}"

    # -- a dialogue put aside (a command ran in the middle of it) --------------------------

    def aside(self) -> Dialogue | None:
        return self.store.load(self.key + ASIDE_SUFFIX)

    def put_aside(self) -> None:
        """Keep the dialogue in progress for later (`var var vi?`) and free the chat."""
        if self.dialogue is not None:
            self.dialogue.extra.pop("held", None)
            self.store.save(self.key + ASIDE_SUFFIX, self.dialogue)
            self.end_dialogue()

    def take_aside(self) -> Dialogue | None:
        dialogue = self.aside()
        if dialogue is not None:
            self.store.delete(self.key + ASIDE_SUFFIX)
        return dialogue

    def drop_aside(self) -> None:
        self.store.delete(self.key + ASIDE_SUFFIX)
