"""What intake adds for the programme's governance: the risk owner as a programme person (or
"extern: <namn>"), the risk's review date, the questions asked per kind, and what the reporter
is told after saving a risk, or a deviation (programplan 7.7: one at go-live is pointed to the
region's deviation system first, with the text to paste there)."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.conversation.engine import Context
from bot.domain.kinds import NOBODY, TOLD_FIELDS, FieldSpec
from bot.domain.messages import Reply
from bot.domain.model import Entry, Kind
from bot.entries.deviations import case_choice, is_referred, system_link
from bot.entries.risks import OWNER_EXTERNAL, OWNER_ID, REVIEW, resolve_person
from bot.i18n.catalogue import has_text
from bot.text.render import local_time, summary
from bot.text.validation import Checked

DEFAULT_REVIEW = timedelta(days=30)


def question_key(kind: str, name: str) -> str:
    """A kind's own question where it has one: a risk asks "Hur sannolikt är det att det
    händer?", a deviation whether it will happen again."""
    own = f"ask.{kind}.{name}"
    return own if has_text(own) else f"ask.{name}"


def check_governed(context: Context, spec: FieldSpec, checked: Checked) -> Checked:
    """The risk owner must be someone in the programme, or written "extern: <namn>"."""
    if spec.name != "owner" or not checked.ok or not checked.value:
        return checked
    resolved, error = resolve_person(context.programme, checked.value)
    if error:
        names = ", ".join(p.name for p in context.programme.people[:12])
        return Checked(error=context.t(error, name=checked.value[:60], names=names))
    if resolved.get("external"):
        return Checked(f"extern: {resolved['name']}")
    return Checked(resolved["name"])


def prepare(context: Context, kind: Kind, values: dict[str, str]) -> dict[str, str]:
    """Values as stored: a risk's owner by name with their programme id (or flagged as outside
    the programme), and a review date (30 days on when none was given)."""
    if kind is not Kind.RISK:
        return values
    prepared = dict(values)
    owner = values.get("owner", "")
    resolved, _ = resolve_person(context.programme, owner) if owner else ({}, "")
    prepared["owner"] = resolved.get("name", owner)
    prepared[OWNER_ID] = resolved.get("id", "")
    prepared[OWNER_EXTERNAL] = resolved.get("external", "")
    if not values.get(REVIEW):
        zone = ZoneInfo(context.timezone)
        day = (context.now.astimezone(zone) + DEFAULT_REVIEW).date()
        prepared[REVIEW] = datetime.combine(day, time(9), zone).isoformat()
    return prepared


def saved_notices(context: Context, entry: Entry) -> list[Reply]:
    if entry.kind is Kind.DEVIATION:
        return _deviation_notices(context, entry)
    if entry.kind is not Kind.RISK:
        return []
    review = local_time(datetime.fromisoformat(str(entry.fields[REVIEW])), context.timezone)[:10]
    owner = str(entry.fields.get("owner", ""))
    if entry.fields.get(OWNER_EXTERNAL):
        key = "risk.saved_external"
    elif entry.fields.get(OWNER_ID) and entry.fields.get(OWNER_ID) != context.person.key:
        key = "risk.saved_owner"
    else:
        key = "risk.saved_own"
    return [Reply(context.t(key, ref=entry.ref, name=owner, review=review), style="info")]


def _deviation_notices(context: Context, entry: Entry) -> list[Reply]:
    """Who of the line organisation was told, by name; then the region's system, first."""
    if not is_referred(entry):
        return [Reply(context.t("dev.plan_saved"), style="info")]
    replies = []
    told = [c.new for c in entry.history if c.field in TOLD_FIELDS]
    named = [name for name in told if name != NOBODY and not name.startswith("!")]
    missed = [name[1:] for name in told if name.startswith("!")]
    if named:
        replies.append(Reply(context.t("dev.told_notice", names=", ".join(named)), style="info"))
    if missed:
        replies.append(Reply(context.t("dev.missed_notice", names=", ".join(missed)), style="info"))
    if NOBODY in told:
        unit = str(entry.fields.get("unit", "")) or "–"
        replies.append(Reply(context.t("dev.no_unit_notice", unit=unit), style="info"))
    text = f"FVIS {entry.ref}\n" + summary(
        entry.kind, entry.fields, context.locale, context.programme.benefits, context.timezone
    )
    url = system_link(context.programme.deviation_system_url or "–", text)
    referred = context.t("dev.referred", url=url, ref=entry.ref, text=text)
    replies.append(Reply(referred, choices=(case_choice(entry, context.locale),), copy=text))
    return replies
