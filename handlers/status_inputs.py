"""The programme manager's inputs to the status report, in chat: `lägesbedömning gul <text>`
(`assessment yellow <text>`) and `ekonomi budget 250 mnkr utfall 180 mnkr prognos 262 mnkr`
(`budget …`). Without arguments each shows what the next report will say."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from bot.conversation.engine import Context, Engine
from bot.domain.messages import Reply
from bot.ports.reports import BudgetLine
from bot.reports.inputs import StatusInputService
from bot.reports.model import long_date
from bot.reports.status_decide import money
from bot.text.render import local_time


def register(engine: Engine, service: StatusInputService) -> None:
    async def assessment(context: Context, args: str) -> list[Reply]:
        word, _, text = args.strip().partition(" ")
        if not word:
            current = service.current_assessment()
            if current is None:
                return [Reply(context.t("inputs.no_assessment"))]
            return [
                Reply(
                    context.t(
                        "inputs.assessment_now",
                        colour=context.t(f"reports.colour.{current.colour}"),
                        text=current.text,
                        name=current.by_name,
                        date=long_date(
                            current.at.astimezone(ZoneInfo(context.timezone)).date(),
                            context.locale,
                        ),
                    )
                )
            ]
        saved = service.assess(context.person, word, text, context.locale)
        colour = context.t(f"reports.colour.{saved.colour}")
        return [Reply(context.t("inputs.assessment_saved", colour=colour), style="success")]

    async def budget(context: Context, args: str) -> list[Reply]:
        if not args.strip():
            current = service.current_budget()
            if current is None:
                return [Reply(context.t("inputs.no_budget"))]
            return [Reply(_figures_text(context, current.lines[0], current.by_name, current.at))]
        saved = service.enter_budget(context.person, args, context.locale)
        line = saved.lines[0]
        return [
            Reply(
                context.t("inputs.budget_saved")
                + "\n"
                + _figures_text(context, line, saved.by_name, saved.at),
                style="success",
            )
        ]

    engine.command("lägesbedömning", "lagesbedomning", "läget", "assessment")(assessment)
    engine.command("ekonomi", "budget", "economy")(budget)


def _figures_text(context: Context, line: BudgetLine, name: str, at: datetime) -> str:
    return context.t(
        "inputs.budget_now",
        budget=money(line.budget, context.locale),
        outcome=money(line.outcome, context.locale),
        forecast=money(line.forecast, context.locale),
        name=name,
        when=local_time(at, context.timezone),
    )
