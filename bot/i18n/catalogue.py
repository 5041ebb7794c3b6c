"""The message catalogue: every user-facing text in Swedish and English, in Project Fluent files a
translator or communicator can edit without reading Python (bot/i18n/locales/<locale>.ftl; each
adapter adds its own locales/ folder when it is imported). Swedish is the default."""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from fluent.runtime import FluentBundle, FluentResource
from fluent.runtime.types import fluent_number
from fluent.syntax import ast as fluent_ast

from bot.domain.model import parse_ref

DEFAULT_LOCALE = "sv"
LOCALES = ("sv", "en")
# Babel's locales for numbers, dates and plural rules (CLDR).
_CLDR = {"sv": "sv-SE", "en": "en-GB"}
CORE_FOLDER = Path(__file__).parent / "locales"

_bundles = {locale: FluentBundle([_CLDR[locale]], use_isolating=False) for locale in LOCALES}
_messages: dict[str, dict[str, fluent_ast.Message]] = {locale: {} for locale in LOCALES}
_terms: dict[str, dict[str, fluent_ast.Term]] = {locale: {} for locale in LOCALES}
_folders: list[Path] = []


class CatalogueError(RuntimeError):
    """A .ftl file that does not parse, or a message defined twice."""


def load(folder: Path) -> None:
    """Add one folder's files (`sv.ftl`, `en.ftl`); a message may be defined only once."""
    folder = folder.resolve()
    if folder in _folders:
        return
    for locale in LOCALES:
        path = folder / f"{locale}.ftl"
        resource = FluentResource(path.read_text(encoding="utf-8"))
        for entry in resource.body:
            if isinstance(entry, fluent_ast.Junk):
                problem = "; ".join(a.message or "" for a in entry.annotations)
                raise CatalogueError(
                    f"{path}: cannot read {(entry.content or '')[:60]!r}: {problem}"
                )
            if isinstance(entry, fluent_ast.Message):
                if entry.id.name in _messages[locale]:
                    raise CatalogueError(f"{path}: {entry.id.name} is defined twice")
                _messages[locale][entry.id.name] = entry
            if isinstance(entry, fluent_ast.Term):
                _terms[locale][entry.id.name] = entry
        _bundles[locale].add_resource(resource)
    _folders.append(folder)


@functools.lru_cache(maxsize=8192)
def message_id(key: str) -> str:
    """Code names texts with dots (`kind.need`); Fluent's identifiers take dashes (`kind-need`)
    and ASCII letters only (a plan word's `verb.godkänna` is `verb-godkanna`)."""
    decomposed = unicodedata.normalize("NFKD", key.replace(".", "-"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def has_text(key: str) -> bool:
    return message_id(key) in _messages[DEFAULT_LOCALE]


def keys(locale: str = DEFAULT_LOCALE) -> Iterator[str]:
    """Every message of a language, as code names it (`kind.need`)."""
    return iter(sorted(ident.replace("-", ".") for ident in _messages[normalise_locale(locale)]))


def variables(locale: str, key: str) -> set[str]:
    """The variables a message uses, for the catalogue's own tests."""
    names: set[str] = set()

    def visit(node: Any) -> None:
        if isinstance(node, fluent_ast.VariableReference):
            names.add(node.id.name)
        if isinstance(node, fluent_ast.BaseNode):
            for value in vars(node).values():
                for child in value if isinstance(value, list) else [value]:
                    visit(child)

    visit(_messages[normalise_locale(locale)][message_id(key)])
    return names


def count(value: int) -> str:
    """Thousands grouped with a space, as both Swedish and the bot's English texts write them."""
    return f"{value:,}".replace(",", " ")


def normalise_locale(locale: str | None) -> str:
    if not locale:
        return DEFAULT_LOCALE
    short = locale.replace("_", "-").split("-")[0].lower()
    return short if short in LOCALES else "en" if short else DEFAULT_LOCALE


def locale_of_terminal(lang: str | None) -> str:
    """The command line's language from LANG: Swedish unless the terminal asks for another
    language (C and POSIX say nothing about one)."""
    code = (lang or "").split(".")[0]
    if not code or code.upper() in ("C", "POSIX"):
        return DEFAULT_LOCALE
    return normalise_locale(code)


def translations(key: str) -> tuple[str, ...]:
    """A text without variables in every language (Swedish first), for reading what people
    type in either; () when the catalogue has no such text."""
    if not has_text(key):
        return ()
    return tuple(t(locale, key) for locale in LOCALES)


def t(locale: str, key: str, **values: Any) -> str:
    if not values:
        # A label (a status, a level, an option) is asked for on every row of a register.
        return _label(normalise_locale(locale), key)
    return _format(normalise_locale(locale), key, values)


@functools.lru_cache(maxsize=8192)
def _label(locale: str, key: str) -> str:
    # Safe to keep: a message, once loaded, is never replaced (load() refuses a second one).
    return _format(locale, key, {})


def _format(locale: str, key: str, values: dict[str, Any]) -> str:
    bundle = _bundles[locale]
    ident = message_id(key)
    if not bundle.has_message(ident):
        raise KeyError(f"missing text {key!r}")
    # Callers pass codes, the reader gets words as running text writes them: `status_key="new"`
    # is "ny" (a label elsewhere is "Ny"), `level_key` "programnivå", `kind_key` "Behov".
    for name, prefix in (("status", "status"), ("level", "level.in"), ("kind", "kind")):
        code = values.pop(f"{name}_key", None)
        if code is not None:
            word = t(locale, f"{prefix}.{code}")
            values[name] = word.lower() if name == "status" else word
    if "ref" in values and "gender" not in values:
        # Swedish agrees with the kind: din avvikelse, ditt ärende (see `-kind-*.gender`).
        values["gender"] = gender_of(str(values["ref"]))
    arguments = {
        # Numbers as numbers (plural rules need them), written as the texts always wrote them.
        name: fluent_number(value, useGrouping=False)
        if isinstance(value, int) and not isinstance(value, bool)
        else str(value)
        for name, value in values.items()
    }
    pattern = bundle.get_message(ident).value
    if pattern is None:
        raise KeyError(f"text {key!r} ({locale}) has no value")
    text, errors = bundle.format_pattern(pattern, arguments)
    if errors:
        raise KeyError(f"text {key!r} ({locale}): {errors[0]}")
    return str(text)


def gender_of(ref: str) -> str:
    """The Swedish gender a text about this reference agrees with: the `.gender` of its kind's
    term (`-kind-deviation`, common); announcements (KOM-3) and the rest are common."""
    parsed = parse_ref(ref)
    term = _terms[DEFAULT_LOCALE].get(f"kind-{parsed[0].value}") if parsed else None
    for attribute in term.attributes if term is not None else []:
        if attribute.id.name == "gender":
            element = attribute.value.elements[0]
            if isinstance(element, fluent_ast.TextElement):
                return element.value.strip()
    return "common"


def option_label(locale: str, field: str, value: str) -> str:
    key = f"opt.{field}.{value}"
    if has_text(key):
        return t(locale, key)
    if has_text(f"opt.scale.{value}") and field in ("consequence", "probability"):
        return t(locale, f"opt.scale.{value}")
    return value


load(CORE_FOLDER)
