"""One check per field, shared by the question-by-question dialogue and the form."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.domain.errors import UserError
from bot.domain.kinds import FieldSpec
from bot.domain.pii import contains_personal_number, refusal_hint
from bot.i18n.catalogue import count, option_label, t
from bot.text.clean import clean_text
from bot.text.timeparse import parse_when

NONE_ANSWERS = frozenset(
    {"-", "–", "ingen", "inget", "inga", "none", "no", "nej"}
    | {"vet inte", "vet ej", "okänt", "don't know", "dont know", "unknown", "not sure"}
)


@dataclass(frozen=True, slots=True)
class Checked:
    value: str = ""
    error: str = ""

    @property
    def ok(self) -> bool:
        return not self.error


def pii_refusal_key(*texts: str) -> str:
    """The catalogue key of the refusal: with a hint when the number may be a time or a phone."""
    hint = next((hint for text in texts if (hint := refusal_hint(text))), None)
    return f"pii_refused.{hint}" if hint else "pii_refused"


def check_free_text(raw: str, *, limit: int, locale: str) -> Checked:
    """Clean, bound and screen any text a person typed (fields, comments)."""
    value = clean_text(raw)
    # The number comes first: a too-long text with one in it must not be echoed back to be fixed.
    if contains_personal_number(value):
        return Checked(error=t(locale, pii_refusal_key(value)))
    if len(value) > limit:
        return Checked(
            error=t(
                locale,
                "too_long",
                length=count(len(value)),
                limit=count(limit),
            )
        )
    return Checked(value)


def refuse_personal_numbers(*texts: str) -> None:
    """For services that take text from more than the chat (forms, list sync): the last guard."""
    if any(contains_personal_number(text) for text in texts):
        raise UserError(pii_refusal_key(*texts))


def option_labels(spec: FieldSpec, locale: str, benefits: dict[int, str]) -> list[tuple[str, str]]:
    if spec.name == "benefit":
        return [(str(n), f"{n}. {benefits.get(n, '')}".rstrip(". ")) for n in range(1, 6)]
    return [(value, option_label(locale, spec.name, value)) for value in spec.options]


def check_field(
    spec: FieldSpec,
    raw: str,
    *,
    locale: str,
    now: datetime,
    timezone: str,
    benefits: dict[int, str],
) -> Checked:
    text = clean_text(raw)
    if not spec.required and text.casefold() in NONE_ANSWERS:
        return Checked("")
    if not text:
        return Checked(error=t(locale, "required")) if spec.required else Checked("")
    if contains_personal_number(text):
        # Also in a select field: a forged or pasted value must not come back in the form.
        return Checked(error=t(locale, pii_refusal_key(text)))
    if spec.type == "select":
        return _check_option(spec, text, locale, benefits)
    checked = check_free_text(text, limit=spec.max_length, locale=locale)
    if not checked.ok or spec.type != "date":
        return checked
    when = parse_when(
        checked.value, now=now, prefer="past" if spec.when == "past" else "future", tz=timezone
    )
    if when is None:
        return Checked(error=t(locale, "bad_when", text=checked.value[:60]))
    if spec.when == "past" and when > now:
        return Checked(error=t(locale, "future_when", when=when.strftime("%Y-%m-%d %H:%M")))
    if spec.when == "future" and when <= now:
        return Checked(error=t(locale, "past_when", when=when.strftime("%Y-%m-%d")))
    return Checked(when.isoformat())


def _check_option(spec: FieldSpec, text: str, locale: str, benefits: dict[int, str]) -> Checked:
    options = option_labels(spec, locale, benefits)
    wanted = text.casefold().rstrip(".")
    for index, (value, label) in enumerate(options, start=1):
        # Accept the value, its label in either language, or its place in the list.
        labels = {
            label.casefold(),
            option_label("sv", spec.name, value).casefold(),
            option_label("en", spec.name, value).casefold(),
        }
        if wanted in (value.casefold(), str(index)) or wanted in labels:
            return Checked(value)
    return Checked(error=t(locale, "pick_one", options=", ".join(label for _, label in options)))
