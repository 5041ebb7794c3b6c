"""Milestones and decision points in chat: `milstolpar`, `milstolpe ny`, `beslut B4 godkänna
starta …`, `uppnådd M-NYTTA`."""

from __future__ import annotations

import dataclasses
from datetime import date

from bot.conversation.engine import Context, Engine
from bot.domain.errors import UserError
from bot.domain.messages import Choice, Form, FormField, Option, Reply
from bot.plan.milestone_reminders import outcome_choices
from bot.plan.milestones import FROM_FILE, MilestoneService
from bot.ports.plan import Decision, MilestoneRecord
from bot.text.clean import shorten
from bot.text.render import due_label, local_time, outcome_label
from bot.text.validation import check_free_text

PREFIX = "ms"
NEW_WORDS = frozenset({"ny", "nytt", "new", "ändra", "andra", "edit"})
ALL_WORDS = frozenset({"alla", "all"})
TITLE_LIMIT = 300


def register(engine: Engine, service: MilestoneService) -> None:
    async def milestones(context: Context, args: str) -> list[Reply]:
        word, _, rest = args.strip().partition(" ")
        if word.casefold() in NEW_WORDS:
            return [_form(context, service, rest.strip())]
        if word and word.casefold() not in ALL_WORDS:
            return [_one(context, service, service.find(word))]
        return _listing(context, service, include_past=word.casefold() in ALL_WORDS)

    async def reached(context: Context, args: str) -> list[Reply]:
        if not args.strip():
            raise UserError("ms.reached_usage")
        milestone = await service.mark_reached(context.person, args.strip().split()[0])
        text = context.t(
            "ms.reached_saved",
            id=milestone.id,
            at=local_time(milestone.reached_at, context.timezone),
            name=milestone.reached_by_name,
        )
        return [Reply(text, style="success")]

    async def on_action(context: Context, action_id: str, value: str) -> list[Reply]:
        name = action_id.partition(":")[2]
        if name == "new":
            return [_form(context, service, "")]
        if name == "all":
            return _listing(context, service, include_past=True)
        return [Reply(context.t("stale_action"), style="error")]

    async def on_form(context: Context, form_id: str, values: dict[str, str]) -> list[Reply]:
        return _on_form(context, service, values)

    engine.command("milstolpar", "milstolpe", "milestones", "milestone", "beslutspunkter")(
        milestones
    )
    engine.command("uppnådd", "uppnadd", "reached")(reached)
    engine.action(PREFIX)(on_action)
    engine.form(PREFIX)(on_form)


def _on_form(context: Context, service: MilestoneService, values: dict[str, str]) -> list[Reply]:
    """The milestone form saved, or shown again with each field's problem beside it."""
    clean, errors = _checked(context, values)
    if not errors:
        try:
            saved, created = service.save_milestone(
                context.person,
                milestone_id=clean["id"],
                title=clean["title"],
                kind=clean["kind"],
                due_text=clean["date"],
                owner=clean["owner"],
                outcomes=clean["outcomes"],
            )
        except UserError as error:
            if error.key.startswith("ms.forbidden"):
                raise
            field = {
                "ms.bad_id": "id",
                "ms.bad_date": "date",
                "ms.bad_outcomes": "outcomes",
                "ms.outcomes_missing": "outcomes",
            }.get(error.key, "owner")
            errors[field] = context.t(error.key, **error.values)
        else:
            return [_saved(context, service, saved, created)]
    return [_form(context, service, "", values=clean, errors=errors)]


def _checked(context: Context, values: dict[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    """The form's fields cleaned, and an error for each that is unusable or missing."""
    errors: dict[str, str] = {}
    clean: dict[str, str] = {}
    for name in ("id", "title", "kind", "date", "owner", "outcomes"):
        checked = check_free_text(values.get(name, ""), limit=TITLE_LIMIT, locale=context.locale)
        clean[name] = checked.value
        if not checked.ok:
            errors[name] = checked.error
        elif not checked.value and name not in ("owner", "outcomes"):
            errors[name] = context.t("ms.required")
    return clean, errors


def _saved(
    context: Context, service: MilestoneService, saved: MilestoneRecord, created: bool
) -> Reply:
    owner = context.programme.find_person(saved.owner)
    text = context.t(
        "ms.saved_new" if created else "ms.saved_changed",
        id=saved.id,
        kind=context.t(f"ms.kind.{saved.kind}"),
        date=due_label(saved.due, saved.due_text, context.locale),
        owner=owner.name if owner else saved.owner or "–",
        offsets=", ".join(str(d) for d in service.policy.offsets_days),
    )
    return Reply(text, style="success")


async def decide(context: Context, service: MilestoneService, args: str) -> list[Reply]:
    """`beslut B4 godkänna starta [2020-12-15] <motivering>` (registered by handlers/decisions)."""
    parts = args.strip().split(maxsplit=1)
    if len(parts) < 2:
        raise UserError("ms.decision_usage")
    checked = check_free_text(parts[1], limit=2_200, locale=context.locale)
    if not checked.ok:
        return [Reply(checked.error, style="error")]
    milestone, recorded = await service.record_decision(context.person, parts[0], checked.value)
    text = context.t(
        "ms.decision_saved",
        id=milestone.id,
        outcome=outcome_label(context.locale, recorded.outcome),
        body=recorded.decided_by or context.t("ms.no_body"),
        day=_decision_day(context, recorded),
        name=recorded.recorded_by_name,
        at=local_time(recorded.recorded_at, context.timezone),
    )
    return [Reply(text, style="success")]


def _listing(context: Context, service: MilestoneService, *, include_past: bool) -> list[Reply]:
    rows = service.listing(include_past=include_past)
    choices = (
        Choice(f"{PREFIX}:new", context.t("ms.choice.new")),
        Choice(f"{PREFIX}:all", context.t("ms.choice.all")),
    )
    if not rows:
        return [Reply(context.t("ms.list_empty"), choices=choices)]
    today = context.now.astimezone(service.zone).date()
    title = context.t("ms.list_all_title" if include_past else "ms.list_title")
    lines = [*_demo(context), title] + [_row(context, m, d, today) for m, d in rows]
    return [Reply("\n".join(lines) + "\n\n" + context.t("ms.list_hint"), choices=choices)]


def _demo(context: Context) -> list[str]:
    return [context.t("demo.notice")] if context.programme.governance.demo else []


def _row(context: Context, m: MilestoneRecord, decision: Decision | None, today: date) -> str:
    owner = context.programme.find_person(m.owner)
    line = context.t(
        "ms.row",
        id=m.id,
        kind=context.t(f"ms.kind.{m.kind}"),
        date=due_label(m.due, m.due_text, context.locale),
        owner=owner.name if owner else m.owner or "–",
        title=shorten(m.title, 90),
    )
    return f"• {line} · {_state(context, m, decision, today)}"


def _state(context: Context, m: MilestoneRecord, decision: Decision | None, today: date) -> str:
    if decision is not None:
        return context.t(
            "ms.row_decided",
            outcome=outcome_label(context.locale, decision.outcome),
            body=decision.decided_by or context.t("ms.no_body"),
            date=_decision_day(context, decision),
            name=_recorder(context, decision),
        )
    if m.reached_at is not None:
        return context.t(
            "ms.row_reached",
            date=local_time(m.reached_at, context.timezone)[:10],
            name=m.reached_by_name,
        )
    if m.due < today:
        if m.due < m.known_since.date():
            # Past before the bot knew of it: history not recorded here, not a late decision.
            return context.t("ms.row_unrecorded" if m.kind == "decision" else "ms.row_unreached")
        return context.t("ms.row_overdue" if m.kind == "decision" else "ms.row_overdue_milestone")
    if m.due == today:
        return context.t("ms.row_today")
    return context.t("ms.row_in_days", days=(m.due - today).days)


def _decision_day(context: Context, decision: Decision) -> str:
    if decision.decided_on is not None:
        return decision.decided_on.isoformat()
    return local_time(decision.recorded_at, context.timezone)[:10]


def _recorder(context: Context, decision: Decision) -> str:
    if decision.recorded_by == FROM_FILE:
        return context.t("ms.from_file")
    return decision.recorded_by_name or decision.recorded_by


def _one(context: Context, service: MilestoneService, m: MilestoneRecord) -> Reply:
    today = context.now.astimezone(service.zone).date()
    decisions = service.decisions_of(m.id)
    lines = [*_demo(context), _row(context, m, decisions[-1] if decisions else None, today)]
    lines.append(m.title)
    if m.kind == "decision":
        body = service.body_of(m) or context.t("ms.no_body")
        lines.append(context.t("ms.body_line", body=body))
        if m.outcomes:
            choices = outcome_choices(m.outcomes, context.locale)
            lines.append(context.t("ms.outcomes_line", outcomes=choices))
    for d in decisions:
        lines.append(
            context.t(
                "ms.decision_line",
                day=_decision_day(context, d),
                outcome=outcome_label(context.locale, d.outcome),
                body=d.decided_by or context.t("ms.no_body"),
                name=_recorder(context, d),
                at=local_time(d.recorded_at, context.timezone),
                motivation=d.motivation,
            ).rstrip()
        )
    return Reply("\n".join(lines))


def _form(
    context: Context,
    service: MilestoneService,
    milestone_id: str,
    *,
    values: dict[str, str] | None = None,
    errors: dict[str, str] | None = None,
) -> Reply:
    values = dict(values or {})
    errors = errors or {}
    if milestone_id and not values:
        # "milstolpe ändra B5": the form comes filled in with what is there.
        m = service.find(milestone_id)
        values = {
            "id": m.id,
            "title": m.title,
            "kind": m.kind,
            "date": m.due_text,
            "owner": m.owner,
            "outcomes": "; ".join(", ".join(group) for group in m.outcomes),
        }
    values.setdefault("owner", context.person.key)
    kinds = tuple(Option(k, context.t(f"ms.kind.{k}")) for k in ("decision", "milestone"))
    specs = (
        FormField("id", context.t("ms.field.id"), required=True),
        FormField("title", context.t("ms.field.title"), required=True),
        FormField("kind", context.t("ms.field.kind"), "select", True, kinds),
        FormField(
            "date", context.t("ms.field.date"), required=True, help=context.t("ms.field.date_help")
        ),
        FormField("owner", context.t("ms.field.owner")),
        FormField(
            "outcomes", context.t("ms.field.outcomes"), help=context.t("ms.field.outcomes_help")
        ),
    )
    fields = tuple(
        dataclasses.replace(
            f,
            value=values.get(f.name, ""),
            error=errors.get(f.name, ""),
            max_length=TITLE_LIMIT,  # what on_form accepts of every field
        )
        for f in specs
    )
    form = Form(f"{PREFIX}:save", context.t("ms.form_title"), fields, context.t("ms.form_submit"))
    return Reply(context.t("ms.form_title"), form=form)
