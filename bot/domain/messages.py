"""Neutral message types: what every platform adapter turns its payloads into and back."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

# "multiselect": any number of its options; the value is their values joined by commas.
FieldType = Literal["text", "textarea", "select", "multiselect", "date", "number"]
ReplyStyle = Literal["info", "error", "success"]


@dataclass(frozen=True, slots=True)
class Action:
    id: str
    value: str = ""


@dataclass(frozen=True, slots=True)
class FormSubmission:
    id: str
    values: dict[str, str]


@dataclass(frozen=True, slots=True)
class Incoming:
    """One thing a person did: wrote text, clicked a choice or submitted a form."""

    platform: str
    user_id: str
    user_name: str = ""
    conversation_id: str = ""
    text: str = ""
    action: Action | None = None
    form: FormSubmission | None = None
    locale: str | None = None
    message_link: str = ""
    # The thread this was said in (Slack "C123:1712345.0001", a Teams channel thread): notices
    # about what is logged here go back to it. "" in a direct chat.
    thread: str = ""
    # A platform's retry id or a client's message id: the same key is handled once.
    idempotency_key: str = ""
    # The platform can show a form now (a Slack modal): intake answers with one, not a dialogue.
    wants_form: bool = False
    # App roles from a verified sign-in (the `roles` claim of an Entra ID token, e.g.
    # "FVIS.Handler"): when given, they decide the person's roles instead of the programme file.
    directory_roles: tuple[str, ...] | None = None


@dataclass(frozen=True, slots=True)
class Choice:
    id: str
    label: str
    value: str = ""


@dataclass(frozen=True, slots=True)
class Option:
    value: str
    label: str


@dataclass(frozen=True, slots=True)
class FormField:
    name: str
    label: str
    type: FieldType = "text"
    required: bool = False
    options: tuple[Option, ...] = ()
    value: str = ""
    error: str = ""
    help: str = ""
    # The longest value the core accepts for this field (0: it sets no limit of its own), so
    # that a platform's input can say the same.
    max_length: int = 0


@dataclass(frozen=True, slots=True)
class Form:
    id: str
    title: str
    fields: tuple[FormField, ...]
    submit_label: str = ""


@dataclass(frozen=True, slots=True)
class FileRef:
    """A file for the person: `url` is what a browser opens, `path` the bytes on this server."""

    name: str
    url: str = ""
    mime: str = "application/octet-stream"
    path: str = ""


@dataclass(frozen=True, slots=True)
class Reply:
    text: str
    style: ReplyStyle = "info"
    choices: tuple[Choice, ...] = ()
    form: Form | None = None
    file: FileRef | None = None
    # A part of `text` to copy as is (the web chat gives it a copy button; other platforms
    # show the text, which holds it).
    copy: str = ""


@dataclass(frozen=True, slots=True)
class Target:
    """Where an outbound message goes: a person's direct chat or a channel on a platform."""

    platform: str
    channel: str = ""
    user_id: str = ""


@dataclass(frozen=True, slots=True)
class Outbound:
    text: str
    file: FileRef | None = None
    meta: dict[str, str] = field(default_factory=dict)
    # Buttons on a notice (take it, comment …): a click comes back as any choice does.
    choices: tuple[Choice, ...] = ()


@dataclass(frozen=True, slots=True)
class Delivery:
    ok: bool
    message_id: str = ""
    error: str = ""
