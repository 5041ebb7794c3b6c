"""Every loop closes, driven through the web chat's HTTP API as people use it: a new entry reaches
its handlers with buttons; the reporter and the assignee hear each other; the reporter reopens
or confirms; an issue is escalated with a reason, confirmed, and the next level is told; the
same thing reported twice is joined; lists fit the work; a daily digest instead of notices."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient

from bot.app.build import Bot, web_app
from bot.domain.model import REF_PATTERN
from bot.i18n.catalogue import t
from tests.helpers import json_action, text_of
from tests.test_reports_support import open_docx

Client = TestClient[web.Request, web.Application]
ClientFactory = Callable[[web.Application], Awaitable[Client]]

ISSUE = {
    "title": "Journalen hänger vid inloggning",
    "description": "Det tar fem minuter att logga in på morgonen.",
    "unit": "Avdelning 5",
    "urgency": "high",
}
NEED = {
    "title": "Skrivare saknas i korridoren",
    "description": "Vi skriver ut remisser varje dag.",
    "unit": "Avdelning 5",
    "benefit": "2",
    "priority": "medium",
}
HANDLER_BUTTONS = ["Visa", "Ta", "Pågår", "Löst", "Avvisad", "Kommentera", "Eskalera"]


class Web:
    """People in the web chat: what they say and click, and what the bot tells them unasked."""

    def __init__(self, client: Client, bot: Bot) -> None:
        self.client = client
        self.bot = bot
        self.seen: dict[str, int] = {}

    async def post(self, user: str, **body: Any) -> list[dict[str, Any]]:
        response = await self.client.post("/api/webchat/messages", json={"user": user, **body})
        assert response.status == 200, await response.text()
        return list((await response.json())["replies"])

    async def say(self, user: str, text: str) -> list[dict[str, Any]]:
        return await self.post(user, text=text)

    async def click(self, user: str, message: Any, label: str) -> list[dict[str, Any]]:
        """Click a button of replies or of a notice (both carry `choices`)."""
        items = message if isinstance(message, list) else [message]
        return await self.post(user, action=json_action(items, label))

    async def submit(self, user: str, replies: list[dict[str, Any]], **values: str) -> Any:
        form = next(r["form"] for r in replies if r.get("form"))
        return await self.post(user, form={"id": form["id"], "values": values})

    async def log(self, user: str, kind: str, values: dict[str, str]) -> str:
        word = {"need": "behov", "issue": "ärende"}[kind]
        await self.say(user, word)
        replies = await self.post(user, action={"id": "intake:form", "value": kind})
        replies = await self.submit(user, replies, **values)
        new = [c for r in replies for c in r.get("choices", []) if c["id"] == "intake:new"]
        if new:  # something similar exists: this one is new all the same
            replies = await self.post(user, action={"id": new[0]["id"], "value": new[0]["value"]})
        assert replies[0].get("style") == "success", replies
        match = REF_PATTERN.search(replies[0]["text"])
        assert match is not None
        return match.group(0)

    async def news(self, user: str, *, direct: bool = True) -> list[dict[str, Any]]:
        """What the bot said to this person (or in channels) since the last look."""
        response = await self.client.get(
            "/api/webchat/inbox", params={"user": user, "after": str(self.seen.get(user, 0))}
        )
        messages = (await response.json())["messages"]
        if messages:
            self.seen[user] = messages[-1]["seq"]
        return [m for m in messages if m["direct"] == direct or not direct]

    async def told(self, user: str) -> list[dict[str, Any]]:
        return [m for m in await self.news(user) if m["direct"]]


@pytest.fixture
async def web_(bot: Bot, aiohttp_client: ClientFactory) -> Web:
    return Web(await aiohttp_client(web_app(bot)), bot)


def labels(message: dict[str, Any]) -> list[str]:
    return [c["label"] for c in message.get("choices", [])]


def history(bot: Bot, ref_number: int = 1, kind: str = "issue") -> list[tuple[str, ...]]:
    return [
        (r["actor_name"], r["field"], r["old"], r["new"])
        for r in bot.db.query(
            "SELECT h.* FROM history h JOIN entries e ON e.id = h.entry_id "
            "WHERE e.kind = ? AND e.number = ? ORDER BY h.id",
            [kind, ref_number],
        )
    ]


# -- a new entry reaches its handlers -----------------------------------------------------


async def test_a_new_issue_reaches_the_project_of_its_unit_with_buttons(web_: Web) -> None:
    ref = await web_.log("anna", "issue", ISSUE)
    assert ref == "ÄRE-1"
    # Avdelning 5 belongs to the project Verksamhetens införande & mottagande: its lead hears.
    [notice] = await web_.told("linnea")
    assert notice["text"] == (
        "Nytt ärende att hantera: ÄRE-1 ”Journalen hänger vid inloggning” från Anna Lindqvist "
        "– Avdelning 5 · brådska: Hög"
    )
    assert labels(notice) == HANDLER_BUTTONS
    assert await web_.told("bertil") == [] and await web_.told("david") == []
    # An issue from a unit of no project goes to the programme office.
    await web_.log("omar", "issue", {**ISSUE, "title": "Printer queue stuck", "unit": "Röntgen"})
    [notice] = await web_.told("bertil")
    assert notice["text"].startswith("Nytt ärende att hantera: ÄRE-2 ”Printer queue stuck”")


async def test_a_handler_acts_from_the_notice_and_the_reporter_hears_of_it(
    web_: Web, bot: Bot
) -> None:
    await web_.log("anna", "issue", ISSUE)
    [notice] = await web_.told("linnea")
    replies = await web_.click("linnea", notice, "Ta")
    assert text_of(replies) == "ÄRE-1 är tilldelat Linnea Forsberg."
    [heard] = await web_.told("anna")
    assert heard["text"] == (
        "Ditt ärende ÄRE-1 ”Journalen hänger vid inloggning” har fått status pågår (Linnea Forsberg)."
    )
    assert labels(heard) == ["Visa", "Kommentera"]
    replies = await web_.click("linnea", notice, "Löst")
    assert text_of(replies) == "ÄRE-1 har nu status löst."
    [heard] = await web_.told("anna")
    assert labels(heard) == ["Ja, det är löst", "Inte löst – öppna igen", "Visa"]


async def test_a_need_reaches_the_needs_function_and_a_change_its_channel_too(
    web_: Web,
) -> None:
    await web_.log("anna", "need", NEED)
    [notice] = await web_.told("helena")
    assert notice["text"].startswith("Nytt behov att hantera: BEH-1 ”Skrivare saknas i korridoren”")
    assert [m for m in await web_.news("anna", direct=False) if not m["direct"]] == []
    await web_.say("anna", "ändring")
    replies = await web_.post("anna", action={"id": "intake:form", "value": "change"})
    values = {
        "what": "Flytta utbildningen en vecka",
        "why": "Lokalerna är upptagna",
        "impact_scope": "Ingen",
        "impact_time": "En vecka",
        "impact_budget": "Ingen",
    }
    await web_.submit("anna", replies, **values)
    for person in ("david", "bertil"):
        [heard] = await web_.told(person)
        assert heard["text"].startswith("Ny ändringsbegäran att hantera: ÄND-1")
    posts = [m for m in await web_.news("anna", direct=False) if not m["direct"]]
    assert [(p["channel"], labels(p)[:2]) for p in posts] == [
        ("#fvis-programledning", ["Visa", "Ta"])
    ]


# -- the conversation around an entry -----------------------------------------------------


async def test_comments_go_between_reporter_and_whoever_answers_for_it(web_: Web) -> None:
    await web_.log("anna", "issue", ISSUE)
    await web_.told("linnea")
    # Nobody has taken it: the reporter's comment reaches the handler group.
    await web_.say("anna", "kommentera ÄRE-1 Det hänger fortfarande efter omstart")
    [heard] = await web_.told("linnea")
    assert heard["text"] == (
        "Anna Lindqvist, som rapporterat ÄRE-1 ”Journalen hänger vid inloggning”, skriver: "
        "Det hänger fortfarande efter omstart"
    )
    assert labels(heard) == HANDLER_BUTTONS
    # Taken by the programme office: from now on the assignee hears the reporter.
    await web_.say("bertil", "tilldela ÄRE-1 mig")
    await web_.told("anna")
    await web_.say("anna", "kommentera ÄRE-1 Nu hänger även utskriften")
    assert [m["text"][:40] for m in await web_.told("bertil")] == [
        "Anna Lindqvist, som rapporterat ÄRE-1 ”J"
    ]
    assert await web_.told("linnea") == []
    # The handler answers from the button: a form, and the reporter hears the answer.
    replies = await web_.click("bertil", heard, "Kommentera")
    replies = await web_.submit("bertil", replies, text="Vi byter nätverkskort i morgon")
    assert text_of(replies) == "Kommentaren är sparad på ÄRE-1."
    [answer] = await web_.told("anna")
    assert answer["text"] == (
        "Bertil Nordin kommenterade ditt ärende ÄRE-1 ”Journalen hänger vid inloggning”: "
        "Vi byter nätverkskort i morgon"
    )


async def test_the_reporter_reopens_and_the_assignee_hears_why(web_: Web, bot: Bot) -> None:
    await web_.log("anna", "issue", ISSUE)
    await web_.told("linnea")
    await web_.say("linnea", "tilldela ÄRE-1 mig")
    await web_.say("linnea", "status ÄRE-1 löst")
    await web_.told("anna")
    # Too early: an open entry is not reopened.
    replies = await web_.say("anna", "öppna igen ÄRE-2 Hänger")
    assert replies[0]["style"] == "error"
    replies = await web_.say("anna", "öppna igen ÄRE-1")
    assert replies[0]["form"]["id"] == "reopen:ÄRE-1"  # why, asked in a form
    replies = await web_.submit("anna", replies, reason="Det hänger fortfarande efter omstart")
    assert text_of(replies) == (
        "ÄRE-1 har öppnats igen och har status pågår. Den som handlägger har fått besked."
    )
    [heard] = await web_.told("linnea")
    assert heard["text"] == (
        "Anna Lindqvist öppnade ÄRE-1 ”Journalen hänger vid inloggning” igen: "
        "Det hänger fortfarande efter omstart"
    )
    assert ("Anna Lindqvist", "reopened", "", "Det hänger fortfarande efter omstart") in history(
        bot
    )
    # Someone else cannot reopen it; the handler uses status.
    await web_.say("linnea", "status ÄRE-1 löst")
    replies = await web_.say("omar", "reopen ARE-1 still freezing")
    assert replies[0]["style"] == "error"


async def test_an_english_reporter_reopens_with_the_english_words(web_: Web) -> None:
    await web_.log("omar", "issue", {**ISSUE, "title": "Record freezes", "unit": "Akuten"})
    await web_.told("linnea")
    await web_.say("linnea", "status ÄRE-1 löst")
    [notice] = await web_.told("omar")
    assert notice["text"] == (
        "Your issue ÄRE-1 “Record freezes” now has status resolved (Linnea Forsberg)."
    )
    # A comment on a resolved issue reaches the handler, and the reporter is asked: reopen?
    replies = await web_.say("omar", "comment ARE-1 still freezing, not resolved")
    assert replies[1]["text"] == t("en", "comment_on_resolved", ref="ÄRE-1")
    assert labels(replies[1])[:2] == ["Yes, it is fixed", "Not fixed – reopen"]
    [heard] = await web_.told("linnea")
    assert heard["text"] == (
        "Omar Haddad, som rapporterat ÄRE-1 ”Record freezes”, skriver: still freezing, not resolved"
    )
    replies = await web_.say("omar", "reopen ARE-1 still freezing, not resolved")
    assert (
        text_of(replies) == "ÄRE-1 is reopened with status new. Whoever handles it has been told."
    )
    [heard] = await web_.told("linnea")
    assert heard["text"].endswith("igen: still freezing, not resolved")


async def test_the_reporter_confirms_the_fix_and_it_is_closed(web_: Web, bot: Bot) -> None:
    await web_.log("anna", "issue", ISSUE)
    await web_.told("linnea")
    await web_.say("linnea", "tilldela ÄRE-1 mig")
    await web_.say("linnea", "status ÄRE-1 löst")
    notices = await web_.told("anna")
    replies = await web_.click("anna", notices[-1], "Ja, det är löst")
    assert text_of(replies) == "Tack! ÄRE-1 har stängts. Den som löste det har fått besked."
    row = next(iter(bot.db.query("SELECT status FROM entries")))
    assert row["status"] == "closed"
    [heard] = await web_.told("linnea")
    assert heard["text"] == (
        "Anna Lindqvist bekräftar att ÄRE-1 ”Journalen hänger vid inloggning” är löst; "
        "det har stängts."
    )


# -- escalation ---------------------------------------------------------------------------


async def test_escalation_asks_why_confirms_and_tells_the_next_level(web_: Web, bot: Bot) -> None:
    await web_.log("anna", "issue", ISSUE)
    [notice] = await web_.told("linnea")
    replies = await web_.click("linnea", notice, "Eskalera")
    assert replies[0]["text"] == (
        "Varför ska ÄRE-1 eskaleras till programnivå? Skälet följer med beskedet till dem."
    )
    replies = await web_.submit("linnea", replies, reason="Leverantören svarar inte projektet")
    assert text_of(replies) == (
        "Eskalera ÄRE-1 ”Journalen hänger vid inloggning” till programnivå?\n"
        "Skäl: Leverantören svarar inte projektet\n"
        "Besked går till: David Berg, Bertil Nordin"
    )
    assert await web_.told("david") == []  # nothing before the confirmation
    confirm = replies
    replies = await web_.click("linnea", confirm, "Ja, eskalera")
    assert text_of(replies) == (
        "ÄRE-1 är eskalerat till programnivå.\nBesked gick till David Berg, Bertil Nordin."
    )
    for person in ("david", "bertil"):
        [heard] = await web_.told(person)
        assert heard["text"] == (
            "ÄRE-1 ”Journalen hänger vid inloggning” är eskalerat till programnivå av Linnea Forsberg.\n"
            "Skäl: Leverantören svarar inte projektet\n"
            "Rapporterat av Anna Lindqvist – Avdelning 5 · brådska: Hög"
        )
        assert "Eskalera" in labels(heard)
    [told] = await web_.told("anna")
    assert told["text"].endswith(
        "är eskalerat till programnivå. Skäl: Leverantören svarar inte projektet"
    )
    assert history(bot)[-3:] == [
        ("Linnea Forsberg", "escalation_level", "project", "programme"),
        ("Linnea Forsberg", "escalation_reason", "", "Leverantören svarar inte projektet"),
        ("Linnea Forsberg", "status", "new", "escalated"),
    ]
    # A second click on the same confirmation does nothing twice.
    again = await web_.click("linnea", confirm, "Ja, eskalera")
    assert again[0]["style"] == "error"
    assert await web_.told("david") == []


async def test_the_steering_group_is_told_and_may_read_and_answer(web_: Web, bot: Bot) -> None:
    await web_.log("anna", "issue", ISSUE)
    for person, reason in (("linnea", "Projektet räcker inte"), ("david", "Kräver budget")):
        replies = await web_.say(person, f"eskalera ÄRE-1 {reason}")
        await web_.click(person, replies, "Ja, eskalera")
    for person in ("greta", "gustav"):
        [heard] = await web_.told(person)
        assert heard["text"].startswith(
            "ÄRE-1 ”Journalen hänger vid inloggning” är eskalerat till programstyrgruppen av "
            "David Berg.\nSkäl: Kräver budget"
        )
        # Not handlers: they may read it and answer, nothing more.
        assert labels(heard) == ["Visa", "Kommentera"]
    replies = await web_.click("greta", heard, "Visa")
    assert "Eskaleringsnivå: Programstyrgrupp" in text_of(replies)
    await web_.say("greta", "kommentera ÄRE-1 Tas upp på mötet den 3 december")
    assert "Greta Lundberg kommenterade" in (await web_.told("anna"))[-1]["text"]
    replies = await web_.say("david", "eskalera ÄRE-1 Igen")
    assert text_of(replies) == t("sv", "escalate_top", ref="ÄRE-1")


async def test_only_issues_escalate_and_cancel_changes_nothing(web_: Web, bot: Bot) -> None:
    await web_.log("anna", "need", NEED)
    replies = await web_.say("helena", "eskalera BEH-1 Viktigt")
    assert text_of(replies) == t("sv", "escalate_route.need", ref="BEH-1")
    await web_.log("anna", "issue", ISSUE)
    replies = await web_.say("linnea", "eskalera ÄRE-1 Viktigt")
    replies = await web_.click("linnea", replies, "Avbryt")
    assert text_of(replies) == "Inget eskalerades; ÄRE-1 är som förut."
    row = next(iter(bot.db.query("SELECT escalation_level FROM entries WHERE kind = 'issue'")))
    assert row["escalation_level"] == "project"


async def test_an_automatic_escalation_is_recorded_as_the_rule(web_: Web, bot: Bot) -> None:
    await web_.say("anna", "avvikelse")
    replies = await web_.post("anna", action={"id": "intake:form", "value": "deviation"})
    values = {
        "type": "near_miss",
        "what": "Fel lista visades",
        "when": "igår kl 9",
        "unit": "Avdelning 5",
        "area": "it",
        "category": "it_failure",
        "consequence": "4",
        "probability": "3",
        "lex_maria": "no",
    }
    await web_.submit("anna", replies, **values)
    assert history(bot, kind="deviation")[1:] == [
        ("Regel: riskvärde 12 ≥ 8", "escalation_level", "project", "programme"),
        ("Regel: riskvärde 12 ≥ 8", "status", "new", "escalated"),
        # Programplan 7.7: the unit's line organisation is told by name, also by a rule.
        (
            "Regel: flaggad avvikelse vid införandet",
            "told_medically_responsible",
            "",
            "Maria Sandberg",
        ),
        ("Regel: flaggad avvikelse vid införandet", "told_line_manager", "", "Lena Holmgren"),
    ]


# -- the same thing reported twice --------------------------------------------------------


async def test_the_same_thing_is_joined_not_logged_twice(web_: Web, bot: Bot) -> None:
    await web_.log("anna", "need", NEED)
    await web_.told("helena")
    replies = await web_.say("omar", "need Skrivare saknas i korridoren på avdelning 5")
    assert replies[0]["text"] == t("en", "similar_found")
    assert replies[1]["text"] == (
        "BEH-1 “Skrivare saknas i korridoren” · New · 1 have reported this"
    )
    replies = await web_.click("omar", replies, "Same thing – add me")
    assert text_of(replies) == (
        "Thank you! You are added to BEH-1 – 2 have now reported this. You will hear from me "
        "here when something happens to it."
    )
    assert [r["kind"] for r in bot.db.query("SELECT kind FROM entries")] == ["need"]
    [heard] = await web_.told("helena")
    assert heard["text"] == (
        "Omar Haddad har också rapporterat BEH-1 ”Skrivare saknas i korridoren” – nu har 2 "
        "rapporterat detta."
    )
    replies = await web_.say("helena", "visa BEH-1")
    assert "2 har rapporterat detta" in text_of(replies)
    replies = await web_.say("helena", "lista öppna")
    assert "BEH-1 · Ny · medel · Skrivare saknas i korridoren · nyss · 2 har rapporterat detta" in (
        text_of(replies)
    )
    # The joiner hears of every change, like the first reporter, and sees it among their own.
    await web_.say("helena", "status BEH-1 pågår")
    assert [m["text"][:20] for m in await web_.told("omar")] == ["Your need BEH-1 “Skr"]
    assert [m["text"][:20] for m in await web_.told("anna")] == ["Ditt behov BEH-1 ”Sk"]
    replies = await web_.say("omar", "list mine")
    assert "BEH-1" in text_of(replies)
    assert "BEH-1" in text_of(await web_.say("omar", "show BEH-1"))
    # The register in Word counts them too.
    [reply] = await web_.say("david", "rapport register behov")
    document = open_docx(await (await web_.client.get(reply["file"]["url"])).read())
    cells = {cell.text for table in document.tables for row in table.rows for cell in row.cells}
    assert "Anna Lindqvist (2 har rapporterat detta)" in cells


async def test_a_form_offers_the_similar_entry_and_saves_as_new_when_asked(
    web_: Web, bot: Bot
) -> None:
    await web_.log("anna", "need", NEED)
    await web_.say("omar", "need")
    replies = await web_.post("omar", action={"id": "intake:form", "value": "need"})
    replies = await web_.submit("omar", replies, **{**NEED, "benefit": ""})
    assert t("en", "similar_same") in [c["label"] for r in replies for c in r.get("choices", [])]
    assert bot.db.execute("SELECT COUNT(*) FROM entries").fetchone()[0] == 1
    replies = await web_.click("omar", replies, t("en", "similar_new_form"))
    assert text_of(replies).startswith("Thank you! Saved as BEH-2.")
    # The choice is used up: a second click saves nothing more.
    again = await web_.post("omar", action={"id": "intake:new", "value": "used-up"})
    assert again[0]["style"] == "error"
    assert bot.db.execute("SELECT COUNT(*) FROM entries").fetchone()[0] == 2


# -- lists that fit the work --------------------------------------------------------------


async def test_queues_are_sorted_by_urgency_then_age_with_the_age_shown(
    web_: Web, bot: Bot, clock: Any
) -> None:
    await web_.log("anna", "issue", {**ISSUE, "title": "Gammalt och lågt", "urgency": "low"})
    clock.advance(days=3)
    await web_.log("anna", "issue", {**ISSUE, "title": "Akut inloggning", "urgency": "critical"})
    clock.advance(hours=5)
    await web_.log("anna", "issue", {**ISSUE, "title": "Nytt och lågt", "urgency": "low"})
    await web_.say("linnea", "tilldela ÄRE-3 mig")
    replies = await web_.say("linnea", "lista öppna")
    assert text_of(replies).splitlines() == [
        "3 att hantera, mest brådskande och äldst först:",
        "ÄRE-2 · Ny · akut · Akut inloggning · 5 tim",
        "ÄRE-1 · Ny · låg · Gammalt och lågt · 3 dagar",
        "ÄRE-3 · Pågår · låg · Nytt och lågt · nyss",
    ]
    replies = await web_.say("linnea", "lista otilldelade")
    assert [line[:5] for line in text_of(replies).splitlines()[1:]] == ["ÄRE-2", "ÄRE-1"]
    replies = await web_.say("linnea", "lista mina att hantera")
    assert text_of(replies).splitlines()[1:] == ["ÄRE-3 · Pågår · låg · Nytt och lågt · nyss"]
    replies = await web_.post("linnea", text="list assigned to me", locale="en")
    assert text_of(replies).splitlines()[1:] == [
        "ÄRE-3 · In progress · low · Nytt och lågt · just now"
    ]
    replies = await web_.say("anna", "lista otilldelade")
    assert text_of(replies) == t("sv", "forbidden_triage")


# -- notices one by one, or a daily digest ------------------------------------------------


async def test_a_handler_may_take_new_entries_in_a_daily_digest(web_: Web, bot: Bot) -> None:
    replies = await web_.say("helena", "notiser dagligen")
    assert text_of(replies) == t("sv", "notices_daily")
    await web_.log("anna", "need", NEED)
    await web_.log("omar", "need", {**NEED, "title": "Headsets for the phones", "description": "x"})
    assert await web_.told("helena") == []
    assert bot.digest is not None
    assert await bot.digest.send() == 1
    [digest] = await web_.told("helena")
    assert digest["text"].splitlines() == [
        "Sammanfattning: 2 nya poster att hantera sedan sist:",
        "BEH-1 · Ny · medel · Skrivare saknas i korridoren · nyss",
        "BEH-2 · Ny · medel · Headsets for the phones · nyss",
    ]
    assert labels(digest) == ["BEH-1", "BEH-2", "Lista otilldelade"]
    assert await bot.digest.send() == 0  # sent once
    await web_.say("helena", "notiser direkt")
    await web_.log("anna", "need", {**NEED, "title": "Fler laddare", "description": "y"})
    assert len(await web_.told("helena")) == 1


# -- reporters are not asked what they cannot know ----------------------------------------


async def test_unit_from_the_text_or_the_profile_and_benefit_may_be_unknown(
    web_: Web, bot: Bot
) -> None:
    replies = await web_.say("anna", "behov Vi behöver fler datorer på avd 5")
    # "på avd 5" named the unit; the benefit objective may be unknown.
    assert replies[0]["text"] == t("sv", "ask.benefit")
    replies = await web_.click("anna", replies, "Vet inte")
    assert "Enhet: Avdelning 5" in text_of(replies)
    assert "Nyttoobjekt: –" in text_of(replies)
    await web_.click("anna", replies, "Spara")
    replies = await web_.say("helena", "nyttoobjekt BEH-1 2")
    assert text_of(replies) == "BEH-1 har nu nyttoobjekt 2."
    # Sara's unit is in her profile: not asked, proposed in the summary.
    replies = await web_.say("sara", "ärende Kan inte skriva ut remisser")
    assert "Enhet: Akuten (förslag)" in text_of(replies)
    assert t("sv", "ask.unit") not in text_of(replies)


async def test_a_new_entry_nobody_could_be_told_of_goes_to_the_programme_channel(
    tmp_path: Any, clock: Any, aiohttp_client: ClientFactory
) -> None:
    import yaml

    from bot.app.build import build
    from bot.config import Settings
    from bot.domain.programme import demo_programme_data

    data = demo_programme_data()
    for person in data["people"]:
        if person["id"] == "jonas":
            person["accounts"] = {"slack": "U0JONAS"}  # not in the web chat, the only platform
    data["handling"] = [{"kind": "risk", "group": "Riskhantering", "people": ["jonas"]}]
    path = tmp_path / "programme.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    bot = build(Settings(db_path=tmp_path / "other.db", programme_file=path), clock=clock)
    try:
        other = Web(await aiohttp_client(web_app(bot)), bot)
        await other.say("anna", "risk")
        replies = await other.post("anna", action={"id": "intake:form", "value": "risk"})
        values = {"description": "Leveransen kan bli sen", "probability": "2",
                  "consequence": "3", "owner": "David Berg"}  # fmt: skip
        await other.submit("anna", replies, **values)
        posts = [m for m in await other.news("anna", direct=False) if not m["direct"]]
        assert [(p["channel"], p["text"]) for p in posts] == [
            ("#fvis-program", t("sv", "notice.nobody_reached", ref="RIS-1"))
        ]
        audit = [r["detail"] for r in bot.db.query("SELECT * FROM audit")]
        assert audit == [""]  # only the creation: nobody was tried on a platform not running
    finally:
        bot.close()


async def test_a_handler_who_logs_an_entry_is_not_told_of_it(web_: Web) -> None:
    await web_.log("linnea", "issue", ISSUE)
    assert await web_.told("linnea") == []
    assert await web_.told("bertil") == []
