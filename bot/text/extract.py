"""What a first sentence already says, so the bot does not ask it again: the time ("Igår kl 14
fick en patient …"), the unit ("på avdelning 5", "Akuten"), and hints for a deviation's
category, type and assessment, a risk's probability, a change's reason.

Everything found is a proposal: the dialogue shows it in the summary, where it can be changed.
Only plain patterns are used; a dose such as "1/2 tablett" or "2.50 mg" is never a time."""

from __future__ import annotations

import re
from datetime import datetime

from bot.domain.kinds import GOLIVE, origin_of
from bot.text.timeparse import parse_when

_WEEKDAY = r"(?:mån|tis|ons|tors|fre|lör|sön)dag"
_EN_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_MONTH = (
    r"(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december"
    r"|january|february|march|may|june|july|august|october)"
)
_CLOCK = r"(?:(?:kl\.?|klockan)\s*\d{1,2}(?:[:.]\d{2})?|\d{1,2}:\d{2}|\d{1,2}\s?-?tiden)"
# One piece of a time phrase; neighbouring pieces ("igår" + "kl 14") make one phrase.
_PIECE = re.compile(
    r"\b(?:i ?går|i ?dag|i ?förrgår|förrgår|i ?morse|i ?natt|inatt|i ?förmiddags"
    r"|i ?eftermiddags|i ?kväll|ikväll|natten till i ?går|(?:i ?går )?(?:kväll|förmiddag"
    r"|eftermiddag)(?:en)?|i " + _WEEKDAY + r"s|förra " + _WEEKDAY + r"(?:en)?"
    r"|yesterday(?: (?:morning|afternoon|evening))?|today|this (?:morning|afternoon|evening)"
    r"|last night|tonight|(?:last |on )" + _EN_WEEKDAY + r"|\d+ (?:hours?|minutes?) ago"
    r"|för \w+ (?:timmar|timme|minuter) sedan|(?:den )?\d{1,2} " + _MONTH + r"(?: \d{4})?"
    r"|\d{4}-\d{2}-\d{2}|(?:den )?\d{1,2}/\d{1,2}(?= (?:kl|\d{1,2}:))"
    r"|(?:at |vid |runt )?" + _CLOCK + r"|at \d{1,2}(?::\d{2})?\s?[ap]m|\d{1,2}\s?[ap]m)\b",
    re.IGNORECASE,
)
_GLUE = re.compile(r"^[\s,]*(?:på|vid|runt|ca|at|around|,)?[\s,]*$", re.IGNORECASE)


def find_when(text: str, *, now: datetime, timezone: str) -> tuple[datetime, str] | None:
    """The first time phrase in a sentence that lies in the past, and the words it was read
    from; None when there is none."""
    pieces = list(_PIECE.finditer(text))
    groups: list[tuple[int, int]] = []
    for piece in pieces:
        if groups and _GLUE.match(text[groups[-1][1] : piece.start()]):
            groups[-1] = (groups[-1][0], piece.end())
        else:
            groups.append((piece.start(), piece.end()))
    for start, end in groups:
        phrase = text[start:end]
        when = parse_when(phrase, now=now, prefer="past", tz=timezone)
        if when is not None and when <= now:
            return when, phrase
    return None


_UNIT_NUMBER = re.compile(
    r"\b(avdelning|avd\.?|ward)\s*(\d{1,3}\s?[a-z]?)\b(?!\s*(?:mg|ml|st|tablett))", re.IGNORECASE
)
_NAMED_UNITS = {
    "akuten": "Akuten",
    "akutmottagningen": "Akutmottagningen",
    "barnakuten": "Barnakuten",
    "iva": "IVA",
    "intensiven": "IVA",
    "intensivvårdsavdelningen": "IVA",
    "hia": "HIA",
    "röntgen": "Röntgen",
    "bb": "BB",
    "förlossningen": "Förlossningen",
    "neonatal": "Neonatal",
    "operation": "Operation",
    "uppvaket": "Uppvaket",
    "dialysen": "Dialysen",
    "kirurgen": "Kirurgen",
    "ortopeden": "Ortopeden",
    "geriatriken": "Geriatriken",
    "psykiatrin": "Psykiatrin",
    "onkologen": "Onkologen",
    "kardiologen": "Kardiologen",
    "laboratoriet": "Laboratoriet",
    "labbet": "Laboratoriet",
    "apoteket": "Apoteket",
    "emergency department": "Emergency department",
    "the er": "Emergency department",
    "a&e": "Emergency department",
    "icu": "ICU",
    "radiology": "Radiology",
    "maternity": "Maternity",
    "the lab": "Laboratory",
}
_NAMED = re.compile(
    r"(?<![\w&])(" + "|".join(re.escape(name) for name in _NAMED_UNITS) + r")(?![\w&])",
    re.IGNORECASE,
)
_CLINIC = re.compile(
    r"\b((?i:vårdcentralen|vårdcentral|mottagningen|kliniken|health centre)\s+[A-ZÅÄÖ][\w-]+)"
)


def find_unit(text: str) -> str:
    """The unit a sentence names ("avd 5" → "Avdelning 5", "Akuten"), or ""."""
    numbered = _UNIT_NUMBER.search(text)
    if numbered:
        word = "Ward" if numbered.group(1).casefold() == "ward" else "Avdelning"
        return f"{word} {numbered.group(2).replace(' ', '').upper()}"
    clinic = _CLINIC.search(text)
    if clinic:
        return clinic.group(1)[:1].upper() + clinic.group(1)[1:]
    named = _NAMED.search(text)
    return _NAMED_UNITS[named.group(1).casefold()] if named else ""


def _any(text: str, words: tuple[str, ...]) -> bool:
    """A long word anywhere ("system" in "journalsystemet"); a short one starts a word."""
    return any(
        word in text if len(word) >= 6 else re.search(r"(?<!\w)" + re.escape(word), text)
        for word in words
    )


# Deviation categories, the most serious first: a wrong label on a sample tube is patient
# safety even when a printer printed it.
CATEGORY_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "patient_safety",
        (
            "patient",
            "provrör",
            "prov ",
            "provsvar",
            "läkemedel",
            "dos",
            "etikett",
            "remiss",
            "allergi",
            "föll",
            "fallolycka",
            "blodtransfusion",
            "ordination",
            "medicin",
            "medication",
            "dose",
            "sample",
            "label",
            "fell",
            "allerg",
            "prescription",
        ),
    ),
    (
        "information_security",
        (
            "behörighet",
            "obehörig",
            "lösenord",
            "sekretess",
            "fel person kunde se",
            "access",
            "password",
            "unauthori",
            "confidential",
            "dataintrång",
        ),
    ),
    (
        "work_environment",
        (
            "arbetsmiljö",
            "stress",
            "hot ",
            "hotad",
            "hotfull",
            "våld",
            "ergonomi",
            "belastning",
            "threat",
            "violence",
            "workload",
            "skadade sig",
        ),
    ),
    (
        "it_failure",
        (
            "system",
            "journalen",
            "inloggning",
            "logga in",
            "krasch",
            "hängde sig",
            "låste sig",
            "frös",
            "nere",
            "avbrott",
            "skrivare",
            "server",
            "nätverk",
            "fungerade inte",
            "gick inte",
            "felkod",
            "crash",
            "froze",
            "outage",
            "login",
            "log in",
            "printer",
            "error",
            "went down",
            "was down",
        ),
    ),
    ("plan_time", ("försen", "tidplan", "deadline", "delay", "late ")),
    ("plan_budget", ("budget", "kostnad", "dyrare", "cost")),
    ("plan_scope", ("omfattning", "scope")),
)
AREA_OF_CATEGORY = {
    "patient_safety": "care",
    "information_security": "it",
    "it_failure": "it",
    "work_environment": "administration",
    "plan_time": "programme",
    "plan_budget": "programme",
    "plan_scope": "programme",
}
_NEAR_MISS = (
    "tillbud",
    "nästan",
    "höll på att",
    "upptäcktes innan",
    "upptäcktes i tid",
    "kunde ha",
    "near miss",
    "almost",
    "nearly",
    "caught before",
    "could have",
)
# Words that place a deviation at or after the go-live (programplan 7.7), when its category
# does not already say which kind it is.
_GOLIVE = (
    "införande",
    "införandet",
    "go-live",
    "golive",
    "driftstart",
    "i drift",
    "nya journalen",
    "nya systemet",
    "cosmic",
    "fvis",
    "new system",
    "after the switch",
)
_SEVERE = ("avled", "dog ", "livshotande", "katastrof", "died", "life-threatening")
_SERIOUS = ("allvarlig", "skadades", "skadad", "serious", "severe", "harmed", "injured")
_HARMLESS = (
    "ingen skada",
    "inte skadad",
    "utan skada",
    "utan konsekvens",
    "no harm",
    "not harmed",
    "no injury",
)
_AGAIN = (
    "igen",
    "ofta",
    "varje dag",
    "hela tiden",
    "flera gånger",
    "återkommande",
    "again",
    "often",
    "every day",
    "repeatedly",
    "several times",
)
_ONCE = ("första gången", "sällan", "first time", "rarely", "never before")


def deviation_hints(text: str) -> dict[str, str]:
    """Category (and so area), type, consequence and probability a deviation's text suggests."""
    lowered = f" {text.casefold()} "
    hints: dict[str, str] = {}
    for category, words in CATEGORY_WORDS:
        if _any(lowered, words):
            hints["category"] = category
            hints["area"] = AREA_OF_CATEGORY[category]
            break
    origin = origin_of(hints.get("category", ""))
    if origin or _any(lowered, _GOLIVE):
        hints["origin"] = origin or GOLIVE
    hints["type"] = "near_miss" if _any(lowered, _NEAR_MISS) else "negative_event"
    if _any(lowered, _SEVERE):
        hints["consequence"] = "4"
    elif _any(lowered, _HARMLESS):
        hints["consequence"] = "1"
    elif _any(lowered, _SERIOUS):
        hints["consequence"] = "3"
    if _any(lowered, _AGAIN):
        hints["probability"] = "3"
    elif _any(lowered, _ONCE):
        hints["probability"] = "1"
    return hints


_LIKELY = (
    (
        "4",
        ("mycket troligt", "nästan säkert", "kommer att", "very likely", "almost certain", "will "),
    ),
    ("3", ("troligen", "troligt", "sannolikt", "antagligen", "likely", "probably")),
    ("1", ("osannolikt", "knappast", "unlikely")),
    (
        "2",
        (
            "kan ",
            "kanske",
            "riskerar",
            "risk att",
            "risk för",
            "möjligen",
            "might",
            "could",
            "may ",
        ),
    ),
)


def risk_hints(text: str) -> dict[str, str]:
    """The probability a risk's wording gives ("kan" → 2, "troligen" → 3), and a consequence
    when it says one."""
    lowered = f" {text.casefold()} "
    hints: dict[str, str] = {}
    for value, words in _LIKELY:
        if _any(lowered, words):
            hints["probability"] = value
            break
    if _any(lowered, (*_SEVERE, "stoppa", "stopp", "kritisk", "critical", "halt")):
        hints["consequence"] = "4"
    elif _any(lowered, _SERIOUS):
        hints["consequence"] = "3"
    return hints


_BECAUSE = re.compile(
    r"[,;]?\s+(?:eftersom|därför att|för att|så att|då|because|since|so that|as)\s+(.{3,})$",
    re.IGNORECASE | re.DOTALL,
)


def find_reason(text: str) -> str:
    """The reason a change request gives ("… eftersom lokalerna är upptagna"), or ""."""
    found = _BECAUSE.search(text.strip())
    if found is None:
        return ""
    reason = found.group(1).strip().rstrip(".")
    return reason[:1].upper() + reason[1:]
