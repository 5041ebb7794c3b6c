"""Turn what people write about time ("imorgon 14:00", "nästa fredag kl 9", "2 hours ago")
into an aware datetime, and programme-plan due values ("2022-Q3") into a date.

dateparser does the parsing; this module only rewrites Swedish chat idioms that dateparser 1.5
misses (see LIBRARIES.md, "dates") and fixes the year of day-month dates.

Conventions, chosen on purpose:
- "nästa fredag" is the coming Friday (on a Wednesday: in two days), as Swedes mostly mean it;
  "nästa"/"next" before a weekday also forces a future reading, "i fredags"/"förra fredag" a past
  one. A bare weekday equal to today's means a week ahead (future) or back (past), as dateparser
  does.
- "kl 9" is today 09:00 if that is still ahead, else tomorrow (future); the opposite when past.
- "i morse" (and "this morning") is today 07:00 (clamped to now if it is earlier than 07:00).
- Relative days without a time ("imorgon", "övermorgon", "om en vecka") keep now's time of day;
  calendar dates without a time ("15 mars") are at 00:00.
- Parts of the day, as nurses write them: "i natt" is the night nearest in the preferred
  direction (03:00 unless a time is given: "inatt kl 3", "i natt kl 23" is the evening before);
  "i förmiddags" today 10:00, "i eftermiddags" today 15:00, "i kväll" today 20:00; "igår
  kväll" and "natten till igår" are the day before. A time before noon in the afternoon or
  evening ("i kväll kl 8") is the afternoon's. Without a time it is clamped to now when the
  part of the day is still going on.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Any, Literal
from zoneinfo import ZoneInfo

import dateparser
import holidays

__all__ = ["parse_when", "quarter_of", "quarter_or_date_due"]

_WEEKDAYS = (
    "måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag"
    "|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
)
_NUMBERS = {
    "en": 1, "ett": 1, "one": 1, "a": 1, "an": 1, "två": 2, "two": 2, "tre": 3, "three": 3,
    "fyra": 4, "four": 4, "fem": 5, "five": 5, "sex": 6, "six": 6, "sju": 7, "seven": 7,
    "åtta": 8, "eight": 8, "nio": 9, "nine": 9, "tio": 10, "ten": 10, "elva": 11, "tolv": 12,
}  # fmt: skip
_UNITS = r"(?:sekund|minut|timm|dag|dygn|veck|månad|år|second|minute|hour|day|week|month|year)"
_RELATIVE = re.compile(r"\b(?:om|in|för|sedan|ago)\b")
_MORNING = "07:00"  # what "i morse" means: early enough for a typical morning shift

# (pattern, replacement) applied in order to the lower-cased text.
_REWRITES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r)
    for p, r in (
        (r"\s+", " "),
        (r"^[\s.,!?]+|[\s.,!?]+$", ""),
        (r"\bi (morgon|dag|går|förrgår)\b", r"i\1"),  # "i morgon" -> "imorgon"
        (r"\bi ?förrgår\b", "förrgår"),
        (r"\bi ?övermorgon\b|\bövermorgon\b", "om 2 dagar"),
        (r"\b(?:i ?morse|this morning)\b(?!.*\d)", "idag " + _MORNING),
        (r"\b(?:i ?morse|this morning)\b", "idag"),  # "i morse kl 6": the given time wins
        (r"\bsen$", "sedan"),  # "för 2 timmar sen"
        (r"\bdygn\b", "dagar"),
        (r"\bkl(?:\.|ockan)?\s*(\d{1,2})[:.](\d{2})\b", r"\1:\2"),  # "kl 14.30" -> "14:30"
        (r"\b(?:kl\.?|klockan|at)\s*(\d{1,2})\b(?![:.]?\d|\s*[ap]\.?m)", r"\1:00"),  # "kl 9"
        (r"\bat\s+(?=\d)", ""),  # "at 2pm" -> "2pm"
        (r"\bi (" + _WEEKDAYS + r")s\b", r"\1"),  # "i fredags"
        (r"\b(mån|tis|ons|tors|fre|lör|sön)dagen\b", r"\1dag"),  # "fredagen"
        (r"\b(?:nästa|next|förra|last)\s+(?=" + _WEEKDAYS + ")", ""),  # see module doc
        (r"\b(?:på|den|on|the)\s+(?=(?:" + _WEEKDAYS + r")|\d)", ""),
    )
)
_FUTURE_HINT = re.compile(r"\b(?:nästa|next)\s+(?:" + _WEEKDAYS + ")")
_PAST_HINT = re.compile(r"\b(?:förra|last)\s+(?:" + _WEEKDAYS + r")|\bi (?:" + _WEEKDAYS + r")s\b")
_DAY_MONTH = re.compile(r"\b(\d{1,2})/(\d{1,2})\b")
_THIS_MORNING = re.compile(r"\bi ?morse\b|\bthis morning\b")
_NUMBER_WORD = re.compile(r"\b(" + "|".join(_NUMBERS) + r")\s+(?=" + _UNITS + ")")
_YMD = re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_DMY = re.compile(r"(?<![\d/.-])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)")
_CLOCK = re.compile(r"(?<![\d:])(\d{1,2})[:](\d{2})(?![\d:])")
_BARE_HOUR = re.compile(r"(?<![\d:/.-])(\d):(\d{2})\b")


def _normalise(text: str) -> str:
    t = text.lower()
    for pattern, repl in _REWRITES:
        t = pattern.sub(repl, t)
    t = _NUMBER_WORD.sub(lambda m: f"{_NUMBERS[m.group(1)]} ", t)
    return _BARE_HOUR.sub(r"0\1:\2", t)  # "9:00" -> "09:00", which dateparser reads reliably


def parse_when(
    text: str,
    *,
    now: datetime,
    prefer: Literal["future", "past"] = "future",
    tz: str = "Europe/Stockholm",
) -> datetime | None:
    """Parse a Swedish or English time phrase relative to `now`.

    Returns an aware datetime in `tz`, or None when the text is not understood. Never raises
    on the text; a naive `now` or an unknown `tz` is a programming error and raises.
    """
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("parse_when needs a timezone-aware now")
    zone = ZoneInfo(tz)
    local_now = now.astimezone(zone)
    try:
        return _parse(text, local_now, prefer, zone)
    except Exception:  # dateparser and date arithmetic can raise on odd input; never leak it
        return None


def _parse(
    text: str, now: datetime, prefer: Literal["future", "past"], zone: ZoneInfo
) -> datetime | None:
    lowered = _ABOUT.sub(r"kl \1", " ".join(text.lower().split()))
    part = _part_of_day(lowered, now, prefer)
    if part is not None:
        return part
    if _FUTURE_HINT.search(lowered):
        prefer = "future"
    elif _PAST_HINT.search(lowered):
        prefer = "past"
    normalised = _normalise(lowered)
    # A lone number ("5", "99", "två") is an answer or a ticket number in chat, not a date.
    if not normalised or normalised.isdigit() or normalised in _NUMBERS:
        return None
    if _impossible(normalised):
        return None
    settings: dict[str, Any] = {
        "DATE_ORDER": "DMY",  # "3/12" is 3 December in Sweden
        "PREFER_DATES_FROM": prefer,
        "RELATIVE_BASE": now.replace(tzinfo=None),
        "TIMEZONE": zone.key,
        "RETURN_AS_TIMEZONE_AWARE": True,
        # No unix timestamps or "1430"-style digit runs: in chat those are ticket numbers.
        "PARSERS": ["relative-time", "absolute-time"],
    }
    parsed = dateparser.parse(normalised, languages=["sv", "en"], settings=settings)
    if not isinstance(parsed, datetime):
        return None
    result = parsed.astimezone(zone) if parsed.tzinfo else parsed.replace(tzinfo=zone)
    if not re.search(r"\d{4}", normalised) and not _RELATIVE.search(normalised):
        result = _fix_year(result, now, prefer)
    if abs(result.year - now.year) > 100:
        return None  # "year 1430" is a misreading, and such years get odd LMT offsets
    if _THIS_MORNING.search(lowered) and result > now:
        result = now  # "i morse" said before 07:00 cannot be later than now
    return result


def _impossible(normalised: str) -> bool:
    """A date or time no calendar or clock has: dateparser swaps or wraps the parts of
    "2025-13-02" (13 February), "13/13" or "kl 25" (the current time) into some moment."""
    for day, month in _DAY_MONTH.findall(normalised):
        if not (1 <= int(day) <= 31 and 1 <= int(month) <= 12):
            return True
    dates = [(int(y), int(m), int(d)) for y, m, d in _YMD.findall(normalised)]
    dates += [(int(y), int(m), int(d)) for d, m, y in _DMY.findall(normalised)]
    for year, month, day in dates:
        try:
            date(year, month, day)
        except ValueError:
            return True
    return any(int(h) > 23 or int(m) > 59 for h, m in _CLOCK.findall(normalised))


# "vid 14-tiden", "runt 4-tiden": about that hour.
_ABOUT = re.compile(r"\b(?:vid |runt |kring |omkring )?(\d{1,2}) ?-?tiden\b")
_PARTS = {"natt": 3, "förmiddag": 10, "eftermiddag": 15, "kväll": 20}
_PART_STARTS = {"natt": 0, "förmiddag": 6, "eftermiddag": 12, "kväll": 17}
_PART_WORD = re.compile(
    r"\b(?:i ?|inatt|ikväll|ig[åa]r ?|natten|kvällen)?"
    r"(natt|förmiddag|eftermiddag|kväll)(?:s|en)?\b(?:\s+till\s+(ig[åa]r|idag|i dag))?"
)
_PART_TIME = re.compile(r"(?:\bkl\.?|\bklockan)?\s*\b(\d{1,2})(?:[:.](\d{2}))?\b")
_PART_REST = re.compile(
    r"\b(?:i|kl|klockan|igår|i går|idag|i dag|till|natten|kvällen|ca|runt|vid|omkring)\b|[\d:.,\s]"
)


def _part_of_day(lowered: str, now: datetime, prefer: Literal["future", "past"]) -> datetime | None:
    """ "i natt", "inatt kl 3", "i förmiddags", "igår kväll kl 22": see the module doc."""
    found = _PART_WORD.search(lowered.replace("inatt", "i natt").replace("ikväll", "i kväll"))
    if found is None:
        return None
    text = lowered.replace("inatt", "i natt").replace("ikväll", "i kväll")
    rest = _PART_WORD.sub(" ", text)
    if _PART_REST.sub("", rest).strip():
        return None  # more than a part of the day and a time: dateparser's turn
    part = found.group(1)
    clock = _PART_TIME.search(rest)
    hour = int(clock.group(1)) if clock else _PARTS[part]
    minute = int(clock.group(2) or 0) if clock else 0
    if hour > 23 or minute > 59:
        return None
    if clock and part in ("eftermiddag", "kväll") and hour < 12:
        hour += 12
    if clock and part == "natt" and 7 <= hour < 12:
        hour += 12  # "i natt kl 11" is 23:00
    day = now.date()
    if re.search(r"\big[åa]r\b|\bi går\b", text):
        day -= timedelta(days=1)
    explicit_day = day != now.date() or bool(re.search(r"\bi ?dag\b", text))

    def at(on: date) -> datetime:
        # The evening hours of a night belong to the day before its morning.
        if part == "natt" and hour >= 12:
            on -= timedelta(days=1)
        return now.replace(
            year=on.year,
            month=on.month,
            day=on.day,
            hour=hour,
            minute=minute,
            second=0,
            microsecond=0,
        )

    result = at(day)
    if part == "natt" and not explicit_day:
        if prefer == "past" and result > now:
            result = at(day - timedelta(days=1)) if clock or now.hour >= 6 else now
        elif prefer == "future" and result <= now:
            result = at(day + timedelta(days=1))
    elif not clock and result > now and day == now.date() and now.hour >= _PART_STARTS[part]:
        result = now  # "i eftermiddags" said at 13:00: earlier this afternoon, not later
    return result


def _fix_year(result: datetime, now: datetime, prefer: Literal["future", "past"]) -> datetime:
    """A date written without a year is the next (future) or latest (past) such date.

    dateparser can misplace the year (e.g. 2115 for "15 mars" without DATE_ORDER); re-anchor it
    to now's year and step one year if it lands on the wrong side of now.
    """
    if abs(result.year - now.year) <= 1:
        return result
    fixed = result.replace(year=now.year)
    if prefer == "future" and fixed < now:
        fixed = fixed.replace(year=now.year + 1)
    elif prefer == "past" and fixed > now:
        fixed = fixed.replace(year=now.year - 1)
    return fixed


# Midsommarafton, julafton and nyårsafton are not public holidays by law, but nobody in the
# region works then, so a quarter's due date never lands on them.
_HOLIDAY_CATEGORIES = ("public", "de_facto")
_QUARTER = re.compile(r"(\d{4})\s*-?\s*Q([1-4])", re.IGNORECASE)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def quarter_of(value: str) -> tuple[int, int] | None:
    """(year, quarter) of a date known only to the quarter ("2020-Q4"), else None."""
    match = _QUARTER.fullmatch(value.strip())
    return (int(match.group(1)), int(match.group(2))) if match else None


def quarter_or_date_due(value: str) -> date:
    """Due date of a programme-plan entry: "2020-05-05" as is, "2022-Q3" as the last Swedish
    working day of that quarter (no weekends, public or de facto holidays)."""
    raw = value.strip()
    if _ISO_DATE.fullmatch(raw):
        try:
            return date.fromisoformat(raw)
        except ValueError as exc:
            raise ValueError(f"not a valid date: {value!r} ({exc})") from None
    match = _QUARTER.fullmatch(raw)
    if match is None:
        raise ValueError(f"expected a date like 2020-05-05 or a quarter like 2022-Q3: {value!r}")
    year, quarter = int(match.group(1)), int(match.group(2))
    if not 1900 <= year <= 2200:
        raise ValueError(f"year out of range in {value!r}")
    first_of_next = date(year + 1, 1, 1) if quarter == 4 else date(year, quarter * 3 + 1, 1)
    day = first_of_next - timedelta(days=1)
    closed = holidays.country_holidays("SE", years=year, categories=_HOLIDAY_CATEGORIES)
    while day.weekday() >= 5 or day in closed:
        day -= timedelta(days=1)
    return day
