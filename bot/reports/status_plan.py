"""The status report's plan sections: milestones and decision points against the time plan,
decisions taken, and the communication that actually went out (and what is planned)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, timedelta

from bot.i18n.catalogue import has_text, t
from bot.ports.plan import CommsRow, DecisionRow, MilestoneRow, PostRow
from bot.reports.context import ReportContext
from bot.reports.decisions import decision_columns, decision_rows
from bot.reports.model import Block, Column, Heading, Paragraph, Table, number
from bot.text.clean import shorten
from bot.text.render import due_label

LOOKAHEAD = timedelta(days=30)
PLAN_AHEAD = timedelta(days=90)
# Drafts are seen only by communicators and leads in chat; a report goes to anyone who asks.
COMING_COMMS = ("approved",)
NOT_OUT = ("waiting", "failed", "missed", "claimed", "unconfirmed")


def _kind(locale: str, m: MilestoneRow) -> str:
    return t(
        locale, f"reports.milestone_kind.{'decision' if m.kind == 'decision' else 'milestone'}"
    )


def _state(locale: str, m: MilestoneRow, today: date) -> str:
    if m.decided:
        return t(locale, "reports.plan.decided")
    if m.reached:
        return t(locale, "reports.plan.reached")
    days = (m.due - today).days
    if days < 0 and not m.tracked:
        # Passed before the bot knew of it: history without a recorded decision, not late.
        return t(locale, "reports.plan.unrecorded")
    if days < 0:
        return t(locale, "reports.plan.late", days=number(-days, locale))
    if days == 0:
        return t(locale, "reports.plan.today")
    return t(locale, "reports.plan.in_days", days=number(days, locale))


def milestones_section(
    locale: str,
    milestones: Sequence[MilestoneRow],
    context: ReportContext,
    decided_in_period: set[str],
) -> list[Block]:
    """Every point not yet decided that is overdue or due within 90 days, and those decided
    in the period, each against its planned date."""
    today = context.today()
    shown = [
        m
        for m in milestones
        if (not (m.decided or m.reached) and m.tracked and m.due <= today + PLAN_AHEAD)
        or (not (m.decided or m.reached) and not m.tracked and today <= m.due <= today + PLAN_AHEAD)
        or m.id in decided_in_period
    ]
    blocks: list[Block] = [Heading(t(locale, "reports.status.milestones"))]
    if not shown:
        # Only the one sentence: an introduction to an empty list ("late (0)") reads badly.
        return [*blocks, Paragraph(t(locale, "reports.plan.none", days=PLAN_AHEAD.days))]
    waiting = [m for m in shown if not (m.decided or m.reached)]
    overdue = sum(1 for m in waiting if m.due < today)
    coming = sum(1 for m in waiting if today <= m.due <= today + LOOKAHEAD)
    blocks.append(
        Paragraph(
            t(
                locale,
                "reports.plan.intro",
                overdue=number(overdue, locale),
                coming=number(coming, locale),
                days=PLAN_AHEAD.days,
            )
        )
    )
    rows = [
        [
            m.id,
            shorten(m.title, 300),
            _kind(locale, m),
            context.person_name(m.owner) or "–",
            due_label(m.due, m.due_text, locale),
            _state(locale, m, today),
        ]
        for m in sorted(shown, key=lambda m: (m.decided or m.reached, m.due, m.id))
    ]
    columns = (
        Column(t(locale, "reports.label.id"), 0),
        Column(t(locale, "reports.label.description"), 5),
        Column(t(locale, "reports.label.type"), 0),
        Column(t(locale, "reports.label.owner"), 1),
        Column(t(locale, "reports.label.planned"), 0),
        Column(t(locale, "reports.label.state"), 1),
    )
    return [*blocks, Table(columns, rows)]


def decisions_section(
    locale: str, decisions: Sequence[DecisionRow], context: ReportContext
) -> list[Block]:
    blocks: list[Block] = [Heading(t(locale, "reports.status.decisions"))]
    if not decisions:
        return [*blocks, Paragraph(t(locale, "reports.status.no_decisions"))]
    return [*blocks, Table(decision_columns(locale), decision_rows(locale, decisions, context))]


# -- communication -------------------------------------------------------------------------


_READABLE = re.compile(r"^#?[a-zåäö0-9][a-zåäö0-9._-]*$")


def channel_name(locale: str, platform: str, channel: str, context: ReportContext) -> str:
    """ "Slack, programkanalen", "Webbchatten #fvis-nyheter", "Intranätet (nyheter)": never a
    platform's internal code (a Slack channel id, a Teams thread id)."""
    key = f"reports.platform.{platform}"
    name = t(locale, key) if has_text(key) else platform.capitalize()
    if platform == "sharepoint" or not channel:
        return name
    if channel.lstrip("#") == context.programme.channels.get(platform, "").lstrip("#"):
        return t(locale, "reports.channel.programme", platform=name)
    if _READABLE.match(channel):
        return f"{name} #{channel.lstrip('#')}"
    return name


def audience_names(context: ReportContext, ids: Sequence[str], locale: str) -> str:
    names = {a.id: a.name for a in context.programme.audiences}
    shown = [names.get(i) or i for i in ids]
    return ", ".join(shown) if shown else t(locale, "reports.comms.no_audience")


def comms_section(
    locale: str,
    posts: Sequence[PostRow],
    comms: Sequence[CommsRow],
    context: ReportContext,
) -> list[Block]:
    now = context.clock.now()
    blocks: list[Block] = [
        Heading(t(locale, "reports.status.comms")),
        Heading(t(locale, "reports.status.published"), 2),
    ]
    sent = sorted((p for p in posts if p.status == "sent"), key=lambda p: (p.at, p.item_id))
    if sent:
        blocks.append(Table(_post_columns(locale), [_post_row(locale, p, context) for p in sent]))
    else:
        blocks.append(Paragraph(t(locale, "reports.status.no_published")))
    stuck = sorted((p for p in posts if p.status in NOT_OUT), key=lambda p: (p.at, p.item_id))
    if stuck:
        blocks.append(Heading(t(locale, "reports.status.not_out"), 2))
        rows = [
            [*_post_row(locale, p, context), t(locale, f"reports.post.{p.status}")] for p in stuck
        ]
        columns = (*_post_columns(locale), Column(t(locale, "field.status"), 1))
        blocks.append(Table(columns, rows))
    blocks += _coming(locale, comms, now, context)
    return blocks


def _post_columns(locale: str) -> tuple[Column, ...]:
    return (
        Column(t(locale, "reports.label.when"), 0),
        Column(t(locale, "reports.label.title"), 4),
        Column(t(locale, "reports.label.where"), 1.5),
        Column(t(locale, "reports.label.audience"), 2),
    )


def _post_row(locale: str, post: PostRow, context: ReportContext) -> list[str]:
    title = shorten(post.title, 300)
    if post.recurrence == "weekly":
        title = t(locale, "reports.comms.weekly_title", title=title)
    return [
        context.local(post.at),
        title,
        channel_name(locale, post.platform, post.channel, context),
        audience_names(context, post.audiences, locale),
    ]


def _coming(
    locale: str, comms: Sequence[CommsRow], now: datetime, context: ReportContext
) -> list[Block]:
    coming = sorted(
        (
            c
            for c in comms
            if c.status in COMING_COMMS and c.send_at is not None and c.send_at >= now
        ),
        key=lambda c: (c.send_at or now, c.id),
    )
    blocks: list[Block] = [
        Heading(t(locale, "reports.status.coming_comms", days=LOOKAHEAD.days), 2)
    ]
    if not coming:
        return [
            *blocks,
            Paragraph(t(locale, "reports.status.no_coming_comms", days=LOOKAHEAD.days)),
        ]
    rows = []
    for c in coming:
        title = shorten(c.title, 300)
        if c.recurrence == "weekly":
            title = t(locale, "reports.comms.weekly_title", title=title)
        where = ", ".join(
            channel_name(locale, platform, context.programme.channels.get(platform, ""), context)
            for platform in c.channels
        )
        rows.append(
            [
                context.local(c.send_at),
                title,
                where or "–",
                audience_names(context, c.audiences, locale),
            ]
        )
    columns = (
        Column(t(locale, "reports.label.send_at"), 0),
        Column(t(locale, "reports.label.title"), 4),
        Column(t(locale, "reports.label.where"), 1.5),
        Column(t(locale, "reports.label.audience"), 2),
    )
    return [*blocks, Table(columns, rows)]
